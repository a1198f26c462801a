"""Running ``draftkit diff`` as a user does, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def diff(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1741046400"}
    return subprocess.run(
        [sys.executable, "-m", "draftkit", "diff", *map(str, args)],
        cwd=cwd or FIXTURES,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=Test", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


# Two operative paragraphs of the example resolution, swapped to make a move.
FIRST = "  - strengthen-cross-sector-collaboration\n"
SECOND = "  - include-womens-rights-in-state-programmes\n"

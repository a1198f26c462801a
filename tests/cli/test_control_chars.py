"""Control characters written as escapes in quoted YAML strings: refused at their line,
by every command, before a writer or a template could be blamed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.helpers import Project, assert_fails_cleanly, env, line_of

CLAUSE_TEXT = "text: all partners to act in {city}, in particular"


@pytest.mark.parametrize("escape", ["\\x01", "\\0", "\\e[31m", "\\x7f\\x0b"])
@pytest.mark.parametrize("command", [("check",), ("build", "-f", "docx")])
def test_a_control_character_in_a_clause_is_refused(
    project: Callable[..., Project], escape: str, command: tuple[str, ...]
) -> None:
    p = project()
    text = p.edit("clauses/x.yaml", CLAUSE_TEXT, f'text: "all partners{escape} to act"')
    lines = assert_fails_cleanly(p.run(*command))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: clauses/x.yaml:{line_of(text, 'partners')}: ")
    assert "control character (U+00" in lines[0]
    assert p.files() == {}


def test_a_redline_of_texts_with_control_characters_is_refused(
    project: Callable[..., Project], tmp_path: Path
) -> None:
    p = project()
    old = p.root / "clauses"
    new = tmp_path / "new"
    new.mkdir()
    text = p.read("clauses/x.yaml").replace(CLAUSE_TEXT, 'text: "all partners\\x01 to act"')
    (new / "x.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "redline.docx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "draftkit",
            "diff",
            str(old),
            str(new),
            "-f",
            "docx",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "control character (U+0001)" in result.stderr
    assert not out.exists()

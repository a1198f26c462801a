"""The locked environment: the tests run against the lock, and a stale lock is named."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pins(lock: Path) -> dict[str, tuple[str, str | None]]:
    found = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            found[match.group(1).lower()] = (match.group(2), match.group(3))
    return found


def test_the_tests_run_against_the_locked_versions() -> None:
    from packaging.markers import Marker

    locked = pins(REPO / "requirements" / "test.txt")
    assert {"babel", "weasyprint", "python-docx", "typer", "jinja2"} <= set(locked)
    wrong = {}
    for name, (pinned, marker) in locked.items():
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = None
        if installed != pinned:
            wrong[name] = (pinned, installed)
    assert wrong == {}, "installed versions differ from requirements/test.txt: run 'make setup'"


def _copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "tools").mkdir(parents=True)
    shutil.copy(REPO / "tools" / "lockcheck.py", root / "tools")
    shutil.copy(REPO / "pyproject.toml", root)
    shutil.copytree(REPO / "requirements", root / "requirements")
    return root


def _lockcheck(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "tools" / "lockcheck.py")],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_committed_locks_match_pyproject(tmp_path: Path) -> None:
    result = _lockcheck(_copy_project(tmp_path))
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("pyproject.toml", '"jinja2>=3.1.6",', '"jinja2>=3.1.6",\n    "polib>=1.2",'),
        ("pyproject.toml", '"pytest>=8",', '"pytest>=9",'),
        ("requirements/constraints.in", "typer<0.29", "typer<0.28"),
    ],
    ids=["new dependency", "changed test range", "changed constraint"],
)
def test_a_stale_lock_is_one_line_naming_the_fix(
    tmp_path: Path, path: str, old: str, new: str
) -> None:
    root = _copy_project(tmp_path)
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = _lockcheck(root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "run 'make lock'" in lines[0], lines
    assert lines[0].startswith("requirements/")


def test_comments_do_not_make_a_lock_stale(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    constraints = root / "requirements" / "constraints.in"
    constraints.write_text("# a new note\n" + constraints.read_text("utf-8"), "utf-8")
    assert _lockcheck(root).returncode == 0

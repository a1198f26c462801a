"""Files the user cannot fix by reading a traceback: each is one error line, exit 1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.cli.helpers import REPO, Project, assert_fails_cleanly, env, run


def test_a_style_sheet_not_in_utf8_is_named_at_its_line(
    project: Callable[..., Project],
) -> None:
    p = project()
    css = (REPO / "templates" / "pdf" / "document.css").read_bytes()
    p.write("templates/pdf/document.css", css + b"\n/* caf\xe9 */\n")
    lines = assert_fails_cleanly(p.run("build", "-f", "pdf"))
    line = css.count(b"\n") + 2
    assert lines == [
        f"error: templates/pdf/document.css:{line}: not UTF-8 text "
        "(byte 0xE9: invalid continuation byte) (hint: save the style sheet as UTF-8)"
    ]
    assert p.files() == {}


def test_new_onto_a_dangling_link_leaves_it(tmp_path: Path) -> None:
    link = tmp_path / "proj"
    link.symlink_to(tmp_path / "gone")
    lines = assert_fails_cleanly(run("new", "proj", cwd=tmp_path))
    assert len(lines) == 1 and "does not exist" in lines[0]
    assert link.is_symlink() and not (tmp_path / "gone").exists()


def test_new_where_no_folder_can_be_made(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    lines = assert_fails_cleanly(run("new", "a-file/proj", cwd=tmp_path))
    assert len(lines) == 1 and lines[0].startswith("error: cannot create a-file/proj:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_deleted_current_folder_is_one_error(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    # The child starts inside the folder, which is removed before draftkit looks at it.
    script = (
        "import os, runpy, sys; os.rmdir(os.getcwd()); sys.argv = ['draftkit', 'check'];"
        " runpy.run_module('draftkit', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=gone, capture_output=True, text=True, env=env()
    )
    lines = assert_fails_cleanly(result)
    assert lines == [
        "error: the current folder no longer exists"
        " (hint: cd into a project folder (it may have been deleted or renamed))"
    ]

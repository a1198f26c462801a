"""A project names only paths inside its folder; the command line may name any."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.helpers import CONFIG, Project, assert_fails_cleanly, line_of


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('output = "build"', 'output = "../outside"', "output"),
        ('output = "build"', 'output = "/tmp/outside"', "output"),
        ('sources = ["sources.yaml"]', 'sources = ["../secret.yaml"]', "sources"),
        ('sources = ["sources.yaml"]', 'sources = ["sources.yaml", "/etc/passwd"]', "sources"),
    ],
)
@pytest.mark.parametrize("command", [("check",), ("build", "-f", "html")])
def test_a_path_leaving_the_project_is_refused(
    project: Callable[..., Project], old: str, new: str, key: str, command: tuple[str, ...]
) -> None:
    assert old in CONFIG
    p = project({"draftkit.toml": CONFIG.replace(old, new)})
    (p.root.parent / "secret.yaml").write_text("sources: []\n", encoding="utf-8")
    lines = assert_fails_cleanly(p.run(*command))
    line = line_of(p.read("draftkit.toml"), f"{key} =")
    assert len(lines) == 1 and lines[0].startswith(f"error: draftkit.toml:{line}: '{key}'")
    assert not (p.root.parent / "outside").exists()


def test_a_symlink_out_of_the_project_is_refused(project: Callable[..., Project]) -> None:
    p = project({"draftkit.toml": CONFIG.replace('output = "build"', 'output = "out"')})
    (p.root.parent / "elsewhere").mkdir()
    (p.root / "out").symlink_to(p.root.parent / "elsewhere")
    lines = assert_fails_cleanly(p.run("build", "-f", "html"))
    assert "'output' in [project] leaves the project folder" in lines[0]
    assert list((p.root.parent / "elsewhere").iterdir()) == []


def test_the_command_line_may_write_elsewhere(project: Callable[..., Project]) -> None:
    p = project()
    target: Path = p.root.parent / "chosen"
    result = p.run("build", "-f", "html", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "en" / "d.html").is_file()


def test_documents_of_two_projects_are_not_built_together(
    project: Callable[..., Project],
) -> None:
    mine = project(name="mine")
    other = project(name="other")
    other.edit("documents/d.yaml", "title: RESOLUTION OF THE FORUM", "title: OTHER")
    result = mine.run("build", str(other.root / "documents/d.yaml"), "documents/d.yaml")
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1 and "belongs to another project" in lines[0], lines
    assert not (mine.root / "build").exists() and not (other.root / "build").exists()

"""``draftkit serve --diff REV``: each document's changes since a git revision, as the HTML
report of ``draftkit diff REV --document`` shows them, made again at each change."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import Project, make_project
from tests.serve.helpers import Events, Server, frames

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(project: Project, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project.root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    made = make_project(tmp_path / "p")
    git(made, "init", "-q")
    return made


@pytest.mark.parametrize("rev", ["--output=out.tar", "no-such-rev"])
def test_what_is_not_a_revision_is_refused(project: Project, rev: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "one")
    result = project.run("serve", f"--diff={rev}")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: --diff: unknown revision '{rev}' (hint: name a commit, branch or tag of "
        "the project's git repository (git log))"
    ]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (project.root / "out.tar").exists()


def test_outside_a_git_repository_it_is_said(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    result = project.run("serve", "--diff", "HEAD")
    assert result.returncode == 1
    assert "is not in a git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_changes_since_the_revision_follow_the_edits(project: Project) -> None:
    git(project, "add", "clauses", "draftkit.toml")
    git(project, "commit", "-q", "-m", "clauses, no document yet")
    running = Server(project, "--diff", "HEAD")
    try:
        events = Events(running)
        state = events.next()
        # A document that is new since the revision: said in its diff column; shown.
        assert [c["title"] for c in state["columns"]] == [
            "documents/d.yaml [en]",
            "changes since HEAD: documents/d.yaml",
        ]
        assert state["error"] is None
        assert "no diff: " in state["columns"][1]["html"]
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", "the document")
        project.edit("clauses/x.yaml", "all partners to act", "all <partners> to act")
        state = events.until(lambda s: "<ins>" in s["columns"][1]["html"])
        report = state["columns"][1]["html"]
        assert "<del>HEAD</del> → <ins>working tree</ins>" in report
        assert "all <ins>&lt;</ins>partners<ins>&gt;</ins> to act" in report  # escaped
        assert "<partners>" not in report
        page = running.page()
        assert "<ins>&lt;</ins>partners" in frames(page)[1]
        assert "/download/en/d.docx" in page  # the document's downloads; none for the diff
        assert page.count('href="/download/') == 3
        # The revision moves (a commit): the next save compares with the new commit.
        git(project, "commit", "-q", "-am", "partners")
        project.edit("clauses/x.yaml", "in local councils", "in village councils")
        state = events.until(lambda s: "village" in s["columns"][0]["html"])
        report = state["columns"][1]["html"]
        assert "<del>local</del>" in report and "<ins>village</ins>" in report
        assert "&lt;</ins>" not in report
    finally:
        running.stop()

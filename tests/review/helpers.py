"""Shared by the review tests: a copy of the example project, the CLI, a built DOCX."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

SPEC = "documents/civic-forum-2025.yaml"
PROJECT_PARTS = ("draftkit.toml", "clauses", "documents", "locales", "sources.yaml")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    return dest


def draftkit(*args: object, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "draftkit", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def build_docx(project: Path, lang: str = "en") -> Path:
    result = draftkit("build", SPEC, "-f", "docx", "--lang", lang, cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "build" / lang / "civic-forum-2025.docx"


def snapshot(project: Path) -> dict[str, bytes]:
    """Every file of the project but the build outputs, by path."""
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted(project.rglob("*"))
        if p.is_file() and "build" not in p.relative_to(project).parts
    }

"""Fixtures of the CLI tests: a tiny valid project, and the starter of ``draftkit new``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.helpers import Project, make_project, run


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Project]:
    """A factory: ``project({"clauses/x.yaml": text})`` is the base project with that file."""

    def factory(files: dict[str, str | None] | None = None, name: str = "proj") -> Project:
        return make_project(tmp_path / name, files)

    return factory


@pytest.fixture(scope="session")
def starter_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``draftkit new`` run once; tests copy the result instead of running it again."""
    parent = tmp_path_factory.mktemp("starter")
    result = run("new", "starter", cwd=parent)
    assert result.returncode == 0, result.stderr
    return parent / "starter"


@pytest.fixture
def starter(starter_template: Path, tmp_path: Path) -> Project:
    target = tmp_path / "starter"
    shutil.copytree(starter_template, target)
    return Project(target)


@pytest.fixture(scope="module")
def built_starter_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The starter built once as DOCX and PDF (the slow part), copied by each test."""
    parent = tmp_path_factory.mktemp("built-starter")
    assert run("new", "starter", cwd=parent).returncode == 0
    root = parent / "starter"
    result = run("build", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def built_starter(built_starter_template: Path, tmp_path: Path) -> Project:
    target = tmp_path / "built"
    shutil.copytree(built_starter_template, target)  # copy2: bytes and mtimes preserved
    return Project(target)

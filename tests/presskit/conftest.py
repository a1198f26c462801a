"""Fixtures of the press kit tests: a copy of the example project, its press kit built once.

The kit is built once per session through the CLI (``--jobs 2``, as a user would); tests
that change an input copy the built project first, so they start from a warm cache.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import REPO, run

EXAMPLE_PARTS = (
    "draftkit.toml",
    "sources.yaml",
    "clauses",
    "documents",
    "events",
    "organisations",
    "locales",
)
KIT_EVENT = "events/civic-forum-2025.yaml"


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in EXAMPLE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def kit_folder(root: Path) -> Path:
    return root / "build" / "presskit" / "civic-forum-2025"


def manifest(root: Path) -> dict:
    return json.loads((kit_folder(root) / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_kit_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example project with its press kit built (cold); and what the build printed."""
    root = copy_example(tmp_path_factory.mktemp("kit") / "example")
    result = run("presskit", KIT_EVENT, "--jobs", "2", cwd=root)
    assert result.returncode == 0, result.stderr
    return root, result.stdout


@pytest.fixture
def built_kit(built_kit_template: tuple[Path, str], tmp_path: Path) -> Path:
    """A private copy of the built kit (mtimes and bytes kept) for a test to change."""
    root = tmp_path / "example"
    shutil.copytree(built_kit_template[0], root)
    return root

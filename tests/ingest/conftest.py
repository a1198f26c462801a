"""Fixtures of the import tests: the example resolution written as DOCX once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.fsutil import BuildClock
from draftkit.project import Project
from tests.conftest import EXAMPLE, assemble_file, render


@pytest.fixture(scope="session")
def example_docx(example_project: Project, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A function: the example resolution as draftkit writes it in ``lang``."""
    folder = tmp_path_factory.mktemp("example-docx")
    made: dict[str, Path] = {}

    def make(lang: str = "en") -> Path:
        if lang not in made:
            assembled = assemble_file(example_project, EXAMPLE, lang)
            clock = BuildClock.for_document(assembled.document.meta.date)
            path = folder / lang / "civic-forum-2025.docx"
            path.parent.mkdir()
            path.write_bytes(render(assembled, "docx", clock))
            made[lang] = path
        return made[lang]

    return make

"""draftkit.api as docs/api.md shows it: the same results as the CLI, from Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from draftkit.errors import DraftkitError
from draftkit.model.json import loads
from tests.conftest import EXAMPLE, REPO


def test_build_writes_then_reports_up_to_date(tmp_path: Path) -> None:
    project = api.open_project(REPO)
    seen: list[str] = []
    first = api.build(
        project,
        [EXAMPLE],
        langs=["ky"],
        formats=["docx", "json"],
        output=tmp_path,
        progress=lambda description, done, total: seen.append(description),
    )
    assert sorted(p.name for p in first.written) == [
        "civic-forum-2025.docx",
        "civic-forum-2025.json",
    ]
    assert seen == ["rendering documents/civic-forum-2025.yaml [ky]"]
    again = api.build(project, [EXAMPLE], langs=["ky"], formats=["docx", "json"], output=tmp_path)
    assert again.written == [] and sorted(again.up_to_date) == sorted(first.written)


def test_assemble_and_write_give_what_build_writes(tmp_path: Path) -> None:
    project = api.open_project(REPO)
    report = api.build(project, [EXAMPLE], langs=["ru"], formats=["json"], output=tmp_path)
    document = api.assemble(project, EXAMPLE, lang="ru")
    (written,) = report.written
    assert api.write(project, document, "json") == written.read_bytes()
    assert loads(written.read_bytes()) == document


def test_an_unknown_format_is_an_input_error() -> None:
    project = api.open_project(REPO)
    document = api.assemble(project, EXAMPLE)
    with pytest.raises(DraftkitError, match="unknown format 'odt'"):
        api.write(project, document, "odt")

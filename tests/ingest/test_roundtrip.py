"""build → import → build gives the same document: text, styles, numbering and notes.

The example resolution is written as DOCX in each language, imported with the CLI into a
new folder (which becomes a project in that language), built again, and both files are
read with python-docx and lxml, not with the importer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import REPO, have, normalise
from tests.ingest.helpers import notes, paragraphs

pytestmark = pytest.mark.slow


def import_and_build(docx: Path, target: Path, lang: str, *formats: str) -> Path:
    result = run("import", str(docx), "--into", str(target), "--lang", lang, cwd=docx.parent)
    assert result.returncode == 0, result.stderr
    assert "not placed" not in result.stderr
    built = run("build", "-f", ",".join(formats or ("docx",)), cwd=target)
    assert built.returncode == 0, built.stderr
    return target / "build" / lang / docx.name


@pytest.mark.parametrize("lang", ["en", "ru", "ky"])
def test_round_trip_keeps_text_numbering_and_notes(example_docx, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    original = example_docx(lang)
    rebuilt = import_and_build(original, tmp_path / "imported", lang)
    before, after = paragraphs(original), paragraphs(rebuilt)
    # The imported project's source language is the file's: draftkit's own template words
    # (the signature's "{place}, {date}." in Kyrgyz order) are still in that language.
    assert after == before
    assert notes(rebuilt) == notes(original)
    assert len(before) > 20 and sum(level == "0" for _, level, _ in before) == 7


@pytest.mark.skipif(not have("pdftotext"), reason="pdftotext (poppler-utils) not installed")
def test_round_trip_pdf_text(example_built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docx = tmp_path / "civic-forum-2025.docx"
    shutil.copy(example_built.docx, docx)
    rebuilt = import_and_build(docx, tmp_path / "imported", "en", "pdf")
    texts = [
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for pdf in (example_built.pdf, rebuilt.with_suffix(".pdf"))
    ]
    assert normalise(texts[1]) == normalise(texts[0])


def test_import_into_its_own_library_reuses_every_clause(example_docx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "example"
    for name in ("draftkit.toml", "sources.yaml"):
        shutil.copy(REPO / name, project / name if project.exists() else _mkdir(project) / name)
    shutil.copytree(REPO / "clauses", project / "clauses")
    before = {p.name: p.read_bytes() for p in (project / "clauses").iterdir()}
    result = run("import", str(example_docx("en")), "--name", "again", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "0 new, 17 reused, 0 near-miss clause(s); 0 new source(s), 5 reused" in result.stdout
    # nothing new to write in the library: the clause files and sources stay as they were
    assert {p.name: p.read_bytes() for p in (project / "clauses").iterdir()} == before
    assert (project / "sources.yaml").read_bytes() == (REPO / "sources.yaml").read_bytes()
    spec = (project / "documents" / "again.yaml").read_text(encoding="utf-8")
    # the opening's {city} has no value in the imported spec: the entry gives it
    assert "clause: participants-declare-solidarity\n  params:\n    city: Bishkek" in spec
    built = run("build", "documents/again.yaml", "-f", "docx", cwd=project)
    assert built.returncode == 0, built.stderr
    assert paragraphs(project / "build" / "en" / "again.docx") == paragraphs(example_docx("en"))


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path

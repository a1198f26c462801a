"""Importing into a project that has a library: equal and nearly equal paragraphs reuse
its clauses, others are new (a near miss named beside its namesake), new sources are
appended to its sources file, and no file is ever replaced."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import REPO
from tests.ingest.helpers import rewrite
from tests.ingest.test_other_writers import MARKDOWN


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    project = tmp_path / "example"
    project.mkdir()
    for name in ("draftkit.toml", "sources.yaml"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(REPO / "clauses", project / "clauses")
    return project


def edited(docx: Path, target: Path, *changes: tuple[str, str]) -> Path:
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    for old, new in changes:
        assert xml.count(old) == 1, old
        xml = xml.replace(old, new)
    return rewrite(docx, target, {"word/document.xml": xml.encode("utf-8")})


def test_near_and_far_paragraphs(example_docx, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    docx = edited(
        example_docx(),
        example_copy / "edited.docx",
        ("the key role of women in ensuring", "the key role of all women in ensuring"),
        (
            "initiatives to economically empower women through education",
            "measures that give women in rural districts credit, land titles and training",
        ),
    )
    result = run("import", str(docx), "--dry-run", cwd=example_copy)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[1]: line for line in result.stdout.splitlines() if "  " in line}
    assert (
        "reused" in rows["recognize-women-role"]
        and "similarity 0.99" in rows["recognize-women-role"]
    )
    near = next(line for line in result.stdout.splitlines() if "near-miss" in line)
    assert "near support-womens-economic-empowerment" in near
    assert "0 new, 16 reused, 1 near-miss clause(s)" in result.stdout
    assert "dry run: nothing written" in result.stdout
    assert not (example_copy / "documents").exists()


def test_new_sources_are_appended_and_nothing_is_replaced(example_copy: Path) -> None:
    import pypandoc

    (example_copy / "res.md").write_text(MARKDOWN, encoding="utf-8")
    pypandoc.convert_file(
        str(example_copy / "res.md"), "docx", outputfile=str(example_copy / "res.docx")
    )
    old_sources = (example_copy / "sources.yaml").read_text(encoding="utf-8")
    result = run("import", "res.docx", cwd=example_copy)
    assert result.returncode == 0, result.stderr
    new_sources = (example_copy / "sources.yaml").read_text(encoding="utf-8")
    assert new_sources.startswith(old_sources.rstrip("\n") + "\n\n")
    assert new_sources.count("\n  - id: ") == old_sources.count("\n  - id: ") + 2
    assert run("check", "--no-cache", cwd=example_copy).returncode == 0

    written = {p: p.read_bytes() for p in example_copy.rglob("*.yaml")}
    again = run("import", "res.docx", cwd=example_copy)
    assert again.returncode == 1
    # every paragraph now equals a clause of the first import: only the spec would be new
    assert "3 reused" not in again.stdout  # nothing is reported before the refusal
    assert (
        "error: documents/res.yaml: this file exists already; an import never replaces a file"
        in again.stderr
    )
    assert "--name" in again.stderr
    assert {p: p.read_bytes() for p in example_copy.rglob("*.yaml")} == written


def test_language_other_than_the_library_is_refused(example_docx, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", str(example_docx("ru")), "--lang", "ru", cwd=example_copy)
    assert result.returncode == 1
    assert "the project's clauses are in 'en'; this import reads 'ru' text" in result.stderr
    assert not (example_copy / "documents").exists()

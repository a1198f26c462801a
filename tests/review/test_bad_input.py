"""Bad input to ``draftkit review``: one line naming the file, exit 1, nothing written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.review.helpers import build_docx, copy_project, draftkit, snapshot
from tests.review.wordform import WordEdit


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("review-bad") / "project")
    return project, build_docx(project)


def _fails(project: Path, *args: object) -> str:
    before = snapshot(project)
    result = draftkit("review", *args, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before
    return result.stderr


def test_not_a_docx(project: tuple[Path, Path]) -> None:
    root, _ = project
    path = root.parent / "notes.docx"
    path.write_text("just text", encoding="utf-8")
    err = _fails(root, path)
    assert "notes.docx: not a DOCX (not a zip package)" in err


def test_a_docx_not_made_by_draftkit(project: tuple[Path, Path]) -> None:
    root, _ = project
    path = root.parent / "other.docx"
    document = docx.Document()
    document.add_paragraph("Recognizing the key role of women")
    document.save(str(path))
    err = _fails(root, path)
    assert "other.docx: no draftkit origin marks" in err
    assert "review the DOCX that 'draftkit build' wrote" in err


def test_a_mark_naming_an_unknown_clause(project: tuple[Path, Path]) -> None:
    root, built = project
    path = root.parent / "ghost.docx"
    with zipfile.ZipFile(built) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    custom = parts["docProps/custom.xml"].decode()
    # The opening paragraph's mark now names a clause the library never had.
    parts["docProps/custom.xml"] = custom.replace(
        "clause:participants-declare-solidarity", "clause:ghost-clause"
    ).encode()
    mark = next(
        line
        for line in etree.fromstring(parts["docProps/custom.xml"])
        if line[0].text == "clause:ghost-clause"
    ).get("name")
    renamed = "_dk_0000000000000000"
    parts["word/document.xml"] = parts["word/document.xml"].replace(mark.encode(), renamed.encode())
    parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(
        mark.encode(), renamed.encode()
    )
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    err = _fails(root, path)
    assert "a paragraph is marked as clause 'ghost-clause', which the library does not have" in err


def test_an_edit_that_cannot_be_placed(project: tuple[Path, Path]) -> None:
    """A parameter's value retyped: nothing is written unless --partial, which writes the
    other change and says which one it left."""
    root, built = project
    edit = WordEdit(built)
    edit.retype("held on March 4, 2025 in Bishkek", "held on March 4, 2025 in Osh")
    edit.retype("concrete steps", "practical steps")
    path = edit.save(root.parent / "param.docx")
    err = _fails(root, path, "--apply")
    assert "1 change(s) cannot be placed, nothing written" in err
    assert "clause:participants-declare-solidarity: the edit changes the value of {city}" in err
    before = snapshot(root)
    result = draftkit("review", path, "--apply", "--partial", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "apply: not placed: the edit changes the value of {city}" in result.stdout
    changed = {k for k, v in snapshot(root).items() if before.get(k) != v}
    assert changed == {"clauses/forum-frame.yaml"}


def _rewritten(built: Path, dest: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(built) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts[name] = change(parts[name])
    with zipfile.ZipFile(dest, "w") as package:
        for n, data in parts.items():
            package.writestr(n, data)
    return dest


def test_entity_declarations_and_macros_are_refused(project: tuple[Path, Path]) -> None:
    root, built = project
    dtd = _rewritten(
        built,
        root.parent / "dtd.docx",
        "word/document.xml",
        lambda data: data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY big "words">]>', 1),
    )
    assert "dtd.docx: word/document.xml declares a DTD" in _fails(root, dtd)
    macros = _rewritten(
        built,
        root.parent / "macros.docx",
        "[Content_Types].xml",
        lambda data: data.replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
        ),
    )
    assert "macros.docx: a macro-enabled document (.docm)" in _fails(root, macros)


def test_a_note_edit_is_reported_and_not_written(project: tuple[Path, Path]) -> None:
    root, built = project
    edit = WordEdit(built)
    edit.retype_note("Sustainable Development Goals. United Nations.", "SDGs. UN.")
    path = edit.save(root.parent / "note.docx")
    result = draftkit("review", path, "-f", "json", cwd=root)
    assert result.returncode == 0, result.stderr
    notes = json.loads(result.stdout)["notes"]
    assert [(n["series"], n["number"]) for n in notes] == [("footnote", 1)]
    words = [w for w in notes[0]["untracked"] if w["op"] != "equal"]
    assert {"op": "insert", "text": "SDGs"} in words
    err = _fails(root, path, "--apply")
    assert "footnote 1: a note's text is not written back (edit its source in sources.yaml)" in err

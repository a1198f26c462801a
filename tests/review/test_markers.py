"""Origin marks: every paragraph of a built DOCX carries one hidden bookmark whose key
(in docProps/custom.xml) names its clause and part or its document field; readers show
none of it."""

from __future__ import annotations

import io
import re
import zipfile

import mammoth
import pypandoc
import pytest
from lxml import etree

from draftkit.fsutil import BuildClock
from draftkit.model.origins import BOOKMARK_PREFIX, Origin, bookmark_name
from tests.conftest import EXAMPLE, assemble_file, render

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module", params=["en", "ru", "ky"])
def built(request: pytest.FixtureRequest, example_project) -> bytes:  # type: ignore[no-untyped-def]
    assembled = assemble_file(example_project, EXAMPLE, request.param)
    return render(assembled, "docx", BuildClock.for_document(assembled.document.meta.date))


def _properties(package: zipfile.ZipFile) -> dict[str, str]:
    root = etree.fromstring(package.read("docProps/custom.xml"))
    return {p.get("name"): p[0].text for p in root}


def test_each_paragraph_is_marked(built: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(built)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
        props = _properties(package)
    assert props["draftkit.source"] == "documents/civic-forum-2025.yaml"
    keys = []
    for p in body.iter(f"{W}p"):
        marks = [b.get(f"{W}name") for b in p.iter(f"{W}bookmarkStart")]
        assert len(marks) == 1 and marks[0].startswith(BOOKMARK_PREFIX)
        assert len(marks[0]) <= 40  # Word's limit on bookmark names
        key = props[marks[0]]
        assert bookmark_name(key) == marks[0]
        keys.append(key)
    origins = [Origin.parse(k) for k in keys]
    clauses = [o.clause_id for o in origins if o is not None and o.clause_id]
    assert clauses[:3] == [
        "participants-declare-solidarity",
        "recognize-women-role",
        "women-in-decision-making",
    ]
    assert clauses[-1] == "collective-commitment"
    assert keys[:2] == ["field:title", "field:subtitle"]
    assert keys[-2:] == ["field:signature", "field:signature.2"]


def _unmarked(built: bytes) -> bytes:
    """The same package without the bookmarks."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(built)) as package, zipfile.ZipFile(out, "w") as copy:
        for info in package.infolist():
            data = package.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(rb"<w:bookmark(?:Start|End) [^>]*/>", b"", data)
            copy.writestr(info, data)
    return out.getvalue()


@pytest.mark.slow  # runs pandoc
def test_readers_show_nothing(built: bytes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    marked, plain = tmp_path / "marked.docx", tmp_path / "plain.docx"
    marked.write_bytes(built)
    plain.write_bytes(_unmarked(built))
    with zipfile.ZipFile(plain) as package:
        assert b"bookmarkStart" not in package.read("word/document.xml")
    for fmt in ("plain", "markdown"):
        text = pypandoc.convert_file(str(marked), fmt)
        assert "_dk" not in text
        assert text == pypandoc.convert_file(str(plain), fmt)
    raw = mammoth.extract_raw_text(str(marked)).value
    assert raw == mammoth.extract_raw_text(str(plain)).value

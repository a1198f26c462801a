"""DOCX and PDF come from one model: the same paragraphs, numbers and notes in both."""

from __future__ import annotations

import zipfile

import docx
from lxml import etree

from tests.conftest import Built, normalise
from tests.render.test_pdf import body_text, small_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_docx_and_pdf_carry_the_same_text_and_notes(example_built: Built) -> None:
    document = docx.Document(str(example_built.docx))
    pdf_body = normalise(" ".join(body_text(example_built.pdf)))
    pdf_small = normalise(" ".join(small_text(example_built.pdf)))
    paragraphs = [normalise(p.text) for p in document.paragraphs if p.text.strip()]
    assert len(paragraphs) == len(example_built.assembled.document.blocks)
    for text in paragraphs:
        assert text in pdf_body
    with zipfile.ZipFile(example_built.docx) as z:
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            root = etree.fromstring(z.read(part))
            notes = [n for n in root.findall(f"{{{W}}}{tag}") if int(n.get(f"{{{W}}}id")) > 0]
            for note in notes:
                assert normalise("".join(note.itertext()))[:60] in pdf_small
    # operative numbers: Word numbering in DOCX, the same numbers printed in the PDF
    for number in range(1, 8):
        assert f"{number}. " in pdf_body

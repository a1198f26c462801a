"""The DOCX read back with independent readers: python-docx, lxml on the parts, pandoc."""

from __future__ import annotations

import json
import zipfile

import docx
import pypandoc
import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from tests.conftest import REPO, Built, normalise, seed_paragraphs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def note_texts(root: etree._Element, kind: str) -> dict[int, str]:
    notes = {}
    for note in root.findall(f"w:{kind}", NS):
        note_id = int(note.get(f"{{{W}}}id"))
        if note_id > 0:
            notes[note_id] = "".join(note.itertext()).strip()
    return notes


def paragraph_with(root: etree._Element, tag: str, note_id: int) -> str:
    for ref in root.iter(f"{{{W}}}{tag}"):
        if int(ref.get(f"{{{W}}}id")) == note_id:
            p = next(a for a in ref.iterancestors() if a.tag == f"{{{W}}}p")
            return "".join(p.itertext())
    raise AssertionError(f"no {tag} {note_id}")


def test_every_seed_paragraph_is_a_word_paragraph(example_built: Built) -> None:
    document = docx.Document(str(example_built.docx))
    texts = [normalise(p.text) for p in document.paragraphs]
    for paragraph in seed_paragraphs():
        assert paragraph in texts


def test_footnotes_and_endnotes_are_word_notes(example_built: Built) -> None:
    footnotes = part(example_built.docx, "word/footnotes.xml")
    endnotes = part(example_built.docx, "word/endnotes.xml")
    # separators -1 and 0 come first, as Word writes them
    assert [n.get(f"{{{W}}}type") for n in footnotes][:2] == ["separator", "continuationSeparator"]
    fn = note_texts(footnotes, "footnote")
    en = note_texts(endnotes, "endnote")
    assert sorted(fn) == [1, 2]
    assert sorted(en) == [1, 2, 3]
    assert "un.org/sustainabledevelopment/ru/sustainable-development-goals" in fn[1]
    assert "birduino.kg/pressaru/oo-bdk-inicziirovalo" in fn[2]
    assert "facebook.com/watch/?v=1075058283418490" in en[1]
    assert "facebook.com/watch/?v=615044696786639" in en[2]
    assert "NAP%201325" in en[3]
    # each note starts with its own reference mark, styled as a note reference
    for note in footnotes.findall("w:footnote", NS)[2:]:
        assert note.find(".//w:footnoteRef", NS) is not None
        assert note.find(".//w:pStyle", NS).get(f"{{{W}}}val") == "FootnoteText"


def test_note_calls_sit_in_the_paragraphs_that_cite_them(example_built: Built) -> None:
    body = part(example_built.docx, "word/document.xml")
    assert "SDG 2030" in paragraph_with(body, "footnoteReference", 1)
    assert "civil space in the Kyrgyz" in paragraph_with(body, "footnoteReference", 2)
    assert "online school Bir Duino KR" in paragraph_with(body, "endnoteReference", 1)
    assert "online school Bir Duino KR" in paragraph_with(body, "endnoteReference", 2)
    assert "peacebuilding processes" in paragraph_with(body, "endnoteReference", 3)
    for ref in body.iter(f"{{{W}}}footnoteReference", f"{{{W}}}endnoteReference"):
        style = ref.getparent().find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val")
        assert style in ("FootnoteReference", "EndnoteReference")


def test_endnotes_are_lower_roman_in_settings_and_section(example_built: Built) -> None:
    settings = part(example_built.docx, "word/settings.xml")
    body = part(example_built.docx, "word/document.xml")
    for root, path in (
        (settings, "w:endnotePr/w:numFmt"),
        (body, ".//w:sectPr/w:endnotePr/w:numFmt"),
    ):
        fmt = root.find(path, NS)
        assert fmt is not None and fmt.get(f"{{{W}}}val") == "lowerRoman"
    # the section's footnotePr/endnotePr come before w:pgSz (schema order)
    sect = body.find(".//w:sectPr", NS)
    tags = [etree.QName(c).localname for c in sect]
    assert tags.index("endnotePr") < tags.index("pgSz")


def test_operative_paragraphs_use_word_numbering(example_built: Built) -> None:
    document = docx.Document(str(example_built.docx))
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    assert len(operative) == 7
    num_ids = set()
    for p in operative:
        num_pr = p._p.find("w:pPr/w:numPr", NS)
        assert num_pr.find("w:ilvl", NS).get(f"{{{W}}}val") == "0"
        num_ids.add(num_pr.find("w:numId", NS).get(f"{{{W}}}val"))
    assert len(num_ids) == 1  # one list: inserting a paragraph in Word renumbers the rest
    numbering = part(example_built.docx, "word/numbering.xml")
    (num_id,) = num_ids
    abstract_id = numbering.find(f"w:num[@w:numId='{num_id}']/w:abstractNumId", NS).get(
        f"{{{W}}}val"
    )
    levels = numbering.findall(f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl", NS)
    formats = [lvl.find("w:numFmt", NS).get(f"{{{W}}}val") for lvl in levels]
    assert formats == ["decimal", "lowerLetter", "lowerRoman"]


def test_named_styles_and_italic_leads(example_built: Built) -> None:
    document = docx.Document(str(example_built.docx))
    names = {p.style.name for p in document.paragraphs}
    assert {
        "Resolution Title",
        "Preambular Paragraph",
        "Operative Paragraph",
        "Chapeau",
        "Opening Paragraph",
        "Closing Paragraph",
        "Signature",
    } <= names
    recognizing = next(p for p in document.paragraphs if p.text.startswith("Recognizing"))
    lead = recognizing.runs[0]
    assert lead.text == "Recognizing"
    assert lead.style.name == "Lead Phrase" and lead.style.font.italic
    for style in ("footnote text", "footnote reference", "endnote text", "endnote reference"):
        assert document.styles[style] is not None


def test_language_and_core_properties(example_built: Built) -> None:
    document = docx.Document(str(example_built.docx))
    props = document.core_properties
    assert props.title == "FINAL JOINT RESOLUTION OF THE FORUM PARTICIPANTS"
    assert props.language == "en-GB"
    assert props.author == "draftkit"
    body = part(example_built.docx, "word/document.xml")
    runs = body.findall(".//w:body//w:r/w:t/..", NS)
    assert runs and all(r.find("w:rPr/w:lang", NS).get(f"{{{W}}}val") == "en-GB" for r in runs)


def test_pandoc_reads_notes_as_notes_and_operatives_as_a_numbered_list(
    example_built: Built,
) -> None:
    ast = json.loads(pypandoc.convert_file(str(example_built.docx), "json", format="docx"))

    def walk(node):
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    nodes = list(walk(ast["blocks"]))
    notes = [n for n in nodes if n.get("t") == "Note"]
    assert len(notes) == 5  # pandoc merges endnotes into its single note model
    lists = [n for n in nodes if n.get("t") == "OrderedList"]
    assert len(lists) == 1
    items = lists[0]["c"][1]
    assert len(items) == 7
    markdown = pypandoc.convert_file(str(example_built.docx), "markdown", format="docx")
    assert "[^1]" in markdown and "[^5]:" in markdown


@pytest.mark.parametrize("name", ["word/footnotes.xml", "word/endnotes.xml"])
def test_notes_parts_declare_relationship_namespace(example_built: Built, name: str) -> None:
    with zipfile.ZipFile(example_built.docx) as z:
        head = z.read(name)[:400].decode()
        types = z.read("[Content_Types].xml").decode()
    assert 'xmlns:r="' in head
    assert f'PartName="/{name}"' in types


def test_word_names_the_family_the_pdf_bundles(example_built: Built) -> None:
    # Word has no @font-face: it finds "Noto Serif" if installed. The name must be the
    # family inside the bundled files, so Word and the PDF show the same typeface.
    bundled = TTFont(REPO / "templates" / "fonts" / "NotoSerif-Regular.ttf")
    family = bundled["name"].getDebugName(1)
    styles = part(example_built.docx, "word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    fonts = normal.find("w:rPr/w:rFonts", NS)
    assert family == "Noto Serif"
    assert {fonts.get(f"{{{W}}}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {family}

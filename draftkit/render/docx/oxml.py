"""OOXML that python-docx 1.2 has no API for: notes parts, note references, numbering
definitions, note properties and run languages.

All element construction lives here, in WordprocessingML terms; the writer calls it in
document terms (add a footnote, number a paragraph). Child order follows the schema
(ECMA-376 Part 1, §17), which Word enforces and LibreOffice mostly forgives.
"""

from __future__ import annotations

from typing import Literal

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

NoteKind = Literal["footnote", "endnote"]

_PARTS = {
    "footnote": ("/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES),
    "endnote": ("/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES),
}
NOTE_STYLES = {
    "footnote": ("FootnoteText", "FootnoteReference"),
    "endnote": ("EndnoteText", "EndnoteReference"),
}


def el(tag: str, **attrs: str) -> etree._Element:
    """``el("w:pStyle", val="Title")`` → ``<w:pStyle w:val="Title"/>``."""
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    child = el(tag, **attrs)
    parent.append(child)
    return child


# -- fonts -------------------------------------------------------------------------------

# The generic class of a font, as the font table names it.
FONT_FAMILIES = {"serif": "roman", "sans": "swiss", "mono": "modern"}


def declare_font(package, name: str, font_class: str) -> None:  # type: ignore[no-untyped-def]
    """Name ``name`` in the font table with its generic class: Word and LibreOffice, on a
    machine without the font, then substitute one of the same kind (a serif for Noto
    Serif) rather than their default sans. python-docx keeps the font table as bytes."""
    part = next(p for p in package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    for existing in root.findall(qn("w:font")):
        if existing.get(qn("w:name")) == name:
            root.remove(existing)
    font = sub(root, "w:font", name=name)
    sub(font, "w:family", val=FONT_FAMILIES[font_class])
    sub(font, "w:pitch", val="fixed" if font_class == "mono" else "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- notes -------------------------------------------------------------------------------


def create_notes_part(document_part, kind: NoteKind) -> XmlPart:  # type: ignore[no-untyped-def]
    """A footnotes or endnotes part holding the separator notes (ids -1 and 0)."""
    partname, content_type, reltype = _PARTS[kind]
    root = f"w:{kind}s"
    # xmlns:r on the root: docx2python fails on notes parts without it.
    xml = (
        f"<{root} {nsdecls('w', 'r')}>"
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
        f' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
        f' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:{kind}>"
        f"</{root}>"
    )
    part = XmlPart(PackURI(partname), content_type, parse_xml(xml), document_part.package)
    document_part.relate_to(part, reltype)
    return part


def note_element(kind: NoteKind, note_id: int) -> tuple[etree._Element, etree._Element]:
    """A ``w:footnote``/``w:endnote`` with its first paragraph, which starts with the
    note's own number (``w:footnoteRef``). Returns (note, paragraph)."""
    text_style, ref_style = NOTE_STYLES[kind]
    note = el(f"w:{kind}", id=str(note_id))
    p = sub(note, "w:p")
    ppr = sub(p, "w:pPr")
    sub(ppr, "w:pStyle", val=text_style)
    r = sub(p, "w:r")
    rpr = sub(r, "w:rPr")
    sub(rpr, "w:rStyle", val=ref_style)
    sub(r, f"w:{kind}Ref")
    return note, p


def note_reference_run(kind: NoteKind, note_id: int) -> etree._Element:
    r = el("w:r")
    rpr = sub(r, "w:rPr")
    sub(rpr, "w:rStyle", val=NOTE_STYLES[kind][1])
    sub(r, f"w:{kind}Reference", id=str(note_id))
    return r


# Elements that follow w:footnotePr/w:endnotePr in CT_Settings, by local name.
_SETTINGS_SUCCESSORS = {
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}


def note_properties(kind: NoteKind, num_fmt: str, *, with_separators: bool) -> etree._Element:
    pr = el(f"w:{kind}Pr")
    if num_fmt:
        sub(pr, "w:numFmt", val=num_fmt)
    if with_separators:
        sub(pr, f"w:{kind}", id="-1")
        sub(pr, f"w:{kind}", id="0")
    return pr


def set_settings_note_properties(
    settings_element: etree._Element, footnote_fmt: str, endnote_fmt: str
) -> None:
    """``w:footnotePr``/``w:endnotePr`` in settings.xml (read by Word)."""
    for tag in ("w:footnotePr", "w:endnotePr"):
        for old in settings_element.findall(qn(tag)):
            settings_element.remove(old)
    anchor = next(
        (c for c in settings_element if etree.QName(c).localname in _SETTINGS_SUCCESSORS), None
    )
    for pr in (
        note_properties("footnote", footnote_fmt, with_separators=True),
        note_properties("endnote", endnote_fmt, with_separators=True),
    ):
        if anchor is not None:
            anchor.addprevious(pr)
        else:
            settings_element.append(pr)


def set_section_note_properties(
    sect_pr: etree._Element, footnote_fmt: str, endnote_fmt: str
) -> None:
    """``w:footnotePr``/``w:endnotePr`` in the section (read by LibreOffice): they come
    right after headers/footers references, before ``w:type`` and ``w:pgSz``."""
    for tag in ("w:footnotePr", "w:endnotePr"):
        for old in sect_pr.findall(qn(tag)):
            sect_pr.remove(old)
    refs = [c for c in sect_pr if c.tag in (qn("w:headerReference"), qn("w:footerReference"))]
    position = sect_pr.index(refs[-1]) + 1 if refs else 0
    sect_pr.insert(position, note_properties("footnote", footnote_fmt, with_separators=False))
    sect_pr.insert(position + 1, note_properties("endnote", endnote_fmt, with_separators=False))


# -- numbering ---------------------------------------------------------------------------


def abstract_num(abstract_id: int, name: str, levels: list[dict[str, str | int]]) -> etree._Element:
    """An ``w:abstractNum``; each level: fmt, text ("%1."), left and hanging (twips)."""
    an = el("w:abstractNum", abstractNumId=str(abstract_id))
    sub(an, "w:multiLevelType", val="multilevel" if len(levels) > 1 else "singleLevel")
    sub(an, "w:name", val=name)
    for ilvl, level in enumerate(levels):
        lvl = sub(an, "w:lvl", ilvl=str(ilvl))
        sub(lvl, "w:start", val="1")
        sub(lvl, "w:numFmt", val=str(level["fmt"]))
        if level.get("style"):
            sub(lvl, "w:pStyle", val=str(level["style"]))
        sub(lvl, "w:lvlText", val=str(level["text"]))
        sub(lvl, "w:lvlJc", val="left")
        ppr = sub(lvl, "w:pPr")
        sub(ppr, "w:ind", left=str(level["left"]), hanging=str(level["hanging"]))
    return an


def num(num_id: int, abstract_id: int, restart_levels: tuple[int, ...] = ()) -> etree._Element:
    n = el("w:num", numId=str(num_id))
    sub(n, "w:abstractNumId", val=str(abstract_id))
    for ilvl in restart_levels:
        override = sub(n, "w:lvlOverride", ilvl=str(ilvl))
        sub(override, "w:startOverride", val="1")
    return n


def add_numbering(
    numbering_element: etree._Element, abstracts: list[etree._Element], nums: list[etree._Element]
) -> None:
    """abstractNum elements come before every num element (schema order)."""
    first_num = numbering_element.find(qn("w:num"))
    for an in abstracts:
        if first_num is not None:
            first_num.addprevious(an)
        else:
            numbering_element.append(an)
    for n in nums:
        numbering_element.append(n)


def number_paragraph(p: etree._Element, num_id: int, ilvl: int) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    numpr = el("w:numPr")
    sub(numpr, "w:ilvl", val=str(ilvl))
    sub(numpr, "w:numId", val=str(num_id))
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)


# -- runs --------------------------------------------------------------------------------


def run(
    text: str, *, lang: str, italic: bool = False, bold: bool = False, style: str | None = None
) -> etree._Element:
    r = el("w:r")
    rpr = sub(r, "w:rPr")
    if style:
        sub(rpr, "w:rStyle", val=style)
    if bold:
        sub(rpr, "w:b")
    if italic:
        sub(rpr, "w:i")
    sub(rpr, "w:lang", val=lang)
    t = sub(r, "w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def hyperlink(r_id: str) -> etree._Element:
    h = OxmlElement("w:hyperlink")
    h.set(qn("r:id"), r_id)
    return h


class LinkTargets:
    """The relationship id of each external link target, one relationship per target and
    part, as python-docx's ``Part.relate_to`` gives; but that scans every relationship of
    the part for a match and for a free id on each call, so a clause of 20,000 links took
    minutes. Here both are a dictionary look-up and ids are taken in the same order (the
    lowest free ``rIdN``: relationships are only ever added), so the package is the same."""

    def __init__(self) -> None:
        self._ids: dict[int, dict[str, str]] = {}  # id(part) → target → rId
        self._next: dict[int, int] = {}  # id(part) → no rIdN below it is free

    def relate(self, part: XmlPart, url: str) -> str:
        rels = part.rels
        known = self._ids.get(id(part))
        if known is None:
            known = self._ids[id(part)] = {
                rel.target_ref: r_id
                for r_id, rel in reversed(rels.items())
                if rel.is_external and rel.reltype == RT.HYPERLINK
            }
        r_id = known.get(url)
        if r_id is None:
            n = self._next.get(id(part), 1)
            while f"rId{n}" in rels:
                n += 1
            self._next[id(part)] = n + 1
            r_id = known[url] = f"rId{n}"
            rels.add_relationship(RT.HYPERLINK, url, r_id, is_external=True)
        return r_id


# -- styles ------------------------------------------------------------------------------

JUSTIFICATION = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def style_element(
    style_type: Literal["paragraph", "character"],
    style_id: str,
    name: str,
    *,
    based_on: str | None = None,
    quick: bool = False,
    keep_next: bool = False,
    keep_lines: bool = False,
    widow_control: bool | None = None,
    suppress_hyphens: bool = False,
    space_before: int | None = None,
    line: int | None = None,
    space_after: int | None = None,
    left: int | None = None,
    first_line: int | None = None,
    jc: str | None = None,
    outline_level: int | None = None,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    color: str | None = None,
    half_points: int | None = None,
    underline: bool = False,
    superscript: bool = False,
    font: str | None = None,
    char_spacing: int | None = None,
) -> etree._Element:
    """A ``w:style``. Lengths are twips, sizes half-points; a negative ``first_line`` is a
    hanging indent; ``line`` is an exact line height. Children follow CT_Style, CT_PPrBase
    and CT_RPr order."""
    style = el("w:style", type=style_type, styleId=style_id)
    sub(style, "w:name", val=name)
    if based_on:
        sub(style, "w:basedOn", val=based_on)
    if quick:
        sub(style, "w:qFormat")
    if style_type == "paragraph":
        ppr = sub(style, "w:pPr")
        if keep_next:
            sub(ppr, "w:keepNext")
        if keep_lines:
            sub(ppr, "w:keepLines")
        if widow_control is not None:
            sub(ppr, "w:widowControl", val="1" if widow_control else "0")
        if suppress_hyphens:
            sub(ppr, "w:suppressAutoHyphens")
        if space_before is not None or space_after is not None or line is not None:
            spacing = sub(ppr, "w:spacing")
            if space_before is not None:
                spacing.set(qn("w:before"), str(space_before))
            if space_after is not None:
                spacing.set(qn("w:after"), str(space_after))
            if line is not None:
                spacing.set(qn("w:line"), str(line))
                spacing.set(qn("w:lineRule"), "exact")
        if left is not None or first_line is not None:
            ind = sub(ppr, "w:ind")
            if left is not None:
                ind.set(qn("w:left"), str(left))
            if first_line is not None and first_line < 0:
                ind.set(qn("w:hanging"), str(-first_line))
            elif first_line is not None:
                ind.set(qn("w:firstLine"), str(first_line))
        if jc:
            sub(ppr, "w:jc", val=JUSTIFICATION[jc])
        if outline_level is not None:
            sub(ppr, "w:outlineLvl", val=str(outline_level))
    rpr = sub(style, "w:rPr")
    if font:
        sub(rpr, "w:rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font)
    if bold:
        sub(rpr, "w:b")
    if italic:
        sub(rpr, "w:i")
    if caps:
        sub(rpr, "w:caps")
    if color:
        sub(rpr, "w:color", val=color)
    if char_spacing:
        sub(rpr, "w:spacing", val=str(char_spacing))
    if half_points is not None:
        sub(rpr, "w:sz", val=str(half_points))
        sub(rpr, "w:szCs", val=str(half_points))
    if underline:
        sub(rpr, "w:u", val="single")
    if superscript:
        sub(rpr, "w:vertAlign", val="superscript")
    return style


# -- page numbers ------------------------------------------------------------------------


def field_runs(instruction: str, placeholder: str, half_points: int) -> list[etree._Element]:
    """A complex field (``PAGE``, ``NUMPAGES``) as Word writes it: begin, instruction,
    separate, the last computed value, end. Readers that do not update fields show the
    placeholder."""
    runs = []
    for kind, text in (
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ):
        r = el("w:r")
        rpr = sub(r, "w:rPr")
        sub(rpr, "w:sz", val=str(half_points))
        sub(rpr, "w:szCs", val=str(half_points))
        if kind == "instr":
            t = sub(r, "w:instrText")
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "text":
            sub(r, "w:t").text = text
        else:
            sub(r, "w:fldChar", fldCharType=kind)
        runs.append(r)
    return runs


def page_number_paragraph(
    pieces: list[tuple[str, str]], jc: str, half_points: int, line: int
) -> etree._Element:
    """The footer's (or header's) paragraph: literal text and PAGE/NUMPAGES fields."""
    p = el("w:p")
    ppr = sub(p, "w:pPr")
    sub(ppr, "w:spacing", before="0", after="0", line=str(line), lineRule="exact")
    sub(ppr, "w:jc", val=JUSTIFICATION[jc])
    for kind, value in pieces:
        if kind == "field":
            p.extend(field_runs("PAGE" if value == "page" else "NUMPAGES", "1", half_points))
        else:
            r = sub(p, "w:r")
            rpr = sub(r, "w:rPr")
            sub(rpr, "w:sz", val=str(half_points))
            sub(rpr, "w:szCs", val=str(half_points))
            t = sub(r, "w:t")
            t.text = value
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


# CT_Settings children after w:autoHyphenation, by local name (those before it are few
# and come first in python-docx's template: zoom, proofState, defaultTabStop...).
_AFTER_AUTO_HYPHENATION = {
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
} | _SETTINGS_SUCCESSORS


def set_auto_hyphenation(settings_element: etree._Element) -> None:
    """Word hyphenates the document (where a paragraph style does not forbid it)."""
    if settings_element.find(qn("w:autoHyphenation")) is not None:
        return
    anchor = next(
        (c for c in settings_element if etree.QName(c).localname in _AFTER_AUTO_HYPHENATION),
        None,
    )
    element = el("w:autoHyphenation")
    if anchor is not None:
        anchor.addprevious(element)
    else:
        settings_element.append(element)


# -- tracked changes ---------------------------------------------------------------------


def tracked(kind: str, change_id: int, author: str, date: str) -> etree._Element:
    """A ``w:ins``, ``w:del``, ``w:moveFrom`` or ``w:moveTo`` to hold runs."""
    element = el(f"w:{kind}", id=str(change_id), author=author)
    if date:
        element.set(qn("w:date"), date)
    return element


def mark_deleted_text(container: etree._Element) -> None:
    """Text inside a deletion is ``w:delText``, not ``w:t`` (Word refuses the file otherwise)."""
    for t in container.iter(qn("w:t")):
        t.tag = qn("w:delText")


def mark_paragraph(p: etree._Element, kind: str, change_id: int, author: str, date: str) -> None:
    """Track the paragraph mark itself: the whole paragraph was inserted or deleted."""
    _mark_properties(p).append(tracked(kind, change_id, author, date))


def _mark_properties(p: etree._Element) -> etree._Element:
    """The paragraph mark's run properties (``w:pPr/w:rPr``), made where missing."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = sub(ppr, "w:rPr")
    return rpr


_REMOVING = {"del": "del", "moveFrom": "del"}
_ADDING = {"ins": "ins", "moveTo": "ins"}


def _mark(p: etree._Element) -> etree._Element | None:
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    for change in rpr if rpr is not None else ():
        if etree.QName(change).localname in (*_REMOVING, *_ADDING):
            return change
    return None


def _side(mark: etree._Element | None) -> str | None:
    if mark is None:
        return None
    return "remove" if etree.QName(mark).localname in _REMOVING else "add"


def _layout(p: etree._Element) -> bytes:
    """A paragraph's properties without its mark's run properties: what a merged
    paragraph would take from it."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return b""
    ppr = etree.fromstring(etree.tostring(ppr))
    for rpr in ppr.findall(qn("w:rPr")):
        ppr.remove(rpr)
    return etree.tostring(ppr, method="c14n")


def _has_note_call(p: etree._Element) -> bool:
    return next(p.iter(qn("w:footnoteReference"), qn("w:endnoteReference")), None) is not None


def lead_paragraph_marks(body: etree._Element) -> None:
    """Carry each run of wholly inserted or deleted paragraphs on the paragraph mark that
    comes before it, not on its own last mark.

    Word's own form tracks each paragraph's own mark; accepting or rejecting then merges
    the emptied paragraphs into the next one, which keeps its properties (ECMA-376
    §17.13.5.15). LibreOffice accepts and rejects that right, but shows the numbering with
    changes displayed one paragraph late: it counts a paragraph as inserted or deleted when
    the mark *before* it is, so the untouched paragraph after a deletion shows only its old
    number, and the list runs short. Ending the run one mark earlier is the same change
    (the same text and marks come and go) and is what LibreOffice displays right; it is
    used where the paragraph before the run and the run's last paragraph have the same
    properties, so that whichever of the two a reader lets the merged paragraph keep, it
    is the same. At the end of the body the shift is always made: the last paragraph mark
    of a document cannot go, so a tracked last paragraph would stay behind, empty.
    LibreOffice 7.4 drops a tracked mark of a paragraph that holds a note call, so a
    paragraph with notes never takes the run's mark.
    """
    paragraphs = [p for p in body if p.tag == qn("w:p")]
    start = 0
    while start < len(paragraphs):
        side = _side(_mark(paragraphs[start]))
        if side is None or start == 0:
            start += 1
            continue
        end = start
        while end + 1 < len(paragraphs) and _side(_mark(paragraphs[end + 1])) == side:
            end += 1
        before, last = paragraphs[start - 1], paragraphs[end]
        at_end = end == len(paragraphs) - 1
        if (
            _mark(before) is None
            and not _has_note_call(before)
            and (at_end or _layout(before) == _layout(last))
        ):
            mark = _mark(last)
            assert mark is not None
            mark.getparent().remove(mark)  # type: ignore[union-attr]
            # The mark before the run lies outside any move range: a plain insertion or
            # deletion there, as LibreOffice counts a move's own marks as not new.
            kind = (_REMOVING | _ADDING)[etree.QName(mark).localname]
            moved = el(f"w:{kind}", **{k: mark.get(qn(f"w:{k}")) for k in ("id", "author")})
            if mark.get(qn("w:date")):
                moved.set(qn("w:date"), mark.get(qn("w:date")))  # type: ignore[arg-type]
            _mark_properties(before).append(moved)
        start = end + 1


def move_range(
    kind: str, change_id: int, name: str, author: str, date: str, end: bool
) -> etree._Element:
    """``w:moveFromRangeStart``/``…End`` (or moveTo): a move pairs its two ranges by name."""
    if end:
        return el(f"w:{kind}RangeEnd", id=str(change_id))
    element = el(f"w:{kind}RangeStart", id=str(change_id), name=name, author=author)
    if date:
        element.set(qn("w:date"), date)
    return element


# CT_PPrBase: what follows w:widowControl and w:spacing in a w:pPr.
_AFTER_SPACING = (
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_WIDOW_CONTROL = (
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    *_AFTER_SPACING,
)


def set_base_spacing(ppr: etree._Element, *, widow_control: bool, line: int) -> None:
    """The base style's paragraph: widow control, no space before or after, and an exact
    line height (twips), each at its place in CT_PPrBase."""
    for old in ppr.findall(qn("w:widowControl")) + ppr.findall(qn("w:spacing")):
        ppr.remove(old)
    ppr.insert_element_before(
        el("w:widowControl", val="1" if widow_control else "0"), *_AFTER_WIDOW_CONTROL
    )
    ppr.insert_element_before(
        el("w:spacing", before="0", after="0", line=str(line), lineRule="exact"),
        *_AFTER_SPACING,
    )


# -- origin marks ------------------------------------------------------------------------


def bookmark_paragraph(p: etree._Element, bookmark_id: int, name: str) -> None:
    """A bookmark around the paragraph's content: its start right after the properties,
    its end last, so text typed anywhere in the paragraph stays inside."""
    start = el("w:bookmarkStart", id=str(bookmark_id), name=name)
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        p.insert(0, start)
    else:
        ppr.addnext(start)
    p.append(el("w:bookmarkEnd", id=str(bookmark_id)))

"""The DOCX writer: the document model as a Word document.

Each role becomes a named paragraph style from the style sheet; operative paragraphs and
their sub-paragraphs use Word numbering (so inserting a paragraph in Word renumbers);
footnotes and endnotes are real Word notes (lower-roman endnotes, as the seed has).
"""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from draftkit.fsutil import BuildClock
from draftkit.model.nodes import (
    Document,
    Emph,
    Inline,
    Link,
    Note,
    NoteRef,
    Paragraph,
    Strong,
    SubParagraph,
    Text,
)
from draftkit.render.docx import oxml
from draftkit.render.docx.zipnorm import normalise_zip
from draftkit.render.styles import StyleDef, StyleSheet

WORD_LANGUAGES = {"en": "en-GB", "ru": "ru-RU", "ky": "ky-KG"}
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_TWIPS_PER_CM = 567


def word_language(lang: str) -> str:
    return WORD_LANGUAGES.get(lang, lang.replace("_", "-"))


class DocxWriter:
    def __init__(self, doc: Document, styles: StyleSheet, clock: BuildClock) -> None:
        self.doc = doc
        self.sheet = styles
        self.clock = clock
        self.lang = word_language(doc.meta.lang)
        self.word = docx.Document()
        self.body = self.word.element.body
        self.notes_parts: dict[str, object] = {}
        # The default template already defines lists (List Number, List Bullet…): new
        # definitions take ids above the highest ones in use.
        numbering = self.word.part.numbering_part.element
        used_abstract = [
            int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
        ]
        used_num = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        self.operative_abstract = max(used_abstract, default=0) + 1
        self.items_abstract = self.operative_abstract + 1
        self.operative_num = max(used_num, default=0) + 1
        self.next_num_id = self.operative_num + 1

    # -- setup ---------------------------------------------------------------------------
    def _setup(self) -> None:
        for p in list(self.body.iterchildren(qn("w:p"))):
            self.body.remove(p)
        section = self.word.sections[0]
        page = self.sheet.page
        section.page_width = Cm(page.get("width_cm", 21.0))
        section.page_height = Cm(page.get("height_cm", 29.7))
        margin = Cm(page.get("margin_cm", 2.5))
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        self._styles()
        self._numbering()
        for kind in ("footnote", "endnote"):
            self.notes_parts[kind] = oxml.create_notes_part(self.word.part, kind)
        oxml.set_settings_note_properties(self.word.settings.element, "decimal", "lowerRoman")
        oxml.set_section_note_properties(section._sectPr, "decimal", "lowerRoman")
        self._properties()

    def _styles(self) -> None:
        styles = self.word.styles
        normal = styles["Normal"]
        normal.font.name = self.sheet.font
        normal.font.size = Pt(self.sheet.size)
        rfonts = normal.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), self.sheet.font)
        normal_rpr = normal.element.rPr
        lang = normal_rpr.find(qn("w:lang"))
        if lang is None:
            lang = oxml.sub(normal_rpr, "w:lang")
        lang.set(qn("w:val"), self.lang)
        for definition in self.sheet.paragraph.values():
            self._paragraph_style(definition)
        for definition in self.sheet.character.values():
            style = styles.add_style(definition.name, WD_STYLE_TYPE.CHARACTER)
            style.element.styleId = definition.style_id
            style.font.italic = bool(definition.props.get("italic"))
            style.font.bold = bool(definition.props.get("bold"))
        for kind, (text_id, ref_id) in oxml.NOTE_STYLES.items():
            text_style = styles.add_style(f"{kind} text", WD_STYLE_TYPE.PARAGRAPH)
            text_style.element.styleId = text_id
            text_style.base_style = normal
            text_style.font.size = Pt(max(self.sheet.size - 2, 8))
            text_style.paragraph_format.space_after = Pt(0)
            ref_style = styles.add_style(f"{kind} reference", WD_STYLE_TYPE.CHARACTER)
            ref_style.element.styleId = ref_id
            ref_style.font.superscript = True
        if "Hyperlink" not in [s.name for s in styles]:
            link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
            link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
            link.font.underline = True

    def _paragraph_style(self, definition: StyleDef) -> None:
        style = self.word.styles.add_style(definition.name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.styleId = definition.style_id
        style.base_style = self.word.styles["Normal"]
        style.quick_style = True
        props = definition.props
        font = style.font
        if "size" in props:
            font.size = Pt(float(props["size"]))  # type: ignore[arg-type]
        font.bold = bool(props.get("bold")) or None
        font.italic = bool(props.get("italic")) or None
        font.all_caps = bool(props.get("caps")) or None
        if props.get("color"):
            font.color.rgb = RGBColor.from_string(str(props["color"]))
        fmt = style.paragraph_format
        if "align" in props:
            fmt.alignment = _ALIGN[str(props["align"])]
        fmt.space_before = Pt(float(props.get("space_before", 0)))  # type: ignore[arg-type]
        fmt.space_after = Pt(float(props.get("space_after", 8)))  # type: ignore[arg-type]
        if props.get("keep_with_next"):
            fmt.keep_with_next = True
        if "left_indent" in props:
            fmt.left_indent = Cm(float(props["left_indent"]))  # type: ignore[arg-type]
        if "first_line_indent" in props:
            fmt.first_line_indent = Cm(float(props["first_line_indent"]))  # type: ignore[arg-type]
        if "hanging_indent" in props:
            fmt.first_line_indent = -Cm(float(props["hanging_indent"]))  # type: ignore[arg-type]

    def _indent(self, role: str) -> tuple[int, int]:
        props = self.sheet.paragraph[role].props if role in self.sheet.paragraph else {}
        left = float(props.get("left_indent", 0.75))  # type: ignore[arg-type]
        hanging = float(props.get("hanging_indent", 0.75))  # type: ignore[arg-type]
        return round(left * _TWIPS_PER_CM), round(hanging * _TWIPS_PER_CM)

    def _numbering(self) -> None:
        op_left, op_hang = self._indent("operative")
        s1_left, s1_hang = self._indent("subparagraph1")
        s2_left, s2_hang = self._indent("subparagraph2")
        style = self.sheet.paragraph
        operative = oxml.abstract_num(
            self.operative_abstract,
            "draftkit operative paragraphs",
            [
                {
                    "fmt": "decimal",
                    "text": "%1.",
                    "left": op_left,
                    "hanging": op_hang,
                    "style": style["operative"].style_id if "operative" in style else "",
                },
                {"fmt": "lowerLetter", "text": "(%2)", "left": s1_left, "hanging": s1_hang},
                {"fmt": "lowerRoman", "text": "(%3)", "left": s2_left, "hanging": s2_hang},
            ],
        )
        items = oxml.abstract_num(
            self.items_abstract,
            "draftkit sub-paragraphs",
            [
                {"fmt": "lowerLetter", "text": "(%1)", "left": s1_left, "hanging": s1_hang},
                {"fmt": "lowerRoman", "text": "(%2)", "left": s2_left, "hanging": s2_hang},
            ],
        )
        self._abstracts = [operative, items]
        self._nums = [oxml.num(self.operative_num, self.operative_abstract)]

    def _properties(self) -> None:
        props = self.word.core_properties
        meta = self.doc.meta
        # python-docx refuses core properties over 255 characters.
        props.title = meta.title if len(meta.title) <= 255 else meta.title[:254] + "…"
        props.language = self.lang
        props.author = "draftkit"
        props.last_modified_by = "draftkit"
        props.comments = ""
        props.subject = meta.kind
        props.keywords = ""
        props.revision = 1
        stamp = self.clock.timestamp.replace(tzinfo=None)
        props.created = stamp
        props.modified = stamp

    # -- content -------------------------------------------------------------------------
    def _runs(
        self,
        parent: etree._Element,
        inlines: list[Inline],
        *,
        italic: bool = False,
        bold: bool = False,
        style: str | None = None,
    ) -> None:
        for node in inlines:
            if isinstance(node, Text):
                if node.text:
                    parent.append(
                        oxml.run(node.text, lang=self.lang, italic=italic, bold=bold, style=style)
                    )
            elif isinstance(node, Emph):
                self._runs(parent, node.children, italic=not italic, bold=bold, style=style)
            elif isinstance(node, Strong):
                self._runs(parent, node.children, italic=italic, bold=True, style=style)
            elif isinstance(node, Link):
                r_id = self.word.part.relate_to(node.url, RT.HYPERLINK, is_external=True)
                link = oxml.hyperlink(r_id)
                self._runs(link, node.children, italic=italic, bold=bold, style="Hyperlink")
                parent.append(link)
            elif isinstance(node, NoteRef) and node.note is not None:
                self._note(node.note)
                parent.append(oxml.note_reference_run(node.series, node.note.number))

    def _note(self, note: Note) -> None:
        part = self.notes_parts[note.series]
        element, p = oxml.note_element(note.series, note.number)
        p.append(oxml.run(" ", lang=self.lang))
        self._runs(p, note.content)
        part.element.append(element)  # type: ignore[attr-defined]

    def _paragraph(self, role: str) -> etree._Element:
        p = oxml.sub(self.body, "w:p")
        ppr = oxml.sub(p, "w:pPr")
        style = self.sheet.paragraph.get(role) or self.sheet.paragraph["paragraph"]
        oxml.sub(ppr, "w:pStyle", val=style.style_id)
        return p

    def _block(self, block: Paragraph) -> None:
        p = self._paragraph(block.role)
        if block.numbered:
            oxml.number_paragraph(p, self.operative_num, 0)
        lead_style = self.sheet.character.get("lead")
        if block.lead:
            self._runs(p, block.lead, style=lead_style.style_id if lead_style else None)
            if block.content:
                p.append(oxml.run(" ", lang=self.lang))
        self._runs(p, block.content)
        if block.items:
            if block.numbered:
                num_id, base = self.operative_num, 1
            else:
                num_id, base = self.next_num_id, 0
                self.next_num_id += 1
                self._nums.append(oxml.num(num_id, self.items_abstract, (0, 1)))
            for item in block.items:
                self._item(item, num_id, base)

    def _item(self, item: SubParagraph, num_id: int, base: int) -> None:
        p = self._paragraph(f"subparagraph{item.level}")
        oxml.number_paragraph(p, num_id, base + item.level - 1)
        self._runs(p, item.content)
        for child in item.children:
            self._item(child, num_id, base)

    def write(self) -> bytes:
        self._setup()
        sect_pr = self.body.find(qn("w:sectPr"))
        for block in self.doc.blocks:
            self._block(block)
        oxml.add_numbering(self.word.part.numbering_part.element, self._abstracts, self._nums)
        if sect_pr is not None:
            self.body.append(sect_pr)  # the section properties stay last
        buffer = io.BytesIO()
        self.word.save(buffer)
        return normalise_zip(buffer.getvalue(), self.clock)


def write_docx(doc: Document, styles: StyleSheet, clock: BuildClock) -> bytes:
    return DocxWriter(doc, styles, clock).write()

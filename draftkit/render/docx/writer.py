"""The DOCX writer: the document model as a Word document.

Each role becomes a named paragraph style from the style sheet; operative paragraphs and
their sub-paragraphs use Word numbering (so inserting a paragraph in Word renumbers);
footnotes and endnotes are real Word notes (lower-roman endnotes, as the seed has).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import StyleFactory
from lxml import etree

from draftkit import __version__
from draftkit.errors import TemplateError
from draftkit.fsutil import BuildClock
from draftkit.locale import profile
from draftkit.model.labels import ITEM_WORD_FORMATS, NOTE_WORD_FORMATS
from draftkit.model.nodes import (
    Change,
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
from draftkit.model.origins import (
    LANG_PROPERTY,
    SOURCE_PROPERTY,
    Origin,
    block_origins,
    bookmark_name,
    item_origins,
)
from draftkit.render.docx import oxml
from draftkit.render.docx.fonts import FontFace, ask_to_embed, embed_fonts, read_face
from draftkit.render.docx.package import (
    TEMPLATE_PARTS,
    add_app_properties,
    add_custom_properties,
    open_base,
    write_package,
)
from draftkit.render.styles import StyleDef, StyleSheet, alignment
from draftkit.render.writers import WriteContext

_TWIPS_PER_CM = 567
# Widths in em of the widest digit and of the period among the fonts Word and LibreOffice
# may set the labels in (DejaVu Sans, a common substitute, is the widest), and the least
# space between an operative number and its text.
_DIGIT_EM, _PERIOD_EM, _LABEL_GAP_EM = 0.64, 0.32, 0.4


class DocxWriter:
    def __init__(
        self,
        doc: Document,
        styles: StyleSheet,
        clock: BuildClock,
        template_parts: dict[str, bytes],
        fonts: Sequence[FontFace] = (),
    ) -> None:
        self.doc = doc
        self.fonts = list(fonts)
        self.sheet = styles
        self.clock = clock
        locale = profile(doc.meta.lang)
        self.lang = locale.word_tag
        # Without a hyphenation dictionary justified text is set ragged right (styles.py).
        self.ragged_right = locale.ragged_right
        self.word = open_base(template_parts)
        self.body = self.word.element.body
        self.notes_parts: dict[str, XmlPart] = {}
        self.link_targets = oxml.LinkTargets()
        self.style_ids: dict[str, str] = {}
        self.change_id = 0
        # Origin marks: bookmark ids count apart from change ids, and the names map back
        # to their keys in docProps/custom.xml.
        self.bookmark_id = 0
        self.origins: dict[str, str] = {}
        self._move_ids: dict[int, int] = {}
        # The base package's numbering part is empty: draftkit's lists are the only ones.
        self.operative_abstract, self.items_abstract, self.bullet_abstract = 1, 2, 3
        self.operative_num, self.bullet_num = 1, 2
        self.next_num_id = 3

    # -- setup ---------------------------------------------------------------------------
    def _setup(self) -> None:
        for p in list(self.body.iterchildren(qn("w:p"))):
            self.body.remove(p)
        section = self.word.sections[0]
        sheet = self.sheet
        section.page_width = Cm(sheet.page.get("width_cm", 21.0))
        section.page_height = Cm(sheet.page.get("height_cm", 29.7))
        section.top_margin = Cm(sheet.margin("top"))
        section.bottom_margin = Cm(sheet.margin("bottom"))
        section.left_margin = Cm(sheet.margin("left"))
        section.right_margin = Cm(sheet.margin("right"))
        section.header_distance = section.footer_distance = Cm(sheet.footer)
        self._page_number(section)
        if not self.ragged_right:
            oxml.set_auto_hyphenation(self.word.settings.element)
        self._styles()
        if self.fonts:
            embed_fonts(self.word.part.package, self.fonts)
            ask_to_embed(self.word.settings.element)
        self._numbering()
        for kind in ("footnote", "endnote"):
            self.notes_parts[kind] = oxml.create_notes_part(self.word.part, kind)
        notes = NOTE_WORD_FORMATS
        oxml.set_settings_note_properties(
            self.word.settings.element, notes["footnote"], notes["endnote"]
        )
        oxml.set_section_note_properties(section._sectPr, notes["footnote"], notes["endnote"])
        self._properties()
        add_app_properties(self.word.part.package, __version__)

    def _page_number(self, section) -> None:  # type: ignore[no-untyped-def]
        """The PDF's page number as a footer (or header) with PAGE and NUMPAGES fields."""
        number = self.sheet.page_number
        if number is None:
            return
        part = section.footer if number.edge == "bottom" else section.header
        part.is_linked_to_previous = False  # creates the part
        element = part._element
        for child in list(element):
            element.remove(child)
        half_points = round(number.size * 2)
        line = round(number.size * self.sheet.note_line_height * 20)
        element.append(oxml.page_number_paragraph(number.pieces(), number.side, half_points, line))

    def _line(self, size: float, line_height: float) -> int:
        """An exact line height in twips: the CSS line-height, whatever font Word uses."""
        return round(size * line_height * 20)

    def _add_style(self, style_id: str, name: str, **props: object) -> None:
        """Add a style to styles.xml, replacing the base package's own style of that name (a
        style sheet may restyle Word's built-in "Heading 1", say) and keeping its id and
        spelling ("heading 1", as Word writes its built-in names)."""
        styles = self.word.styles.element
        existing = self._existing_styles.get(name.lower())
        word_name = name
        if existing is not None:
            style_id, word_name = existing.styleId, existing.name_val or name
            styles.remove(existing)
        style_type = "character" if props.pop("character", False) else "paragraph"
        element = oxml.style_element(style_type, style_id, word_name, **props)  # type: ignore[arg-type]
        styles.append(element)
        self.style_ids[name] = style_id

    def _styles(self) -> None:
        styles = self.word.styles
        # The base styles by name, read once; new styles are written through the OOXML layer.
        self._existing_styles = {(s.name_val or "").lower(): s for s in styles.element.style_lst}
        normal = StyleFactory(self._existing_styles["normal"])
        normal.font.name = self.sheet.font
        oxml.declare_font(self.word.part.package, self.sheet.font, self.sheet.font_class)
        normal.font.size = Pt(self.sheet.size)
        oxml.set_base_spacing(
            normal.element.get_or_add_pPr(),
            widow_control=self.sheet.widow_control,
            line=self._line(self.sheet.size, self.sheet.line_height),
        )
        rfonts = normal.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), self.sheet.font)
        normal_rpr = normal.element.rPr
        lang = normal_rpr.find(qn("w:lang"))
        if lang is None:
            lang = oxml.sub(normal_rpr, "w:lang")
        lang.set(qn("w:val"), self.lang)
        for definition in self.sheet.paragraph.values():
            self._paragraph_style(definition, normal.style_id)
        for definition in self.sheet.character.values():
            self._add_style(
                definition.style_id,
                definition.name,
                character=True,
                italic=bool(definition.props.get("italic")),
                bold=bool(definition.props.get("bold")),
            )
        note_size = round(self.sheet.note_size * 2)
        note_line = self._line(self.sheet.note_size, self.sheet.note_line_height)
        for kind, (text_id, ref_id) in oxml.NOTE_STYLES.items():
            self._add_style(
                text_id,
                f"{kind} text",
                based_on=normal.style_id,
                half_points=note_size,
                space_after=0,
                line=note_line,
                jc="left",
            )
            self._add_style(ref_id, f"{kind} reference", character=True, superscript=True)
        if "hyperlink" not in self._existing_styles:
            self._add_style(
                "Hyperlink", "Hyperlink", character=True, color="0563C1", underline=True
            )

    def _paragraph_style(self, definition: StyleDef, based_on: str) -> None:
        props = definition.props

        def twips_cm(key: str) -> int | None:
            return round(float(props[key]) * _TWIPS_PER_CM) if key in props else None  # type: ignore[arg-type]

        first_line = twips_cm("first_line_indent")
        left = twips_cm("left_indent")
        if "hanging_indent" in props:
            first_line = -(twips_cm("hanging_indent") or 0)
        if definition.role == "operative":
            # The style's indents agree with the numbering level's, widened to the label.
            left, hanging = self._indent("operative")
            first_line = -hanging
        level = props.get("outline_level")
        if isinstance(level, int):
            # A heading role is based on Word's built-in "heading N" where the base styles
            # have it: pandoc finds headings by that name, up the basedOn chain.
            heading = self._existing_styles.get(f"heading {level + 1}")
            if heading is not None and definition.name.lower() != f"heading {level + 1}":
                based_on = heading.styleId
        size = float(props.get("size", self.sheet.size))  # type: ignore[arg-type]
        line_height = float(props.get("line_height", self.sheet.line_height))  # type: ignore[arg-type]
        font = str(props["font"]) if "font" in props else None
        if font:
            oxml.declare_font(self.word.part.package, font, self.sheet.font_class)
        letter_spacing = float(props.get("letter_spacing", 0))  # type: ignore[arg-type]
        self._add_style(
            definition.style_id,
            definition.name,
            based_on=based_on,
            quick=True,
            keep_next=bool(props.get("keep_with_next")),
            keep_lines=bool(props.get("keep_together")),
            suppress_hyphens=props.get("hyphenate") is False,
            space_before=round(float(props.get("space_before", 0)) * 20),  # type: ignore[arg-type]
            space_after=round(float(props.get("space_after", 0)) * 20),  # type: ignore[arg-type]
            line=self._line(size, line_height),
            left=left,
            first_line=first_line,
            jc=alignment(definition, ragged_right=self.ragged_right) or "left",
            outline_level=level if isinstance(level, int) else None,
            font=font,
            char_spacing=round(letter_spacing * size * 20) or None,
            bold=bool(props.get("bold")),
            italic=bool(props.get("italic")),
            caps=bool(props.get("caps")),
            color=str(props["color"]) if props.get("color") else None,
            half_points=round(float(props["size"]) * 2) if "size" in props else None,  # type: ignore[arg-type]
        )

    def _indent(self, role: str) -> tuple[int, int]:
        """(left, hanging) in twips. The operative number hangs in the hanging indent and a
        tab takes the text to the left indent: a label as wide as the indent ("10." in a
        0.75 cm indent) leaves the tab next to nothing and touches the text, in Word and in
        LibreOffice. The indent is widened to the widest label the document has."""
        props = self.sheet.paragraph[role].props if role in self.sheet.paragraph else {}
        left = round(float(props.get("left_indent", 0.75)) * _TWIPS_PER_CM)  # type: ignore[arg-type]
        hanging = round(float(props.get("hanging_indent", 0.75)) * _TWIPS_PER_CM)  # type: ignore[arg-type]
        if role == "operative":
            count = sum(1 for block in self.doc.blocks if block.numbered)
            size = float(props.get("size", self.sheet.size))  # type: ignore[arg-type]
            label = len(str(max(count, 1))) * _DIGIT_EM + _PERIOD_EM + _LABEL_GAP_EM
            needed = round(label * size * 20)  # em → points → twips
            if needed > hanging:
                left, hanging = left + needed - hanging, needed
        return left, hanging

    def _numbering(self) -> None:
        op_left, op_hang = self._indent("operative")
        s1_left, s1_hang = self._indent("subparagraph1")
        s2_left, s2_hang = self._indent("subparagraph2")
        style = self.sheet.paragraph
        label = self.doc.meta.item_label  # Word's level text: (%2) or %2)
        first, second = ITEM_WORD_FORMATS
        operative = oxml.abstract_num(
            self.operative_abstract,
            "draftkit operative paragraphs",
            [
                {
                    "fmt": "decimal",
                    "text": "%1.",
                    "left": op_left,
                    "hanging": op_hang,
                    "style": self.style_ids.get(style["operative"].name, "")
                    if "operative" in style
                    else "",
                },
                {
                    "fmt": first,
                    "text": label.format("%2"),
                    "left": s1_left,
                    "hanging": s1_hang,
                },
                {
                    "fmt": second,
                    "text": label.format("%3"),
                    "left": s2_left,
                    "hanging": s2_hang,
                },
            ],
        )
        items = oxml.abstract_num(
            self.items_abstract,
            "draftkit sub-paragraphs",
            [
                {
                    "fmt": first,
                    "text": label.format("%1"),
                    "left": s1_left,
                    "hanging": s1_hang,
                },
                {
                    "fmt": second,
                    "text": label.format("%2"),
                    "left": s2_left,
                    "hanging": s2_hang,
                },
            ],
        )
        self._abstracts = [operative, items]
        self._nums = [oxml.num(self.operative_num, self.operative_abstract)]
        # Roles styled "bullet: true" (a press release's list items) share one bullet list.
        bullet_left, bullet_hang = self._indent("listitem")
        self._abstracts.append(
            oxml.abstract_num(
                self.bullet_abstract,
                "draftkit bullets",
                [{"fmt": "bullet", "text": "•", "left": bullet_left, "hanging": bullet_hang}],
            )
        )
        self._nums.append(oxml.num(self.bullet_num, self.bullet_abstract))

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
        part: XmlPart | None = None,
    ) -> None:
        """Runs of ``inlines`` appended to ``parent``, an element of ``part`` (the main
        document unless given): a link's relationship belongs to the part holding it,
        since each part's ids resolve in its own rels only."""
        part = part or self.word.part
        for node in inlines:
            if isinstance(node, Text):
                if node.text:
                    parent.append(
                        oxml.run(node.text, lang=self.lang, italic=italic, bold=bold, style=style)
                    )
            elif isinstance(node, Emph):
                self._runs(
                    parent, node.children, italic=not italic, bold=bold, style=style, part=part
                )
            elif isinstance(node, Strong):
                self._runs(parent, node.children, italic=italic, bold=True, style=style, part=part)
            elif isinstance(node, Link):
                r_id = self.link_targets.relate(part, node.url)
                link = oxml.hyperlink(r_id)
                self._runs(
                    link, node.children, italic=italic, bold=bold, style="Hyperlink", part=part
                )
                parent.append(link)
            elif isinstance(node, NoteRef) and node.note is not None:
                self._note(node.note)
                parent.append(oxml.note_reference_run(node.series, node.note.number))
            elif isinstance(node, Change):
                self.change_id += 1
                wrapper = oxml.tracked(node.kind, self.change_id, node.author, node.date)
                self._runs(wrapper, node.children, italic=italic, bold=bold, style=style, part=part)
                if node.kind in ("del", "moveFrom"):
                    oxml.mark_deleted_text(wrapper)
                parent.append(wrapper)

    def _note(self, note: Note) -> None:
        part = self.notes_parts[note.series]
        element, p = oxml.note_element(note.series, note.number)
        p.append(oxml.run(" ", lang=self.lang))
        self._runs(p, note.content, part=part)
        part.element.append(element)

    def _paragraph(self, role: str) -> etree._Element:
        p = oxml.sub(self.body, "w:p")
        ppr = oxml.sub(p, "w:pPr")
        style = self.sheet.paragraph.get(role) or self.sheet.paragraph["paragraph"]
        oxml.sub(ppr, "w:pStyle", val=self.style_ids[style.name])
        return p

    def _mark_origin(self, p: etree._Element, origin: Origin) -> None:
        name = bookmark_name(origin.key)
        self.origins[name] = origin.key
        oxml.bookmark_paragraph(p, self.bookmark_id, name)
        self.bookmark_id += 1

    def _block(self, block: Paragraph, origin: Origin) -> None:
        p = self._paragraph(block.role)
        if block.numbered:
            oxml.number_paragraph(p, self.operative_num, 0)
        elif (style := self.sheet.paragraph.get(block.role)) and style.props.get("bullet"):
            oxml.number_paragraph(p, self.bullet_num, 0)
        self._track_paragraph(p, block.change)  # after numPr: w:rPr comes last in w:pPr
        lead_style = self.sheet.character.get("lead")
        if block.lead:
            self._runs(p, block.lead, style=self.style_ids[lead_style.name] if lead_style else None)
            if block.content:
                space: list[Inline] = [Text(" ")]
                if block.change is not None:
                    space = [replace(block.change, children=space)]
                self._runs(p, space)
        self._runs(p, block.content)
        self._close_move(p, block.change)
        self._mark_origin(p, origin)
        if block.items:
            if block.numbered:
                num_id, base = self.operative_num, 1
            else:
                num_id, base = self.next_num_id, 0
                self.next_num_id += 1
                self._nums.append(oxml.num(num_id, self.items_abstract, (0, 1)))
            origins = dict((id(i), o) for i, o in item_origins(origin, block.items))
            for item in block.items:
                last = self._item(item, num_id, base, origins, block.change)
            self._end_of_list(last, block.role)

    def _end_of_list(self, p: etree._Element, role: str) -> None:
        """A paragraph's sub-paragraphs end with its own space after, not with a
        sub-paragraph's smaller one against the next number (as in the PDF: css.py)."""
        style = self.sheet.paragraph.get(role) or self.sheet.paragraph["paragraph"]
        after = style.props.get("space_after")
        if after is not None:
            p.find(qn("w:pPr")).get_or_add_spacing().set(  # type: ignore[union-attr]
                qn("w:after"),
                str(round(float(after) * 20)),  # type: ignore[arg-type]
            )

    def _track_paragraph(self, p: etree._Element, change: Change | None) -> None:
        """A paragraph inserted, deleted or moved as a whole: its mark is tracked too, and
        a move's paragraph sits inside a named move range (Word pairs the two halves)."""
        if change is None:
            return
        self.change_id += 1
        oxml.mark_paragraph(p, change.kind, self.change_id, change.author, change.date)
        if change.kind in ("moveFrom", "moveTo"):
            self.change_id += 1
            self._move_ids[id(p)] = self.change_id
            start = oxml.move_range(
                change.kind, self.change_id, change.name, change.author, change.date, end=False
            )
            p.find(qn("w:pPr")).addnext(start)  # type: ignore[union-attr]

    def _close_move(self, p: etree._Element, change: Change | None) -> None:
        if change is not None and change.kind in ("moveFrom", "moveTo"):
            move_id = self._move_ids.pop(id(p))
            p.append(oxml.move_range(change.kind, move_id, change.name, "", "", end=True))

    def _item(
        self,
        item: SubParagraph,
        num_id: int,
        base: int,
        origins: dict[int, Origin],
        change: Change | None = None,
    ) -> etree._Element:
        """Write a sub-paragraph and its own; the last paragraph written."""
        # A sub-paragraph goes with a paragraph tracked as a whole, or comes or goes on its
        # own in a paragraph whose text changed.
        change = item.change or change
        p = self._paragraph(f"subparagraph{item.level}")
        oxml.number_paragraph(p, num_id, base + item.level - 1)
        self._track_paragraph(p, change)
        self._runs(p, item.content)
        self._close_move(p, change)
        self._mark_origin(p, origins[id(item)])
        for child in item.children:
            p = self._item(child, num_id, base, origins, change)
        return p

    def write(self) -> bytes:
        self._setup()
        sect_pr = self.body.find(qn("w:sectPr"))
        for block, origin in zip(self.doc.blocks, block_origins(self.doc.blocks), strict=True):
            self._block(block, origin)
        oxml.lead_paragraph_marks(self.body)
        oxml.add_numbering(self.word.part.numbering_part.element, self._abstracts, self._nums)
        if sect_pr is not None:
            self.body.append(sect_pr)  # the section properties stay last
        meta = self.doc.meta
        add_custom_properties(
            self.word.part.package,
            [(SOURCE_PROPERTY, meta.source), (LANG_PROPERTY, meta.lang), *self.origins.items()],
        )
        return write_package(self.word.part.package, self.clock)


def write_docx(
    doc: Document,
    styles: StyleSheet,
    clock: BuildClock,
    template_parts: dict[str, bytes],
    fonts: Sequence[FontFace] = (),
) -> bytes:
    return DocxWriter(doc, styles, clock, template_parts, fonts).write()


def docx_writer(doc: Document, context: WriteContext) -> bytes:
    """The ``docx`` format, styled by the project's ``styles.yaml`` over the base parts in
    ``templates/docx/`` (the project's own first)."""
    parts = {name: context.find(f"docx/{name}").read_bytes() for name in TEMPLATE_PARTS}
    return write_docx(doc, context.styles, context.clock, parts, _font_faces(context))


def _font_faces(context: WriteContext) -> list[FontFace]:
    """The fonts the style sheet asks the DOCX to carry, found like every template file
    (the project's templates/fonts/ first) and read once per process. A face of a family
    no style uses (the sheet's font changed, the list kept) is left out."""
    sheet = context.styles
    used = {sheet.font} | {
        str(style.props["font"]) for style in sheet.paragraph.values() if "font" in style.props
    }
    faces = []
    for node in sheet.embed_fonts:
        try:
            path = context.find(f"fonts/{node.value}")
        except TemplateError as exc:
            raise node.error(f"font file not found: {node.value}", hint=exc.hint) from exc
        face = _read_face(path, path.stat().st_mtime_ns)
        if face.family in used:
            faces.append(face)
    return faces


@lru_cache(maxsize=16)
def _read_face(path: Path, _mtime_ns: int) -> FontFace:
    return read_face(path)

"""The style sheet (``styles.yaml``): the one design of draftkit documents.

Which roles exist and how each looks, with the page, its number and the notes: the DOCX
writer makes Word styles of it (``render.docx``), the PDF and HTML writers CSS
(``render.css``), so the two outputs cannot drift apart.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from draftkit.errors import InputError
from draftkit.yamlfile import Node, load_yaml

PARAGRAPH_PROPS = {
    "name",
    "size",
    "bold",
    "italic",
    "align",
    "space_before",
    "space_after",
    "keep_with_next",
    "first_line_indent",
    "left_indent",
    "hanging_indent",
    "color",
    "caps",
    "bullet",  # a bulleted list item (Word numbering in DOCX; list-item in CSS)
    "outline_level",  # 0-8: a heading (Word's navigation pane, pandoc); 0 is the top
    "font",  # another family than the document's (the press kicker's sans)
    "line_height",  # a multiple of the font size, as CSS's line-height
    "keep_together",  # the paragraph is not split across pages
    "hyphenate",  # false: never hyphenated (titles, signatures)
    "letter_spacing",  # in em
}
ALIGNMENTS = ("left", "center", "right", "justify")
# What each property may hold. The values reach Word's XML and the CSS as they are, so a
# value outside these (a colour "red;}", a size of 200,000,000, a NUL in a name) is an error
# at its line, never a broken document.
NUMBERS = {  # property: (lowest, highest)
    "size": (1.0, 400.0),  # points
    "space_before": (0.0, 1000.0),
    "space_after": (0.0, 1000.0),
    "first_line_indent": (-50.0, 50.0),  # centimetres
    "left_indent": (-50.0, 50.0),
    "hanging_indent": (-50.0, 50.0),
    "outline_level": (0, 8),
    "line_height": (0.5, 5.0),
    "letter_spacing": (-0.5, 1.0),
}
INTEGERS = {"outline_level"}
SWITCHES = {"bold", "italic", "keep_with_next", "caps", "bullet", "keep_together", "hyphenate"}
FONT_CLASSES = ("serif", "sans", "mono")
PAGE = {
    "width_cm": (5.0, 200.0),
    "height_cm": (5.0, 200.0),
    "margin_cm": (0.0, 20.0),  # every side, unless one is given on its own
    "margin_top_cm": (0.0, 20.0),
    "margin_bottom_cm": (0.0, 20.0),
    "margin_left_cm": (0.0, 20.0),
    "margin_right_cm": (0.0, 20.0),
    "footer_cm": (0.0, 20.0),  # from the page's edge to the foot of the page number
}
# Where the page number goes: a CSS page-margin box and Word's header or footer.
NUMBER_POSITIONS = tuple(
    f"{edge}-{side}" for edge in ("bottom", "top") for side in ("left", "center", "right")
)
NUMBER_FIELDS = ("page", "pages")
# Pyphen's limits (hyphenate-limit-chars): a word of fewer letters is not hyphenated, and
# neither part of a hyphenated one is shorter than its limit ("wo-men", "ac-count").
HYPHENATION = {"min_word": (2, 30), "min_before": (1, 15), "min_after": (1, 15)}
_COLOUR = re.compile(r"^[0-9A-Fa-f]{6}$")

REFERENCE = "draftkit's own templates/styles.yaml, whose comments describe each field"


def _text(node: Node, what: str, example: str) -> str:
    value = node.text(what)
    if not value.strip() or any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise node.error(
            f"{what} must be a name without control characters: {value!r}",
            hint=f"write the name as Word shows it, e.g. {example}",
        )
    return value


def _number(node: Node, what: str, low: float, high: float) -> float:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise node.error(
            f"{what} must be a number from {low:g} to {high:g}, not {node.value!r}",
            hint="sizes are in points, indents and page measures in centimetres",
        )
    return float(value)


def _check_prop(key: str, node: Node, role: str) -> None:
    what = f"'{key}' of style '{role}'"
    if key in INTEGERS and (isinstance(node.value, bool) or not isinstance(node.value, int)):
        raise node.error(
            f"{what} must be a whole number, not {node.value!r}", hint="write it without quotes"
        )
    if key in NUMBERS:
        _number(node, what, *NUMBERS[key])
    elif key in SWITCHES and not isinstance(node.value, bool):
        raise node.error(
            f"{what} must be true or false, not {node.value!r}",
            hint="write true or false without quotes",
        )
    elif key == "font":
        _text(node, what, '"Noto Sans"')
    elif key == "color" and not _COLOUR.match(str(node.value)):
        raise node.error(
            f"{what} must be a colour as six hex digits, not {node.value!r}",
            hint="e.g. color: C00000 (dark red) or 595959 (grey)",
        )


@dataclass(frozen=True)
class StyleDef:
    role: str
    name: str
    props: dict[str, object]

    @property
    def style_id(self) -> str:
        return "".join(ch for ch in self.name.title() if ch.isalnum())


@dataclass(frozen=True)
class PageNumber:
    """The page number: "{page} / {pages}" at the foot of the page, centred."""

    format: str = "{page} / {pages}"
    position: str = "bottom-center"
    size: float = 9

    @property
    def edge(self) -> str:  # bottom or top
        return self.position.partition("-")[0]

    @property
    def side(self) -> str:  # left, center or right
        return self.position.partition("-")[2]

    def pieces(self) -> list[tuple[str, str]]:
        """The format as ("text", literal) and ("field", "page" | "pages") pieces."""
        out: list[tuple[str, str]] = []
        for literal, name, _, _ in string.Formatter().parse(self.format):
            if literal:
                out.append(("text", literal))
            if name is not None:
                out.append(("field", name))
        return out


@dataclass
class StyleSheet:
    path: Path
    font: str = "Noto Serif"  # the family the built-in PDF design bundles
    font_class: str = "serif"  # what a reader without the font substitutes: serif, sans, mono
    size: float = 11
    line_height: float = 1.35  # a multiple of the font size
    widow_control: bool = True
    page: dict[str, float] = field(default_factory=dict)
    page_number: PageNumber | None = field(default_factory=PageNumber)
    hyphenation: dict[str, int] = field(
        default_factory=lambda: {"min_word": 6, "min_before": 3, "min_after": 3}
    )
    note_size: float = 9
    note_line_height: float = 1.25
    # Font files (under the templates' fonts/) a DOCX carries, each with its line here.
    embed_fonts: list[Node] = field(default_factory=list)
    paragraph: dict[str, StyleDef] = field(default_factory=dict)
    character: dict[str, StyleDef] = field(default_factory=dict)

    @property
    def roles(self) -> set[str]:
        return set(self.paragraph)

    def margin(self, side: str) -> float:
        """A page margin in centimetres: its own, or the common one."""
        return self.page.get(f"margin_{side}_cm", self.page.get("margin_cm", 2.5))

    @property
    def footer(self) -> float:
        """From the page's edge to the page number, in centimetres."""
        return self.page.get("footer_cm", 1.2)


def alignment(style: StyleDef, *, ragged_right: bool) -> str | None:
    """A role's alignment in a language set ragged right (no hyphenation dictionary):
    justified text becomes left-aligned, any other alignment (a centred title, a signature
    on the right) is the role's own."""
    align = style.props.get("align")
    if align == "justify" and ragged_right:
        return "left"
    return str(align) if align is not None else None


def _defs(node: Node | None) -> dict[str, StyleDef]:
    if node is None or node.value is None:
        return {}
    if not node.is_mapping():
        raise node.error("styles are a mapping of role: {name, ...}")
    out = {}
    for role, spec in node.items():
        if not spec.is_mapping():
            raise spec.error(f"style '{role}' must be a mapping with at least 'name'")
        spec.check_keys(PARAGRAPH_PROPS, f"style '{role}'")
        for key, value in spec.items():
            if key != "name":
                _check_prop(key, value, role)
        props = {k: v.value for k, v in spec.items()}
        name_node = spec.get("name")
        if name_node is None or not props.pop("name", None):
            raise spec.error(f"style '{role}' has no 'name'", hint="give it a Word style name")
        name = _text(name_node, f"the name of style '{role}'", '"Operative Paragraph"')
        align = props.get("align")
        if align is not None and align not in ALIGNMENTS:
            raise spec.get("align").error(  # type: ignore[union-attr]
                f"unknown alignment {align!r}", hint="one of: " + ", ".join(ALIGNMENTS)
            )
        out[role] = StyleDef(role, name, props)
    return out


def load_style_sheet(path: Path) -> StyleSheet:
    """The style sheet at ``path``; parsed once per content (a press kit renders many
    documents in one process, and YAML parsing is most of a small document's build)."""
    stat = path.stat()
    return _load_style_sheet(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_style_sheet(path: Path, _mtime_ns: int, _size: int) -> StyleSheet:
    root = load_yaml(path, None, REFERENCE)
    if not root.is_mapping():
        raise InputError(
            "a style sheet is a mapping with 'document', 'paragraph' and 'character'", path=path
        )
    root.check_keys({"document", "docx", "paragraph", "character"}, "the style sheet")
    sheet = StyleSheet(path)
    # 'docx' is the older name of the document settings, from when only Word read them.
    settings = root.get("document") or root.get("docx")
    if root.get("document") is not None and root.get("docx") is not None:
        raise root.get("docx").error(  # type: ignore[union-attr]
            "the style sheet has both 'document' and 'docx'", hint="rename 'docx' to 'document'"
        )
    if settings is not None and settings.is_mapping():
        _document_settings(sheet, settings)
    sheet.paragraph = _defs(root.get("paragraph"))
    sheet.character = _defs(root.get("character"))
    for required in ("paragraph", "subparagraph1", "subparagraph2"):
        if required not in sheet.paragraph:
            raise InputError(f"the style sheet has no '{required}' style", path=path)
    return sheet


DOCUMENT_KEYS = {
    "font",
    "font_class",
    "size",
    "line_height",
    "widow_control",
    "page",
    "page_number",
    "hyphenation",
    "notes",
    "embed_fonts",
}


def _document_settings(sheet: StyleSheet, settings: Node) -> None:
    settings.check_keys(DOCUMENT_KEYS, "the document settings")
    font = settings.get("font")
    if font is not None:
        sheet.font = _text(font, "the font", '"Noto Serif"')
    font_class = settings.get("font_class")
    if font_class is not None:
        if font_class.value not in FONT_CLASSES:
            raise font_class.error(
                f"font_class must be one of {', '.join(FONT_CLASSES)}, not {font_class.value!r}",
                hint="the kind of font Word substitutes where the font is not installed",
            )
        sheet.font_class = font_class.value
    if (size := settings.get("size")) is not None:
        sheet.size = _number(size, "the font size", *NUMBERS["size"])
    if (line_height := settings.get("line_height")) is not None:
        sheet.line_height = _number(line_height, "the line height", *NUMBERS["line_height"])
    if (widows := settings.get("widow_control")) is not None:
        if not isinstance(widows.value, bool):
            raise widows.error(f"widow_control must be true or false, not {widows.value!r}")
        sheet.widow_control = widows.value
    page = settings.get("page")
    if page is not None and page.is_mapping():
        page.check_keys(set(PAGE), "the page")
        sheet.page = {k: _number(v, f"the page's {k}", *PAGE[k]) for k, v in page.items()}
    if (number := settings.get("page_number")) is not None:
        sheet.page_number = _page_number(number)
    hyphenation = settings.get("hyphenation")
    if hyphenation is not None and hyphenation.is_mapping():
        hyphenation.check_keys(set(HYPHENATION), "the hyphenation")
        for key, node in hyphenation.items():
            value = _number(node, f"the hyphenation's {key}", *HYPHENATION[key])
            if value != int(value):
                raise node.error(f"the hyphenation's {key} must be a whole number of letters")
            sheet.hyphenation[key] = int(value)
    if (embed := settings.get("embed_fonts")) is not None:
        sheet.embed_fonts = _font_files(embed)
    notes = settings.get("notes")
    if notes is not None and notes.is_mapping():
        notes.check_keys({"size", "line_height"}, "the notes")
        if (size := notes.get("size")) is not None:
            sheet.note_size = _number(size, "the notes' size", *NUMBERS["size"])
        if (line_height := notes.get("line_height")) is not None:
            sheet.note_line_height = _number(
                line_height, "the notes' line height", *NUMBERS["line_height"]
            )


def _font_files(node: Node) -> list[Node]:
    """``embed_fonts``: file names under the templates' ``fonts/`` folder, never a path
    out of it (a style sheet may come from another organisation)."""
    if node.value is None:
        return []
    hint = "e.g. embed_fonts: [docx/NotoSerif-Regular.ttf], names under templates/fonts/"
    if not node.is_sequence():
        raise node.error("embed_fonts is a list of font files", hint=hint)
    for element in node.elements():
        name = element.value
        parts = name.split("/") if isinstance(name, str) else []
        if (
            not parts
            or any(part in ("", ".", "..") for part in parts)
            or "\\" in name
            or not name.lower().endswith((".ttf", ".otf"))
            or any(unicodedata.category(ch) in ("Cc", "Cs") for ch in name)
        ):
            raise element.error(f"not a font file under fonts/: {name!r}", hint=hint)
    return node.elements()


def _page_number(node: Node) -> PageNumber | None:
    """``page_number: false`` (none), or {format, position, size}."""
    if node.value is False or node.value is None:
        return None
    if not node.is_mapping():
        raise node.error(
            "page_number is false or a mapping of format, position and size",
            hint='e.g. page_number: {format: "{page} / {pages}", position: bottom-center}',
        )
    node.check_keys({"format", "position", "size"}, "the page number")
    number = PageNumber()
    if (fmt := node.get("format")) is not None:
        text = _text(fmt, "the page number's format", '"{page} / {pages}"')
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as exc:
            raise fmt.error(f"the page number's format {text!r} is not valid ({exc})") from exc
        unknown = fields - set(NUMBER_FIELDS)
        if unknown or "page" not in fields:
            raise fmt.error(
                f"the page number's format {text!r} must name {{page}}"
                " and may name {pages}, nothing else",
                hint='e.g. "{page} / {pages}" or "Page {page} of {pages}"',
            )
        number = replace(number, format=text)
    if (position := node.get("position")) is not None:
        if position.value not in NUMBER_POSITIONS:
            raise position.error(
                f"unknown page number position {position.value!r}",
                hint="one of: " + ", ".join(NUMBER_POSITIONS),
            )
        number = replace(number, position=position.value)
    if (size := node.get("size")) is not None:
        number = replace(number, size=_number(size, "the page number's size", *NUMBERS["size"]))
    return number

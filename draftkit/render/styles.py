"""The style sheet (``styles.yaml``): which roles exist and how each looks in Word."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
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
}
INTEGERS = {"outline_level"}
SWITCHES = {"bold", "italic", "keep_with_next", "caps", "bullet"}
FONT_CLASSES = ("serif", "sans", "mono")
PAGE = {"width_cm": (5.0, 200.0), "height_cm": (5.0, 200.0), "margin_cm": (0.0, 20.0)}
_COLOUR = re.compile(r"^[0-9A-Fa-f]{6}$")


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
        raise node.error(f"{what} must be a whole number, not {node.value!r}")
    if key in NUMBERS:
        _number(node, what, *NUMBERS[key])
    elif key in SWITCHES and not isinstance(node.value, bool):
        raise node.error(f"{what} must be true or false, not {node.value!r}")
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


@dataclass
class StyleSheet:
    path: Path
    font: str = "Noto Serif"  # the family the built-in PDF design bundles
    font_class: str = "serif"  # what a reader without the font substitutes: serif, sans, mono
    size: float = 12
    page: dict[str, float] = field(default_factory=dict)
    paragraph: dict[str, StyleDef] = field(default_factory=dict)
    character: dict[str, StyleDef] = field(default_factory=dict)

    @property
    def roles(self) -> set[str]:
        return set(self.paragraph)


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
    root = load_yaml(path)
    if not root.is_mapping():
        raise InputError(
            "a style sheet is a mapping with 'docx', 'paragraph' and 'character'", path=path
        )
    root.check_keys({"docx", "paragraph", "character"}, "the style sheet")
    sheet = StyleSheet(path)
    docx = root.get("docx")
    if docx is not None and docx.is_mapping():
        docx.check_keys({"font", "font_class", "size", "page"}, "the docx settings")
        font = docx.get("font")
        font_class = docx.get("font_class")
        if font_class is not None:
            if font_class.value not in FONT_CLASSES:
                raise font_class.error(
                    f"font_class must be one of {', '.join(FONT_CLASSES)},"
                    f" not {font_class.value!r}",
                    hint="the kind of font Word substitutes where the font is not installed",
                )
            sheet.font_class = font_class.value
        size = docx.get("size")
        page = docx.get("page")
        if font is not None:
            sheet.font = _text(font, "the font", '"Noto Serif"')
        if size is not None:
            sheet.size = _number(size, "the font size", *NUMBERS["size"])
        if page is not None and page.is_mapping():
            page.check_keys(set(PAGE), "the page")
            sheet.page = {k: _number(v, f"the page's {k}", *PAGE[k]) for k, v in page.items()}
    sheet.paragraph = _defs(root.get("paragraph"))
    sheet.character = _defs(root.get("character"))
    for required in ("paragraph", "subparagraph1", "subparagraph2"):
        if required not in sheet.paragraph:
            raise InputError(f"the style sheet has no '{required}' style", path=path)
    return sheet

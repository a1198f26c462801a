"""The style sheet (``styles.yaml``): which roles exist and how each looks in Word."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from draftkit.errors import InputError
from draftkit.library.yamlfile import Node, load_yaml

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
}
ALIGNMENTS = ("left", "center", "right", "justify")


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
        props = {k: v.value for k, v in spec.items()}
        name = str(props.pop("name", "") or "")
        if not name:
            raise spec.error(f"style '{role}' has no 'name'", hint="give it a Word style name")
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
        font = docx.get("font")
        size = docx.get("size")
        page = docx.get("page")
        if font is not None:
            sheet.font = font.text("font")
        if size is not None:
            sheet.size = float(size.value)
        if page is not None and page.is_mapping():
            sheet.page = {k: float(v.value) for k, v in page.items()}
    sheet.paragraph = _defs(root.get("paragraph"))
    sheet.character = _defs(root.get("character"))
    for required in ("paragraph", "subparagraph1", "subparagraph2"):
        if required not in sheet.paragraph:
            raise InputError(f"the style sheet has no '{required}' style", path=path)
    return sheet

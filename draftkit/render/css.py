"""The CSS of the style sheet: what ``styles.yaml`` declares, as the PDF and HTML see it.

The DOCX writer makes Word styles of the same declaration, so a role looks the same in
both: one rule ``.dk-<role>`` per role (a class selector, whatever element carries it),
the page and its number in ``@page``, and the locale rule: a language set ragged right
(``html.dk-unhyphenated``, no hyphenation dictionary) turns justified roles left and
leaves every other alignment alone. ``templates/pdf/document.css`` comes after this, for
what no role declares (fonts, footnote mechanics, links), and may override any of it.
"""

from __future__ import annotations

from draftkit.render.styles import PageNumber, StyleDef, StyleSheet, alignment

GENERIC = {"serif": "serif", "sans": "sans-serif", "mono": "monospace"}
# The families of templates/fonts have private names (see document.css): a bundled face
# wins over a system font of the same name; any other family is found on the system.
PRIVATE_PREFIX = "draftkit "
UNHYPHENATED = "html.dk-unhyphenated"


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def family(font: str, font_class: str = "serif") -> str:
    return f"{_string(PRIVATE_PREFIX + font)}, {_string(font)}, {GENERIC[font_class]}"


def _num(value: float) -> str:
    return f"{value:g}"


def role_declarations(style: StyleDef, sheet: StyleSheet) -> dict[str, str]:
    """Every property of a role, so that an element's own defaults (an h1's size, a
    list's margins) never show through."""
    props = style.props

    def number(key: str, default: float = 0.0) -> float:
        return float(props.get(key, default))  # type: ignore[arg-type]

    left = number("left_indent")
    first = -number("hanging_indent") if "hanging_indent" in props else number("first_line_indent")
    out = {
        "font-size": f"{_num(number('size', sheet.size))}pt",
        "font-weight": "bold" if props.get("bold") else "normal",
        "font-style": "italic" if props.get("italic") else "normal",
        "text-align": alignment(style, ragged_right=False) or "left",
        # Word adds a paragraph's space before to the previous one's space after, where
        # CSS margins would collapse to the larger: padding adds up as Word does.
        "margin": f"0 0 {_num(number('space_after'))}pt {_num(left)}cm",
        "padding": f"{_num(number('space_before'))}pt 0 0 0",
        "text-indent": f"{_num(first)}cm",
    }
    if "line_height" in props:
        out["line-height"] = _num(number("line_height"))
    if "font" in props:
        out["font-family"] = family(str(props["font"]), sheet.font_class)
    if props.get("color"):
        out["color"] = f"#{props['color']}"
    if props.get("caps"):
        out["text-transform"] = "uppercase"
    if "letter_spacing" in props:
        out["letter-spacing"] = f"{_num(number('letter_spacing'))}em"
    if props.get("keep_with_next"):
        out["break-after"] = "avoid"
    if props.get("keep_together"):
        out["break-inside"] = "avoid"
    if props.get("hyphenate") is False:
        out["hyphens"] = "manual"
    if props.get("bullet"):
        # The bullet hangs in the indent, as Word's does.
        out.update({"display": "list-item", "list-style": "disc outside", "text-indent": "0"})
    return out


def _rule(selector: str, declarations: dict[str, str]) -> str:
    body = "; ".join(f"{k}: {v}" for k, v in declarations.items())
    return f"{selector} {{ {body}; }}"


def _page_number_content(number: PageNumber) -> str:
    parts = [
        _string(value) if kind == "text" else f"counter({value})" for kind, value in number.pieces()
    ]
    return " ".join(parts)


def page_rules(sheet: StyleSheet) -> str:
    width = sheet.page.get("width_cm", 21.0)
    height = sheet.page.get("height_cm", 29.7)
    margins = " ".join(f"{_num(sheet.margin(s))}cm" for s in ("top", "right", "bottom", "left"))
    lines = ["@page {", f"  size: {_num(width)}cm {_num(height)}cm;", f"  margin: {margins};"]
    number = sheet.page_number
    if number is not None:
        # Word puts a footer's foot (a header's head) at this distance from the page's edge.
        edge = "bottom" if number.edge == "bottom" else "top"
        lines += [
            f"  @{number.position} {{",
            f"    content: {_page_number_content(number)};",
            f"    font-family: {family(sheet.font, sheet.font_class)};",
            f"    font-size: {_num(number.size)}pt;",
            f"    line-height: {_num(sheet.note_line_height)};",
            f"    vertical-align: {edge};",
            f"    text-align: {number.side};",
            f"    padding-{edge}: {_num(sheet.footer)}cm;",
            "  }",
        ]
    lines.append("}")
    return "\n".join(lines)


def stylesheet_css(sheet: StyleSheet) -> str:
    """The CSS of ``styles.yaml``: the page, the document's type and every role."""
    limits = sheet.hyphenation
    root = {
        "font-family": family(sheet.font, sheet.font_class),
        "font-size": f"{_num(sheet.size)}pt",
        "line-height": _num(sheet.line_height),
        "orphans": "2" if sheet.widow_control else "1",
        "widows": "2" if sheet.widow_control else "1",
        "hyphenate-limit-chars": (
            f"{limits['min_word']} {limits['min_before']} {limits['min_after']}"
        ),
    }
    notes = {"font-size": f"{_num(sheet.note_size)}pt", "line-height": _num(sheet.note_line_height)}
    rules = [
        f"/* generated from {sheet.path.name}: change the design there */",
        page_rules(sheet),
        _rule("html", root),
        _rule(".dk-footnote, .dk-endnotes, .dk-footnotes-preview", notes),
    ]
    for role, style in sheet.paragraph.items():
        declarations = role_declarations(style, sheet)
        rules.append(_rule(f".dk-{role}", declarations))
        hanging = style.props.get("hanging_indent")
        if hanging and not style.props.get("bullet"):
            # The number or label fills the hanging indent, as Word's tab does.
            rules.append(
                _rule(
                    f".dk-{role} .dk-num, .dk-{role} .dk-label",
                    {
                        "display": "inline-block",
                        "width": f"{_num(float(hanging))}cm",  # type: ignore[arg-type]
                        "text-indent": "0",
                    },
                )
            )
        if alignment(style, ragged_right=True) != alignment(style, ragged_right=False):
            rules.append(_rule(f"{UNHYPHENATED} .dk-{role}", {"text-align": "left"}))
        if "space_after" in style.props:
            # A paragraph's sub-paragraphs end with its own space after, as in the DOCX,
            # not with a sub-paragraph's smaller one against the next number. The last
            # sub-paragraph's margin collapses into the list's: the larger wins.
            after = float(style.props["space_after"])  # type: ignore[arg-type]
            rules.append(_rule(f".dk-{role} + .dk-sublist", {"margin-bottom": f"{_num(after)}pt"}))
    for role, style in sheet.character.items():
        declarations = {}
        if "bold" in style.props:
            declarations["font-weight"] = "bold" if style.props["bold"] else "normal"
        if "italic" in style.props:
            declarations["font-style"] = "italic" if style.props["italic"] else "normal"
        if declarations:
            rules.append(_rule(f".dk-{role}", declarations))
    return "\n".join(rules) + "\n"

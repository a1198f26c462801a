"""Inlines as escaped markup: the em/strong/a tags draftkit XML and HTML have in common.

Both vocabularies share these three tags on purpose, so one serialiser serves both; they
differ only in how a note call is written, which the caller supplies.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from draftkit.model.nodes import Change, Emph, Inline, Link, NoteRef, Strong, Text

_CHANGE_TAGS = {
    "ins": ("ins", ""),
    "del": ("del", ""),
    "moveTo": ("ins", ' class="dk-move"'),
    "moveFrom": ("del", ' class="dk-move"'),
}


def inlines_to_markup(
    inlines: list[Inline],
    note_call: Callable[[NoteRef], str],
    link_text: Callable[[str], str] | None = None,
    *,
    _in_link: bool = False,
) -> Markup:
    """``link_text``, if given, writes the text inside links (escaped by it)."""
    parts: list[str] = []

    def inner(children: list[Inline], in_link: bool = _in_link) -> Markup:
        return inlines_to_markup(children, note_call, link_text, _in_link=in_link)

    for node in inlines:
        if isinstance(node, Text):
            if _in_link and link_text is not None:
                parts.append(link_text(node.text))
            else:
                parts.append(str(escape(node.text)))
        elif isinstance(node, Emph):
            parts.append(f"<em>{inner(node.children)}</em>")
        elif isinstance(node, Strong):
            parts.append(f"<strong>{inner(node.children)}</strong>")
        elif isinstance(node, Link):
            parts.append(f'<a href="{escape(node.url)}">{inner(node.children, True)}</a>')
        elif isinstance(node, NoteRef):
            parts.append(note_call(node))
        elif isinstance(node, Change):
            tag, attrs = _CHANGE_TAGS[node.kind]
            parts.append(f"<{tag}{attrs}>{inner(node.children)}</{tag}>")
    return Markup("".join(parts))

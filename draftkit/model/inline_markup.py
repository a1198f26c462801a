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


def inlines_to_markup(inlines: list[Inline], note_call: Callable[[NoteRef], str]) -> Markup:
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(str(escape(node.text)))
        elif isinstance(node, Emph):
            parts.append(f"<em>{inlines_to_markup(node.children, note_call)}</em>")
        elif isinstance(node, Strong):
            parts.append(f"<strong>{inlines_to_markup(node.children, note_call)}</strong>")
        elif isinstance(node, Link):
            inner = inlines_to_markup(node.children, note_call)
            parts.append(f'<a href="{escape(node.url)}">{inner}</a>')
        elif isinstance(node, NoteRef):
            parts.append(note_call(node))
        elif isinstance(node, Change):
            tag, attrs = _CHANGE_TAGS[node.kind]
            inner = inlines_to_markup(node.children, note_call)
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
    return Markup("".join(parts))

"""The previous source text of a fuzzy entry (``#| msgctxt`` / ``#| msgid``), written as
gettext writes it.

Babel 2.19 reads ``#|`` lines as translator comments (``'| msgid "…"'``) and writes a
``previous_id`` wrapped as comment text, which msgfmt refuses. So draftkit keeps those
comments as Babel reads them while a catalog is in memory (a suggestion of the memory
adds its own the same way), and writes them as real ``#|`` lines, wrapped as msgid is
(:func:`write_previous`); Poedit, Weblate and msgmerge show them as the text the
suggestion was made for.
"""

from __future__ import annotations

import re

# The first line of an entry proper, after its comments.
_ENTRY_START = re.compile(r"^(?:#~ )?(?:msgctxt|msgid) ", re.MULTILINE)
_BLOCK = re.compile(r"(?:.+\n?)+(?:[ \t]*\n)*")
_KEYWORD = re.compile(r'^\|\s*(msgctxt|msgid)\s+(".*")\s*$')
_CONTINUATION = re.compile(r'^\|\s*(".*")\s*$')


def is_previous(comment: str) -> bool:
    """A translator comment that is in fact a ``#|`` line, as Babel reads it."""
    return comment.startswith("|")


def previous_comments(context: str | None, msgid: str) -> list[str]:
    """``#|`` lines for ``context``/``msgid``, in the form Babel reads them into a message's
    translator comments (one line each, not wrapped)."""
    from babel.messages.pofile import escape

    lines = [f"| msgctxt {escape(context)}"] if context is not None else []
    return [*lines, f"| msgid {escape(msgid)}"]


def split_previous(comments: list[str]) -> tuple[list[str], str | None, str | None]:
    """(the other comments, previous msgctxt, previous msgid) of a message's translator
    comments; a ``#|`` line this cannot read stays an ordinary comment."""
    from babel.messages.pofile import unescape

    others: list[str] = []
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for comment in comments:
        keyword = _KEYWORD.match(comment)
        continued = _CONTINUATION.match(comment)
        if keyword:
            current = found.setdefault(keyword.group(1), [])
            current.append(unescape(keyword.group(2)))
        elif continued and current is not None:
            current.append(unescape(continued.group(1)))
        else:
            current = None
            others.append(comment)
    context = "".join(found["msgctxt"]) if "msgctxt" in found else None
    msgid = "".join(found["msgid"]) if "msgid" in found else None
    return others, context, msgid


def write_previous(context: str | None, msgid: str, width: int) -> str:
    """The ``#|`` lines of a PO entry, wrapped as gettext wraps a msgid."""
    from babel.messages.pofile import normalize

    def lines(keyword: str, text: str) -> str:
        # Babel's own prefix= counts the prefix once per word: wrap first, then prefix.
        first, *rest = normalize(text, prefix="", width=width - len("#| ")).split("\n")
        return "".join([f"#| {keyword} {first}\n", *(f"#| {line}\n" for line in rest)])

    return (lines("msgctxt", context) if context is not None else "") + lines("msgid", msgid)


def with_previous(text: str, previous: list[tuple[str | None, str | None]], width: int) -> str:
    """``text``, a PO file Babel wrote with one blank-line separated block per message
    after its header, with ``previous[i]``'s ``#|`` lines in the i-th message's block.
    A file of another shape is returned as it is (no ``#|`` is better than a wrong one)."""
    blocks = _BLOCK.findall(text)
    if len(blocks) < len(previous):
        return text
    head, body = blocks[: len(blocks) - len(previous)], blocks[len(blocks) - len(previous) :]
    out = list(head)
    for block, (context, msgid) in zip(body, previous, strict=True):
        start = _ENTRY_START.search(block)
        if start is None:
            return text
        if msgid is None:
            out.append(block)
        else:
            lines = write_previous(context, msgid, width)
            out.append(block[: start.start()] + lines + block[start.start() :])
    return "".join(out)

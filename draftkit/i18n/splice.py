"""Writing a merged PO file that keeps what the translator wrote.

Babel's writer re-wraps every entry at one width, so a file from Poedit, from msgmerge or
wrapped by hand would be rewritten in full by a merge that changed nothing in it. No width
reproduces a translator's choices (they differ from entry to entry), so :func:`splice`
keeps the original text of every entry whose content is unchanged and takes Babel's text
only for the entries the merge changed (new, newly fuzzy, moved references, obsolete).
The header is the translator's (a merge never changes it; Babel would drop headers it does
not know, such as ``X-Generator``). Content is compared as Babel reads it (text, context,
translation, flags, comments, references), never as written, so wrapping does not count.
"""

from __future__ import annotations

import io
import re
from collections.abc import Hashable
from dataclasses import dataclass

from draftkit.i18n.previous import split_previous

# Entries are separated by blank lines; the separator is kept with the block before it.
_BLOCK = re.compile(r"(?:.+\n?)+(?:[ \t]*\n)*")
_OBSOLETE = re.compile(r"^#~ msgid ", re.MULTILINE)
_HEADER = re.compile(r'^msgid ""\n(?:msgstr ""\n)', re.MULTILINE)


@dataclass(frozen=True)
class Spliced:
    text: str
    kept: int  # entries (active, not obsolete) kept as the translator wrote them


def _blocks(text: str) -> list[str]:
    return _BLOCK.findall(text)


def _is_header(block: str) -> bool:
    return bool(_HEADER.search(block)) and "msgctxt" not in block


def _head_length(blocks: list[str]) -> int:
    """How many leading blocks are the header: comments up to the ``msgid ""`` entry."""
    for index, block in enumerate(blocks):
        if _is_header(block):
            return index + 1
        if re.search(r"^(?:#~ )?msg", block, re.MULTILINE):
            return 0  # an entry before any header: the file has none
    return 0


def signature(block: str, header: str = "") -> tuple[bool, Hashable] | None:
    """(obsolete, content) of the one entry in ``block``, or None if it holds another
    number of entries (then it is never matched). ``header``, the file's header entry,
    gives the number of plural forms."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        data = (_separated(header) + block).encode("utf-8")
        catalog = read_po(io.BytesIO(data), ignore_obsolete=False)
    except (PoFileError, ValueError):  # a block Babel cannot read on its own: never matched
        return None
    found = [(False, m) for m in catalog if m.id]
    found += [(True, m) for m in catalog.obsolete.values()]
    if len(found) != 1:
        return None
    obsolete, m = found[0]
    comments, previous_context, previous_id = split_previous(m.user_comments)
    return obsolete, (
        _hashable(m.id),
        m.context,
        _hashable(m.string),
        tuple(sorted(m.flags)),
        # Babel splits a comment wrapped over lines into several: compare their words
        tuple(" ".join(m.auto_comments).split()),
        tuple(" ".join(comments).split()),
        tuple(m.locations),
        (previous_context, previous_id),  # "#|" lines: their text, not their wrapping
    )


def _hashable(value: str | tuple[str, ...] | list[str]) -> str | tuple[str, ...]:
    return value if isinstance(value, str) else tuple(value)


def splice(original: str, written: str) -> Spliced:
    """``written`` (Babel's output of the merged catalog) with the header and every
    unchanged entry of ``original`` in the translator's own text. Returns ``original``
    itself when no entry changed."""
    old = _blocks(original)
    new = _blocks(written)
    old_head, new_head = _head_length(old), _head_length(new)
    old_header = old[old_head - 1] if old_head else ""
    new_header = new[new_head - 1] if new_head else ""
    # A block written the same on both sides is the same entry: it is keyed by its text,
    # and only the others are read with Babel (a block at a time: the slow part, 4 ms).
    common: set[str] = set()
    if _plurals(old_header) == _plurals(new_header):
        common = {b.rstrip() for b in old[old_head:]} & {b.rstrip() for b in new[new_head:]}
    old_body = [(_key(b, old_header, common), b) for b in old[old_head:]]
    new_body = [(_key(b, new_header, common), b) for b in new[new_head:]]
    if old_head and [s for s, _ in old_body] == [s for s, _ in new_body]:
        return Spliced(original, sum(1 for s, _ in new_body if s is not None and not s[0]))
    by_signature = {sig: block for sig, block in old_body if sig is not None}
    head = old[:old_head] if old_head else new[:new_head]
    body: list[str] = []
    kept = 0
    for sig, block in new_body:
        mine = by_signature.get(sig) if sig is not None else None
        if sig is None or mine is None:
            body.append(block)
            continue
        kept += 0 if sig[0] else 1
        body.append(_separated(mine))
    return Spliced("".join(_separated(b) for b in head) + "".join(body), kept)


def _key(block: str, header: str, common: set[str]) -> tuple[bool, Hashable] | None:
    text = block.rstrip()
    if text in common:
        return bool(_OBSOLETE.search(text)), ("text", text)
    return signature(block, header)


def _plurals(header: str) -> str | None:
    found = re.search(r"Plural-Forms:[^\n]*", header)
    return found.group(0) if found else None


def _separated(block: str) -> str:
    """A block followed by one blank line at least (the original's last entry may have
    none; in the middle of the file it needs one)."""
    if block.endswith("\n\n"):
        return block
    return block + ("\n" if block.endswith("\n") else "\n\n")

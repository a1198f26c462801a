"""Where each paragraph of a document comes from, as a short stable key.

A key names a library clause and the part of it (``clause:support-x`` for the clause's own
paragraph, ``clause:support-x/2.1`` for its sub-paragraph (b)(i)), or a paragraph of the
document itself by role and rank (``field:title``, ``field:dateline.2``,
``field:operative.3`` for an inline paragraph of the spec). The DOCX writer marks each
paragraph with a hidden bookmark named after its key, and ``draftkit review`` reads the
marks back to tell which clause a reviewer's edit belongs to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from draftkit.model.nodes import Paragraph, SubParagraph

# Word hides bookmarks whose names start with "_" and allows 40 characters of letters,
# digits and underscores; a key (a clause id may be long, and has hyphens) is hashed.
BOOKMARK_PREFIX = "_dk_"
_HASH_CHARS = 16
# The custom document properties that hold the map and the document's provenance.
SOURCE_PROPERTY = "draftkit.source"
LANG_PROPERTY = "draftkit.lang"


def bookmark_name(key: str) -> str:
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:_HASH_CHARS]
    return f"{BOOKMARK_PREFIX}{digest}"


@dataclass(frozen=True, slots=True)
class Origin:
    """A key parsed: the clause (or None for a document field), and the part."""

    clause_id: str | None
    part: str  # "" for a clause's own paragraph, "2.1" for a sub-paragraph; a field's name

    @property
    def key(self) -> str:
        if self.clause_id is None:
            return f"field:{self.part}"
        return f"clause:{self.clause_id}" + (f"/{self.part}" if self.part else "")

    @classmethod
    def parse(cls, key: str) -> Origin | None:
        kind, _, rest = key.partition(":")
        if kind == "field" and rest:
            return cls(None, rest)
        if kind == "clause" and rest:
            clause_id, _, part = rest.partition("/")
            return cls(clause_id, part)
        return None


def block_origins(blocks: list[Paragraph]) -> list[Origin]:
    """The origin of each block, in order; a clause used twice is keyed by its first use
    and then ``#2``, ``#3``."""
    out: list[Origin] = []
    seen: dict[str, int] = {}
    for block in blocks:
        name = block.clause_id or block.role
        seen[name] = seen.get(name, 0) + 1
        if block.clause_id:
            rank = seen[name]
            out.append(Origin(block.clause_id if rank == 1 else f"{block.clause_id}#{rank}", ""))
        else:
            rank = seen[name]
            out.append(Origin(None, block.role if rank == 1 else f"{block.role}.{rank}"))
    return out


def item_origins(
    origin: Origin, items: list[SubParagraph], prefix: str = ""
) -> Iterator[tuple[SubParagraph, Origin]]:
    """Each sub-paragraph of a block with its origin, in reading order."""
    base = origin.part if origin.clause_id is None else ""
    for number, item in enumerate(items, start=1):
        path = f"{prefix}{number}"
        if origin.clause_id is None:
            part = f"{base}/{path}"
        else:
            part = path
        yield item, Origin(origin.clause_id, part)
        yield from item_origins(origin, item.children, f"{path}.")

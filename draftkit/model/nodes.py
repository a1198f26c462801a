"""Block and inline nodes of an assembled document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Series = Literal["footnote", "endnote"]
SERIES: tuple[Series, ...] = ("footnote", "endnote")


@dataclass(slots=True)
class Text:
    text: str


@dataclass(slots=True)
class Emph:
    children: list[Inline]


@dataclass(slots=True)
class Strong:
    children: list[Inline]


@dataclass(slots=True)
class Link:
    url: str
    children: list[Inline]


@dataclass(slots=True)
class NoteRef:
    """A call to a note; ``note`` is filled in when notes are numbered."""

    source: str
    series: Series
    note: Note | None = None


@dataclass(slots=True)
class Change:
    """A tracked change (a redline): inserted, deleted or moved text, by whom and when."""

    kind: Literal["ins", "del", "moveFrom", "moveTo"]
    children: list[Inline]
    author: str = "draftkit"
    date: str = ""  # ISO 8601, e.g. 2025-03-04T00:00:00Z
    name: str = ""  # a move's two halves share a name


Inline = Text | Emph | Strong | Link | NoteRef | Change


@dataclass(slots=True)
class Note:
    """One footnote or endnote, numbered in order of appearance within its series."""

    series: Series
    number: int
    label: str
    content: list[Inline]
    source: str


@dataclass(slots=True)
class SubParagraph:
    """A lettered sub-paragraph (a), (b) or, one level down, (i), (ii)."""

    content: list[Inline]
    level: int = 1
    label: str = ""
    children: list[SubParagraph] = field(default_factory=list)
    change: Change | None = None  # inserted or deleted as a whole, children too (redlines)


@dataclass(slots=True)
class Paragraph:
    """A block with a role (title, preambular, operative, signature…).

    The role names the style: ``Operative Paragraph`` in DOCX, ``dk-operative`` in HTML.
    ``lead`` is a clause's lead phrase ("Recognizing", "Calls upon"), kept apart so a
    formatting style can italicise it.
    """

    role: str
    content: list[Inline]
    lead: list[Inline] = field(default_factory=list)
    number: int | None = None
    items: list[SubParagraph] = field(default_factory=list)
    clause_id: str | None = None
    numbered: bool = False
    change: Change | None = None  # the whole paragraph inserted, deleted or moved (redlines)

    def sub_paragraphs(self) -> Iterator[SubParagraph]:
        stack = list(reversed(self.items))
        while stack:
            item = stack.pop()
            yield item
            stack.extend(reversed(item.children))


Block = Paragraph


@dataclass(slots=True)
class DocumentMeta:
    title: str
    lang: str
    style: str = "plain"
    kind: str = "resolution"
    date: date | None = None
    place: str = ""
    source: str = ""
    draft: bool = False
    item_label: str = "({})"  # sub-paragraph label form: (a) or a)


@dataclass(slots=True)
class Document:
    meta: DocumentMeta
    blocks: list[Paragraph]
    footnotes: list[Note] = field(default_factory=list)
    endnotes: list[Note] = field(default_factory=list)

    def inline_sequences(self) -> Iterator[list[Inline]]:
        """Every inline list of the body in reading order (lead before content)."""
        for block in self.blocks:
            yield block.lead
            yield block.content
            for item in block.sub_paragraphs():
                yield item.content


def walk(inlines: list[Inline]) -> Iterator[Inline]:
    for node in inlines:
        yield node
        if isinstance(node, Emph | Strong | Link | Change):
            yield from walk(node.children)


def plain_text(inlines: list[Inline]) -> str:
    """The text a reader sees, note calls shown as their labels."""
    out: list[str] = []
    for node in walk(inlines):
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, NoteRef) and node.note is not None:
            out.append(node.note.label)
    return "".join(out)

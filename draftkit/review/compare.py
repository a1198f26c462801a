"""A reviewed DOCX against the document as draftkit builds it now, paragraph by paragraph.

Each paragraph of the reviewed file is placed by its origin mark (``model.origins``); its
text with every tracked change rejected, compared with the text as built, shows the edits
made without tracking; its tracked changes and comments are listed as they are. A marked
paragraph that is gone was deleted without tracking; an unmarked one is new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from draftkit.diff.words import Span, changed, diff_tokens, tokenize
from draftkit.errors import InputError
from draftkit.model.nodes import Document, Inline, NoteRef, Paragraph, Text, walk
from draftkit.model.origins import (
    BOOKMARK_PREFIX,
    LANG_PROPERTY,
    SOURCE_PROPERTY,
    Origin,
    block_origins,
    bookmark_name,
    item_origins,
)
from draftkit.review.reader import NOTE_CALL, Comment, Piece, ReadParagraph, Reviewed

_SPACE = re.compile(r"\s+")
NOTE_SHOWN = "[*]"  # how a note call reads in a report


def normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def inline_text(inlines: list[Inline]) -> str:
    """The text a reader sees, a note call as one :data:`NOTE_CALL` character."""
    out = []
    for node in walk(inlines):
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, NoteRef):
            out.append(NOTE_CALL)
    return "".join(out)


def block_text(block: Paragraph) -> str:
    lead, content = inline_text(block.lead), inline_text(block.content)
    return normal(f"{lead} {content}" if lead and content else lead or content)


def word_diff(old: str, new: str) -> list[Span]:
    return diff_tokens(tokenize([Text(old)]), tokenize([Text(new)]))


@dataclass(slots=True)
class Built:
    """One paragraph as draftkit builds it now."""

    origin: Origin
    role: str
    text: str
    rank: int  # its place in the built document


@dataclass(slots=True)
class ParagraphReview:
    origin: Origin | None  # None: a paragraph the reviewers added
    role: str
    status: str  # "changed", "new", "deleted", "unchanged"
    built: str = ""  # the text as built ("" for a new paragraph)
    original: str = ""  # as reviewed, every tracked change rejected
    accepted: str = ""  # as reviewed, every tracked change accepted
    tracked: list[Piece] = field(default_factory=list)
    untracked: list[Span] = field(default_factory=list)  # built → original
    result: list[Span] = field(default_factory=list)  # built → accepted
    comments: list[Comment] = field(default_factory=list)
    after: Origin | None = None  # a new paragraph: the marked paragraph before it
    tracked_whole: bool = False  # inserted or deleted with change tracking on


@dataclass(slots=True)
class NoteReview:
    series: str
    number: int
    built: str
    original: str
    accepted: str
    tracked: list[Piece]
    untracked: list[Span]


@dataclass(slots=True)
class Review:
    path: Path
    source: str  # the document spec, as the project names it
    lang: str
    paragraphs: list[ParagraphReview]
    notes: list[NoteReview]
    comments: list[Comment]  # every comment, in the file's order


def built_paragraphs(doc: Document) -> list[Built]:
    out: list[Built] = []
    for block, origin in zip(doc.blocks, block_origins(doc.blocks), strict=True):
        out.append(Built(origin, block.role, block_text(block), len(out)))
        for item, item_origin in item_origins(origin, block.items):
            out.append(
                Built(
                    item_origin,
                    f"subparagraph{item.level}",
                    normal(inline_text(item.content)),
                    len(out),
                )
            )
    return out


def provenance(reviewed: Reviewed) -> tuple[str, str]:
    """The document spec and language the reviewed file was built from."""
    props = reviewed.properties
    marked = any(m.startswith(BOOKMARK_PREFIX) for p in reviewed.paragraphs for m in p.marks)
    if SOURCE_PROPERTY not in props or not marked:
        raise InputError(
            "no draftkit origin marks: this DOCX was not built by draftkit, or was saved "
            "by a program that dropped its bookmarks and document properties",
            path=reviewed.path,
            hint="review the DOCX that 'draftkit build' wrote, as edited in Word or LibreOffice",
        )
    return props[SOURCE_PROPERTY], props.get(LANG_PROPERTY, "")


def _origin_of(
    paragraph: ReadParagraph, names: dict[str, str], reviewed: Reviewed, known: set[str]
) -> Origin | None:
    for mark in paragraph.marks:
        if not mark.startswith(BOOKMARK_PREFIX):
            continue
        key = names.get(mark)
        if key is None:
            continue  # a mark of no paragraph built now: its key is in the file's map
        origin = Origin.parse(key)
        if origin is None:
            raise InputError(f"origin mark {mark} holds {key!r}, not an origin", path=reviewed.path)
        if origin.clause_id is not None and origin.clause_id.split("#")[0] not in known:
            raise InputError(
                f"a paragraph is marked as clause '{origin.clause_id.split('#')[0]}', which the "
                "library does not have",
                path=reviewed.path,
                hint="review in the project the document was built from, or restore the clause",
            )
        return origin
    return None


def _tracked_whole(paragraph: ReadParagraph, kind: tuple[str, ...]) -> bool:
    """Every piece of the paragraph inside one kind of tracked change."""
    pieces = [p for p in paragraph.pieces if p.text.strip()]
    return bool(pieces) and all(p.change in kind for p in pieces)


def compare(reviewed: Reviewed, doc: Document, clause_ids: set[str]) -> Review:
    source, lang = provenance(reviewed)
    built = built_paragraphs(doc)
    by_key = {b.origin.key: b for b in built}
    # The file's own map first (it names clauses the library may have lost), then every
    # key the document has now.
    names = {
        name: key for name, key in reviewed.properties.items() if name.startswith(BOOKMARK_PREFIX)
    }
    names.update({bookmark_name(b.origin.key): b.origin.key for b in built})
    out: list[ParagraphReview] = []
    seen: set[str] = set()
    previous: Origin | None = None
    for paragraph in reviewed.paragraphs:
        origin = _origin_of(paragraph, names, reviewed, clause_ids)
        if origin is not None and origin.key in seen:
            origin = None  # a split paragraph: its second half carries the mark too
        comments = [reviewed.comments[c] for c in paragraph.comments if c in reviewed.comments]
        original = normal(paragraph.text("original"))
        accepted = normal(paragraph.text("accepted"))
        tracked = paragraph.changes()
        if origin is None:
            if not accepted and not original:
                continue  # an empty paragraph: nothing to carry back
            whole = _tracked_whole(paragraph, ("ins", "moveTo"))
            out.append(
                ParagraphReview(
                    None,
                    "paragraph",
                    "new",
                    original="" if whole else original,
                    accepted=accepted,
                    tracked=tracked,
                    result=word_diff("", accepted),
                    comments=comments,
                    after=previous,
                    tracked_whole=whole,
                )
            )
            continue
        seen.add(origin.key)
        previous = origin
        expected = by_key.get(origin.key)
        text = expected.text if expected else ""
        untracked = word_diff(text, original)
        result = word_diff(text, accepted)
        deleted = not accepted and _tracked_whole(paragraph, ("del", "moveFrom"))
        status = "deleted" if deleted else "changed" if changed(result) or tracked else "unchanged"
        out.append(
            ParagraphReview(
                origin,
                expected.role if expected else "paragraph",
                status,
                built=text,
                original=original,
                accepted=accepted,
                tracked=tracked,
                untracked=untracked if changed(untracked) else [],
                result=result,
                comments=comments,
                tracked_whole=deleted,
            )
        )
    # Paragraphs built now that the reviewed file has lost: deleted without tracking.
    placed = {p.origin.key: i for i, p in enumerate(out) if p.origin is not None}
    for b in built:
        if b.origin.key in placed:
            continue
        gone = ParagraphReview(
            b.origin, b.role, "deleted", built=b.text, result=word_diff(b.text, "")
        )
        before = [placed[x.origin.key] for x in built[: b.rank] if x.origin.key in placed]
        out.insert(before[-1] + 1 if before else 0, gone)
        placed = {p.origin.key: i for i, p in enumerate(out) if p.origin is not None}
    return Review(
        reviewed.path,
        source,
        lang,
        out,
        compare_notes(reviewed, doc),
        list(reviewed.comments.values()),
    )


def compare_notes(reviewed: Reviewed, doc: Document) -> list[NoteReview]:
    """Notes by series and number: the reviewed file's n-th footnote against the n-th
    footnote built."""
    out: list[NoteReview] = []
    for series, notes in (("footnote", doc.footnotes), ("endnote", doc.endnotes)):
        read = [n for n in reviewed.notes if n.series == series]
        for number, note in enumerate(notes, start=1):
            built = normal(inline_text(note.content))
            if number > len(read):
                out.append(NoteReview(series, number, built, "", "", [], word_diff(built, "")))
                continue
            paragraphs = read[number - 1].paragraphs
            original = normal(" ".join(p.text("original") for p in paragraphs))
            accepted = normal(" ".join(p.text("accepted") for p in paragraphs))
            tracked = [c for p in paragraphs for c in p.changes()]
            untracked = word_diff(built, original)
            if tracked or changed(untracked):
                out.append(
                    NoteReview(
                        series,
                        number,
                        built,
                        original,
                        accepted,
                        tracked,
                        untracked if changed(untracked) else [],
                    )
                )
    return out

"""Comparing two assembled documents paragraph by paragraph.

Both versions are assembled (templates, parameters, translations applied) into the one
document model, and their paragraphs are matched: by clause id where a paragraph comes
from the library, by role and order otherwise (title, dateline, signature), and by
similarity for paragraphs written in the document. A paragraph whose operative number
changed only because another was inserted before it is *renumbered*, not rewritten
("operative 5 is now 6"); ``ignore_renumbering`` leaves those out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import count
from typing import Literal

from draftkit.diff.clauses import TextChange, compare_fields, sort_in_new_order, stayed_in_order
from draftkit.diff.words import Span, Token, changed, diff_tokens, similarity, tokenize
from draftkit.model.labels import lower_letter, lower_roman
from draftkit.model.nodes import Document, Inline, Note, Paragraph, SubParagraph

BlockKind = Literal["added", "removed", "modified", "moved", "renumbered"]
PAIR_THRESHOLD = 0.5


# Parts a reader counts ("preambular 11") even when the document has only one of them;
# other parts (title, dateline, signature) are counted only when there are several.
COUNTED_PARTS = ("preambular", "operative", "paragraph")


def paragraph_name(role: str, number: int | None = None, item: str = "") -> str:
    """How every report names a paragraph: its part and number, and the sub-paragraph's
    label: "preambular 11", "operative 7 (b)", "title"."""
    name = role if number is None else f"{role} {number}"
    return f"{name} {item}" if item else name


def paragraph_ranks(blocks: list[Paragraph]) -> list[int | None]:
    """The number each paragraph of one version is named by: an operative paragraph's own
    number, any other's rank among the paragraphs of its part (not among all the lines,
    title lines included, before it); none for a part the document has once and does not
    count (the title)."""
    totals = Counter(block.role for block in blocks)
    seen: Counter[str] = Counter()
    ranks: list[int | None] = []
    for block in blocks:
        seen[block.role] += 1
        if block.number is not None:
            ranks.append(block.number)
        elif block.role in COUNTED_PARTS or totals[block.role] > 1:
            ranks.append(seen[block.role])
        else:
            ranks.append(None)
    return ranks


@dataclass(slots=True)
class PlacedBlock:
    block: Paragraph
    position: int  # 0-based, among all the document's paragraphs
    rank: int | None = None  # see paragraph_ranks

    @property
    def name(self) -> str:
        return paragraph_name(self.block.role, self.rank)

    def describe(self) -> str:
        """An identity for a paragraph that comes from no clause: "operative 5", "title"."""
        name = self.block.role
        if self.block.number is not None:
            name += f" {self.block.number}"
        return name


@dataclass(slots=True)
class BlockChange:
    kind: BlockKind
    old: PlacedBlock | None
    new: PlacedBlock | None
    texts: list[TextChange] = field(default_factory=list)
    moved: bool = False
    renumbered: tuple[int, int] | None = None

    @property
    def id(self) -> str:
        placed = self.new or self.old
        assert placed is not None
        return placed.block.clause_id or placed.describe()

    @property
    def name(self) -> str:
        """The paragraph's name in the new version (the old one's, if it was removed)."""
        placed = self.new or self.old
        assert placed is not None
        return placed.name

    def field_name(self, field: str) -> str:
        """Where a text change is: "operative 7" for its lead or text, "operative 7 (b)"
        for a sub-paragraph (field "item (b)")."""
        placed = self.new or self.old
        assert placed is not None
        item = field.removeprefix("item ") if field.startswith("item ") else ""
        return paragraph_name(placed.block.role, placed.rank, item)


@dataclass(slots=True)
class NoteChange:
    series: str
    source: str
    kind: Literal["added", "removed", "modified"]
    old: Note | None
    new: Note | None
    spans: list[Span]


@dataclass(slots=True)
class DocumentDiff:
    old_label: str
    new_label: str
    old_count: int
    new_count: int
    changes: list[BlockChange]
    notes: list[NoteChange]
    # Every matched pair (old index, new index, moved), unchanged ones included: what a
    # redline needs to lay both versions out as one document.
    pairs: list[tuple[int, int, bool]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        if kind == "moved":
            return sum(1 for c in self.changes if c.moved)
        if kind == "renumbered":
            return sum(1 for c in self.changes if c.renumbered)
        return sum(1 for c in self.changes if c.kind == kind)

    def summary(self) -> dict[str, int]:
        kinds = ("added", "removed", "modified", "moved", "renumbered")
        return {k: self.count(k) for k in kinds} | {
            "notes": len(self.notes),
            "unchanged": self.new_count - sum(1 for c in self.changes if c.new is not None),
        }

    @property
    def differs(self) -> bool:
        return bool(self.changes or self.notes)


def item_labels(items: list[SubParagraph], prefix: str = "", level: int = 1):  # noqa: ANN202
    for n, item in enumerate(items, start=1):
        label = f"{prefix}({lower_letter(n) if level == 1 else lower_roman(n)})"
        yield label, item
        yield from item_labels(item.children, label, level + 1)


def block_tokens(block: Paragraph) -> list[Token]:
    tokens = tokenize(block.lead)
    if block.lead:
        tokens.append(Token(" "))
    tokens += tokenize(block.content)
    for _, item in item_labels(block.items):
        tokens += [Token(" ")] + tokenize(item.content)
    return tokens


def block_fields(block: Paragraph) -> dict[str, list[Inline]]:
    fields = {"lead": block.lead, "text": block.content}
    fields |= {f"item {label}": item.content for label, item in item_labels(block.items)}
    return fields


def compare_blocks(old: Paragraph, new: Paragraph) -> list[TextChange]:
    return compare_fields(block_fields(old), block_fields(new))


def _keys(blocks: list[Paragraph]) -> list[str | None]:
    """A stable identity per paragraph where one exists: its clause (and which use of
    it), or its role and rank for the parts every document has (title, dateline…)."""
    seen: Counter[str] = Counter()
    keys: list[str | None] = []
    for block in blocks:
        if block.clause_id:
            base = f"clause:{block.clause_id}"
        elif block.role in (
            "operative",
            "preambular",
            "paragraph",
            "opening",
            "closing",
            "chapeau",
        ):
            keys.append(None)  # text written in the document: matched by similarity
            continue
        else:
            base = f"role:{block.role}"
        keys.append(f"{base}#{seen[base]}")
        seen[base] += 1
    return keys


def compare_documents(
    old: Document,
    new: Document,
    old_label: str = "old",
    new_label: str = "new",
    *,
    ignore_renumbering: bool = False,
) -> DocumentDiff:
    old_placed = [PlacedBlock(*p) for p in zip(old.blocks, count(), paragraph_ranks(old.blocks))]
    new_placed = [PlacedBlock(*p) for p in zip(new.blocks, count(), paragraph_ranks(new.blocks))]
    old_keys, new_keys = _keys(old.blocks), _keys(new.blocks)
    old_by_key = {k: p for k, p in zip(old_keys, old_placed, strict=True) if k}
    pairs: list[tuple[PlacedBlock, PlacedBlock]] = []
    paired_old: set[int] = set()
    for key, placed in zip(new_keys, new_placed, strict=True):
        if key and key in old_by_key:
            pairs.append((old_by_key[key], placed))
            paired_old.add(old_by_key[key].position)
    # Paragraphs written in the document (and clauses that changed id): the most similar
    # paragraph of the same role on the other side, if similar enough.
    paired_new = {b.position for _, b in pairs}
    left = [p for p in old_placed if p.position not in paired_old]
    right = [p for p in new_placed if p.position not in paired_new]
    scored = sorted(
        (
            (similarity(block_tokens(a.block), block_tokens(b.block)), a.position, b.position)
            for a in left
            for b in right
            if a.block.role == b.block.role
        ),
        key=lambda s: (-s[0], s[1], s[2]),
    )
    for ratio, i, j in scored:
        if ratio < PAIR_THRESHOLD or i in paired_old or j in paired_new:
            continue
        pairs.append((old_placed[i], new_placed[j]))
        paired_old.add(i)
        paired_new.add(j)
    stayed = stayed_in_order(pairs)  # type: ignore[arg-type]
    changes: list[BlockChange] = []
    for k, (a, b) in enumerate(pairs):
        texts = compare_blocks(a.block, b.block)
        moved = k not in stayed
        renumbered = (
            (a.block.number, b.block.number)
            if a.block.number is not None
            and b.block.number is not None
            and a.block.number != b.block.number
            and not ignore_renumbering
            else None
        )
        if not (texts or moved or renumbered):
            continue
        kind: BlockKind = "modified" if texts else "moved" if moved else "renumbered"
        changes.append(BlockChange(kind, a, b, texts, moved, renumbered))  # type: ignore[arg-type]
    for p in new_placed:
        if p.position not in paired_new:
            spans = [Span("insert", tuple(block_tokens(p.block)))]
            changes.append(BlockChange("added", None, p, [TextChange("text", spans)]))
    for p in old_placed:
        if p.position not in paired_old:
            spans = [Span("delete", tuple(block_tokens(p.block)))]
            changes.append(BlockChange("removed", p, None, [TextChange("text", spans)]))
    sort_in_new_order(changes, [(a.position, b.position) for a, b in pairs])
    return DocumentDiff(
        old_label,
        new_label,
        len(old.blocks),
        len(new.blocks),
        changes,
        compare_notes(old, new),
        [(a.position, b.position, k not in stayed) for k, (a, b) in enumerate(pairs)],
    )


def compare_notes(old: Document, new: Document) -> list[NoteChange]:
    out: list[NoteChange] = []
    for series in ("footnote", "endnote"):
        a = {n.source: n for n in getattr(old, f"{series}s")}
        b = {n.source: n for n in getattr(new, f"{series}s")}
        for source in [*b, *(s for s in a if s not in b)]:
            old_note, new_note = a.get(source), b.get(source)
            old_tokens = tokenize(old_note.content) if old_note else []
            new_tokens = tokenize(new_note.content) if new_note else []
            spans = diff_tokens(old_tokens, new_tokens)
            if old_note is None or new_note is None or changed(spans):
                kind = (
                    "added" if old_note is None else "removed" if new_note is None else "modified"
                )
                out.append(NoteChange(series, source, kind, old_note, new_note, spans))  # type: ignore[arg-type]
    return out

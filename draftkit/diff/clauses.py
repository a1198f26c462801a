"""Comparing two clause sets: what was added, removed, modified, moved or renamed.

Clauses are matched by id first. Of the clauses left over on both sides, a removed and an
added clause of the same kind whose texts are the same or nearly so are one clause whose
id changed (a rename, reported with its similarity). A matched clause is *moved* when it
left the longest run of clauses that kept their relative order, which is how a reader
sees a move: one clause taken out and put elsewhere, not every clause after it shifted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from draftkit.diff.words import (
    Span,
    Token,
    changed,
    diff_tokens,
    longest_increasing,
    similarity,
    tokenize,
)
from draftkit.library.clauses import Clause, SubItem
from draftkit.model.labels import lower_letter, lower_roman
from draftkit.model.nodes import Inline

ChangeKind = Literal["added", "removed", "modified", "moved", "renamed"]
RENAME_THRESHOLD = 0.75


class Placed:
    """A clause where it stands on one side: its file (as shown) and its position.

    A clause whose text is the same on both sides need not be parsed to be compared:
    it is then placed with a loader, called only if a report needs the clause itself."""

    __slots__ = ("_clause", "_load", "file", "folder_file", "position", "previous")

    def __init__(
        self,
        clause: Clause | None,
        file: str,
        position: int,
        folder_file: str = "",
        load: Callable[[], Clause] | None = None,
    ) -> None:
        self._clause = clause
        self._load = load
        self.file = file
        self.position = position
        self.folder_file = folder_file  # relative to the folder compared: same file, both sides
        self.previous: Placed | None = None

    @property
    def clause(self) -> Clause:
        if self._clause is None:
            assert self._load is not None
            self._clause = self._load()
        return self._clause

    @property
    def parsed(self) -> bool:
        return self._clause is not None

    @property
    def line(self) -> int:
        return self.clause.line

    @property
    def after(self) -> str | None:
        """The id of the clause before it, on its side."""
        return self.previous.clause.id if self.previous is not None else None


@dataclass(slots=True)
class TextChange:
    """A changed piece of text: the lead, the text or one sub-paragraph."""

    field: str  # "lead", "text", "item (b)", "item (b)(ii)"
    spans: list[Span]

    def old(self) -> str:
        return "".join(s.text for s in self.spans if s.op != "insert")

    def new(self) -> str:
        return "".join(s.text for s in self.spans if s.op != "delete")


@dataclass(slots=True)
class SetChange:
    """A changed set or value: tags, kind, title, parameters, notes."""

    field: str
    old: object
    new: object
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ClauseChange:
    kind: ChangeKind
    old: Placed | None
    new: Placed | None
    texts: list[TextChange] = field(default_factory=list)
    values: list[SetChange] = field(default_factory=list)
    moved: bool = False
    similarity: float | None = None  # renames only

    @property
    def id(self) -> str:
        return (self.new or self.old).clause.id  # type: ignore[union-attr]

    @property
    def modified(self) -> bool:
        return bool(self.texts or self.values)


@dataclass(slots=True)
class LibraryDiff:
    old_label: str
    new_label: str
    old_count: int
    new_count: int
    changes: list[ClauseChange]

    def count(self, kind: str) -> int:
        if kind == "moved":
            return sum(1 for c in self.changes if c.moved)
        if kind == "modified":
            return sum(1 for c in self.changes if c.kind in ("modified", "renamed") and c.modified)
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def unchanged(self) -> int:
        return self.new_count - sum(1 for c in self.changes if c.new is not None)

    def summary(self) -> dict[str, int]:
        kinds = ("added", "removed", "modified", "moved", "renamed")
        return {kind: self.count(kind) for kind in kinds} | {"unchanged": self.unchanged}

    @property
    def differs(self) -> bool:
        return bool(self.changes)


# -- texts of a clause ---------------------------------------------------------------


def item_texts(
    items: list[SubItem], prefix: str = "", level: int = 1
) -> Iterable[tuple[str, SubItem]]:
    for n, item in enumerate(items, start=1):
        label = f"{prefix}({lower_letter(n) if level == 1 else lower_roman(n)})"
        yield label, item
        yield from item_texts(item.items, label, level + 1)


def clause_tokens(clause: Clause) -> list[Token]:
    """Everything a reader reads of a clause, for similarity."""
    tokens = tokenize(clause.lead.inlines) + [Token(" ")] + tokenize(clause.text.inlines)
    for _, item in item_texts(clause.items):
        tokens += [Token(" ")] + tokenize(item.text.inlines)
    return tokens


def _note_keys(clause: Clause) -> list[str]:
    keys: list[str] = []
    for ref, _ in clause.note_refs():
        key = f"en:{ref.source}" if ref.series == "endnote" else ref.source
        if key not in keys:
            keys.append(key)
    return keys


Texts = dict[str, list[Inline]]  # "lead", "text", "item (a)"… → inlines


def compare_fields(old: Texts, new: Texts) -> list[TextChange]:
    """Word differences, field by field; a field on one side only is all inserted or
    deleted."""
    out: list[TextChange] = []
    for name in [*new, *(k for k in old if k not in new)]:
        spans = diff_tokens(tokenize(old.get(name, [])), tokenize(new.get(name, [])))
        if changed(spans):
            out.append(TextChange(name, spans))
    return out


def clause_fields(clause: Clause) -> Texts:
    fields = {"lead": clause.lead.inlines, "text": clause.text.inlines}
    fields |= {f"item {label}": item.text.inlines for label, item in item_texts(clause.items)}
    return fields


def compare_texts(old: Clause, new: Clause) -> list[TextChange]:
    return compare_fields(clause_fields(old), clause_fields(new))


def compare_values(old: Clause, new: Clause) -> list[SetChange]:
    out: list[SetChange] = []
    for name in ("kind", "title"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(SetChange(name, a, b))
    for name, a_list, b_list in (
        ("tags", old.tags, new.tags),
        ("notes", _note_keys(old), _note_keys(new)),
        ("params", list(old.params), list(new.params)),
    ):
        added = [x for x in b_list if x not in a_list]
        removed = [x for x in a_list if x not in b_list]
        if added or removed:
            out.append(SetChange(name, a_list, b_list, added, removed))
    defaults = {
        name: (param.default, new.params[name].default)
        for name, param in old.params.items()
        if name in new.params and param.default != new.params[name].default
    }
    for name, (a, b) in defaults.items():
        out.append(SetChange(f"default of {{{name}}}", a, b))
    return out


def _sources(items: list[SubItem]) -> list:
    return [(i.text.source, _sources(i.items)) for i in items]


def same_source(old: Clause, new: Clause) -> bool:
    """The same as written (a cheap test that spares the word diff of most clauses)."""
    return (
        old.kind == new.kind
        and old.title == new.title
        and old.lead.source == new.lead.source
        and old.text.source == new.text.source
        and old.tags == new.tags
        and _sources(old.items) == _sources(new.items)
        and {k: (p.help, p.default) for k, p in old.params.items()}
        == {k: (p.help, p.default) for k, p in new.params.items()}
    )


# -- matching --------------------------------------------------------------------------


def _signature(clause: Clause) -> tuple:
    return (clause.kind, tuple(t.key for t in clause_tokens(clause)))


def _renames(removed: list[Placed], added: list[Placed]) -> list[tuple[Placed, Placed, float]]:
    """Pairs of (removed, added) that are one clause under a new id."""
    pairs: list[tuple[Placed, Placed, float]] = []
    by_signature: dict[tuple, list[Placed]] = {}
    for placed in added:
        by_signature.setdefault(_signature(placed.clause), []).append(placed)
    left: list[Placed] = []
    taken: set[int] = set()
    for placed in removed:
        candidates = by_signature.get(_signature(placed.clause))
        if candidates:
            match = candidates.pop(0)
            taken.add(id(match))
            pairs.append((placed, match, 1.0))
        else:
            left.append(placed)
    rest = [p for p in added if id(p) not in taken]
    if not left or not rest:
        return pairs
    # Near matches: score every pair of the same kind by shared words first (cheap), then
    # run the real word diff on the few best candidates only.
    tokens = {id(p): clause_tokens(p.clause) for p in (*left, *rest)}
    words = {key: {t.key for t in value if t.text.strip()} for key, value in tokens.items()}
    scored: list[tuple[float, int, int]] = []
    for i, old in enumerate(left):
        a = words[id(old)]
        best: list[tuple[float, int]] = []
        for j, new in enumerate(rest):
            if new.clause.kind != old.clause.kind:
                continue
            b = words[id(new)]
            overlap = len(a & b) / (len(a | b) or 1)
            if overlap >= 0.5:
                best.append((overlap, j))
        for _, j in sorted(best, reverse=True)[:3]:
            ratio = similarity(tokens[id(old)], tokens[id(rest[j])])
            if ratio >= RENAME_THRESHOLD:
                scored.append((ratio, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for ratio, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((left[i], rest[j], round(ratio, 3)))
    return pairs


def stayed_in_order(pairs: Sequence[tuple[Placed, Placed]]) -> set[int]:
    """Indexes of the pairs in the longest run that kept its order (patience-style LIS)."""
    order = sorted(range(len(pairs)), key=lambda k: pairs[k][0].position)
    ranks = longest_increasing([pairs[k][1].position for k in order])
    return {order[rank] for rank in ranks}


def compare_clause_sets(
    old: Sequence[Placed],
    new: Sequence[Placed],
    old_label: str = "old",
    new_label: str = "new",
    identical: Sequence[tuple[Placed, Placed]] = (),
) -> LibraryDiff:
    """Every difference between two clause sets, in the new set's order.

    ``identical`` pairs clauses already known to be the same, word for word (see
    :func:`draftkit.diff.sides.load_sides`); they are only checked for moves."""
    known = {id(p) for pair in identical for p in pair}
    old_by_id = {p.clause.id: p for p in old if id(p) not in known}
    new_by_id = {p.clause.id: p for p in new if id(p) not in known}
    pairs: list[tuple[Placed, Placed]] = list(identical)
    pairs += [(old_by_id[key], p) for key, p in new_by_id.items() if key in old_by_id]
    renamed = _renames(
        [p for key, p in old_by_id.items() if key not in new_by_id],
        [p for key, p in new_by_id.items() if key not in old_by_id],
    )
    similarity_of = {id(b): ratio for _, b, ratio in renamed}
    pairs += [(a, b) for a, b, _ in renamed]
    for side in (old, new):
        for k, p in enumerate(side):
            p.previous = side[k - 1] if k else None
    stayed = stayed_in_order(pairs)
    changes: list[ClauseChange] = []
    paired_old = {id(a) for a, _ in pairs}
    paired_new = {id(b) for _, b in pairs}
    for k, (a, b) in enumerate(pairs):
        moved = k not in stayed
        is_rename = id(b) in similarity_of
        if id(a) in known:
            if moved:
                changes.append(ClauseChange("moved", a, b, [], [], True))
            continue
        if same_source(a.clause, b.clause):
            texts, values = [], []
        else:
            texts = compare_texts(a.clause, b.clause)
            values = compare_values(a.clause, b.clause)
        if not (texts or values or moved or is_rename):
            continue
        kind: ChangeKind = "renamed" if is_rename else "modified" if (texts or values) else "moved"
        changes.append(ClauseChange(kind, a, b, texts, values, moved, similarity_of.get(id(b))))
    for p in new:
        if id(p) not in paired_new:
            changes.append(ClauseChange("added", None, p, _whole(p.clause, "insert")))
    for p in old:
        if id(p) not in paired_old:
            changes.append(ClauseChange("removed", p, None, _whole(p.clause, "delete")))
    sort_in_new_order(changes, [(a.position, b.position) for a, b in pairs])
    return LibraryDiff(old_label, new_label, len(old), len(new), changes)


def sort_in_new_order(changes: list, pairs: Iterable[tuple[int, int]]) -> None:
    """Sort changes (clauses or paragraphs) in the new side's order. A removed one goes
    where it stood: after the new place of what preceded it on the old side."""
    anchors = sorted(pairs)
    anchor_old = [a for a, _ in anchors]

    def order(change: ClauseChange) -> tuple[int, int, int]:
        if change.new is not None:
            return (change.new.position, 0, 0)
        assert change.old is not None
        at = bisect_left(anchor_old, change.old.position)
        return (anchors[at - 1][1] if at else -1, 1, change.old.position)

    changes.sort(key=order)


def _whole(clause: Clause, op: Literal["insert", "delete"]) -> list[TextChange]:
    out = []
    if clause.lead.source:
        out.append(TextChange("lead", [Span(op, tuple(tokenize(clause.lead.inlines)))]))
    out.append(TextChange("text", [Span(op, tuple(tokenize(clause.text.inlines)))]))
    for label, item in item_texts(clause.items):
        out.append(TextChange(f"item {label}", [Span(op, tuple(tokenize(item.text.inlines)))]))
    return out

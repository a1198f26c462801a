"""Word-level differences between two runs of inline text.

Inlines are flattened into tokens (a word, a space, a punctuation mark or a note call),
each carrying its formatting, so that a word that became emphasised is a change and a
note call is one token. Words are ``\\w`` runs, which covers Cyrillic (Kyrgyz ң ө ү
included) as well as Latin: «ёлочки», dashes and full stops are tokens of their own, so
punctuation changes do not swallow the words beside them.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from draftkit.model.nodes import Emph, Inline, Link, NoteRef, Strong, Text

# A word keeps inner hyphens and apostrophes (women's, пост-кризисный); anything else that
# is not a space is a token by itself.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]")

Op = Literal["equal", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Token:
    """One word, space, punctuation mark or note call, with its formatting."""

    text: str
    marks: tuple[str, ...] = ()  # "em", "strong", "a:<url>"
    note: NoteRef | None = None

    @property
    def key(self) -> tuple[str, tuple[str, ...], str | None]:
        # Note calls compare by what they cite, not by their number: renumbering a note
        # is not a change of the text.
        note = f"{self.note.series}:{self.note.source}" if self.note is not None else None
        return (self.text, self.marks, note)

    def display(self) -> str:
        if self.note is None:
            return self.text
        if self.note.note is not None:
            return f"[{self.note.note.label}]"
        prefix = "en:" if self.note.series == "endnote" else ""
        return f"[^{prefix}{self.note.source}]"


def tokenize(inlines: Iterable[Inline], marks: tuple[str, ...] = ()) -> list[Token]:
    out: list[Token] = []
    for node in inlines:
        if isinstance(node, Text):
            for match in _TOKEN.finditer(node.text):
                word = match.group(0)
                out.append(Token(" " if word.isspace() else word, marks))
        elif isinstance(node, Emph):
            out += tokenize(node.children, (*marks, "em"))
        elif isinstance(node, Strong):
            out += tokenize(node.children, (*marks, "strong"))
        elif isinstance(node, Link):
            out += tokenize(node.children, (*marks, f"a:{node.url}"))
        elif isinstance(node, NoteRef):
            out.append(Token("", marks, node))
    return out


@dataclass(frozen=True, slots=True)
class Span:
    """A run of tokens that is the same on both sides, or only on one."""

    op: Op
    tokens: tuple[Token, ...]
    # A deletion or insertion of texts too long to compare word by word (see
    # STRETCH_PAIRS): the report says they were compared whole.
    whole: bool = False

    @property
    def text(self) -> str:
        return "".join(t.display() for t in self.tokens)


# difflib's matcher, with autojunk off so that "the" and spaces still match, does up to
# len(a) × len(b) steps per match it finds: two texts of 20,000 words took hours. A stretch
# of more pairs of tokens than STRETCH_PAIRS is first cut at the words it holds once on
# each side, in the same order (the anchors of git's patience diff). difflib compares at
# most STRETCH_PAIRS + PAIRS_PER_TOKEN pairs per token of the two texts, so the work grows
# with the texts' length; a stretch over either bound is shown replaced whole.
STRETCH_PAIRS = 100_000
PAIRS_PER_TOKEN = 100
# Anchors are looked for again inside the stretches between anchors, this many times.
_ANCHOR_ROUNDS = 4
_ANCHOR_REPEATS = 4

Key = tuple[str, tuple[str, ...], str | None]
Opcode = tuple[str, int, int, int, int]


def _anchors(a: list[Key], b: list[Key]) -> list[tuple[int, int]]:
    """Pairs (i, j) of tokens that occur as often in ``a`` as in ``b``, and rarely (once,
    as patience diff's anchors, or up to _ANCHOR_REPEATS times: a passage written twice),
    the k-th occurrence with the k-th; the longest run of them in the same order on both
    sides (patience sorting: n log n)."""
    where_a: dict[Key, list[int]] = {}
    for i, key in enumerate(a):
        where_a.setdefault(key, []).append(i)
    where_b: dict[Key, list[int]] = {}
    for j, key in enumerate(b):
        where_b.setdefault(key, []).append(j)
    pairs = [
        pair
        for key, found in where_a.items()
        if len(found) <= _ANCHOR_REPEATS and len(found) == len(where_b.get(key, ()))
        for pair in zip(found, where_b[key], strict=True)
    ]
    pairs.sort()
    return [pairs[k] for k in longest_increasing([j for _, j in pairs])]


def longest_increasing(values: Sequence[int]) -> list[int]:
    """The indexes, in order, of a longest strictly increasing run of ``values`` (patience
    sorting, n log n): what kept its order between two versions."""
    tops: list[int] = []  # each pile's top value
    top_index: list[int] = []
    back: list[int] = [-1] * len(values)
    for k, value in enumerate(values):
        pile = bisect_left(tops, value)
        if pile == len(tops):
            tops.append(value)
            top_index.append(k)
        else:
            tops[pile] = value
            top_index[pile] = k
        back[k] = top_index[pile - 1] if pile else -1
    chain: list[int] = []
    k = top_index[-1] if top_index else -1
    while k >= 0:
        chain.append(k)
        k = back[k]
    return chain[::-1]


class _Matcher:
    """Opcodes as difflib's, under the budget; ``whole`` holds the replaced-whole ones."""

    def __init__(self, tokens: int) -> None:
        self.budget = STRETCH_PAIRS + PAIRS_PER_TOKEN * tokens
        self.whole: set[tuple[int, int]] = set()  # (i1, j1) of a whole replacement

    def opcodes(self, a: list[Key], b: list[Key], i0: int, j0: int, rounds: int) -> list[Opcode]:
        if not a or not b:
            if not a and not b:
                return []
            return [("replace", i0, i0 + len(a), j0, j0 + len(b))]
        pairs = len(a) * len(b)
        if pairs <= min(STRETCH_PAIRS, self.budget):
            self.budget -= pairs
            matcher = SequenceMatcher(None, a, b, autojunk=False)
            return [
                (tag, i1 + i0, i2 + i0, j1 + j0, j2 + j0)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            ]
        anchors = _anchors(a, b) if rounds else []
        if not anchors:
            self.whole.add((i0, j0))
            return [("replace", i0, i0 + len(a), j0, j0 + len(b))]
        out: list[Opcode] = []
        i_prev = j_prev = 0
        for i, j in [*anchors, (len(a), len(b))]:
            out += self.opcodes(a[i_prev:i], b[j_prev:j], i0 + i_prev, j0 + j_prev, rounds - 1)
            if i < len(a):
                out.append(("equal", i0 + i, i0 + i + 1, j0 + j, j0 + j + 1))
            i_prev, j_prev = i + 1, j + 1
        return out


def diff_tokens(old: list[Token], new: list[Token]) -> list[Span]:
    """The spans that turn ``old`` into ``new``; deletions come before insertions."""
    a = [t.key for t in old]
    b = [t.key for t in new]
    # Most edits are local: what both texts begin and end with needs no matching (git
    # trims the same way), and difflib's cost grows with what is left.
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    spans: list[Span] = [Span("equal", tuple(new[:head]))] if head else []
    matcher = _Matcher(len(a) + len(b) - 2 * (head + tail))
    codes = matcher.opcodes(
        a[head : len(a) - tail], b[head : len(b) - tail], head, head, _ANCHOR_ROUNDS
    )
    for tag, i1, i2, j1, j2 in _join_equal(codes):
        if tag == "equal":
            spans.append(Span("equal", tuple(new[j1:j2])))
            continue
        whole = (i1, j1) in matcher.whole
        if i2 > i1:
            spans.append(Span("delete", tuple(old[i1:i2]), whole))
        if j2 > j1:
            spans.append(Span("insert", tuple(new[j1:j2]), whole))
    if tail:
        spans.append(Span("equal", tuple(new[len(new) - tail :])))
    if matcher.whole:
        words = sum(1 for t in new if t.text.strip())
        begins = " ".join(t.text for t in new[:40] if t.text.strip())[:60]
        warnings.warn(
            ComparedWholeWarning(
                f"a text of {words:,} words (beginning {begins!r}) has stretches too long "
                "and too unlike the old text to compare word by word: they are shown "
                "deleted and inserted whole"
            ),
            stacklevel=2,
        )
    return _coalesce(_join_equal_spans(spans))


class ComparedWholeWarning(UserWarning):
    """Part of a text was compared whole, not word by word (the matcher's bound)."""


def _join_equal(codes: list[Opcode]) -> list[Opcode]:
    """Equal opcodes that follow each other as one (anchors come one token at a time)."""
    out: list[Opcode] = []
    for code in codes:
        if out and code[0] == out[-1][0] == "equal":
            out[-1] = ("equal", out[-1][1], code[2], out[-1][3], code[4])
        else:
            out.append(code)
    return out


def _join_equal_spans(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and out[-1].op == span.op == "equal":
            out[-1] = Span("equal", out[-1].tokens + span.tokens)
        else:
            out.append(span)
    return out


def _coalesce(spans: list[Span]) -> list[Span]:
    """Read like git's word diff: ``[-old words-]{+new words+}``, one change per stretch.

    A space that is all that separates two changes joins them, and within a stretch of
    changes the deleted words come first, then the inserted ones."""
    marked: list[Span] = []
    for i, span in enumerate(spans):
        if (
            span.op == "equal"
            and 0 < i < len(spans) - 1
            and spans[i - 1].op != "equal"
            and spans[i + 1].op != "equal"
            and all(t.text == " " and t.note is None for t in span.tokens)
        ):
            marked += [Span("delete", span.tokens), Span("insert", span.tokens)]
        else:
            marked.append(span)
    out: list[Span] = []
    deleted: list[Token] = []
    inserted: list[Token] = []
    whole = False
    for span in [*marked, Span("equal", ())]:
        whole = whole or span.whole
        if span.op == "delete":
            deleted += span.tokens
        elif span.op == "insert":
            inserted += span.tokens
        else:
            if deleted:
                out.append(Span("delete", tuple(deleted), whole))
            if inserted:
                out.append(Span("insert", tuple(inserted), whole))
            deleted, inserted, whole = [], [], False
            if span.tokens:
                out.append(span)
    return out


def similarity(old: list[Token], new: list[Token]) -> float:
    """0..1, how much of the two texts is the same (difflib's ratio over words)."""
    if not old and not new:
        return 1.0
    matcher = SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    # Beyond the matcher's budget the ratio is estimated from the words the two texts
    # share, in any order (an upper bound of the exact ratio).
    too_long = len(old) * len(new) > STRETCH_PAIRS
    if too_long or matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return matcher.quick_ratio()
    return matcher.ratio()


def changed(spans: Iterable[Span]) -> bool:
    return any(span.op != "equal" for span in spans)


def side(spans: Iterable[Span], which: Literal["old", "new"]) -> Iterator[Token]:
    skip = "insert" if which == "old" else "delete"
    for span in spans:
        if span.op != skip:
            yield from span.tokens

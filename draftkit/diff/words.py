"""Word-level differences between two runs of inline text.

Inlines are flattened into tokens (a word, a space, a punctuation mark or a note call),
each carrying its formatting, so that a word that became emphasised is a change and a
note call is one token. Words are ``\\w`` runs, which covers Cyrillic (Kyrgyz ң ө ү
included) as well as Latin: «ёлочки», dashes and full stops are tokens of their own, so
punctuation changes do not swallow the words beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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

    @property
    def text(self) -> str:
        return "".join(t.display() for t in self.tokens)


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
    matcher = SequenceMatcher(
        None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if tag == "equal":
            spans.append(Span("equal", tuple(new[j1:j2])))
            continue
        if i2 > i1:
            spans.append(Span("delete", tuple(old[i1:i2])))
        if j2 > j1:
            spans.append(Span("insert", tuple(new[j1:j2])))
    if tail:
        spans.append(Span("equal", tuple(new[len(new) - tail :])))
    return _coalesce(_join_equal(spans))


def _join_equal(spans: list[Span]) -> list[Span]:
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
    for span in [*marked, Span("equal", ())]:
        if span.op == "delete":
            deleted += span.tokens
        elif span.op == "insert":
            inserted += span.tokens
        else:
            if deleted:
                out.append(Span("delete", tuple(deleted)))
            if inserted:
                out.append(Span("insert", tuple(inserted)))
            deleted, inserted = [], []
            if span.tokens:
                out.append(span)
    return out


def similarity(old: list[Token], new: list[Token]) -> float:
    """0..1, how much of the two texts is the same (difflib's ratio over words)."""
    if not old and not new:
        return 1.0
    matcher = SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return matcher.quick_ratio()
    return matcher.ratio()


def changed(spans: Iterable[Span]) -> bool:
    return any(span.op != "equal" for span in spans)


def side(spans: Iterable[Span], which: Literal["old", "new"]) -> Iterator[Token]:
    skip = "insert" if which == "old" else "delete"
    for span in spans:
        if span.op != skip:
            yield from span.tokens

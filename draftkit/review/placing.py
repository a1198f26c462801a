"""Placing an edit of the text a reader sees into the markup a drafter wrote.

A clause's text reads differently from its source: ``*emphasis*`` loses its stars, a
``{parameter}`` reads as its value and a ``[^note]`` as a note call. The source is cut
into segments, each knowing the stretch of source it comes from and of text it reads as;
an edit of the text then maps back to the source where it touches only words the drafter
wrote (or a whole note call or value, which it removes). Whatever else it touches (part
of a parameter's value), or whatever the result does not read as the reviewer's text,
cannot be placed, and is reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftkit.diff.words import tokenize
from draftkit.library.markup import MarkupError, parse, substitute
from draftkit.model.nodes import Text
from draftkit.review.compare import inline_text, normal
from draftkit.review.reader import NOTE_CALL

_PIECE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<note>\[\^(?:(?:fn|en):)?[^\][\n]*\])"
    r"|(?P<param>\{[A-Za-z_][A-Za-z0-9_]*\})"
    r"|(?P<link_end>\]\([^()\s]*\))"
    r"|(?P<mark>\*+|\[)"
    r"|(?P<space>\s+)"
    r"|(?P<text>[^\\\[\]{}*\s]+|.)",
    re.DOTALL,
)
_SPECIAL = re.compile(r"([\\*_\[\]{}`<])")


class Unplaced(Exception):
    """An edit that cannot be placed in the source; the message says why."""


@dataclass(slots=True)
class Segment:
    kind: str  # text, space, escape, note, param, mark, link_end, sep
    source: str
    field: int  # which field of the paragraph (lead 0, text 1)
    s_start: int  # in the field's source
    s_end: int
    shown: str = ""  # what it reads as (a parameter's value once known)
    r_start: int = 0
    r_end: int = 0

    @property
    def atomic(self) -> bool:
        return self.kind in ("note", "param", "sep")


def _segments(source: str, field: int) -> list[Segment]:
    out = []
    for match in _PIECE.finditer(source):
        kind = match.lastgroup or "text"
        text = match.group(0)
        shown = {
            "escape": text[1:],
            "note": NOTE_CALL,
            "space": " ",
            "mark": "",
            "link_end": "",
            "param": "",
        }.get(kind, text)
        out.append(Segment(kind, text, field, match.start(), match.end(), shown))
    return out


def _fill(segments: list[Segment], built: str) -> None:
    """Parameter values read off the built text, then each segment's place in it."""
    pattern, seen = [], set()
    for seg in segments:
        if seg.kind == "param":
            name = seg.source[1:-1]
            pattern.append(f"(?P=p_{name})" if name in seen else f"(?P<p_{name}>.*?)")
            seen.add(name)
        else:
            pattern.append(re.escape(seg.shown))
    match = re.fullmatch("".join(pattern), built, re.DOTALL)
    if match is None:
        raise Unplaced("the text as built does not read as the source: rebuild, then review")
    position = 0
    for seg in segments:
        if seg.kind == "param":
            seg.shown = match.group(f"p_{seg.source[1:-1]}")
        seg.r_start, position = position, position + len(seg.shown)
        seg.r_end = position


@dataclass(slots=True)
class Edit:
    start: int  # in the text as built
    end: int
    text: str  # what the reviewer's text has there


def char_edits(old: str, new: str) -> list[Edit]:
    """The word diff of two texts as edits of ``old``: each a replaced stretch."""
    from draftkit.diff.words import diff_tokens

    spans = diff_tokens(tokenize([Text(old)]), tokenize([Text(new)]))
    edits: list[Edit] = []
    position = 0
    for span in spans:
        length = sum(len(t.text) for t in span.tokens)
        if span.op == "equal":
            position += length
            continue
        last = edits[-1] if edits and edits[-1].end == position else None
        if span.op == "delete":
            if last:
                last.end += length
            else:
                edits.append(Edit(position, position + length, ""))
            position += length
        else:
            text = "".join(t.text for t in span.tokens)
            if last:
                last.text += text
            else:
                edits.append(Edit(position, position, text))
    return edits


def escape_text(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _place(edit: Edit, segments: list[Segment]) -> tuple[int, int, int, str]:
    """(field, source start, source end, new source) for one edit."""
    if NOTE_CALL in edit.text:
        raise Unplaced("a note call was added: add the [^source] to the clause by hand")
    touched = [s for s in segments if s.r_start < edit.end and s.r_end > edit.start]
    for seg in touched:
        if seg.kind == "param":
            # A value comes from the document (or the clause's default): the library's
            # text keeps its {parameter}.
            raise Unplaced(
                f"the edit changes the value of {seg.source}: edit the document's params"
            )
        if seg.atomic and not (edit.start <= seg.r_start and seg.r_end <= edit.end):
            what = {"param": f"the value of {seg.source}", "sep": "the lead and the text"}.get(
                seg.kind, "a note call"
            )
            raise Unplaced(f"the edit changes part of {what}")
        if seg.kind == "sep":
            raise Unplaced("the edit spans the lead and the text")
    if touched:
        first, last = touched[0], touched[-1]
    else:
        # An insertion: after the segment that ends here, else before the one that starts.
        ending = [s for s in segments if s.r_end == edit.start and s.shown]
        starting = [s for s in segments if s.r_start == edit.start and s.shown]
        anchor = ending[-1] if ending and ending[-1].kind != "sep" else (starting or [None])[0]
        if anchor is None or anchor.kind == "sep":
            raise Unplaced("no place for the inserted words")
        first = last = anchor
        at = anchor.s_end if anchor in ending else anchor.s_start
        if anchor.kind == "text" and anchor.r_start < edit.start < anchor.r_end:
            at = anchor.s_start + edit.start - anchor.r_start
        return anchor.field, at, at, escape_text(edit.text)
    if first.field != last.field:
        raise Unplaced("the edit spans the lead and the text")
    start = first.s_start
    if first.kind == "text" and edit.start > first.r_start:
        start += edit.start - first.r_start
    end = last.s_end
    if last.kind == "text" and edit.end < last.r_end:
        end -= last.r_end - edit.end
    return first.field, start, end, escape_text(edit.text)


def rendered(source: str, values: dict[str, str]) -> str:
    try:
        return normal(inline_text(substitute(parse(source), values)))
    except MarkupError as exc:
        raise Unplaced(f"the new text is not valid markup: {exc}") from None


def place(sources: list[str], built: str, target: str) -> list[str]:
    """The fields' new sources (lead and text, or one text) so that they read as
    ``target`` where they now read as ``built``; raise :class:`Unplaced` otherwise."""
    segments: list[Segment] = []
    for index, source in enumerate(sources):
        if index and sources[index - 1] and source:
            segments.append(Segment("sep", "", -1, 0, 0, " "))
        if source:
            segments += _segments(source, index)
    _fill(segments, built)
    values = {s.source[1:-1]: s.shown for s in segments if s.kind == "param"}
    if normal(" ".join(filter(None, (rendered(s, values) for s in sources)))) != built:
        raise Unplaced("the clause's markup reads differently than draftkit can map")
    new = list(sources)
    placed = sorted((_place(e, segments) for e in char_edits(built, target)), key=lambda p: -p[1])
    for field, start, end, text in placed:
        new[field] = new[field][:start] + text + new[field][end:]
    new = [re.sub(r"[ \t]+", " ", s).strip() for s in new]
    result = normal(" ".join(filter(None, (rendered(s, values) for s in new))))
    if result != target:
        raise Unplaced(f"the edited source would read {result!r}")
    return new

"""The review for a terminal (as ``draftkit diff`` shows a change), as JSON, as HTML.

Each entry is a paragraph named by its origin: the clause and part, or the document
field. Under it: the tracked changes (who, when, what), the edits made without tracking
(the text as built against the text with every tracked change rejected), the comments,
and, for ``--apply``, the outcome of each change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from markupsafe import escape
from rich.text import Text

from draftkit.diff.html_report import page_head, spans_html
from draftkit.diff.terminal import CONTEXT_WORDS, SIGNS, spans_text
from draftkit.diff.words import Span, Token
from draftkit.fsutil import builtin_templates_dir
from draftkit.review.compare import NOTE_SHOWN, NoteReview, ParagraphReview, Review
from draftkit.review.reader import NOTE_CALL, Comment, Piece

SCHEMA = "draftkit-review/1"
_KINDS = {"changed": "modified", "new": "added", "deleted": "removed"}
_CHANGE_WORDS = {
    "ins": "inserted",
    "del": "deleted",
    "moveFrom": "moved away",
    "moveTo": "moved here",
}


def shown(text: str) -> str:
    return text.replace(NOTE_CALL, NOTE_SHOWN)


def _shown_spans(spans: list[Span]) -> list[Span]:
    return [
        replace(s, tokens=tuple(Token(shown(t.text), t.marks, t.note) for t in s.tokens))
        for s in spans
    ]


def who(piece: Piece | Comment) -> str:
    author = piece.author or "unknown author"
    return f"{author}, {piece.date}" if piece.date else author


def entry_title(entry: ParagraphReview) -> str:
    if entry.origin is None:
        after = entry.after.key if entry.after else "the start"
        return f"new paragraph after {after}"
    return entry.origin.key


def entry_kind(entry: ParagraphReview) -> str:
    """As ``draftkit diff`` names a change; "comment" for a paragraph only commented on."""
    return _KINDS.get(entry.status, "comment")


def _head(kind: str, title: str, color: bool, extra: str = "") -> Text:
    sign, style = SIGNS.get(kind, ("*", "cyan"))
    line = Text()
    line.append(f"{sign} {kind:<10} ", style=f"bold {style}" if color else "")
    line.append(title, style="bold" if color else "")
    if extra:
        line.append(f"  {extra}", style="dim" if color else "")
    return line


def _entry(
    entry: ParagraphReview, color: bool, context: int, outcome: str | None
) -> Iterator[Text]:
    extra = "tracked" if entry.tracked_whole else ""
    yield _head(entry_kind(entry), entry_title(entry), color, extra)
    for piece in entry.tracked:
        yield Text(
            f"    {_CHANGE_WORDS[piece.change or 'ins']} ({who(piece)}): {shown(piece.text)!r}"
        )
    if entry.untracked:
        line = Text("    untracked: ")
        line.append_text(spans_text(_shown_spans(entry.untracked), color, context))
        yield line
    if entry.status in ("changed", "new") and entry.result:
        line = Text("    result: ")
        line.append_text(spans_text(_shown_spans(entry.result), color, context))
        yield line
    for comment in entry.comments:
        on = f" on {comment.anchored!r}" if comment.anchored else ""
        yield Text(f"    comment ({who(comment)}){on}: {comment.text}")
    if outcome:
        yield Text(f"    apply: {outcome}")


def _note(note: NoteReview, color: bool, context: int) -> Iterator[Text]:
    yield _head("modified", f"{note.series} {note.number}", color)
    for piece in note.tracked:
        yield Text(f"    {_CHANGE_WORDS[piece.change or 'ins']} ({who(piece)}): {piece.text!r}")
    if note.untracked:
        line = Text("    untracked: ")
        line.append_text(spans_text(note.untracked, color, context))
        yield line


def render_terminal(
    review: Review,
    *,
    color: bool,
    context: int = CONTEXT_WORDS,
    outcomes: dict[int, str] | None = None,
) -> Iterator[Text]:
    """Lines; ``outcomes`` gives, by the entry's index, what ``--apply`` did with it."""
    outcomes = outcomes or {}
    header = f"draftkit review {review.path.name} ({review.source}, {review.lang})"
    yield Text(header, style="bold" if color else "")
    for index, entry in enumerate(review.paragraphs):
        if entry.status != "unchanged" or entry.comments:
            yield from _entry(entry, color, context, outcomes.get(index))
    for note in review.notes:
        yield from _note(note, color, context)
    yield Text(summary(review))


def summary(review: Review) -> str:
    counts: dict[str, int] = {}
    for entry in review.paragraphs:
        if entry.status != "unchanged":
            counts[entry.status] = counts.get(entry.status, 0) + 1
    parts = [f"{n} {status}" for status, n in counts.items()]
    parts.append(f"{len(review.comments)} comment{'' if len(review.comments) == 1 else 's'}")
    if review.notes:
        parts.append(f"{len(review.notes)} note{'' if len(review.notes) == 1 else 's'} changed")
    return ", ".join(parts)


def _words(spans: list[Span]) -> list[dict[str, str]]:
    return [{"op": s.op, "text": shown(s.text)} for s in spans]


def _piece(piece: Piece) -> dict[str, str]:
    return {
        "kind": piece.change or "",
        "author": piece.author,
        "date": piece.date,
        "text": shown(piece.text),
    }


def _comment(comment: Comment) -> dict[str, str]:
    return {
        "author": comment.author,
        "date": comment.date,
        "text": comment.text,
        "anchored": comment.anchored,
    }


def to_data(review: Review, outcomes: dict[int, str] | None = None) -> dict[str, Any]:
    outcomes = outcomes or {}
    entries = []
    for index, entry in enumerate(review.paragraphs):
        if entry.status == "unchanged" and not entry.comments:
            continue
        entries.append(
            {
                "status": entry.status,
                "origin": entry.origin.key if entry.origin else None,
                "clause": entry.origin.clause_id if entry.origin else None,
                "part": entry.origin.part if entry.origin else None,
                "role": entry.role,
                "after": entry.after.key if entry.after else None,
                "tracked_whole": entry.tracked_whole,
                "built": shown(entry.built),
                "original": shown(entry.original),
                "accepted": shown(entry.accepted),
                "tracked": [_piece(p) for p in entry.tracked],
                "untracked": _words(entry.untracked),
                "comments": [_comment(c) for c in entry.comments],
                **({"apply": outcomes[index]} if index in outcomes else {}),
            }
        )
    return {
        "schema": SCHEMA,
        "file": review.path.name,
        "document": review.source,
        "lang": review.lang,
        "summary": summary(review),
        "paragraphs": entries,
        "notes": [
            {
                "series": n.series,
                "number": n.number,
                "built": n.built,
                "accepted": n.accepted,
                "tracked": [_piece(p) for p in n.tracked],
                "untracked": _words(n.untracked),
            }
            for n in review.notes
        ],
        "comments": [_comment(c) for c in review.comments],
    }


def write_json(review: Review, outcomes: dict[int, str] | None = None) -> str:
    return json.dumps(to_data(review, outcomes), ensure_ascii=False, indent=2) + "\n"


def _html_entry(entry: ParagraphReview, index: int, outcome: str | None) -> str:
    kind = entry_kind(entry)
    lines = [
        f'<section class="change {kind}" id="p-{index}">',
        f'<h2><a href="#p-{index}"><span class="kind">{kind}</span> '
        f"{escape(entry_title(entry))}</a></h2>",
    ]
    for piece in entry.tracked:
        tag = "del" if piece.change in ("del", "moveFrom") else "ins"
        words = _CHANGE_WORDS[piece.change or "ins"]
        lines.append(
            f'<p class="info">{escape(words)} ({escape(who(piece))}): '
            f"<{tag}>{escape(shown(piece.text))}</{tag}></p>"
        )
    if entry.untracked:
        lines.append(
            '<div class="field"><span class="name">untracked</span>'
            f"<p>{spans_html(_shown_spans(entry.untracked))}</p></div>"
        )
    if entry.status in ("changed", "new") and entry.result:
        lines.append(
            '<div class="field"><span class="name">result</span>'
            f"<p>{spans_html(_shown_spans(entry.result))}</p></div>"
        )
    for comment in entry.comments:
        lines.append(
            f'<blockquote class="comment"><p class="where">{escape(who(comment))}'
            f"{' on “' + str(escape(comment.anchored)) + '”' if comment.anchored else ''}</p>"
            f"<p>{escape(comment.text)}</p></blockquote>"
        )
    if outcome:
        lines.append(f'<p class="info">apply: {escape(outcome)}</p>')
    lines.append("</section>")
    return "\n".join(lines)


def write_html(review: Review, outcomes: dict[int, str] | None = None) -> str:
    outcomes = outcomes or {}
    css = (builtin_templates_dir() / "diff" / "report.css").read_text(encoding="utf-8")
    sections = [
        _html_entry(entry, index, outcomes.get(index))
        for index, entry in enumerate(review.paragraphs)
        if entry.status != "unchanged" or entry.comments
    ]
    for note in review.notes:
        sections.append(
            f'<section class="change modified"><h2>{escape(note.series)} {note.number}</h2>'
            f'<div class="field"><p>{spans_html(note.untracked or [])}</p></div>'
            + "".join(
                f'<p class="info">{escape(_CHANGE_WORDS[p.change or "ins"])} ({escape(who(p))}): '
                f"{escape(p.text)}</p>"
                for p in note.tracked
            )
            + "</section>"
        )
    title = f"draftkit review {review.path.name}"
    return f"""{page_head(title, review.lang, css)}
<h1>{escape(title)}</h1>
<p class="sides">{escape(review.source)} ({escape(review.lang)}): {escape(summary(review))}</p>
<main>
{chr(10).join(sections)}
</main>
</body>
</html>
"""

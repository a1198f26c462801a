"""Runs → clause markup (``*emphasis*``, ``**strong**``, ``[text](url)``, ``[^id]``),
with every character the markup would read escaped, and back-checked with draftkit's
own markup parser: a paragraph whose markup would not read back as its text is imported
without its formatting rather than changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby

from draftkit.ingest.reader import Run
from draftkit.library.markup import (
    ALLOWED_LINK_SCHEMES,
    MAX_URL_LENGTH,
    MarkupError,
    parse,
    substitute,
)
from draftkit.model.nodes import plain_text

# ASCII punctuation the inline parser reads: emphasis, links and note calls, escapes,
# autolinks, and the braces of a {parameter}. CommonMark lets a backslash escape any
# ASCII punctuation; "\{" prints a brace.
_SPECIAL = re.compile(r"([\\*_\[\]<>`{}])")

NoteId = Callable[[tuple[str, str]], str | None]


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _wrap(text: str, mark: str) -> str:
    """``mark`` around ``text`` with its outer spaces outside (``* a*`` is no emphasis)."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}{mark}{core}{mark}{text[start + len(core) :]}"


def _formatted(runs: list[Run], note_id: NoteId) -> str:
    out = []
    for (bold, italic), group in groupby(runs, key=lambda r: (r.bold, r.italic)):
        pieces = []
        for run in group:
            if run.note is not None:
                ref = note_id(run.note)
                if ref:
                    pieces.append(ref)
            else:
                pieces.append(escape(run.text))
        text = "".join(pieces)
        if italic:
            text = _wrap(text, "*")
        if bold:
            text = _wrap(text, "**")
        out.append(text)
    return "".join(out)


def _link_ok(url: str) -> bool:
    return url.lower().startswith(ALLOWED_LINK_SCHEMES) and len(url) <= MAX_URL_LENGTH


def to_markup(runs: list[Run], note_id: NoteId) -> str:
    """The markup of ``runs``, whitespace runs collapsed to one space, ends stripped."""
    runs = _collapse(runs)
    pieces = []
    for url, group in groupby(runs, key=lambda r: r.url if r.note is None else ""):
        inner = _formatted(list(group), note_id)
        if url and _link_ok(url) and inner.strip():
            target = url.replace("\\", "%5C").replace("(", r"\(").replace(")", r"\)")
            target = target.replace(" ", "%20")
            pieces.append(f"[{inner}]({target})")
        else:
            pieces.append(inner)
    markup = "".join(pieces)
    if not _reads_back(markup, runs):
        markup = "".join(
            (note_id(r.note) or "") if r.note is not None else escape(r.text) for r in runs
        )
    return markup


def _collapse(runs: list[Run]) -> list[Run]:
    """Runs with whitespace collapsed across run boundaries and the ends stripped."""
    out: list[Run] = []
    previous_space = True
    for run in runs:
        if run.note is not None:
            out.append(run)
            previous_space = False
            continue
        text = re.sub(r"[ \t\r\n]+", " ", run.text)
        if previous_space:
            text = text.lstrip(" ")
        if not text:
            continue
        previous_space = text.endswith(" ")
        out.append(Run(text, run.italic, run.bold, run.url))
    while out and out[-1].note is None and not out[-1].text.strip():
        out.pop()
    if out and out[-1].note is None:
        last = out[-1]
        out[-1] = Run(last.text.rstrip(" "), last.italic, last.bold, last.url)
    return out


def _reads_back(markup: str, runs: list[Run]) -> bool:
    try:
        inlines = substitute(parse(markup), {})  # escaped braces become braces here
    except MarkupError:
        return False
    expected = "".join(r.text for r in runs if r.note is None)
    return plain_text(inlines) == expected

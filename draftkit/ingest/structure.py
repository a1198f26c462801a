"""Paragraphs → the parts of a resolution.

Evidence, strongest first: the paragraph's style (draftkit's own, Word's "Title"…, see
``templates/import/resolution.yaml``), Word numbering (decimal: an operative paragraph;
letters: a sub-paragraph (a); roman: (i)), typed labels ("1.", "(a)", "ii)"), the place
in the document (the heading before the first long paragraph; the chapeau, a line ending
with ":" just before the first operative paragraph; the closing, the first paragraph after
them; the signature, the short lines after it), and the lead phrase: an italic start, or
one of the UN's preambular participles and operative verbs of the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from draftkit.ingest.dates import date_in_line, find_date
from draftkit.ingest.reader import Note, Paragraph, Run, WordDocument
from draftkit.ingest.words import Vocabulary

_TYPED_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]\s+")
_TYPED_SUB = re.compile(r"^\s*\(?([a-z]|[ivxl]{1,6})\)\s+")
_TYPED_NOTE = re.compile(r"^\s*\[(\d{1,3}|[ivxlc]{1,7})\]\s*(.*)$")
_NOTE_CALL = re.compile(r"\[(\d{1,3}|[ivxlc]{1,7})\]")
_ROMAN = re.compile(r"^[ivxlc]+$")
_SUB_FORMATS = {"lowerLetter": 1, "upperLetter": 1, "bullet": 1, "lowerRoman": 2, "upperRoman": 2}
_LONG = 120  # characters: a heading line is shorter, a body paragraph longer


@dataclass
class Part:
    """One paragraph of the body: its lead, text and sub-paragraphs, as runs."""

    role: str  # opening, preambular, chapeau, operative, closing
    lead: list[Run]
    runs: list[Run]
    items: list[SubPart] = field(default_factory=list)


@dataclass
class SubPart:
    runs: list[Run]
    items: list[SubPart] = field(default_factory=list)


@dataclass
class Resolution:
    title: str = ""
    forum: str = ""
    symbol: str = ""
    adoption: str = ""
    organ: str = ""
    date: date | None = None
    date_line: str = ""
    place: str = ""
    parts: list[Part] = field(default_factory=list)
    signature_by: str = ""
    signature_place: str = ""
    signature_date: date | None = None
    notes: dict[tuple[str, str], Note] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)


def _strip_prefix(runs: list[Run], count: int) -> list[Run]:
    """``runs`` without their first ``count`` characters of text."""
    out = []
    for run in runs:
        if count and run.note is None:
            cut = min(count, len(run.text))
            count -= cut
            run = Run(run.text[cut:], run.italic, run.bold, run.url)
            if not run.text:
                continue
        out.append(run)
    return out


def _typed_notes(doc: WordDocument) -> None:
    """Typed markers ``[1]`` ``[i]`` with a list of notes after the text become notes:
    the list's paragraphs leave the body; the markers become note calls."""
    listed: dict[str, int] = {}
    for index, p in enumerate(doc.paragraphs):
        m = _TYPED_NOTE.match(p.text)
        if m and m.group(2).strip() and p.level is None:
            listed.setdefault(m.group(1), index)
    if not listed:
        return
    called = {
        label
        for p in doc.paragraphs
        if not _TYPED_NOTE.match(p.text)
        for label in _NOTE_CALL.findall(p.text)
    }
    labels = {label for label in listed if label in called}
    if not labels:
        return
    drop = set()
    for label in labels:
        index = listed[label]
        series = "endnote" if _ROMAN.match(label) and label not in ("c", "l") else "footnote"
        p = doc.paragraphs[index]
        m = _TYPED_NOTE.match(p.text)
        assert m is not None
        doc.notes[(series, f"typed-{label}")] = Note(
            series, _strip_prefix(p.runs, len(p.text) - len(m.group(2)))
        )
        drop.add(index)
    doc.paragraphs = [p for i, p in enumerate(doc.paragraphs) if i not in drop]
    for p in doc.paragraphs:
        runs: list[Run] = []
        for run in p.runs:
            if run.note is not None or "[" not in run.text:
                runs.append(run)
                continue
            last = 0
            for m in _NOTE_CALL.finditer(run.text):
                if m.group(1) not in labels:
                    continue
                series = "endnote" if _ROMAN.match(m.group(1)) else "footnote"
                runs.append(Run(run.text[last : m.start()], run.italic, run.bold, run.url))
                runs.append(Run(note=(series, f"typed-{m.group(1)}")))
                last = m.end()
            runs.append(Run(run.text[last:], run.italic, run.bold, run.url))
        p.runs = [r for r in runs if r.note is not None or r.text]


def _lead(runs: list[Run], vocabulary: Vocabulary, formatted: bool) -> tuple[list[Run], list[Run]]:
    """(lead runs, the rest): an italic start when the document sets leads in italics,
    else a listed lead phrase."""
    if formatted:
        count = 0
        while (
            count < len(runs)
            and runs[count].note is None
            and (runs[count].italic or not runs[count].text.strip())
        ):
            count += 1
        lead = runs[:count]
        while lead and not lead[-1].text.strip():
            lead.pop()
        rest = runs[len(lead) :]
        if lead and any(r.note is not None or r.text.strip() for r in rest):
            return [Run(r.text, False, r.bold, r.url) for r in lead], rest
        return [], runs
    text = "".join(r.text for r in runs if r.note is None).lstrip()
    found = vocabulary.lead(text)
    if found is None or len(found[0]) >= len(text.rstrip()):
        return [], runs
    skip = len("".join(r.text for r in runs if r.note is None)) - len(text)
    runs = _strip_prefix(runs, skip)
    head, tail = [], []
    remaining = len(found[0])
    for run in runs:
        if remaining and run.note is None:
            head.append(Run(run.text[:remaining], False, run.bold, run.url))
            rest_text = run.text[remaining:]
            remaining -= min(remaining, len(run.text))
            if rest_text:
                tail.append(Run(rest_text, run.italic, run.bold, run.url))
        else:
            tail.append(run)
    return head, tail


def _sub_level(p: Paragraph, role: str | None) -> int | None:
    if p.level is not None and p.num_format in _SUB_FORMATS:
        return _SUB_FORMATS[p.num_format]
    if p.level is not None and p.num_format == "decimal" and p.level > 0:
        return min(p.level, 2)
    if role == "subparagraph":
        return 1
    return None


def _is_numbered(p: Paragraph, role: str | None) -> bool:
    if role == "operative":
        return True
    if p.level is not None:
        return p.num_format not in _SUB_FORMATS and p.level == 0
    return bool(_TYPED_NUMBER.match(p.text))


def recognise(doc: WordDocument, vocabulary: Vocabulary, lang: str) -> Resolution:
    _typed_notes(doc)
    result = Resolution(notes=doc.notes)
    paragraphs = [p for p in doc.paragraphs if p.text.strip() or any(r.note for r in p.runs)]
    roles = [vocabulary.style_role(p.style) if p.style else None for p in paragraphs]
    formatted = any(_italic_start(p) for p in paragraphs)
    # The heading ends at the first paragraph of the body.
    body_start = len(paragraphs)
    for i, (p, role) in enumerate(zip(paragraphs, roles, strict=True)):
        if role in ("opening", "preambular", "chapeau", "operative", "organ"):
            body_start = i
            break
        if role is None and (
            len(p.text) > _LONG or _is_numbered(p, None) or vocabulary.lead(p.text.strip())
        ):
            body_start = i
            break
    _heading(result, paragraphs[:body_start], roles[:body_start], lang)
    _body(result, paragraphs[body_start:], roles[body_start:], vocabulary, formatted, lang)
    return result


def _italic_start(p: Paragraph) -> bool:
    """The paragraph starts with italic words and goes on in roman: a lead set in italics."""
    text_runs = [r for r in p.runs if r.note is None and r.text.strip()]
    return bool(text_runs) and text_runs[0].italic and not all(r.italic for r in text_runs)


def _heading(
    result: Resolution, paragraphs: list[Paragraph], roles: list[str | None], lang: str
) -> None:
    lines = [(p.text.strip(), role) for p, role in zip(paragraphs, roles, strict=True)]
    for p in paragraphs:
        if any(r.note for r in p.runs):
            # heading fields are plain text (docs/document-spec.md): no note calls there
            result.remarks.append(f"a note call in the heading line {p.text.strip()!r} is left out")
    styled = any(role for _, role in lines)
    title_at = None
    for i, (text, role) in enumerate(lines):
        if role == "title" or (not styled and _mostly_upper(text)):
            title_at = i  # the last: a web copy repeats the title in a longer first line
    if title_at is None and lines:
        title_at = next((i for i, (_, role) in enumerate(lines) if role is None), 0)
    for i, (text, role) in enumerate(lines):
        if i == title_at:
            result.title = text
        elif role == "symbol" and not result.symbol:
            result.symbol = text
        elif role == "adoption" and not result.adoption:
            result.adoption = text
        elif (
            role == "subtitle"
            or (
                role is None
                and title_at is not None
                and i == title_at + 1
                and find_date(text, lang) is None
            )
        ) and not result.forum:
            result.forum = text
        elif role in ("dateline", None) and result.date is None and find_date(text, lang):
            result.date, exact, around = find_date(text, lang)  # type: ignore[misc]
            result.date_line = text
            if around and not result.place:
                result.place = around
            if not exact:
                result.remarks.append(
                    f"date line {text!r} read as {result.date.isoformat()}; it is printed in"
                    " the language's long form"
                )
        elif role in ("dateline", None) and result.date is not None and not result.place:
            result.place = text
        else:
            result.unplaced.append(text)


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _body(
    result: Resolution,
    paragraphs: list[Paragraph],
    roles: list[str | None],
    vocabulary: Vocabulary,
    formatted: bool,
    lang: str,
) -> None:
    state = "start"  # start → preamble → operative → closing → signature
    last: Part | None = None
    last_sub: SubPart | None = None
    for index, (p, role) in enumerate(zip(paragraphs, roles, strict=True)):
        text = p.text.strip()
        sub = _sub_level(p, role)
        if sub is not None and last is not None and state in ("start", "preamble", "operative"):
            runs = p.runs
            typed = _TYPED_SUB.match(p.text)
            if typed and p.level is None:
                runs = _strip_prefix(runs, typed.end())
            item = SubPart(runs)
            if sub == 2 and last_sub is not None:
                last_sub.items.append(item)
            else:
                last.items.append(item)
                last_sub = item
            continue
        if role is None and state in ("preamble", "operative") and p.level is None:
            typed = _TYPED_SUB.match(p.text)
            if typed and last is not None and not _TYPED_NUMBER.match(p.text):
                label = typed.group(1)
                # "(i)" opens a roman run below a lettered item (unless it is the ninth
                # letter); "(ii)", "(v)" go on one; "(c)", "(d)" are letters otherwise.
                roman = (
                    last_sub is not None
                    and bool(_ROMAN.match(label))
                    and (bool(last_sub.items) if label != "i" else not _last_label_is_h(last))
                )
                if roman and last_sub is not None:
                    last_sub.items.append(SubPart(_strip_prefix(p.runs, typed.end())))
                else:
                    item = SubPart(_strip_prefix(p.runs, typed.end()))
                    last.items.append(item)
                    last_sub = item
                continue
        last_sub = None
        numbered = _is_numbered(p, role)
        if role == "organ" or (
            state == "start"
            and role is None
            and len(text) < _LONG
            and text.endswith(",")
            and not numbered
            and not _italic_start(p)
            and vocabulary.lead(text) is None
            and not any(r.note for r in p.runs)
        ):
            if not result.organ:
                result.organ = text
                continue
        if role == "chapeau" or (
            role is None
            and state in ("start", "preamble")
            and text.endswith(":")
            and not numbered
            and _next_is_numbered(paragraphs, roles, index)
        ):
            last = Part("chapeau", [], p.runs)
            result.parts.append(last)
            state = "preamble"
            continue
        if numbered and state in ("start", "preamble", "operative"):
            runs = p.runs
            typed = _TYPED_NUMBER.match(p.text)
            if typed and p.level is None:
                runs = _strip_prefix(runs, typed.end())
            lead, rest = _lead(runs, vocabulary, formatted)
            last = Part("operative", lead, rest)
            result.parts.append(last)
            state = "operative"
            continue
        if role == "opening" or (
            state == "start" and role is None and not formatted and vocabulary.lead(text) is None
        ):
            last = Part("opening", [], p.runs)
            result.parts.append(last)
            state = "preamble"
            continue
        if role == "preambular" or (role is None and state in ("start", "preamble")):
            lead, rest = _lead(p.runs, vocabulary, formatted)
            last = Part("preambular", lead, rest)
            result.parts.append(last)
            state = "preamble"
            continue
        if role == "closing" or (role is None and state == "operative"):
            last = Part("closing", [], p.runs)
            result.parts.append(last)
            state = "closing"
            continue
        if role == "signature" or (
            role is None and state in ("closing", "signature") and len(text) < _LONG
        ):
            _signature(result, text, lang)
            state = "signature"
            continue
        result.unplaced.append(text)


def _last_label_is_h(part: Part) -> bool:
    return len(part.items) == 8  # (a)…(h) came before: "(i)" is the ninth letter


def _next_is_numbered(paragraphs: list[Paragraph], roles: list[str | None], index: int) -> bool:
    for p, role in zip(paragraphs[index + 1 :], roles[index + 1 :], strict=True):
        if _sub_level(p, role) is not None:
            return False
        return _is_numbered(p, role)
    return False


def _signature(result: Resolution, text: str, lang: str) -> None:
    found = date_in_line(text, lang)
    place = found[1].strip(" ,.") if found else ""
    if found is not None:
        if found[0] != result.date:
            result.signature_date = found[0]
        result.signature_place = place
        return
    if not result.signature_by:
        result.signature_by = text
    else:
        result.unplaced.append(text)

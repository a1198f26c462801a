"""Passes over an assembled document, each small and testable alone (docutils' transforms).

Every document kind runs the same :data:`TRANSFORMS`, in order: notes are numbered first
(by order of appearance), then paragraphs and their sub-paragraph labels, then the
formatting style sets the punctuation, then a verb-final language's lead phrases move to
the end of their paragraphs, then note calls take their place against it as the language
wants. Each pass reads the language's rules from the locale profile only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from draftkit.errors import TemplateError
from draftkit.locale import LocaleProfile
from draftkit.model.labels import lower_letter, lower_roman, note_label
from draftkit.model.nodes import (
    Document,
    Emph,
    Inline,
    Link,
    Note,
    NoteRef,
    Paragraph,
    Strong,
    SubParagraph,
    Text,
    walk,
)


@dataclass
class TransformContext:
    """What the passes know besides the document: its language's profile, the note texts
    the template gave by source, and the template's name (for errors)."""

    profile: LocaleProfile
    note_texts: dict[str, list[Inline]] = field(default_factory=dict)
    template: str = ""


Transform = Callable[[Document, TransformContext], None]


def notes(doc: Document, context: TransformContext) -> None:
    number_notes(doc, context.note_texts, context.template)


def numbering(doc: Document, context: TransformContext) -> None:
    doc.meta.item_label = context.profile.item_label
    number_paragraphs(doc)


def punctuation(doc: Document, context: TransformContext) -> None:
    apply_style(doc, doc.meta.style, context.profile.abbreviations)


def lead_position(doc: Document, context: TransformContext) -> None:
    if context.profile.lead_after_text:
        for block in doc.blocks:
            move_lead_after_text(block, context.profile.abbreviations)


def note_calls(doc: Document, context: TransformContext) -> None:
    if context.profile.note_before_punctuation:
        place_note_calls(doc)


def number_notes(doc: Document, note_texts: dict[str, list[Inline]], template: str) -> None:
    """Give every note call its own note, numbered per series in reading order."""
    counters = {"footnote": 0, "endnote": 0}
    for inlines in doc.inline_sequences():
        for node in walk(inlines):
            if not isinstance(node, NoteRef):
                continue
            content = note_texts.get(node.source)
            if content is None:
                raise TemplateError(
                    f"template {template} gave no note text for source '{node.source}'",
                    hint="the template must emit <note source=...> for every source it is given",
                )
            counters[node.series] += 1
            number = counters[node.series]
            note = Note(
                node.series,
                number,
                note_label(node.series, number),
                copy.deepcopy(content),
                node.source,
            )
            node.note = note
            (doc.footnotes if node.series == "footnote" else doc.endnotes).append(note)


def number_paragraphs(doc: Document) -> None:
    """Operative paragraphs 1, 2, 3; sub-paragraphs (a), (b) and, nested, (i), (ii), in
    the label form of the document's language."""
    number = 0
    pattern = doc.meta.item_label
    for block in doc.blocks:
        if block.role == "operative":
            number += 1
            block.number = number
            block.numbered = True
        _label_items(block.items, pattern)


def _label_items(items: list[SubParagraph], pattern: str) -> None:
    for index, item in enumerate(items, start=1):
        item.label = pattern.format(lower_letter(index) if item.level == 1 else lower_roman(index))
        _label_items(item.children, pattern)


def place_note_calls(doc: Document) -> None:
    """Move a stop, comma, semicolon or colon written before a note call to after it, for
    languages that want note calls before punctuation ("процессах¹.")."""
    for inlines in doc.inline_sequences():
        _calls_before_punctuation(inlines)


def _calls_before_punctuation(inlines: list[Inline]) -> None:
    index = 0
    while index < len(inlines):
        node = inlines[index]
        if isinstance(node, Emph | Strong | Link):
            _calls_before_punctuation(node.children)
        follows = index + 1 < len(inlines) and isinstance(inlines[index + 1], NoteRef)
        if isinstance(node, Text) and follows and node.text[-1:] in tuple(_FINAL):
            mark = node.text[-1]
            inlines[index] = Text(node.text[:-1])
            end = index + 1  # past the calls, and the spaces between them
            while end < len(inlines) and (
                isinstance(inlines[end], NoteRef)
                or (isinstance(inlines[end], Text) and not inlines[end].text.strip())  # type: ignore[union-attr]
            ):
                end += 1
            after = inlines[end] if end < len(inlines) else None
            if not (isinstance(after, Text) and after.text.startswith(mark)):
                inlines.insert(end, Text(mark))
            index = end
        index += 1
    inlines[:] = [n for n in inlines if not (isinstance(n, Text) and n.text == "")]


_FINAL = ".,;:"


def _last_text(inlines: list[Inline]) -> tuple[list[Inline], int] | None:
    """The list and index of the last Text node, skipping trailing note calls."""
    for index in range(len(inlines) - 1, -1, -1):
        node = inlines[index]
        if isinstance(node, NoteRef):
            continue
        if isinstance(node, Text):
            if node.text.strip():
                return inlines, index
            continue
        if isinstance(node, Emph | Strong | Link):
            found = _last_text(node.children)
            if found:
                return found
        return None
    return None


def set_final_punctuation(
    inlines: list[Inline], mark: str, abbreviations: frozenset[str] = frozenset()
) -> None:
    """End a paragraph with ``mark``, placed before any closing note calls; the stop of a
    closing abbreviation ("2025 г.") stays."""
    # Punctuation written after a closing note call ("seized[^1].") moves before the call.
    while (
        len(inlines) >= 2
        and isinstance(inlines[-1], Text)
        and not inlines[-1].text.strip(_FINAL + " ")
        and isinstance(inlines[-2], NoteRef)
    ):
        inlines.pop()
    found = _last_text(inlines)
    if found is None:
        return
    container, index = found
    text = container[index].text.rstrip()  # type: ignore[union-attr]
    while text and text[-1] in _FINAL:
        stripped = text[-1]
        text = text[:-1].rstrip()
        words = text.split()
        if stripped == "." and words and words[-1] in abbreviations:
            text += "."
            if mark == ".":
                mark = ""
            break
    container[index] = Text(text + mark)


def move_lead_after_text(block: Paragraph, abbreviations: frozenset[str] = frozenset()) -> None:
    """Set the lead phrase, in italics, after the text it governs and before the
    paragraph's final punctuation: a Kyrgyz resolution ends its paragraph with the verb
    ("… кепилдөөгө *чакырат*:", "… тааныганын *кубаттоо менен белгилеп*,")."""
    if not block.lead:
        return
    lead, block.lead = block.lead, []
    set_final_punctuation(lead, "")
    mark = _take_final_mark(block.content, abbreviations)
    space = [Text(" ")] if block.content else []
    block.content.extend([*space, Emph(lead), *([Text(mark)] if mark else [])])


def _take_final_mark(inlines: list[Inline], abbreviations: frozenset[str]) -> str:
    """Remove and return the punctuation that ends ``inlines``, written before or after
    its closing note calls; the stop of a closing abbreviation ("ж.б.") stays too."""
    last = inlines[-1] if inlines else None
    if isinstance(last, Text) and last.text.strip() and not last.text.strip(_FINAL + " "):
        inlines.pop()
        return last.text.strip()
    found = _last_text(inlines)
    if found is None:
        return ""
    container, index = found
    text = container[index].text.rstrip()  # type: ignore[union-attr]
    stripped = text.rstrip(_FINAL)
    mark = text[len(stripped) :]
    words = stripped.split()
    if mark.startswith(".") and words and words[-1] in abbreviations:
        # "ж.б." keeps its stop; a stop that also ended the paragraph follows the lead.
        stripped, mark = stripped + ".", mark[1:] or "."
    container[index] = Text(stripped)
    return mark


def apply_style(doc: Document, style: str, abbreviations: frozenset[str] = frozenset()) -> None:
    """``un``: the organ line ("The Security Council") and preambular paragraphs end with a
    comma; operative ones with a semicolon, the last with a full stop; a paragraph
    introducing sub-paragraphs ends with a colon. The stop of a closing abbreviation of
    the language stays."""
    if style != "un":
        return
    for block in doc.blocks:
        if block.role == "organ":
            set_final_punctuation(block.content, ",", abbreviations)
    preambular = [b for b in doc.blocks if b.role == "preambular"]
    operative = [b for b in doc.blocks if b.role == "operative"]
    for block in preambular:
        _punctuate(block, ",", ",", abbreviations)
    for block in operative:
        last = block is operative[-1]
        _punctuate(block, ";", "." if last else ";", abbreviations)


def _punctuate(block: Paragraph, mark: str, final: str, abbreviations: frozenset[str]) -> None:
    if not block.items:
        set_final_punctuation(block.content, final, abbreviations)
        return
    set_final_punctuation(block.content, ":", abbreviations)
    flat = list(block.sub_paragraphs())
    for item in flat:
        if item.children:
            set_final_punctuation(item.content, ":", abbreviations)
        else:
            set_final_punctuation(item.content, final if item is flat[-1] else mark, abbreviations)


# The one list every document kind runs, in this order.
TRANSFORMS: list[Transform] = [notes, numbering, punctuation, lead_position, note_calls]


def run_transforms(doc: Document, context: TransformContext) -> None:
    for transform in TRANSFORMS:
        transform(doc, context)

"""``--format docx``: a redline in which every change is a real Word tracked change.

The redline is a document of the model like any other, with :class:`Change` nodes where
words were inserted or deleted and change marks on whole paragraphs, written by
draftkit's own DOCX writer with the styles of the rendered resolution. A reviewer accepts
or rejects each change in Word or LibreOffice. For two versions of a document the redline
is the whole new document with the old text tracked into it (a moved paragraph is a Word
move: struck out where it was, inserted where it is); for two clause sets it lists the
clauses that changed, each under a heading that names it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Any

from draftkit.diff.clauses import ClauseChange, LibraryDiff, TextChange
from draftkit.diff.documents import PAIR_THRESHOLD, DocumentDiff
from draftkit.diff.terminal import moved_text
from draftkit.diff.words import Span, Token, changed, diff_tokens, similarity, tokenize
from draftkit.fsutil import BuildClock
from draftkit.model.nodes import (
    Change,
    Document,
    DocumentMeta,
    Emph,
    Inline,
    Paragraph,
    Strong,
    SubParagraph,
    Text,
)

KIND = {"insert": "ins", "delete": "del"}


class Redline:
    def __init__(self, author: str, date: str, *, real_notes: bool) -> None:
        self.author = author
        self.date = date
        self.real_notes = real_notes
        self.moves = 0

    def change(self, kind: str, children: list[Inline], name: str = "") -> Change:
        return Change(kind, children, self.author, self.date, name)  # type: ignore[arg-type]

    # -- words ---------------------------------------------------------------------------
    def tokens(self, tokens: tuple[Token, ...], deleted: bool) -> list[Inline]:
        """Tokens back into inlines, formatting kept. A note call in deleted text is
        shown as its label: the note itself belongs to the old version."""
        out: list[Inline] = []
        for token in tokens:
            if token.note is not None:
                if self.real_notes and not deleted and token.note.note is not None:
                    node: Inline = token.note
                else:
                    node = Text(token.display())
            else:
                node = Text(token.text)
            for mark in reversed(token.marks):
                if mark == "em":
                    node = Emph([node])
                elif mark == "strong":
                    node = Strong([node])
            if isinstance(node, Text) and out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
            else:
                out.append(node)
        return out

    def spans(self, spans: list[Span]) -> list[Inline]:
        out: list[Inline] = []
        for span in spans:
            inlines = self.tokens(span.tokens, deleted=span.op == "delete")
            if span.op == "equal":
                out += inlines
            else:
                out.append(self.change(KIND[span.op], inlines))
        return out


# -- clause sets ---------------------------------------------------------------------------


def _clause_paragraphs(red: Redline, change: ClauseChange) -> list[Paragraph]:
    placed = change.new or change.old
    assert placed is not None
    clause = placed.clause
    heading = f"{change.kind}: {change.id}"
    if change.kind == "renamed" and change.old is not None:
        heading = f"renamed: {change.old.clause.id} → {change.id}"
    if change.moved and change.old and change.new:
        heading += f" (moved: {moved_text(change)})"
    out = [Paragraph("heading", [Text(heading)]), Paragraph("dateline", [Text(placed.file)])]
    texts: dict[str, TextChange] = {t.field: t for t in change.texts}
    whole = {"added": "ins", "removed": "del"}.get(change.kind)

    def inlines(field: str, source: list[Inline]) -> list[Inline]:
        if field in texts:
            return red.spans(texts[field].spans)
        return red.tokens(tuple(_tokens(source)), deleted=change.kind == "removed")

    block = Paragraph(
        clause.kind if clause.kind != "paragraph" else "paragraph",
        inlines("text", clause.text.inlines),
        lead=inlines("lead", clause.lead.inlines),
        clause_id=change.id,
        change=red.change(whole, []) if whole else None,
    )
    from draftkit.diff.clauses import item_texts

    labels = dict(item_texts(clause.items))
    extra = [f for f in texts if f.startswith("item ") and f[5:] not in labels]
    items: dict[str, SubParagraph] = {}
    for label, item in labels.items():
        level = label.count("(")
        sub = SubParagraph(inlines(f"item {label}", item.text.inlines), level=level)
        parent = label[: label.rfind("(")]
        (items[parent].children if parent in items else block.items).append(sub)
        items[label] = sub
    for field in extra:  # sub-paragraphs that exist only on the old side
        block.items.append(SubParagraph(red.spans(texts[field].spans)))
    out.append(block)
    for value in change.values:
        if value.added or value.removed:
            words = [red.change("ins", [Text(f" +{x}")]) for x in value.added] + [
                red.change("del", [Text(f" −{x}")]) for x in value.removed
            ]
        else:
            words = [
                red.change("del", [Text(f" {value.old}")]),
                red.change("ins", [Text(f" {value.new}")]),
            ]
        out.append(Paragraph("paragraph", [Text(f"{value.field}:"), *words]))
    return out


def _tokens(inlines: list[Inline]) -> list[Token]:
    return tokenize(inlines)


def library_redline(diff: LibraryDiff, red: Redline, lang: str) -> Document:
    title = f"{diff.old_label} → {diff.new_label}"
    blocks = [Paragraph("title", [Text(title)])]
    for change in diff.changes:
        blocks += _clause_paragraphs(red, change)
    meta = DocumentMeta(title=title, lang=lang, kind="redline")
    return Document(meta, blocks)


# -- documents -----------------------------------------------------------------------------


def _whole_block(red: Redline, block: Paragraph, kind: str, name: str = "") -> Paragraph:
    """A paragraph of one side only, every word of it tracked."""
    deleted = kind in ("del", "moveFrom")

    def track(inlines: list[Inline]) -> list[Inline]:
        if not inlines:
            return []
        return [red.change(kind, red.tokens(tuple(tokenize(inlines)), deleted), name)]

    def items(subs: list[SubParagraph]) -> list[SubParagraph]:
        return [SubParagraph(track(i.content), i.level, i.label, items(i.children)) for i in subs]

    return replace(
        block,
        lead=track(block.lead),
        content=track(block.content),
        items=items(block.items),
        change=red.change(kind, [], name),
        numbered=block.numbered,
    )


def _changed_block(
    red: Redline, old: Paragraph, new: Paragraph, texts: list[TextChange]
) -> Paragraph:
    by_field = {t.field: t for t in texts}
    lead = red.spans(by_field["lead"].spans) if "lead" in by_field else new.lead
    content = red.spans(by_field["text"].spans) if "text" in by_field else new.content
    return replace(new, lead=lead, content=content, items=_changed_items(red, old.items, new.items))


def _changed_items(
    red: Redline, old: list[SubParagraph], new: list[SubParagraph]
) -> list[SubParagraph]:
    """Both versions' sub-paragraphs in one list: the diff reports them by letter, but a
    sub-paragraph taken out or put in shifts the letters of the ones after it, so they are
    matched by their text here; one side's own are whole tracked paragraphs."""
    out: list[SubParagraph] = []
    for a, b in _align(old, new):
        if b is None:
            assert a is not None
            out.append(_whole_item(red, a, "del"))
        elif a is None:
            out.append(_whole_item(red, b, "ins"))
        else:
            spans = diff_tokens(tokenize(a.content), tokenize(b.content))
            content = red.spans(spans) if changed(spans) else b.content
            children = _changed_items(red, a.children, b.children)
            out.append(SubParagraph(content, b.level, b.label, children))
    return out


def _align(
    old: list[SubParagraph], new: list[SubParagraph]
) -> list[tuple[SubParagraph | None, SubParagraph | None]]:
    """Pairs in reading order: the same text (difflib), else in a stretch that differs,
    the next one on the other side that is similar enough (as documents pair paragraphs);
    ``None`` on the side that lacks one."""
    keys = [[tuple(t.key for t in tokenize(i.content)) for i in side] for side in (old, new)]
    out: list[tuple[SubParagraph | None, SubParagraph | None]] = []
    matcher = SequenceMatcher(None, keys[0], keys[1], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += zip(old[i1:i2], new[j1:j2], strict=True)
            continue
        j = j1
        for a in old[i1:i2]:
            tokens = tokenize(a.content)
            k = next(
                (
                    k
                    for k in range(j, j2)
                    if similarity(tokens, tokenize(new[k].content)) >= PAIR_THRESHOLD
                ),
                None,
            )
            if k is None:
                out.append((a, None))
                continue
            out += [(None, b) for b in new[j:k]]
            out.append((a, new[k]))
            j = k + 1
        out += [(None, b) for b in new[j:j2]]
    return out


def _whole_item(red: Redline, item: SubParagraph, kind: str) -> SubParagraph:
    """A sub-paragraph of one side only: its words and its mark tracked, its children's too."""
    tokens = tuple(tokenize(item.content))
    content = [red.change(kind, red.tokens(tokens, kind == "del"))] if tokens else []
    children = [_whole_item(red, child, kind) for child in item.children]
    return SubParagraph(content, item.level, item.label, children, red.change(kind, []))


def document_redline(diff: DocumentDiff, old: Document, new: Document, red: Redline) -> Document:
    changes_by_new = {c.new.position: c for c in diff.changes if c.new is not None}
    stayed = sorted((a, b) for a, b, moved in diff.pairs if not moved)
    stayed_old = [a for a, _ in stayed]
    move_names: dict[int, str] = {}
    entries: list[tuple[tuple[int, int, int], Paragraph]] = []

    def after(old_position: int) -> int:
        at = bisect_left(stayed_old, old_position)
        return stayed[at - 1][1] if at else -1

    for a, b, moved in diff.pairs:
        if moved:
            red.moves += 1
            move_names[b] = f"move{red.moves}"
            block = old.blocks[a]
            entries.append(((after(a), 1, a), _whole_block(red, block, "moveFrom", move_names[b])))
    for c in diff.changes:
        if c.kind == "removed" and c.old is not None:
            entries.append(
                ((after(c.old.position), 1, c.old.position), _whole_block(red, c.old.block, "del"))
            )
    for index, block in enumerate(new.blocks):
        change = changes_by_new.get(index)
        if change is None:
            out = block
        elif change.kind == "added":
            out = _whole_block(red, block, "ins")
        elif index in move_names:
            # A moved paragraph is tracked as a move; its word changes show on the old side's
            # struck text and the new text as inserted.
            out = _whole_block(red, block, "moveTo", move_names[index])
        else:
            assert change.old is not None
            out = _changed_block(red, change.old.block, block, change.texts)
        entries.append(((index, 0, 0), out))
    entries.sort(key=lambda e: e[0])
    return replace(new, blocks=[block for _, block in entries])


def write_redline(result: Any, *, author: str = "draftkit") -> bytes:
    """The DOCX bytes of a redline for a diff result (see :mod:`draftkit.diff.run`)."""
    from draftkit.fsutil import builtin_templates_dir
    from draftkit.render.writers import WriteContext, writer

    diff = result.diff
    # When the changes are dated: SOURCE_DATE_EPOCH when set (reproducible redlines),
    # otherwise now.
    changed = BuildClock.now().iso()
    if isinstance(diff, DocumentDiff):
        new_doc: Document = result.new_document
        clock = BuildClock.for_document(new_doc.meta.date)
        red = Redline(author, changed, real_notes=True)
        doc = document_redline(diff, result.old_document, new_doc, red)
        templates = result.redline_templates
    else:
        clock = BuildClock.for_document(None)
        red = Redline(author, changed, real_notes=False)
        doc = library_redline(diff, red, result.lang)
        templates = [builtin_templates_dir()]
    # The redline is a Word document like any build's, by the same registered writer.
    return writer("docx").write(doc, WriteContext(templates, clock))

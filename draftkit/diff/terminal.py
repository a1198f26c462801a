"""The diff for a terminal: one entry per changed clause or paragraph, words marked.

In colour, deleted words are red and struck through, inserted words green; without
colour (piped, ``NO_COLOR``, ``--no-color``) they read as git's word diff does,
``[-deleted-]{+inserted+}``, so the output means the same in a log file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from rich.text import Text

from draftkit.diff.clauses import ClauseChange, LibraryDiff, SetChange, TextChange
from draftkit.diff.documents import BlockChange, DocumentDiff, NoteChange
from draftkit.diff.words import Span

SIGNS = {
    "added": ("+", "green"),
    "removed": ("-", "red"),
    "modified": ("~", "yellow"),
    "moved": (">", "cyan"),
    "renamed": ("=", "magenta"),
    "renumbered": ("#", "blue"),
}
CONTEXT_WORDS = 8


def _trim(span: Span, first: bool, last: bool, context: int) -> str:
    """Long unchanged stretches shortened to ``context`` words each side of a change."""
    text = span.text
    words = text.split(" ")
    if context <= 0 or len(words) <= 2 * context + 1:
        return text
    if first:
        return "… " + " ".join(words[-context:])
    if last:
        return " ".join(words[:context]) + " …"
    return " ".join(words[:context]) + " … " + " ".join(words[-context:])


def spans_text(spans: list[Span], color: bool, context: int = CONTEXT_WORDS) -> Text:
    out = Text()
    for i, span in enumerate(spans):
        if span.op == "equal":
            out.append(_trim(span, i == 0, i == len(spans) - 1, context))
        elif span.op == "delete":
            if color:
                out.append(span.text, style="red strike")
            else:
                out.append(f"[-{span.text}-]")
        elif color:
            out.append(span.text, style="green")
        else:
            out.append(f"{{+{span.text}+}}")
    return out


def _head(kind: str, title: str, where: str, color: bool) -> Text:
    sign, style = SIGNS.get(kind, ("?", ""))
    line = Text()
    line.append(f"{sign} {kind:<10} ", style=f"bold {style}" if color else "")
    line.append(title, style="bold" if color else "")
    if where:
        line.append(f"  {where}", style="dim" if color else "")
    return line


def _text_lines(
    texts: list[TextChange], color: bool, context: int, label: Callable[[str], str] = str
) -> Iterator[Text]:
    for change in texts:
        line = Text(f"    {label(change.field)}: ")
        line.append_text(spans_text(change.spans, color, context))
        yield line


def _value_line(change: SetChange) -> Text:
    if change.added or change.removed:
        parts = [f"+{x}" for x in change.added] + [f"-{x}" for x in change.removed]
        return Text(f"    {change.field}: {' '.join(parts)}")
    return Text(f"    {change.field}: {change.old!r} → {change.new!r}")


def moved_text(change: ClauseChange) -> str:
    assert change.old is not None and change.new is not None
    was = change.old.after or "the start"
    now = change.new.after or "the start"
    text = f"now after {now} (was after {was})"
    if change.old.folder_file != change.new.folder_file:
        text += f", from {change.old.file} to {change.new.file}"
    return text


def clause_entry(change: ClauseChange, color: bool, context: int) -> Iterator[Text]:
    if change.kind == "renamed":
        assert change.old is not None
        title = f"{change.old.clause.id} → {change.id}"
        if change.similarity is not None and change.similarity < 1:
            title += f" (similarity {change.similarity:.0%})"
    else:
        title = change.id
    placed = change.new or change.old
    assert placed is not None
    where = f"{placed.file}:{placed.line}"
    yield _head(change.kind, title, where, color)
    if change.moved and change.old and change.new:
        yield Text(f"    moved: {moved_text(change)}")
    yield from _text_lines(change.texts, color, context)
    for value in change.values:
        yield _value_line(value)


def block_title(change: BlockChange) -> str:
    """The paragraph's name, and the clause it comes from: "operative 7 (clause-id)"."""
    placed = change.new or change.old
    assert placed is not None
    clause = placed.block.clause_id
    return f"{change.name} ({clause})" if clause else change.name


def block_field(change: BlockChange) -> Callable[[str], str]:
    """A text change's label: "lead", "text", or the sub-paragraph's name ("operative 7
    (b)"), which its letter alone would not say."""
    return lambda field: change.field_name(field) if field.startswith("item ") else field


def placement_text(change: BlockChange) -> str | None:
    """Where a moved or renumbered paragraph was and is, each named in its version."""
    if change.old is None or change.new is None:
        return None
    if change.moved:
        return f"moved: {change.old.name} → {change.new.name}"
    if change.renumbered:
        return f"renumbered: {change.old.name} → {change.new.name}"
    return None


def block_entry(change: BlockChange, color: bool, context: int) -> Iterator[Text]:
    yield _head(change.kind, block_title(change), "", color)
    placement = placement_text(change)
    if placement:
        yield Text(f"    {placement}")
    yield from _text_lines(change.texts, color, context, block_field(change))


def note_entry(change: NoteChange, color: bool, context: int) -> Iterator[Text]:
    label = (change.new or change.old).label  # type: ignore[union-attr]
    yield _head(change.kind, f"{change.series} [{label}] ({change.source})", "", color)
    line = Text("    note: ")
    line.append_text(spans_text(change.spans, color, context))
    yield line


def render(
    diff: LibraryDiff | DocumentDiff,
    *,
    color: bool,
    context: int = CONTEXT_WORDS,
    stale: list[dict] | None = None,
) -> Iterator[Text]:
    header = Text(f"draftkit diff {diff.old_label} {diff.new_label}")
    yield Text(header.plain, style="bold" if color else "")
    if isinstance(diff, LibraryDiff):
        for change in diff.changes:
            yield from clause_entry(change, color, context)
    else:
        for change in diff.changes:
            yield from block_entry(change, color, context)
        for note in diff.notes:
            yield from note_entry(note, color, context)
    if stale:
        yield Text("")
        yield Text(
            f"stale translations ({stale_count(stale)}):", style="bold yellow" if color else ""
        )
        for clause, entries in stale_by_clause(stale).items():
            yield Text(f"    {clause}")
            for entry in entries:
                yield Text(f"        {stale_where(entry)}  {entry['field']}  {stale_state(entry)}")
        if any(entry["line"] is None for entry in stale):
            yield Text(NOT_IN_CATALOG)
    yield summary_line(diff)


NOT_IN_CATALOG = (
    "(catalog not updated: the new text has no entry yet, the old text's is named; "
    "run 'draftkit i18n extract' and 'draftkit i18n update')"
)


def stale_by_clause(stale: list[dict]) -> dict[str, list[dict]]:
    """Stale translations under their clause: each clause once, each text once."""
    out: dict[str, list[dict]] = {}
    for entry in stale:
        out.setdefault(entry["clause"], []).append(entry)
    return out


def stale_count(stale: list[dict]) -> str:
    texts, clauses = len(stale), len(stale_by_clause(stale))
    return (
        f"{texts} text{'s' if texts != 1 else ''} of {clauses} clause{'s' if clauses != 1 else ''}"
    )


def stale_where(entry: dict) -> str:
    """The catalog entry to translate: ``file:line`` of the new text's entry, or of the
    old text's where the catalog has none for the new text yet."""
    line = entry["line"] or entry.get("old_line")
    return f"{entry['catalog']}:{line}" if line else str(entry["catalog"])


def stale_state(entry: dict) -> str:
    return entry["state"] + (" (catalog not updated)" if entry["line"] is None else "")


def summary_line(diff: LibraryDiff | DocumentDiff) -> Text:
    counts = diff.summary()
    unchanged = counts.pop("unchanged")
    what = "clause(s)" if isinstance(diff, LibraryDiff) else "paragraph(s)"
    parts = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    return Text(f"{parts}; {unchanged} {what} unchanged")


def stat(diff: LibraryDiff | DocumentDiff) -> Iterator[Text]:
    """``--stat``: counts per file (library) or per part of the document."""
    per: dict[str, Counter[str]] = {}
    if isinstance(diff, LibraryDiff):
        for change in diff.changes:
            placed = change.new or change.old
            assert placed is not None
            counter = per.setdefault(placed.file, Counter())
            counter[change.kind] += 1
            if change.moved and change.kind != "moved":
                counter["moved"] += 1
    else:
        for change in diff.changes:
            placed = change.new or change.old
            assert placed is not None
            per.setdefault(placed.block.role, Counter())[change.kind] += 1
        if diff.notes:
            per["notes"] = Counter(n.kind for n in diff.notes)
    width = max((len(name) for name in per), default=0)
    for name, counter in per.items():
        yield Text(f" {name:<{width}} | " + ", ".join(f"{n} {k}" for k, n in counter.items()))
    yield summary_line(diff)

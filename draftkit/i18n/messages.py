"""What is translatable in a project, and under which gettext context.

Extraction (``draftkit i18n extract`` and the Babel extractor) and the build's lookups both
use these functions, so a message is always found under the context it was extracted with:

- a clause's lead, text, sub-paragraphs and parameter defaults: ``msgctxt`` = clause id;
- a source's title and publisher: ``source:<id>``;
- a document's title, forum, place, city, parameters, signature and inline paragraphs:
  ``document:<name>``.

The msgid is the text as the drafter wrote it, markup, note references and ``{params}``
included; a translation keeps the references and parameters (``i18n check`` verifies it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from draftkit.library.clauses import Clause, SubItem
from draftkit.library.documents import DocumentSpec
from draftkit.library.sources import Source


@dataclass(frozen=True)
class Message:
    context: str
    text: str
    path: Path
    line: int
    comment: str


def source_context(source_id: str) -> str:
    return f"source:{source_id}"


def document_context(name: str) -> str:
    return f"document:{name}"


def _items(clause: Clause, items: list[SubItem], prefix: str) -> Iterator[Message]:
    for index, item in enumerate(items, start=1):
        label = f"{prefix}{index}"
        yield Message(
            clause.id,
            item.text.source,
            clause.path,
            item.text.line,
            f"clause {clause.id}: sub-paragraph {label}",
        )
        yield from _items(clause, item.items, f"{label}.")


def clause_messages(clause: Clause) -> Iterator[Message]:
    kind = f"{clause.kind} clause {clause.id}"
    if clause.lead.source:
        yield Message(
            clause.id,
            clause.lead.source,
            clause.path,
            clause.lead.line,
            f"{kind}: lead phrase (set in italics)",
        )
    yield Message(
        clause.id,
        clause.text.source,
        clause.path,
        clause.text.line,
        f"{kind}: text" + (" (follows the lead phrase)" if clause.lead.source else ""),
    )
    yield from _items(clause, clause.items, "")
    for param in clause.params.values():
        if param.default:
            yield Message(
                clause.id,
                param.default,
                clause.path,
                clause.line,
                f"clause {clause.id}: default value of {{{param.name}}}",
            )


def source_messages(source: Source) -> Iterator[Message]:
    context = source_context(source.id)
    for field, value in (("title", source.title), ("publisher", source.publisher)):
        if value:
            yield Message(
                context,
                value,
                source.path,
                source.line,
                f"source {source.id}: {field} (a note shows it)",
            )


def document_messages(spec: DocumentSpec) -> Iterator[Message]:
    context = document_context(spec.name)
    for key in ("title", "forum", "place", "city"):
        value = getattr(spec, key)
        if value:
            yield Message(
                context, value, spec.path, spec.lines.get(key, 1), f"document {spec.name}: {key}"
            )
    for name, value in spec.params.items():
        yield Message(
            context,
            value,
            spec.path,
            spec.lines.get(f"params.{name}", 1),
            f"document {spec.name}: value of {{{name}}}",
        )
    for key in ("by", "place"):
        value = getattr(spec.signature, key)
        if value:
            yield Message(
                context,
                value,
                spec.path,
                spec.lines.get(f"signature.{key}", 1),
                f"document {spec.name}: signature {key}",
            )
    for part, use in spec.uses():
        if use.text is not None:
            yield Message(
                context,
                use.text.source,
                spec.path,
                use.text.line,
                f"document {spec.name}: {part} paragraph written in the document",
            )
        for name, value in use.params.items():
            yield Message(
                context,
                value,
                spec.path,
                use.line,
                f"document {spec.name}: value of {{{name}}} for {use.clause_id}",
            )

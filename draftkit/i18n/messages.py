"""What is translatable in a project, and under which gettext context.

Extraction (``draftkit i18n extract`` and the Babel extractor) and the build's lookups both
use these functions, so a message is always found under the context it was extracted with:

- a clause's lead, text, sub-paragraphs and parameter defaults: ``msgctxt`` = clause id;
- a source's title and publisher: ``source:<id>``;
- a document's title, adoption line, organ, forum, place, city, parameters, signature and
  inline paragraphs (not its symbol, the same in every language):
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
from draftkit.library.events import EventSpec
from draftkit.library.organisations import Organisation
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
    for key in ("title", "adoption", "organ", "forum", "place", "city"):
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


# -- events and organisations (press releases, media advisories) -------------------------

PERSON_CONTEXT = "person"  # a personal name, transliterated once for every event
CITY_CONTEXT = "city"  # a city name, shared by every event held there


def event_context(name: str) -> str:
    return f"event:{name}"


def organisation_context(org_id: str) -> str:
    return f"organisation:{org_id}"


def organisation_messages(org: Organisation) -> Iterator[Message]:
    """An organisation's name (official translations in the catalog), short form, about."""
    context = organisation_context(org.id)
    lines = org.lines or {}
    for key, what in (("name", "official name"), ("short", "short name in running text")):
        value = getattr(org, key)
        if value:
            yield Message(
                context, value, org.path, lines.get(key, org.line), f"organisation {org.id}: {what}"
            )
    if org.about is not None:
        yield Message(
            context,
            org.about.source,
            org.path,
            org.about.line,
            f"organisation {org.id}: about (boilerplate at the end of a press release)",
        )


def event_messages(event: EventSpec) -> Iterator[Message]:
    """Every text of an event; phone numbers, e-mail addresses and URLs are not texts."""
    context = event_context(event.name)
    what = f"event {event.name}"
    lines = event.lines
    yield Message(context, event.title, event.path, lines.get("title", 1), f"{what}: headline")
    yield Message(
        CITY_CONTEXT,
        event.city,
        event.path,
        lines.get("city", 1),
        "a city (datelines: set in capitals)",
    )
    if event.venue:
        yield Message(context, event.venue, event.path, lines.get("venue", 1), f"{what}: venue")
    for key in ("participants", "lede"):
        markup = getattr(event, key)
        if markup is not None:
            yield Message(context, markup.source, event.path, markup.line, f"{what}: {key}")
    for key in ("body", "agenda", "outcomes"):
        for index, markup in enumerate(getattr(event, key), start=1):
            yield Message(
                context, markup.source, event.path, markup.line, f"{what}: {key} item {index}"
            )
    for index, quote in enumerate(event.quotes, start=1):
        yield Message(
            PERSON_CONTEXT, quote.speaker, event.path, quote.line, "a person's name (transliterate)"
        )
        if quote.role:
            yield Message(
                context,
                quote.role,
                event.path,
                quote.line,
                f"{what}: role of the speaker of quote {index}",
            )
        yield Message(
            context,
            quote.text.source,
            event.path,
            quote.text.line,
            f"{what}: quote {index} (without quotation marks)",
        )
    for contact in event.contacts:
        yield Message(
            PERSON_CONTEXT,
            contact.name,
            event.path,
            contact.line,
            "a person's name (transliterate)",
        )
        if contact.role:
            yield Message(
                context, contact.role, event.path, contact.line, f"{what}: media contact's role"
            )
    for link in event.links:
        yield Message(context, link.text, event.path, link.line, f"{what}: link text")
    if event.byline:
        yield Message(context, event.byline, event.path, lines.get("byline", 1), f"{what}: byline")

"""What a press release or media advisory template sees: an event, through the same
assembly as a resolution (template → draftkit XML → document model → transforms).

What a press template sees: the event's texts translated through the catalog (msgctxt
``event:<name>``; names of people under ``person``, cities under ``city``, organisations
under ``organisation:<id>``), turned into escaped draftkit-XML markup; dates localised by
the typography profile. Phone numbers, e-mail addresses and URLs are passed as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from babel.lists import format_list
from markupsafe import Markup, escape

from draftkit.assemble.context import translate_markup, translation_error
from draftkit.assemble.dkxml import inlines_to_xml
from draftkit.i18n.catalogs import SourceLanguage, Translator
from draftkit.i18n.messages import (
    CITY_CONTEXT,
    PERSON_CONTEXT,
    document_context,
    event_context,
    organisation_context,
)
from draftkit.library.clauses import Markup as SourceMarkup
from draftkit.library.documents import DocumentSpec
from draftkit.library.events import EventSpec, OrgRef, Quote
from draftkit.library.markup import note_refs, placeholders, substitute
from draftkit.library.organisations import Organisation
from draftkit.locale import LocaleProfile


@dataclass
class OrgView:
    id: str
    name: str
    short: str
    about: Markup
    url: str


@dataclass
class QuoteView:
    text: Markup  # in the language's quotation marks, punctuated as a sentence of its own
    speaker: str  # "" when the role alone says who spoke
    role: str
    organisation: str  # "" when the speaker or role already names it
    after: int | None
    style: str  # "block" or "news"
    attribution: str  # "Name, role, organisation", capitalised: starts a line
    who: str  # the same as written, for running text ("said the UN Women Representative")
    news_text: Markup  # in quotation marks, punctuated to go on: “…,” / «…»,


@dataclass
class ContactView:
    name: str
    role: str
    organisation: str
    phone: str
    email: str


@dataclass
class LinkView:
    text: str
    url: str


@dataclass
class RelatedView:
    name: str
    title: str


@dataclass
class EventView:
    name: str
    kind: str
    title: str
    city: str
    venue: str
    dates: str  # "17–18 August 2020"
    published: str  # the release's own date, for the dateline
    byline: str
    body: list[Markup] = field(default_factory=list)


# A quotation's final punctuation, before any closing inline tags: "...", a run of ?!…, or
# one full stop.
_QUOTE_END = re.compile(r"(\.\.\.|[?!…]+|\.)?((?:</[^<>]+>)*)\s*$")


def names_organisation(texts: list[str], org: Organisation) -> bool:
    """True when one of ``texts`` (a quote's source speaker and role) names ``org`` by its
    source name or short name, as a whole word, case ignored."""
    for name in {org.name, org.short} - {""}:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        if any(pattern.search(text) for text in texts):
            return True
    return False


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class EventContextBuilder:
    """The template context of one event in one language; ``attribution`` is the
    project's quote style, which the event's own ``attribution`` overrides."""

    def __init__(
        self,
        event: EventSpec,
        organisations: dict[str, Organisation],
        typo: LocaleProfile,
        translations: Translator | None = None,
        attribution: str = "block",
    ) -> None:
        self.event = event
        self.attribution = event.attribution or attribution
        self.organisations = organisations
        self.typo = typo
        self.translations: Translator = translations or SourceLanguage()
        self.context = event_context(event.name)

    def text(self, value: str, context: str | None = None) -> str:
        return self.translations.pgettext(context or self.context, value) if value else ""

    def markup(self, markup: SourceMarkup | None, context: str | None = None) -> Markup:
        if markup is None or not markup.source:
            return Markup("")
        context = context or self.context
        inlines = translate_markup(self.translations, markup, context)
        if inlines is not markup.inlines and (
            any(True for _ in note_refs(inlines)) or any(True for _ in placeholders(inlines))
        ):
            raise translation_error(
                self.translations,
                markup,
                context,
                f"the {self.translations.lang} translation has a note reference or parameter",
                "press texts have none: remove the [^...] or {...} from the translation",
            )
        return inlines_to_xml(substitute(inlines, {}))

    def org(self, org_id: str) -> OrgView:
        org = self.organisations[org_id]
        context = organisation_context(org.id)
        name = self.text(org.name, context)
        return OrgView(
            org.id,
            name,
            self.text(org.short, context) or name,
            self.markup(org.about, context),
            org.url,
        )

    def orgs(self, refs: list[OrgRef]) -> list[OrgView]:
        return [self.org(ref.id) for ref in refs]

    def quoted(self, text: Markup, then: str | None = None) -> Markup:
        """``text`` in quotation marks, its final punctuation placed by the locale profile
        for a sentence that needs ``then`` at the quotation's end ("," to go on; None: the
        quotation is a sentence of its own, ending as its words do)."""
        found = _QUOTE_END.search(str(text))
        assert found is not None  # every part of the pattern may be empty
        final = found.group(1) or ""
        if then is None:
            then = "." if final == "." else ""
        inside, after = self.typo.quote_punctuation(final, then)
        return (
            escape(self.typo.quotes[0])
            + Markup(str(text)[: found.start()] + found.group(2))
            + escape(inside + self.typo.quotes[1] + after)
        )

    def quote(self, quote: Quote) -> QuoteView:
        speaker = self.text(quote.speaker, PERSON_CONTEXT)
        role = self.text(quote.role)
        organisation = ""
        if quote.organisation:
            org = self.organisations[quote.organisation.id]
            # Decided on the source texts, so that every language prints the same parts.
            if not names_organisation([quote.speaker, quote.role], org):
                organisation = self.org(org.id).short
        who = ", ".join(part for part in (speaker, role, organisation) if part)
        text = self.markup(quote.text)
        return QuoteView(
            self.quoted(text),
            speaker,
            role,
            organisation,
            quote.after,
            self.attribution,
            capitalised(who),
            who,
            self.quoted(text, ","),
        )

    def build(self, lang: str, related: list[DocumentSpec]) -> dict[str, Any]:
        event = self.event
        quotes = [self.quote(q) for q in event.quotes]
        contacts = [
            ContactView(
                self.text(c.name, PERSON_CONTEXT),
                self.text(c.role),
                self.org(c.organisation.id).short if c.organisation else "",
                c.phone,
                c.email,
            )
            for c in event.contacts
        ]
        return {
            "lang": lang,
            "event": EventView(
                event.name,
                event.kind,
                self.text(event.title),
                self.text(event.city, CITY_CONTEXT),
                self.text(event.venue),
                self.typo.press_date(event.start, event.end),
                self.typo.press_date(event.published),
                self.text(event.byline),
            ),
            "lede": self.markup(event.lede),
            "body": [self.markup(m) for m in event.body],
            "participants": self.markup(event.participants),
            "participants_after": event.participants_after,
            "agenda": [self.markup(m) for m in event.agenda],
            "outcomes": [self.markup(m) for m in event.outcomes],
            "quotes": quotes,
            "contacts": contacts,
            "links": [LinkView(self.text(link.text), link.url) for link in event.links],
            "organisers": self.orgs(event.organisers),
            "partners": self.orgs(event.partners),
            "funders": self.orgs(event.funders),
            "documents": [
                RelatedView(spec.name, self.text(spec.title, document_context(spec.name)))
                for spec in related
            ],
        }


def press_filters(locale: LocaleProfile) -> dict[str, Any]:
    """The filters press templates have besides everyone's."""
    # "A, B and C" / "А, Б и В" / "А, Б жана В": CLDR list patterns through Babel, in the
    # press locale (British English has no serial comma).
    press = locale.press_locale or locale.lang
    return {"names": lambda items: format_list(list(items), locale=press)}

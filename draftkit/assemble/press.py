"""What a press release or media advisory template sees: an event, through the same
assembly as a resolution (template → draftkit XML → document model → transforms).

What a press template sees: the event's texts translated through the catalog (msgctxt
``event:<name>``; names of people under ``person``, cities under ``city``, organisations
under ``organisation:<id>``), turned into escaped draftkit-XML markup; dates localised by
the typography profile. Phone numbers, e-mail addresses and URLs are passed as written.
"""

from __future__ import annotations

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
from draftkit.library.events import EventSpec, OrgRef
from draftkit.library.markup import note_refs, placeholders
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
    text: Markup  # in the language's quotation marks
    speaker: str
    role: str
    organisation: str
    after: int | None


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


class EventContextBuilder:
    """The template context of one event in one language."""

    def __init__(
        self,
        event: EventSpec,
        organisations: dict[str, Organisation],
        typo: LocaleProfile,
        translations: Translator | None = None,
    ) -> None:
        self.event = event
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
        return inlines_to_xml(inlines)

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

    def quoted(self, text: Markup) -> Markup:
        return escape(self.typo.quotes[0]) + text + escape(self.typo.quotes[1])

    def build(self, lang: str, related: list[DocumentSpec]) -> dict[str, Any]:
        event = self.event
        quotes = [
            QuoteView(
                self.quoted(self.markup(q.text)),
                self.text(q.speaker, PERSON_CONTEXT),
                self.text(q.role),
                self.org(q.organisation.id).short if q.organisation else "",
                q.after,
            )
            for q in event.quotes
        ]
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

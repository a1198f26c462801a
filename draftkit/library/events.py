"""Events (``events/*.yaml``): what a press release or media advisory is made from.

::

    template: press-release          # press-release (after the event) | media-advisory (before)
    kind: forum                      # forum | dialogue | training | technical-meeting
    title: What Works Central Asian Forum Kicks Off in Bishkek
    date: 2022-01-18                 # one day, or a range: {from: 2020-08-17, to: 2020-08-18}
    published: 2022-01-18            # optional: the release's own date (default: the last day
                                     # for a press release, the first for a media advisory)
    city: Bishkek
    venue: Hyatt Regency             # optional
    organisers: [international-alert, un-women]    # ids in organisations/*.yaml
    partners: []
    funders: []
    participants: Representatives of international organizations, ...
                                     # or {text: ..., after: N}, placed like a quote
                                     # (default: after the body and its quotes; in a
                                     # media advisory, under "Who")
    lede: On January 18, Bishkek hosted ...
    body:
      - The Forum concluded a series of events ...
    agenda: [The experience of women leaders ...]      # a media advisory's agenda
    outcomes: [Recognition of the importance ...]     # results (expected, for an advisory)
    quotes:
      - speaker: Shakirat Toktosunova                 # optional when a role is given
        role: representative of International Alert in Kyrgyzstan
        organisation: international-alert             # optional org id
        text: There is a causal relationship ...
        after: 0                     # after the lede (0) or body paragraph N (default: last)
    attribution: news                # optional: block (default) | news; the project's
                                     # default is [press] attribution in draftkit.toml
    contacts:
      - {name: Aisuluu Kozhomkulova, role: communications consultant,
         phone: "0555662228", email: isul.kozhomkulova@gmail.com}
    links: [{text: Photos from the event, url: https://...}]
    documents: [documents/civic-forum-2025.yaml]     # related documents of the press kit
    byline: nCa, 19 August            # optional credit of the outlet that published it
    note: drafting note, never printed

A quote is attributed to its speaker, role and organisation, in that order, each when
given; the organisation is left out when the role already names it (its name or short
name as written in organisations/*.yaml, case ignored), which is decided on the source
texts so that every translation follows it. ``block`` sets the quote apart with a line
"— Name, role" (capitalised); ``news`` runs it on: '“…,” said Name, role.'

Texts are inline markup without notes or parameters. Phone numbers and e-mail addresses are
printed as written and never translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from draftkit.errors import InputError
from draftkit.library.clauses import Markup
from draftkit.library.markup import is_valid_id
from draftkit.library.organisations import check_url, plain_markup
from draftkit.yamlfile import Node, load_yaml

REFERENCE = "docs/events.md"  # every field below; a test keeps it in step
TEMPLATES = ("press-release", "media-advisory")
KINDS = ("forum", "dialogue", "training", "technical-meeting")
ROLES = ("organisers", "partners", "funders")
ATTRIBUTIONS = ("block", "news")
EVENT_FIELDS = {
    "template",
    "kind",
    "title",
    "date",
    "published",
    "city",
    "venue",
    *ROLES,
    "participants",
    "lede",
    "body",
    "agenda",
    "outcomes",
    "quotes",
    "attribution",
    "contacts",
    "links",
    "documents",
    "byline",
    "note",
}
QUOTE_FIELDS = {"speaker", "role", "organisation", "text", "after"}
PARTICIPANTS_FIELDS = {"text", "after"}
CONTACT_FIELDS = {"name", "role", "organisation", "phone", "email"}
# A sane address check, not RFC 5322: one @, no spaces, a dot in the domain.
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()./-]{4,}$")


@dataclass(slots=True)
class OrgRef:
    id: str
    line: int


@dataclass(slots=True)
class Quote:
    speaker: str  # "" when the role alone says who spoke
    role: str
    organisation: OrgRef | None
    text: Markup
    after: int | None
    line: int


@dataclass(slots=True)
class Contact:
    name: str
    role: str
    organisation: OrgRef | None
    phone: str
    email: str
    line: int


@dataclass(slots=True)
class LinkSpec:
    text: str
    url: str
    line: int


@dataclass(slots=True)
class DocumentRef:
    path: Path
    line: int


@dataclass(slots=True)
class EventSpec:
    path: Path
    name: str
    template: str
    kind: str
    title: str
    start: date
    end: date
    published: date
    city: str
    venue: str = ""
    organisers: list[OrgRef] = field(default_factory=list)
    partners: list[OrgRef] = field(default_factory=list)
    funders: list[OrgRef] = field(default_factory=list)
    participants: Markup | None = None
    participants_after: int | None = None  # like a quote's 'after'
    lede: Markup | None = None
    body: list[Markup] = field(default_factory=list)
    agenda: list[Markup] = field(default_factory=list)
    outcomes: list[Markup] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attribution: str | None = None  # None: the project's [press] attribution
    contacts: list[Contact] = field(default_factory=list)
    links: list[LinkSpec] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    byline: str = ""
    note: str = ""
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def template_line(self) -> int:
        return self.lines.get("template", 1)

    def org_refs(self) -> list[OrgRef]:
        """Every organisation the event names, in reading order."""
        refs = [*self.organisers, *self.partners, *self.funders]
        refs += [q.organisation for q in self.quotes if q.organisation]
        refs += [c.organisation for c in self.contacts if c.organisation]
        return refs


def _text(node: Node | None, what: str) -> str:
    return node.text(what).strip() if node is not None and node.value is not None else ""


def _date(node: Node, what: str) -> date:
    if isinstance(node.value, date):
        return node.value
    raise node.error(
        f"{what} {node.value!r} is not a date",
        hint="write it as YYYY-MM-DD, e.g. 2022-01-18, or a range {from: ..., to: ...}",
    )


def _dates(node: Node) -> tuple[date, date]:
    if node.is_mapping():
        node.check_keys({"from", "to"}, "a date range")
        start = _date(node.require("from", "the date range"), "start date")
        end_node = node.require("to", "the date range")
        end = _date(end_node, "end date")
        if end < start:
            raise end_node.error(
                f"the event ends ({end}) before it starts ({start})",
                hint="swap 'from' and 'to'",
            )
        return start, end
    day = _date(node, "event date")
    return day, day


def _org_refs(node: Node | None, what: str) -> list[OrgRef]:
    if node is None or node.value is None:
        return []
    elements = node.elements() if node.is_sequence() else [node]
    refs = []
    for element in elements:
        org_id = element.text(f"{what} entry").strip()
        if not is_valid_id(org_id):
            raise element.error(
                f"{org_id!r} is not an organisation id",
                hint="name organisations by their id in organisations/*.yaml",
            )
        refs.append(OrgRef(org_id, element.line))
    return refs


def _markup_list(node: Node | None, what: str) -> list[Markup]:
    if node is None or node.value is None:
        return []
    if not node.is_sequence():
        raise node.error(f"'{what}' must be a list of paragraphs")
    return [plain_markup(element, what) for element in node.elements()]


def _after(node: Node | None, paragraphs: int, what: str) -> int | None:
    """A place in the body: 0 after the lede, N after body paragraph N; None: after the body."""
    if node is None or node.value is None:
        return None
    if isinstance(node.value, bool) or not isinstance(node.value, int):
        raise node.error("'after' is a paragraph number", hint="e.g. 'after: 1'")
    after = node.value
    if not 0 <= after <= paragraphs:
        if paragraphs:
            places = f"0 places {what} after the lede, 1 to {paragraphs} after that paragraph"
        else:
            places = f"the event has no body paragraphs: 0 places {what} after the lede"
        raise node.error(f"there is no body paragraph {after}", hint=places)
    return after


def _participants(node: Node | None, paragraphs: int) -> tuple[Markup | None, int | None]:
    """``participants: text`` or ``participants: {text: ..., after: N}``."""
    if node is None or not node.value:
        return None, None
    if not node.is_mapping():
        return plain_markup(node, "participants"), None
    node.check_keys(PARTICIPANTS_FIELDS, "'participants'")
    text = node.get("text")
    if text is None or not _text(text, "text"):
        raise node.error(
            "'participants' has no text", hint="add 'text:' with who attended, or write it alone"
        )
    return plain_markup(text, "participants"), _after(node.get("after"), paragraphs, "it")


def _quote(node: Node, paragraphs: int) -> Quote:
    if not node.is_mapping():
        raise node.error("a quote is a mapping with 'speaker', 'role' and 'text'")
    node.check_keys(QUOTE_FIELDS, "a quote")
    speaker = node.get("speaker")
    if not _text(speaker, "speaker") and not _text(node.get("role"), "role"):
        raise node.error(
            "a quote has neither speaker nor role",
            hint="add 'speaker:' with the person's name, or 'role:' (e.g. the UN Women "
            "Representative in Kyrgyzstan)",
        )
    text = node.get("text")
    if text is None or not _text(text, "text"):
        raise node.error("a quote has no text", hint="add 'text:' with the quoted words")
    after = _after(node.get("after"), paragraphs, "the quote")
    org = node.get("organisation")
    return Quote(
        _text(speaker, "speaker"),
        _text(node.get("role"), "role"),
        _org_refs(org, "organisation")[0] if org is not None and org.value else None,
        plain_markup(text, "quote"),
        after,
        node.line,
    )


def attribution_style(node: Node | None) -> str | None:
    """``attribution: block | news``, or None when the event leaves it to the project."""
    value = _text(node, "attribution")
    if not value:
        return None
    if value not in ATTRIBUTIONS:
        raise node.error(  # type: ignore[union-attr]
            f"unknown attribution style {value!r}",
            hint="block (the quote set apart, '— Name, role' below it) or news "
            "('“…,” said Name, role.')",
        )
    return value


def _contact(node: Node) -> Contact:
    if not node.is_mapping():
        raise node.error("a media contact is a mapping with 'name', 'phone' and 'email'")
    node.check_keys(CONTACT_FIELDS, "a media contact")
    name = node.require("name", "a media contact")
    email = node.get("email")
    phone = node.get("phone")
    if (email is None or email.value is None) and (phone is None or phone.value is None):
        raise node.error("a media contact has neither 'phone' nor 'email'")
    address = _text(email, "email")
    if address and not EMAIL_RE.match(address):
        raise email.error(  # type: ignore[union-attr]
            f"{address!r} is not an e-mail address", hint="write it as name@example.org"
        )
    number = _text(phone, "phone")
    if number and not PHONE_RE.match(number):
        raise phone.error(  # type: ignore[union-attr]
            f"{number!r} is not a phone number",
            hint='digits, spaces, + ( ) - only; quote it: phone: "0555662228"',
        )
    org = node.get("organisation")
    return Contact(
        name.text("name").strip(),
        _text(node.get("role"), "role"),
        _org_refs(org, "organisation")[0] if org is not None and org.value else None,
        number,
        address,
        node.line,
    )


def _link(node: Node) -> LinkSpec:
    if not node.is_mapping():
        raise node.error("a link is a mapping with 'text' and 'url'")
    node.check_keys({"text", "url"}, "a link")
    url = check_url(node.require("url", "a link"), "url")
    return LinkSpec(_text(node.require("text", "a link"), "text"), url, node.line)


def _documents(node: Node | None, root: Path) -> list[DocumentRef]:
    if node is None or node.value is None:
        return []
    elements = node.elements() if node.is_sequence() else [node]
    refs = []
    for element in elements:
        relative = element.text("document").strip()
        path = (root / relative).resolve()
        if not path.is_relative_to(root.resolve()) or path.suffix != ".yaml":
            raise element.error(
                f"{relative!r} is not a document spec of this project",
                hint="name a file under documents/, e.g. documents/civic-forum-2025.yaml",
            )
        if not path.is_file():
            raise element.error(f"no such document spec: {relative}", hint="check the path")
        refs.append(DocumentRef(path, element.line))
    return refs


def load_event(path: Path, root: Path | None = None, text: str | None = None) -> EventSpec:
    """Load and check one event file; ``root`` is the project folder related documents are
    named from (default: the folder above ``events/``)."""
    node = load_yaml(path, text, REFERENCE)
    if not node.is_mapping():
        raise node.error("an event is a mapping with 'title', 'date', 'city', 'lede'…")
    node.check_keys(EVENT_FIELDS, "an event")
    template = _text(node.get("template"), "template") or "press-release"
    if not is_valid_id(template):
        raise node.get("template").error(  # type: ignore[union-attr]
            f"template name {template!r} is not a plain name",
            hint="one of: " + ", ".join(TEMPLATES),
        )
    kind_node = node.require("kind", "the event")
    kind = kind_node.text("kind").strip()
    if kind not in KINDS:
        raise kind_node.error(f"unknown event kind {kind!r}", hint="one of: " + ", ".join(KINDS))
    start, end = _dates(node.require("date", "the event"))
    published_node = node.get("published")
    published = (
        _date(published_node, "publication date")
        if published_node is not None and published_node.value is not None
        else (end if template == "press-release" else start)
    )
    body = _markup_list(node.get("body"), "body")
    quotes_node = node.get("quotes")
    quotes = []
    if quotes_node is not None and quotes_node.value is not None:
        if not quotes_node.is_sequence():
            raise quotes_node.error("'quotes' must be a list")
        quotes = [_quote(q, len(body)) for q in quotes_node.elements()]
    contacts_node = node.get("contacts")
    contacts = []
    if contacts_node is not None and contacts_node.value is not None:
        if not contacts_node.is_sequence():
            raise contacts_node.error("'contacts' must be a list")
        contacts = [_contact(c) for c in contacts_node.elements()]
    links_node = node.get("links")
    links = []
    if links_node is not None and links_node.value is not None:
        if not links_node.is_sequence():
            raise links_node.error("'links' must be a list")
        links = [_link(link) for link in links_node.elements()]
    participants, participants_after = _participants(node.get("participants"), len(body))
    lede = node.get("lede")
    event = EventSpec(
        path=path,
        name=path.stem,
        template=template,
        kind=kind,
        title=_text(node.require("title", "the event"), "title"),
        start=start,
        end=end,
        published=published,
        city=_text(node.require("city", "the event"), "city"),
        venue=_text(node.get("venue"), "venue"),
        participants=participants,
        participants_after=participants_after,
        lede=plain_markup(lede, "lede") if lede is not None and lede.value else None,
        body=body,
        agenda=_markup_list(node.get("agenda"), "agenda"),
        outcomes=_markup_list(node.get("outcomes"), "outcomes"),
        quotes=quotes,
        attribution=attribution_style(node.get("attribution")),
        contacts=contacts,
        links=links,
        documents=_documents(node.get("documents"), root or path.resolve().parent.parent),
        byline=_text(node.get("byline"), "byline"),
        note=_text(node.get("note"), "note"),
    )
    for role in ROLES:
        setattr(event, role, _org_refs(node.get(role), role))
    event.lines = {key: child.line for key, child in node.items()}
    if event.lede is None and not event.body:
        raise node.error("the event has no text", hint="add 'lede:' (and 'body:' paragraphs)")
    return event


def check_organisations(event: EventSpec, known: dict[str, object]) -> None:
    """Every organisation id the event names exists (the first unknown one is the error)."""
    import difflib

    for ref in event.org_refs():
        if ref.id not in known:
            close = difflib.get_close_matches(ref.id, list(known), n=1, cutoff=0.6)
            raise InputError(
                f"unknown organisation id '{ref.id}'",
                path=event.path,
                line=ref.line,
                hint=f"did you mean '{close[0]}'?"
                if close
                else "add it to organisations/*.yaml ('draftkit orgs list' shows them)",
            )

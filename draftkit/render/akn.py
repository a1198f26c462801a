"""The ``akn`` writer: a resolution as Akoma Ntoso 3.0 (OASIS LegalDocML) XML.

A resolution is written as ``<statement name="resolution">``, as AKN4UN (the UN's profile
of Akoma Ntoso) marks up the resolutions of its organs: a resolution is the deliberation
of a body, neither legislation (``act``, ``bill``) nor a text without a structure of its
own (``doc``); ``statement`` has the same preface, preamble, main body and conclusions
that a resolution has, and its FRBR URI names the subtype ``deliberation``.

The writer reads only the document model (docs/akn.md maps each node to its element):
the roles of the blocks say where each goes, so every text the DOCX shows is here, in
the same order. Notes are ``authorialNote`` at their call, footnotes ``placement="bottom"``
and endnotes placed after the conclusions
(``placementBase="#conclusions"``: the schema has no ``placement="end"``). No clock is
read but the document's own date and the build's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import PurePath

from lxml import etree

from draftkit.errors import DraftkitError
from draftkit.model.nodes import (
    Change,
    Document,
    Emph,
    Inline,
    Link,
    NoteRef,
    Paragraph,
    Strong,
    SubParagraph,
    Text,
)
from draftkit.render.writers import WriteContext

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# ISO 639-2/B, as FRBRlanguage and the naming convention's expression URIs want them.
LANGUAGES = {
    "en": "eng",
    "ru": "rus",
    "ky": "kir",
    "fr": "fra",
    "es": "spa",
    "ar": "ara",
    "zh": "zho",
    "kk": "kaz",
    "uz": "uzb",
    "tg": "tgk",
    "de": "deu",
}
# The roles that open the document (preface), close it (conclusions) and frame the
# operative part; every other block is a recital of the preamble.
PREFACE = {"draftmark", "symbol", "title", "subtitle", "adoption", "dateline"}
CONCLUSIONS = {"closing", "signature", "endmark"}
SOURCE = "#draftkit"
_MIXED = {"p", "num"}


def _e(
    tag: str, parent: etree._Element | None = None, text: str | None = None, **attrs: str
) -> etree._Element:
    node = (
        etree.Element(f"{{{NS}}}{tag}", nsmap={None: NS})
        if parent is None
        else (etree.SubElement(parent, f"{{{NS}}}{tag}"))
    )
    if tag in _MIXED:
        node.text = ""  # mixed content: no indentation added inside it

    for key, value in attrs.items():
        node.set(key.rstrip("_"), value)
    if text is not None:
        node.text = text
    return node


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Builder:
    def __init__(self, doc: Document, context: WriteContext) -> None:
        self.doc = doc
        self.context = context
        self.by_role: dict[str, list[Paragraph]] = {}
        for block in doc.blocks:
            self.by_role.setdefault(block.role, []).append(block)

    def first(self, role: str) -> str:
        blocks = self.by_role.get(role)
        return _plain(blocks[0].content) if blocks else ""

    # -- inlines -------------------------------------------------------------------

    def inlines(self, parent: etree._Element, inlines: list[Inline]) -> None:
        for node in inlines:
            if isinstance(node, Text):
                _append_text(parent, node.text)
            elif isinstance(node, Emph | Strong | Link):
                tag = {Emph: "i", Strong: "b", Link: "a"}[type(node)]
                child = _e(tag, parent)
                if isinstance(node, Link):
                    child.set("href", node.url)
                self.inlines(child, node.children)
            elif isinstance(node, Change):
                # A redline's deletions are not the document's text; its insertions are.
                if node.kind in ("ins", "moveTo"):
                    self.inlines(parent, node.children)
            elif isinstance(node, NoteRef) and node.note is not None:
                note = node.note
                element = _e(
                    "authorialNote",
                    parent,
                    eId=f"{'fn' if note.series == 'footnote' else 'en'}_{note.number}",
                    marker=note.label,
                    class_=note.series,
                )
                # The schema's placements are side, left, right, bottom and inline: an
                # endnote is placed after the conclusions instead (placementBase).
                if note.series == "footnote":
                    element.set("placement", "bottom")
                else:
                    element.set("placementBase", "#conclusions")
                self.inlines(_e("p", element), note.content)

    def p(self, parent: etree._Element, block: Paragraph, **attrs: str) -> etree._Element:
        p = _e("p", parent, **attrs)
        if block.lead:
            self.inlines(_e("span", p, class_="lead"), block.lead)
            if block.content:
                _append_text(p, " ")
        self.inlines(p, block.content)
        return p

    # -- parts -----------------------------------------------------------------------

    def meta(self, root: etree._Element, name: str) -> None:
        meta = self.doc.meta
        lang = LANGUAGES.get(meta.lang.split("-")[0], meta.lang)
        day = (
            meta.date.isoformat() if meta.date else self.context.clock.timestamp.date().isoformat()
        )
        country = str(self.context.options.get("akn_country") or "un")
        number = _slug(self.first("symbol")) or name
        work = f"/akn/{country}/statement/deliberation/{day}/{number}"
        expression = f"{work}/{lang}@"
        made = self.context.clock.timestamp.date().isoformat()

        m = _e("meta", root)
        ident = _e("identification", m, source=SOURCE)
        w = _e("FRBRWork", ident)
        _e("FRBRthis", w, value=f"{work}/!main")
        _e("FRBRuri", w, value=work)
        _e("FRBRdate", w, date=day, name="adoption")
        _e("FRBRauthor", w, href="#author")
        _e("FRBRcountry", w, value=country)
        _e("FRBRname", w, value="resolution")
        x = _e("FRBRExpression", ident)
        _e("FRBRthis", x, value=f"{expression}/!main")
        _e("FRBRuri", x, value=expression)
        _e("FRBRdate", x, date=day, name="adoption")
        _e("FRBRauthor", x, href="#author")
        _e("FRBRlanguage", x, language=lang)
        f = _e("FRBRManifestation", ident)
        _e("FRBRthis", f, value=f"{expression}/!main.xml")
        _e("FRBRuri", f, value=f"{expression}.akn")
        _e("FRBRdate", f, date=made, name="generation")
        _e("FRBRauthor", f, href=SOURCE)
        _e("FRBRformat", f, value="application/akn+xml")

        life = _e("lifecycle", m, source=SOURCE)
        _e("eventRef", life, eId="evt_adoption", date=day, source="#original", refersTo="#adoption")

        refs = _e("references", m, source=SOURCE)
        _e("original", refs, eId="original", href=f"{expression}/!main", showAs=meta.title)
        for i, url in enumerate(_urls(self.doc), 1):
            _e("passiveRef", refs, eId=f"source_{i}", href=url, showAs=url)
        author = self.first("organ").rstrip(",") or self.first("subtitle") or meta.title
        _e(
            "TLCOrganization",
            refs,
            eId="author",
            href=f"/akn/ontology/organization/{country}/{_slug(author) or number}",
            showAs=author,
        )
        _e(
            "TLCOrganization",
            refs,
            eId="draftkit",
            href="/akn/ontology/organization/draftkit",
            showAs="draftkit",
        )
        _e(
            "TLCEvent",
            refs,
            eId="adoption",
            href=f"/akn/ontology/event/{country}/{number}/adoption",
            showAs=meta.place or day,
        )
        if "signature" in self.by_role:
            _e(
                "TLCRole",
                refs,
                eId="signatory",
                href="/akn/ontology/role/signatory",
                showAs="signatory",
            )

    def preface(self, root: etree._Element, blocks: list[Paragraph]) -> None:
        preface = _e("preface", root)
        meta = self.doc.meta
        for block in blocks:
            p = _e("p", preface, class_=block.role)
            wrapper = {"symbol": "docNumber", "title": "docTitle", "subtitle": "docProponent"}
            if block.role == "dateline" and meta.date and block is self.by_role["dateline"][0]:
                target = _e("docDate", p, date=meta.date.isoformat())
            elif block.role in wrapper:
                target = _e(wrapper[block.role], p)
                if block.role == "subtitle":
                    target.set("refersTo", "#author")
            else:
                target = p
            self.inlines(target, block.content)

    def sub_paragraphs(self, parent: etree._Element, items: list[SubParagraph], eid: str) -> None:
        for item in items:
            label = item.label.strip("()").rstrip(")")
            point_id = f"{eid}__point_{label or len(parent)}"
            point = _e("point", parent, eId=point_id)
            _e("num", point, item.label)
            if item.children:
                self.inlines(_e("p", _e("intro", point)), item.content)
                self.sub_paragraphs(point, item.children, point_id)
            else:
                self.inlines(_e("p", _e("content", point)), item.content)

    def operative(self, parent: etree._Element, block: Paragraph) -> None:
        eid = f"para_{block.number}"
        para = _e("paragraph", parent, eId=eid, class_=block.role)
        _e("num", para, f"{block.number}.")
        if block.items:
            self.p(_e("intro", para), block)
            self.sub_paragraphs(para, block.items, eid)
        else:
            self.p(_e("content", para), block)

    def write(self, name: str) -> bytes:
        root = _e("akomaNtoso")
        statement = _e("statement", root, name="resolution", contains="originalVersion")
        self.meta(statement, name)
        blocks = list(self.doc.blocks)
        head = _take(blocks, lambda b: b.role in PREFACE)
        tail_start = next(
            (i for i, b in enumerate(blocks) if b.role in CONCLUSIONS and not b.numbered),
            len(blocks),
        )
        body, tail = blocks[:tail_start], blocks[tail_start:]
        first_main = next(
            (i for i, b in enumerate(body) if b.numbered or b.role == "chapeau"), len(body)
        )
        preamble_blocks, main_blocks = body[:first_main], body[first_main:]
        if head:
            self.preface(statement, head)
        if preamble_blocks:
            self.preamble(statement, preamble_blocks)
        self.main_body(statement, main_blocks)
        if tail:
            conclusions = _e("conclusions", statement, eId="conclusions")
            signature: etree._Element | None = None
            for block in tail:
                if block.role != "signature":
                    self.p(_e("container", conclusions, name=block.role), block)
                    continue
                if signature is None:  # the signatory, then the date and place
                    signature = _e("container", conclusions, name="signature")
                    line = _e("signature", _e("p", signature))
                    party = _e("party", line, refersTo="#author", as_="#signatory")
                    self.inlines(party, block.content)
                    continue
                p = _e("p", signature)
                if self.doc.meta.date:
                    p = _e("date", p, date=self.doc.meta.date.isoformat())
                self.inlines(p, block.content)
        tree = etree.ElementTree(root)
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def preamble(self, parent: etree._Element, blocks: list[Paragraph]) -> None:
        preamble = _e("preamble", parent)
        recitals: etree._Element | None = None
        for block in blocks:
            if block.role in ("opening", "organ"):
                recitals = None
                self.p(_e("formula", preamble, name=block.role), block)
                continue
            if recitals is None:
                recitals = _e("recitals", preamble)
            recital = _e("recital", recitals, eId=f"rec_{len(recitals) + 1}")
            self.p(recital, block, class_=block.role)

    def main_body(self, parent: etree._Element, blocks: list[Paragraph]) -> None:
        main = _e("mainBody", parent)
        target = main
        for block in blocks:
            if block.numbered and block.number is not None:
                self.operative(target, block)
            elif block.role == "chapeau":
                # The chapeau introduces the numbered paragraphs that follow it.
                target = _e("hcontainer", main, name="operativePart", eId="operativePart")
                self.p(_e("intro", target), block, class_="chapeau")
            else:
                target = main
                self.p(main, block, class_=block.role)
        if not len(main):
            _e("p", main)


def _take(blocks: list[Paragraph], test) -> list[Paragraph]:  # type: ignore[no-untyped-def]
    taken = []
    while blocks and test(blocks[0]):
        taken.append(blocks.pop(0))
    return taken


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _plain(inlines: list[Inline]) -> str:
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Emph | Strong | Link):
            out.append(_plain(node.children))
    return "".join(out)


def _urls(doc: Document) -> Iterator[str]:
    """The sources' URLs, once each, in the order of their notes."""
    seen: set[str] = set()
    for note in [*doc.footnotes, *doc.endnotes]:
        for node in note.content:
            if isinstance(node, Link) and node.url not in seen:
                seen.add(node.url)
                yield node.url


def akn_writer(doc: Document, context: WriteContext) -> bytes:
    """The ``akn`` format: one Akoma Ntoso statement per language."""
    if doc.meta.kind != "resolution":
        raise DraftkitError(
            f"a {doc.meta.kind} has no Akoma Ntoso form",
            path=doc.meta.source or None,
            hint="build resolutions (documents/*.yaml) with -f akn; "
            "a press release builds as docx, pdf, html or json",
        )
    name = PurePath(doc.meta.source).stem if doc.meta.source else _slug(doc.meta.title)
    return _Builder(doc, context).write(name or "document")

"""draftkit XML: the small vocabulary a document template emits.

A template does not write HTML or Word; it writes the document's structure::

    <document>
      <p role="title">FINAL JOINT RESOLUTION</p>
      <clause role="operative" id="support-x">
        <lead>Support</lead><text>initiatives to <em>empower</em> women<ref source="sdg"/></text>
        <item><text>first point</text><item><text>nested (i)</text></item></item>
      </clause>
      <note source="sdg">Sustainable Development Goals. <a href="https://…">https://…</a></note>
    </document>

Inline elements: ``em``, ``strong``, ``a href``, ``ref source series``. This module turns
model inlines into that XML (escaped: text is always data) and parses a template's output
back into a :class:`~draftkit.model.Document`. The parser resolves no entities, loads no
DTD and reaches no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from markupsafe import Markup, escape

from draftkit.errors import TemplateError
from draftkit.model.inline_markup import inlines_to_markup
from draftkit.model.nodes import (
    SERIES,
    Document,
    DocumentMeta,
    Emph,
    Inline,
    Link,
    NoteRef,
    Paragraph,
    Strong,
    SubParagraph,
    Text,
)
from draftkit.textfile import xml_parser


def _ref(node: NoteRef) -> str:
    return f'<ref source="{escape(node.source)}" series="{node.series}"/>'


def inlines_to_xml(inlines: list[Inline]) -> Markup:
    return inlines_to_markup(inlines, _ref)


_SPACE = re.compile(r"[ \t\r\n]+")

_PARSER = xml_parser()


@dataclass
class ParsedDocument:
    document: Document
    note_texts: dict[str, list[Inline]] = field(default_factory=dict)


class _Reader:
    def __init__(self, template: str, roles: set[str]) -> None:
        self.template = template
        self.roles = roles

    def fail(
        self, el: etree._Element | None, message: str, hint: str | None = None
    ) -> TemplateError:
        where = f" (line {el.sourceline} of its output)" if el is not None and el.sourceline else ""
        return TemplateError(
            f"template {self.template} produced an invalid document{where}: {message}", hint=hint
        )

    def inlines(self, el: etree._Element, top: bool = True) -> list[Inline]:
        out: list[Inline] = []
        if el.text:
            out.append(Text(el.text))
        for child in el:
            tag = child.tag
            if tag == "em":
                out.append(Emph(self.inlines(child, False)))
            elif tag == "strong":
                out.append(Strong(self.inlines(child, False)))
            elif tag == "a":
                out.append(Link(child.get("href", ""), self.inlines(child, False)))
            elif tag == "ref":
                series = child.get("series", "footnote")
                if series not in SERIES:
                    raise self.fail(
                        child,
                        f"unknown note series {series!r}",
                        hint="series is footnote or endnote",
                    )
                out.append(NoteRef(child.get("source", ""), series))  # type: ignore[arg-type]
            else:
                raise self.fail(
                    child,
                    f"<{tag}> is not an inline element",
                    hint="inline elements are em, strong, a and ref",
                )
            if child.tail:
                out.append(Text(child.tail))
        return _normalise_space(out, strip=top)

    def item(self, el: etree._Element, level: int) -> SubParagraph:
        text = el.find("text")
        children = [self.item(c, level + 1) for c in el.findall("item")]
        return SubParagraph(
            self.inlines(text) if text is not None else [], level=level, children=children
        )

    def role(self, el: etree._Element) -> str:
        role = el.get("role", "paragraph")
        if role not in self.roles:
            raise self.fail(
                el,
                f"role {role!r} has no style",
                hint="define it in the styles (templates/styles.yaml)",
            )
        return role

    def document(self, root: etree._Element, meta: DocumentMeta) -> ParsedDocument:
        if root.tag != "document":
            raise self.fail(root, f"the root element is <{root.tag}>, not <document>")
        blocks: list[Paragraph] = []
        notes: dict[str, list[Inline]] = {}
        for el in root:
            if el.tag == "p":
                blocks.append(Paragraph(self.role(el), self.inlines(el)))
            elif el.tag == "clause":
                lead = el.find("lead")
                text = el.find("text")
                blocks.append(
                    Paragraph(
                        self.role(el),
                        self.inlines(text) if text is not None else [],
                        lead=self.inlines(lead) if lead is not None else [],
                        items=[self.item(c, 1) for c in el.findall("item")],
                        clause_id=el.get("id"),
                    )
                )
            elif el.tag == "note":
                notes[el.get("source", "")] = self.inlines(el)
            else:
                raise self.fail(
                    el, f"<{el.tag}> is not a block element", hint="blocks are p, clause and note"
                )
        return ParsedDocument(Document(meta, blocks), notes)


def _normalise_space(inlines: list[Inline], strip: bool) -> list[Inline]:
    """Template whitespace (indentation, newlines) collapses as it would in HTML."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            node = Text(_SPACE.sub(" ", node.text))
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
                continue
        out.append(node)
    if strip and out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip())
    if strip and out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text.rstrip())
    return [n for n in out if not (isinstance(n, Text) and not n.text)]


def parse_document(
    xml: str, meta: DocumentMeta, *, template: str, roles: set[str]
) -> ParsedDocument:
    if "<!DOCTYPE" in xml or "<!ENTITY" in xml:
        raise TemplateError(
            f"template {template} produced a DOCTYPE or entity declaration",
            hint="draftkit XML has no DTD; remove it from the template",
        )
    try:
        root = etree.fromstring(xml.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            f"template {template} produced malformed XML: {exc.msg} "
            f"(line {exc.lineno} of its output)",
            hint="check the template's tags; text from content is escaped for you",
        ) from exc
    return _Reader(template, roles).document(root, meta)

"""TBX (TermBase eXchange, ISO 30042) in and out.

Written as TBX 3 (ISO 30042:2019) in the DCA style, the TBX-Basic dialect::

    <conceptEntry id="un-women">
      <langSec xml:lang="ky">
        <termSec>
          <term>БУУ-Аялдар</term>
          <termNote type="partOfSpeech">properNoun</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="processStatus">provisionallyProcessed</termNote>
          <note>…</note>
        </termSec>

``deprecatedTerm-admn-sts`` (or ``supersededTerm-admn-sts``) marks a forbidden variant,
``admittedTerm-admn-sts`` another accepted form (an irregular inflection is listed so),
and ``processStatus`` other than ``finalized`` a term nobody has confirmed yet. TBX 2
files (``<martif>``, ``<termEntry>``, ``<langSet>``, ``<tig>``) read too.

A term base is data: no DTD is loaded, no entity expanded, nothing fetched; a file that
declares entities is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from draftkit.errors import InputError
from draftkit.fsutil import publish_all
from draftkit.terms.model import ADMITTED, FORBIDDEN, PREFERRED, Concept, Term, TermBase
from draftkit.textfile import xml_parser

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_STATUS_IN = {
    "preferredTerm-admn-sts": PREFERRED,
    "admittedTerm-admn-sts": ADMITTED,
    "deprecatedTerm-admn-sts": FORBIDDEN,
    "supersededTerm-admn-sts": FORBIDDEN,
}
_STATUS_OUT = {
    PREFERRED: "preferredTerm-admn-sts",
    ADMITTED: "admittedTerm-admn-sts",
    FORBIDDEN: "deprecatedTerm-admn-sts",
}
_UNVERIFIED = {"unprocessed", "provisionallyProcessed"}
_HINT = "see docs/terms.md for the TBX a term base holds"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, *names: str) -> list[etree._Element]:
    return [child for child in element if _local(child) in names]


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def read_tbx(path: Path) -> list[Concept]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the term base: {exc.strerror}", path=path) from exc
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"malformed TBX: {exc.msg}", path=path, line=exc.lineno or None, hint=_HINT
        ) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        found = re.search(rb"<!ENTITY", data)
        raise InputError(
            "the term base declares XML entities, which draftkit does not read",
            path=path,
            line=data.count(b"\n", 0, found.start()) + 1 if found else 1,
            hint="write the text itself instead of an entity",
        )
    if _local(root) not in ("tbx", "martif"):
        raise InputError(
            f"not a TBX file: the root element is <{_local(root)}>, not <tbx>",
            path=path,
            line=root.sourceline,
            hint=_HINT,
        )
    concepts: list[Concept] = []
    seen: dict[str, int | None] = {}
    for entry in root.iter():
        if _local(entry) not in ("conceptEntry", "termEntry"):
            continue
        concept = _concept(entry, path)
        if concept.id in seen:
            raise InputError(
                f"concept '{concept.id}' is defined twice (first on line {seen[concept.id]})",
                path=path,
                line=entry.sourceline,
                hint="give each <conceptEntry> its own id",
            )
        seen[concept.id] = entry.sourceline
        concepts.append(concept)
    return concepts


def _concept(entry: etree._Element, path: Path) -> Concept:
    concept_id = (entry.get("id") or "").strip()
    if not concept_id:
        raise InputError(
            f"<{_local(entry)}> without an id", path=path, line=entry.sourceline, hint=_HINT
        )
    terms: dict[str, tuple[Term, ...]] = {}
    for section in _children(entry, "langSec", "langSet"):
        lang = (section.get(XML_LANG) or section.get("lang") or "").strip()
        if not lang:
            raise InputError(
                f"<{_local(section)}> without xml:lang in concept '{concept_id}'",
                path=path,
                line=section.sourceline,
                hint='e.g. <langSec xml:lang="ru">',
            )
        found = [_term(s, path) for s in _children(section, "termSec", "tig", "ntig")]
        terms[lang] = terms.get(lang, ()) + tuple(found)
    notes = [_text(n) for n in _children(entry, "note")]
    return Concept(
        concept_id,
        terms,
        note="\n".join(n for n in notes if n) or None,
        path=path,
        line=entry.sourceline,
    )


def _term(section: etree._Element, path: Path) -> Term:
    element = next((e for e in section.iter() if _local(e) == "term"), None)
    text = _text(element) if element is not None else ""
    if not text:
        raise InputError(
            f"<{_local(section)}> without a <term>", path=path, line=section.sourceline, hint=_HINT
        )
    status, part_of_speech, unverified = PREFERRED, None, False
    for note in (e for e in section.iter() if _local(e) == "termNote"):
        kind, value = note.get("type"), _text(note)
        if kind == "administrativeStatus":
            if value not in _STATUS_IN:
                raise InputError(
                    f"unknown administrativeStatus '{value}' for '{text}'",
                    path=path,
                    line=note.sourceline,
                    hint="known: " + ", ".join(_STATUS_IN),
                )
            status = _STATUS_IN[value]
        elif kind == "partOfSpeech":
            part_of_speech = value or None
        elif kind == "processStatus":
            unverified = value in _UNVERIFIED
    notes = [_text(n) for n in section if _local(n) == "note"]
    return Term(
        text,
        status,
        part_of_speech,
        "\n".join(n for n in notes if n) or None,
        unverified,
        line=element.sourceline if element is not None else section.sourceline,
    )


def read_termbase(paths: list[Path]) -> TermBase:
    """Every concept of every file; an id defined in two files is an error."""
    concepts: list[Concept] = []
    where: dict[str, Concept] = {}
    for path in paths:
        for concept in read_tbx(path):
            first = where.get(concept.id)
            if first is not None:
                raise InputError(
                    f"concept '{concept.id}' is also defined in {first.path}:{first.line}",
                    path=path,
                    line=concept.line,
                    hint="keep one entry per concept",
                )
            where[concept.id] = concept
            concepts.append(concept)
    return TermBase(tuple(concepts))


def _element(parent: etree._Element, name: str, text: str | None = None, **attrs: str):  # type: ignore[no-untyped-def]
    element = etree.SubElement(parent, f"{{{NS}}}{name}", attrs)
    element.text = text
    return element


def tbx_bytes(concepts: list[Concept] | tuple[Concept, ...], *, source_lang: str = "en") -> bytes:
    root = etree.Element(f"{{{NS}}}tbx", nsmap={None: NS}, type="TBX-Basic", style="dca")
    root.set(XML_LANG, source_lang)
    header = _element(root, "tbxHeader")
    source = _element(_element(header, "fileDesc"), "sourceDesc")
    _element(source, "p", "Written by draftkit")
    body = _element(_element(root, "text"), "body")
    for concept in concepts:
        entry = _element(body, "conceptEntry", id=concept.id)
        if concept.note:
            _element(entry, "note", concept.note)
        for lang, terms in concept.terms.items():
            section = _element(entry, "langSec")
            section.set(XML_LANG, lang)
            for term in terms:
                term_sec = _element(section, "termSec")
                _element(term_sec, "term", term.text)
                if term.part_of_speech:
                    _element(term_sec, "termNote", term.part_of_speech, type="partOfSpeech")
                _element(
                    term_sec, "termNote", _STATUS_OUT[term.status], type="administrativeStatus"
                )
                if term.unverified:
                    _element(term_sec, "termNote", "provisionallyProcessed", type="processStatus")
                if term.note:
                    _element(term_sec, "note", term.note)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tbx(
    concepts: list[Concept] | tuple[Concept, ...], path: Path, *, source_lang: str = "en"
) -> None:
    """The whole file or nothing: written beside the target, then renamed into place."""
    publish_all([(path, tbx_bytes(concepts, source_lang=source_lang))])

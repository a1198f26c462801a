"""Translation memories as TMX 1.4b files: read, write, merge.

A unit is one message: its source text and its translations (one ``<tuv>`` per language),
with the gettext context as ``<prop type="x-context">``. Files are parsed with lxml with
entities unresolved, no DTD and no network, so a memory from elsewhere cannot read a file
or a URL; a file that is not TMX stops with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from draftkit import __version__
from draftkit.errors import InputError
from draftkit.textfile import xml_parser

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTEXT_PROP = "x-context"


@dataclass
class Unit:
    context: str | None
    variants: dict[str, str] = field(default_factory=dict)  # language code → text


def lang_key(code: str) -> str:
    """``ky``, ``ky-KG``, ``ky_KG`` and ``KY`` are one language for a memory."""
    return code.replace("_", "-").split("-")[0].lower()


def _refuse(path: Path, line: int | None, problem: str) -> InputError:
    return InputError(
        f"broken TMX file: {problem}",
        path=path,
        line=line,
        hint="a TMX 1.4 file has <tmx><header/><body><tu><tuv xml:lang=…><seg>…</seg>",
    )


def read_tmx(path: Path) -> list[Unit]:
    """The units of a TMX file; a language variant without text is left out."""
    from lxml import etree

    parser = xml_parser()
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise _refuse(path, exc.lineno, exc.msg) from exc
    except OSError as exc:
        raise InputError(f"cannot read translation memory: {exc}", path=path) from exc
    if root.tag != "tmx":
        raise _refuse(path, root.sourceline, f"the root element is <{root.tag}>, not <tmx>")
    body = root.find("body")
    if body is None:
        raise _refuse(path, root.sourceline, "no <body>")
    units = []
    for tu in body.iterchildren("tu"):
        unit = Unit(_context(tu))
        for tuv in tu.iterchildren("tuv"):
            code = tuv.get(_XML_LANG) or tuv.get("lang")  # TMX 1.1 wrote lang=
            if not code:
                raise _refuse(path, tuv.sourceline, "a <tuv> without xml:lang")
            seg = tuv.find("seg")
            if seg is None:
                raise _refuse(path, tuv.sourceline, "a <tuv> without <seg>")
            text = "".join(seg.itertext())  # inline codes (<ph>, <bpt>…) as their text
            if text:
                unit.variants[lang_key(code)] = text
        if unit.variants:
            units.append(unit)
    return units


def _context(tu) -> str | None:  # type: ignore[no-untyped-def]
    for prop in tu.iterchildren("prop"):
        if prop.get("type") == CONTEXT_PROP:
            return prop.text or ""
    return None


def tmx_bytes(units: list[Unit], source_lang: str) -> bytes:
    """A TMX 1.4b file of ``units``, the source language's variant first in each."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="draftkit",
        creationtoolversion=__version__,
        segtype="paragraph",
        adminlang="en",
        srclang=source_lang,
        datatype="plaintext",
        **{"o-tmf": "PO"},
    )
    body = etree.SubElement(root, "body")
    source = lang_key(source_lang)
    for unit in units:
        tu = etree.SubElement(body, "tu")
        if unit.context is not None:
            etree.SubElement(tu, "prop", type=CONTEXT_PROP).text = unit.context
        langs = sorted(unit.variants, key=lambda code: (code != source, code))
        for code in langs:
            tuv = etree.SubElement(tu, "tuv", {_XML_LANG: code})
            etree.SubElement(tuv, "seg").text = unit.variants[code]
    etree.indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@dataclass(frozen=True)
class Merged:
    units: list[Unit]
    added: int  # units new to the memory
    updated: int  # units of the memory that got a new or changed translation


def merge_units(existing: list[Unit], imported: list[Unit], source_lang: str) -> Merged:
    """``existing`` with ``imported`` merged in: a unit is its source text and context; an
    imported translation replaces the memory's in the same language (the newer one), and
    the memory keeps the languages the import lacks. Units without the source language
    cannot be matched and are left out."""
    source = lang_key(source_lang)
    units: dict[tuple[str | None, str], Unit] = {}
    for unit in existing:
        if source in unit.variants:
            units.setdefault((unit.context, unit.variants[source]), unit)
    added = updated = 0
    for unit in imported:
        if source not in unit.variants:
            continue
        key = (unit.context, unit.variants[source])
        mine = units.get(key)
        if mine is None:
            units[key] = Unit(unit.context, dict(unit.variants))
            added += 1
        elif any(mine.variants.get(code) != text for code, text in unit.variants.items()):
            mine.variants.update(unit.variants)
            updated += 1
    return Merged(list(units.values()), added, updated)

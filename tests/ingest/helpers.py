"""Reading DOCX files back for the import tests, with python-docx and lxml (not with the
importer under test), and making DOCX packages with one part changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraphs(path: Path) -> list[tuple[str, str, str]]:
    """(style name, numbering level or "", text) of every paragraph with text, python-docx's
    reading; note calls show as [fn] and [en]."""
    out = []
    for p in docx.Document(str(path)).paragraphs:
        num = p._p.find(f"{W}pPr/{W}numPr/{W}ilvl")
        text = "".join(
            (t.text or "")
            if t.tag == f"{W}t"
            else "[fn]"
            if t.tag == f"{W}footnoteReference"
            else "[en]"
            if t.tag == f"{W}endnoteReference"
            else ""
            for t in p._p.iter()
        )
        if text.strip():
            level = num.get(f"{W}val") if num is not None else ""
            out.append((p.style.name if p.style is not None else "", level, text))
    return out


def notes(path: Path) -> dict[str, list[str]]:
    """The texts of the footnotes and endnotes, in order."""
    out: dict[str, list[str]] = {"footnotes": [], "endnotes": []}
    with zipfile.ZipFile(path) as archive:
        for part in out:
            name = f"word/{part}.xml"
            if name not in archive.namelist():
                continue
            root = etree.fromstring(archive.read(name))
            for note in root.iter(f"{W}{part[:-1]}"):
                if note.get(f"{W}type"):
                    continue
                out[part].append("".join(t.text or "" for t in note.iter(f"{W}t")).strip())
    return out


def rewrite(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of the package ``source`` with members replaced, added or (None) removed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in changes:
                continue
            new.writestr(info, old.read(info.filename))
        for name, data in changes.items():
            if data is not None:
                new.writestr(name, data)
    return target

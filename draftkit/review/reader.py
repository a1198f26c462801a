"""Reading a reviewed DOCX: its paragraphs with their origin marks, tracked changes and
comments, and its notes.

The package is read as untrusted input: a zip of bounded size, parts parsed by lxml with
entities unresolved, no DTD and no network, and only the parts the main document's
relationships name inside the package.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from draftkit.errors import InputError
from draftkit.textfile import xml_parser

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NOTE_CALL = "\ufffc"  # a note's call in a paragraph's text: one character, no words

# A reviewed resolution is some hundred kilobytes; a part or package far larger than any
# document is refused before it is read, so a zip bomb costs nothing.
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
_PARSER = xml_parser()

ChangeKind = Literal["ins", "del", "moveFrom", "moveTo"]
_REMOVED = ("del", "moveFrom")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(slots=True)
class Piece:
    """A run of text as the reviewer left it: plain, or inside a tracked change."""

    text: str
    change: ChangeKind | None = None
    author: str = ""
    date: str = ""


@dataclass(slots=True)
class Comment:
    id: str
    author: str
    date: str
    text: str
    anchored: str = ""  # the text the comment is anchored on


@dataclass(slots=True)
class ReadParagraph:
    marks: list[str]  # the origin bookmarks that start in it
    pieces: list[Piece]
    mark_change: Piece | None = None  # the paragraph mark inserted or deleted
    comments: list[str] = field(default_factory=list)  # ids of comments anchored in it

    def text(self, view: Literal["original", "accepted"]) -> str:
        """The text with every tracked change rejected (``original``) or accepted."""
        keep = (None, *_REMOVED) if view == "original" else (None, "ins", "moveTo")
        return "".join(p.text for p in self.pieces if p.change in keep)

    def changes(self) -> list[Piece]:
        return [p for p in self.pieces if p.change is not None]


@dataclass(slots=True)
class ReadNote:
    series: str
    id: str
    paragraphs: list[ReadParagraph]


@dataclass(slots=True)
class Reviewed:
    path: Path
    properties: dict[str, str]
    paragraphs: list[ReadParagraph]
    comments: dict[str, Comment]
    notes: list[ReadNote]


def _fail(path: Path, message: str, hint: str | None = None) -> InputError:
    return InputError(message, path=path, hint=hint)


def _open(path: Path) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except (zipfile.BadZipFile, OSError):
        raise _fail(
            path, "not a DOCX (not a zip package)", hint="give the .docx file Word saved"
        ) from None
    total = 0
    for info in package.infolist():
        if info.flag_bits & 0x1:
            raise _fail(path, "the package is encrypted", hint="save it without a password")
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or total > MAX_PACKAGE_BYTES:
            raise _fail(path, f"{info.filename} is too large to be a reviewed draft")
    return package


def _part(package: zipfile.ZipFile, path: Path, name: str) -> etree._Element | None:
    try:
        data = package.read(name)
    except KeyError:
        return None
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _fail(path, f"{name} is not well-formed XML: {exc}") from None
    if root.getroottree().docinfo.doctype:
        raise _fail(path, f"{name} declares a DTD, which no Word document does")
    return root


def _targets(package: zipfile.ZipFile, path: Path, main: str) -> dict[str, str]:
    """The parts the main document relates to, by relationship type's last word; external
    targets and targets outside the package are left out."""
    folder, name = posixpath.split(main)
    rels = _part(package, path, posixpath.join(folder, "_rels", f"{name}.rels"))
    out: dict[str, str] = {}
    for rel in rels if rels is not None else ():
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
        if target.startswith("../") or target.startswith("/"):
            continue
        out[rel.get("Type", "").rsplit("/", 1)[-1]] = target
    return out


def _main_part(package: zipfile.ZipFile, path: Path) -> str:
    rels = _part(package, path, "_rels/.rels")
    for rel in rels if rels is not None else ():
        if rel.get("Type") == _RT + "officeDocument":
            return rel.get("Target", "").lstrip("/")
    raise _fail(path, "not a DOCX (no main document part)", hint="give the .docx file Word saved")


def _properties(package: zipfile.ZipFile, path: Path) -> dict[str, str]:
    root = _part(package, path, "docProps/custom.xml")
    out: dict[str, str] = {}
    for prop in root if root is not None else ():
        if prop.tag == f"{{{_CUSTOM}}}property" and len(prop):
            out[prop.get("name", "")] = prop[0].text or ""
    return out


def _comments(package: zipfile.ZipFile, path: Path, name: str | None) -> dict[str, Comment]:
    root = _part(package, path, name) if name else None
    out: dict[str, Comment] = {}
    for element in root.iter(w("comment")) if root is not None else ():
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(w("t"))) for p in element.iter(w("p"))
        )
        cid = element.get(w("id"), "")
        out[cid] = Comment(cid, element.get(w("author"), ""), element.get(w("date"), ""), text)
    return out


class _ParagraphReader:
    """Walks one ``w:p`` in document order, noting in which tracked change each run is."""

    def __init__(self, open_comments: dict[str, list[str]]) -> None:
        self.open_comments = open_comments  # comment id → texts of its anchor so far

    def read(self, p: etree._Element) -> ReadParagraph:
        out = ReadParagraph([], [])
        mark = p.find(f"{w('pPr')}/{w('rPr')}")
        for child in mark if mark is not None else ():
            kind = etree.QName(child).localname
            if kind in ("ins", "del", "moveFrom", "moveTo"):
                out.mark_change = Piece(
                    "", kind, child.get(w("author"), ""), child.get(w("date"), "")
                )  # type: ignore[arg-type]
        self._walk(p, out, None)
        for cid in self.open_comments:
            if cid not in out.comments:
                out.comments.append(cid)
        return out

    def _add(self, out: ReadParagraph, text: str, change: Piece | None) -> None:
        if not text:
            return
        for anchor in self.open_comments.values():
            if change is None or change.change not in _REMOVED:
                anchor.append(text)
        kind = change.change if change else None
        author, date = (change.author, change.date) if change else ("", "")
        last = out.pieces[-1] if out.pieces else None
        if last and (last.change, last.author, last.date) == (kind, author, date):
            last.text += text
        else:
            out.pieces.append(Piece(text, kind, author, date))

    def _walk(self, element: etree._Element, out: ReadParagraph, change: Piece | None) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if child.tag == w("pPr"):
                continue
            if name in ("ins", "del", "moveFrom", "moveTo"):
                tracked = Piece("", name, child.get(w("author"), ""), child.get(w("date"), ""))  # type: ignore[arg-type]
                self._walk(child, out, tracked)
            elif child.tag == w("bookmarkStart"):
                out.marks.append(child.get(w("name"), ""))
            elif child.tag == w("commentRangeStart"):
                cid = child.get(w("id"), "")
                self.open_comments.setdefault(cid, [])
                out.comments.append(cid)
            elif child.tag == w("commentRangeEnd"):
                self.open_comments.pop(child.get(w("id"), ""), None)
            elif child.tag == w("commentReference"):
                cid = child.get(w("id"), "")
                if cid not in out.comments:
                    out.comments.append(cid)
            elif child.tag in (w("t"), w("delText")):
                self._add(out, child.text or "", change)
            elif child.tag == w("tab"):
                self._add(out, " ", change)
            elif child.tag in (w("br"), w("cr")):
                self._add(out, " ", change)
            elif child.tag in (w("footnoteReference"), w("endnoteReference")):
                self._add(out, NOTE_CALL, change)
            elif child.tag in (
                w("r"),
                w("hyperlink"),
                w("smartTag"),
                w("sdt"),
                w("sdtContent"),
                w("fldSimple"),
            ):
                self._walk(child, out, change)


def _paragraphs(container: etree._Element, comments: dict[str, list[str]]) -> list[ReadParagraph]:
    reader = _ParagraphReader(comments)
    return [reader.read(p) for p in container.iter(w("p"))]


def read_docx(path: Path) -> Reviewed:
    """The reviewed document's paragraphs, comments and notes."""
    with _open(path) as package:
        main = _main_part(package, path)
        types = _part(package, path, "[Content_Types].xml")
        if types is not None and any("macroEnabled" in (t.get("ContentType") or "") for t in types):
            raise _fail(path, "a macro-enabled document (.docm)", hint="save it as .docx")
        targets = _targets(package, path, main)
        root = _part(package, path, main)
        body = root.find(w("body")) if root is not None else None
        if body is None:
            raise _fail(
                path, "not a Word document (no w:body)", hint="give the .docx file Word saved"
            )
        anchors: dict[str, list[str]] = {}
        paragraphs = _paragraphs(body, anchors)
        comments = _comments(package, path, targets.get("comments"))
        _collect_anchors(body, comments)
        notes: list[ReadNote] = []
        for series in ("footnotes", "endnotes"):
            part = _part(package, path, targets[series]) if series in targets else None
            for note in part if part is not None else ():
                if note.get(w("type")) in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                notes.append(ReadNote(series[:-1], note.get(w("id"), ""), _paragraphs(note, {})))
        return Reviewed(path, _properties(package, path), paragraphs, comments, notes)


def _collect_anchors(body: etree._Element, comments: dict[str, Comment]) -> None:
    """Fill each comment's anchored text: the text between its range start and end."""
    open_ids: set[str] = set()
    for element in body.iter(w("commentRangeStart"), w("commentRangeEnd"), w("t")):
        if element.tag == w("commentRangeStart"):
            open_ids.add(element.get(w("id"), ""))
        elif element.tag == w("commentRangeEnd"):
            open_ids.discard(element.get(w("id"), ""))
        else:
            for cid in open_ids:
                if cid in comments:
                    comments[cid].anchored += element.text or ""

"""Opening a DOCX for import: the zip and XML checks made before any part is read.

A DOCX comes from outside (a past resolution, a file sent by a participant), so every
limit is checked against what the zip *declares* before a byte is inflated, and again
while reading (a header may lie): the size of the file, the number of members, each XML
part's size and compression ratio. XML parts are parsed with entities, DTDs and the
network off, and a part that declares a DTD or an entity is refused outright: python-docx
would silently drop the text after an unexpanded entity, and a drafter would never know.
Nothing outside the zip is ever read or fetched: external relationships (a linked template,
an image on a server) are listed and ignored, links are kept as addresses.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from draftkit.errors import InputError
from draftkit.textfile import xml_parser

# A Word file of a resolution is tens of kilobytes of XML; a hundred pages about a megabyte.
MAX_FILE_BYTES = 100 * 1024 * 1024  # images make files big; they are never inflated
MAX_MEMBERS = 2000
MAX_PART_BYTES = 20 * 1024 * 1024  # one XML part, inflated
MAX_TOTAL_XML_BYTES = 40 * 1024 * 1024
# XML compresses well (a real document.xml 5–15 times); a bomb a thousand times and more.
MAX_RATIO = 200
_RATIO_FROM = 1024 * 1024  # below this, a high ratio cannot hurt

# The signature of an OLE compound file: what Word writes for an encrypted (password
# protected) document, and for the old binary .doc.
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_REL_TYPES = {
    "footnotes": f"{R_NS}/footnotes",
    "endnotes": f"{R_NS}/endnotes",
    "numbering": f"{R_NS}/numbering",
    "styles": f"{R_NS}/styles",
}


@dataclass
class Relationship:
    id: str
    type: str
    target: str
    external: bool


@dataclass
class DocxPackage:
    """The parts of a Word document an import reads, parsed and checked."""

    path: Path
    document: etree._Element
    relationships: dict[str, Relationship]
    parts: dict[str, etree._Element] = field(default_factory=dict)  # footnotes, endnotes…
    part_relationships: dict[str, dict[str, Relationship]] = field(default_factory=dict)
    # What the import left alone, each said once in the report.
    ignored: list[str] = field(default_factory=list)


def open_docx(path: Path) -> DocxPackage:
    """Check and read ``path``; raise :class:`InputError` naming the file on anything
    that is not a plain Word document within the limits."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from exc
    if head == _CFB_MAGIC:
        raise InputError(
            "this is an encrypted (password-protected) Word file or an old binary .doc, not a DOCX",
            path=path,
            hint="open it in Word or LibreOffice, remove the password, save as .docx",
        )
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"the file is {size / 2**20:.0f} MB, more than the {MAX_FILE_BYTES // 2**20} MB"
            " an import reads",
            path=path,
            hint="remove large images from a copy of the document and import that",
        )
    if not zipfile.is_zipfile(path):
        raise InputError(
            "not a DOCX file (a DOCX is a zip package; this is not one)",
            path=path,
            hint="save the document from Word or LibreOffice as 'Word Document (.docx)'",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise InputError(
            f"damaged DOCX package ({exc})",
            path=path,
            hint="open it in Word or LibreOffice and save it again",
        ) from None


class _Reader:
    """Reads members under the limits, counting what was inflated."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.infos = {info.filename: info for info in archive.infolist()}
        self.total = 0

    def has(self, name: str) -> bool:
        return name in self.infos

    def xml(self, name: str) -> etree._Element:
        info = self.infos[name]
        if info.flag_bits & 0x1:
            raise InputError(
                f"part {name} is encrypted",
                path=self.path,
                hint="save the document without a password",
            )
        declared = info.file_size
        if declared > MAX_PART_BYTES:
            raise self._too_big(name, declared)
        if declared > _RATIO_FROM and declared > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"part {name} inflates {declared // max(info.compress_size, 1):,} times"
                " (a zip bomb?)",
                path=self.path,
                hint="this is not a document Word or LibreOffice writes",
            )
        with self.archive.open(info) as member:
            data = member.read(MAX_PART_BYTES + 1)  # the header may understate the size
        if len(data) > MAX_PART_BYTES:
            raise self._too_big(name, len(data))
        self.total += len(data)
        if self.total > MAX_TOTAL_XML_BYTES:
            raise InputError(
                f"the document's XML parts hold more than {MAX_TOTAL_XML_BYTES // 2**20} MB",
                path=self.path,
                hint="split the document and import each part",
            )
        return parse_part(data, name, self.path)

    def _too_big(self, name: str, size: int) -> InputError:
        return InputError(
            f"part {name} is {size / 2**20:.0f} MB of XML, more than the"
            f" {MAX_PART_BYTES // 2**20} MB an import reads",
            path=self.path,
            hint="split the document and import each part",
        )


def parse_part(data: bytes, name: str, path: Path) -> etree._Element:
    """Parse one XML part; refuse a DTD or an entity (declared or referenced)."""
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"part {name} is not well-formed XML ({exc})",
            path=path,
            hint="open the document in Word or LibreOffice and save it again",
        ) from None
    tree = root.getroottree()
    if (
        tree.docinfo.doctype
        or tree.docinfo.internalDTD is not None
        or any(True for _ in root.iter(etree.Entity))
    ):
        raise InputError(
            f"part {name} declares a DTD or entities, which a DOCX never has; refused"
            " (nothing it points to was read)",
            path=path,
            hint="this file was not written by Word or LibreOffice; save it again from one",
        )
    return root


def _relationships(reader: _Reader, part: str) -> dict[str, Relationship]:
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if not reader.has(rels_name):
        return {}
    rels: dict[str, Relationship] = {}
    for rel in reader.xml(rels_name).iter(f"{{{_PKG_REL_NS}}}Relationship"):
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target", "")
        if not external:
            target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
        rels[rel.get("Id", "")] = Relationship(
            rel.get("Id", ""), rel.get("Type", ""), target, external
        )
    return rels


def _main_part(reader: _Reader) -> str:
    for rel in _relationships(reader, "").values():
        if rel.type.endswith("/officeDocument") and not rel.external:
            return rel.target
    raise InputError(
        "not a Word document: the package has no main document part",
        path=reader.path,
        hint="save the document from Word or LibreOffice as 'Word Document (.docx)'",
    )


def _read(path: Path, archive: zipfile.ZipFile) -> DocxPackage:
    reader = _Reader(path, archive)
    if len(reader.infos) > MAX_MEMBERS:
        raise InputError(
            f"the package has {len(reader.infos):,} members, more than a document has",
            path=path,
            hint="this is not a document Word or LibreOffice writes",
        )
    if not reader.has("[Content_Types].xml"):
        raise InputError(
            "not a Word document: the package has no [Content_Types].xml",
            path=path,
            hint="save the document from Word or LibreOffice as 'Word Document (.docx)'",
        )
    content_types = reader.xml("[Content_Types].xml")
    main = _main_part(reader)
    if not reader.has(main):
        raise InputError(f"the main document part {main} is missing", path=path)
    types = {
        o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
        for o in content_types.iter(f"{{{_CT_NS}}}Override")
    }
    if types.get(main) not in _MAIN_TYPES:
        raise InputError(
            f"not a Word document: its main part is {types.get(main) or 'of no known type'}",
            path=path,
            hint="import .docx files written by Word or LibreOffice",
        )
    ignored = []
    if "macroEnabled" in types[main] or any(
        posixpath.basename(n).lower() == "vbaproject.bin" for n in reader.infos
    ):
        ignored.append("macros (a macro-enabled document): never run, not imported")
    relationships = _relationships(reader, main)
    package = DocxPackage(path, reader.xml(main), relationships, ignored=ignored)
    for rel in relationships.values():
        if rel.external and not rel.type.endswith("/hyperlink"):
            kind = rel.type.rsplit("/", 1)[-1]
            ignored.append(f"external {kind} {rel.target[:80]}: never fetched")
    for key, rel_type in _REL_TYPES.items():
        rel = next(
            (r for r in relationships.values() if r.type == rel_type and not r.external), None
        )
        if rel is not None and reader.has(rel.target):
            package.parts[key] = reader.xml(rel.target)
            package.part_relationships[key] = _relationships(reader, rel.target)
    return package

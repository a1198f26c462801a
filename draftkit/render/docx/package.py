"""The DOCX package: opened from draftkit's base parts, written reproducibly in one pass.

The base package is small and carries no template leftovers: the parts with design in them
(``styles.xml``, ``settings.xml``, ``theme.xml``) come from the template folders
(``templates/docx/``, a project may override each), the others are written here empty, for
the writer to fill.
python-docx's own default template (a sample page's thumbnail, a bibliography part, 800 KB
of styles, "Microsoft Macintosh Word" in app.xml, Word 2010 compatibility mode) is never
read.

python-docx stamps each zip entry with the wall clock (at 2-second resolution, so two quick
saves usually match and a "save twice, compare" test is merely flaky). Here the parts are
written by python-docx's own package writer into a zip whose every entry carries the build
clock's time and fixed attributes: same input, same bytes.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from lxml import etree

from draftkit.fsutil import BuildClock, fixed_time_zip

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# The parts that carry no design: an empty body whose section has every page measure
# (CT_PageMar requires header, footer and gutter, which python-docx would not write).
_DOCUMENT = (
    f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body><w:sectPr>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709"'
    ' w:footer="709" w:gutter="0"/><w:cols w:space="708"/>'
    "</w:sectPr></w:body></w:document>"
)
_NUMBERING = f'<w:numbering xmlns:w="{_W}"/>'
_FONT_TABLE = f'<w:fonts xmlns:w="{_W}"/>'

# part name: (content type, relationship type from the document)
BASE_PARTS = {
    "word/styles.xml": (CT.WML_STYLES, RT.STYLES),
    "word/settings.xml": (CT.WML_SETTINGS, RT.SETTINGS),
    "word/numbering.xml": (CT.WML_NUMBERING, RT.NUMBERING),
    "word/fontTable.xml": (CT.WML_FONT_TABLE, RT.FONT_TABLE),
    "word/theme/theme1.xml": (CT.OFC_THEME, RT.THEME),
}
# The parts a project may override, by their file name in templates/docx/.
TEMPLATE_PARTS = {
    "styles.xml": "word/styles.xml",
    "settings.xml": "word/settings.xml",
    "theme.xml": "word/theme/theme1.xml",
}


def _content_types() -> str:
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="{ct}"/>'
        for name, (ct, _) in {"word/document.xml": (CT.WML_DOCUMENT_MAIN, ""), **BASE_PARTS}.items()
    )
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{CT.OPC_RELATIONSHIPS}"/>'
        f'<Default Extension="xml" ContentType="{CT.XML}"/>{overrides}</Types>'
    )


def _relationships(targets: list[tuple[str, str]]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{reltype}" Target="{target}"/>'
        for i, (reltype, target) in enumerate(targets, start=1)
    )
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>"
    )


def open_base(template_parts: dict[str, bytes]) -> WordDocument:
    """A python-docx document over the base package; ``template_parts`` holds the bytes of
    each of :data:`TEMPLATE_PARTS` as the template folders have them."""
    members = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _relationships([(RT.OFFICE_DOCUMENT, "word/document.xml")]),
        "word/document.xml": _DOCUMENT,
        "word/_rels/document.xml.rels": _relationships(
            [(reltype, name.removeprefix("word/")) for name, (_, reltype) in BASE_PARTS.items()]
        ),
        "word/numbering.xml": _NUMBERING,
        "word/fontTable.xml": _FONT_TABLE,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in members.items():
            package.writestr(name, _DECLARATION + text)
        for name, part_name in TEMPLATE_PARTS.items():
            package.writestr(part_name, template_parts[name])
    buffer.seek(0)
    return docx.Document(buffer)


def app_version(version: str) -> str:
    """Word reads ``AppVersion`` as ``NN.NNNN``: 0.1.0 → ``00.0100`` (major, then minor and
    patch as two digits each)."""
    numbers = [int("".join(ch for ch in part if ch.isdigit()) or 0) for part in version.split(".")]
    major, minor, patch = ([*numbers, 0, 0, 0])[:3]
    return f"{min(major, 99):02d}.{min(minor, 99):02d}{min(patch, 99):02d}"


def add_app_properties(package: OpcPackage, version: str) -> None:
    """``docProps/app.xml`` naming draftkit. No page or word counts: Word recomputes them
    on opening, and a count draftkit cannot know (pages depend on the reader's fonts)
    would be wrong."""
    xml = (
        _DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>draftkit</Application>'
        f"<AppVersion>{app_version(version)}</AppVersion></Properties>"
    )
    part = Part(
        PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, xml.encode("utf-8"), package
    )
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


class _Members(list[tuple[str, bytes]]):
    """The physical-writer protocol PackageWriter expects: the members, in the order
    written."""

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.append((pack_uri.membername, blob))


def write_package(package: OpcPackage, clock: BuildClock) -> bytes:
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = _Members()
    # [Content_Types].xml first, then the package rels, then the parts in the order of
    # the relationship graph, which depends on the document only.
    PackageWriter._write_content_types_stream(members, parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, parts)  # type: ignore[arg-type]
    # MS-DOS, as DOCX packages have always been written here, on any machine.
    return fixed_time_zip(members, clock, create_system=0)


_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def add_custom_properties(package: OpcPackage, properties: list[tuple[str, str]]) -> None:
    """``docProps/custom.xml``: string properties, in the order given (Word and LibreOffice
    keep user-defined properties through editing)."""
    if not properties:
        return
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    # pid 0 and 1 are reserved; user properties start at 2.
    for pid, (name, value) in enumerate(properties, start=2):
        prop = etree.SubElement(
            root, f"{{{_CUSTOM_NS}}}property", fmtid=_CUSTOM_FMTID, pid=str(pid), name=name
        )
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    blob = _DECLARATION.encode() + etree.tostring(root, encoding="utf-8")
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CT, blob, package)
    package.relate_to(part, _CUSTOM_RT)

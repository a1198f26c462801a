"""Writing the DOCX package reproducibly, in one pass.

python-docx stamps each zip entry with the wall clock (at 2-second resolution, so two quick
saves usually match and a "save twice, compare" test is merely flaky). Here the parts are
written by python-docx's own package writer into a zip whose every entry carries the build
clock's time and fixed attributes: same input, same bytes. The template's thumbnail (a
picture of python-docx's sample page) is left out.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter

from draftkit.fsutil import BuildClock, fixed_time_zip


class _Members(list[tuple[str, bytes]]):
    """The physical-writer protocol PackageWriter expects: the members, in the order
    written."""

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.append((pack_uri.membername, blob))


def write_package(package: OpcPackage, clock: BuildClock) -> bytes:
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
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

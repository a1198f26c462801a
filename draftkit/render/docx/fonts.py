"""Fonts embedded in a DOCX, as Word's "Embed fonts in the file" writes them.

A reader without the document's font gets a substitute of other widths, and the pages
break elsewhere than in the PDF. Word and LibreOffice read fonts embedded in the package
(ECMA-376 Part 1, §17.8.1): each face is a font part whose first 32 bytes are XORed with a
key, the font table names the part and the key, and the settings ask for embedding.

The key is derived from the face's bytes, so the same fonts give the same package.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from draftkit.errors import TemplateError

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# The order of a w:font's children (CT_Font): the embed elements come last, in this order.
_FONT_CHILDREN = [
    "w:altName", "w:panose1", "w:charset", "w:family", "w:notTrueType", "w:pitch", "w:sig",
    "w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic",
]  # fmt: skip


@dataclass(frozen=True)
class FontFace:
    family: str
    bold: bool
    italic: bool
    data: bytes

    @property
    def slot(self) -> str:
        return {
            (False, False): "w:embedRegular",
            (True, False): "w:embedBold",
            (False, True): "w:embedItalic",
            (True, True): "w:embedBoldItalic",
        }[(self.bold, self.italic)]

    @property
    def key(self) -> uuid.UUID:
        return uuid.UUID(bytes=hashlib.sha256(self.data).digest()[:16])


def read_face(path: Path) -> FontFace:
    """The family and style of the TrueType/OpenType font at ``path``, from its own
    tables (name ID 16 or 1; OS/2 fsSelection), not from its file name."""
    from fontTools.ttLib import TTFont, TTLibError

    data = path.read_bytes()
    try:
        with TTFont(path, lazy=True) as font:
            names = font["name"]
            family = names.getDebugName(16) or names.getDebugName(1)
            selection = font["OS/2"].fsSelection
            embedding = font["OS/2"].fsType
    except (TTLibError, KeyError, OSError) as exc:
        raise TemplateError(
            f"cannot read the font to embed: {exc}",
            path=path,
            hint="name a TrueType or OpenType font file (.ttf, .otf) in embed_fonts",
        ) from exc
    if embedding & 0x0002:  # "restricted license embedding": the font's licence forbids it
        raise TemplateError(
            "the font's licence forbids embedding it (OS/2 fsType)",
            path=path,
            hint="embed another font, or remove it from embed_fonts in styles.yaml",
        )
    if not family:
        raise TemplateError("the font has no family name", path=path)
    return FontFace(family, bool(selection & 0x20), bool(selection & 0x01), data)


def obfuscate(data: bytes, key: uuid.UUID) -> bytes:
    """ECMA-376 Part 1, §17.8.1: the first 32 bytes XORed with the key's bytes taken from
    the end of its string form."""
    mask = bytes.fromhex(key.hex)[::-1]
    head = bytes(byte ^ mask[i % 16] for i, byte in enumerate(data[:32]))
    return head + data[32:]


def _font_element(root: etree._Element, family: str) -> etree._Element:
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) == family:
            return font
    font = etree.SubElement(root, qn("w:font"))
    font.set(qn("w:name"), family)
    return font


def _insert_in_order(font: etree._Element, child: etree._Element) -> None:
    rank = {qn(tag): i for i, tag in enumerate(_FONT_CHILDREN)}
    mine = rank[child.tag]
    for i, existing in enumerate(font):
        if rank.get(existing.tag, -1) > mine:
            font.insert(i, child)
            return
    font.append(child)


def embed_fonts(package, faces: list[FontFace]) -> None:  # type: ignore[no-untyped-def]
    """Add each face to the package and name it in the font table (python-docx keeps
    the font table as bytes)."""
    table = next(p for p in package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = etree.fromstring(table.blob)
    for number, face in enumerate(faces, start=1):
        key = face.key
        part = Part(
            PackURI(f"/word/fonts/font{number}.odttf"),
            CONTENT_TYPE,
            obfuscate(face.data, key),
            package,
        )
        r_id = table.relate_to(part, RT.FONT)
        font = _font_element(root, face.family)
        for old in font.findall(qn(face.slot)):
            font.remove(old)
        slot = etree.Element(qn(face.slot))
        slot.set(qn("r:id"), r_id)
        slot.set(qn("w:fontKey"), "{" + str(key).upper() + "}")
        _insert_in_order(font, slot)
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# What CT_Settings puts before w:embedTrueTypeFonts.
_SETTINGS_BEFORE_EMBED = {
    qn(f"w:{tag}")
    for tag in (
        "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
        "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
        "printFractionalCharacterWidth", "printFormsData",
    )
}  # fmt: skip


def ask_to_embed(settings: etree._Element) -> None:
    """``w:embedTrueTypeFonts`` in the settings, at its place in CT_Settings' sequence."""
    if settings.find(qn("w:embedTrueTypeFonts")) is not None:
        return
    position = 0
    for i, child in enumerate(settings):
        if child.tag in _SETTINGS_BEFORE_EMBED:
            position = i + 1
    settings.insert(position, etree.Element(qn("w:embedTrueTypeFonts")))

"""A DOCX carries its fonts, so Word and LibreOffice lay it out as the PDF on any machine.

The embedded faces are read back here by the rules of ECMA-376 Part 1, §17.8.1 (written
out again in this file, not taken from draftkit), and LibreOffice, which knows nothing of
draftkit, must draw the document with them.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from tests.cli.helpers import REPO, make_project
from tests.conftest import Built

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SLOTS = {
    "embedRegular": (False, False),
    "embedBold": (True, False),
    "embedItalic": (False, True),
    "embedBoldItalic": (True, True),
}


def read_embedded(path: Path) -> dict[str, TTFont]:
    """Each embedded face of the font table, by slot, undone as the standard says: the
    key's 32 hex digits, read from the end two at a time, XORed over the first 32 bytes."""
    faces = {}
    with zipfile.ZipFile(path) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
        if "word/_rels/fontTable.xml.rels" not in package.namelist():
            return {}
        rels = etree.fromstring(package.read("word/_rels/fontTable.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{PR}Relationship")}
        for font in table.iter(f"{W}font"):
            for slot in SLOTS:
                element = font.find(f"{W}{slot}")
                if element is None:
                    continue
                data = bytearray(package.read("word/" + targets[element.get(f"{R}id")]))
                digits = element.get(f"{W}fontKey").strip("{}").replace("-", "")
                key = [int(digits[i : i + 2], 16) for i in range(30, -2, -2)]
                for i in range(32):
                    data[i] ^= key[i % 16]
                faces[f"{font.get(f'{W}name')}/{slot}"] = TTFont(io.BytesIO(bytes(data)))
    return faces


def test_the_docx_carries_the_four_faces_of_its_font(example_built: Built) -> None:
    faces = read_embedded(example_built.docx)
    assert sorted(faces) == sorted(f"Noto Serif/{slot}" for slot in SLOTS)
    for name, face in faces.items():
        bold, italic = SLOTS[name.split("/")[1]]
        assert face["name"].getDebugName(1) == "Noto Serif"
        selection = face["OS/2"].fsSelection
        assert (bool(selection & 0x20), bool(selection & 0x01)) == (bold, italic), name
        cmap = face.getBestCmap()
        for letter in "AaЖжҢңӨөҮү«»—№":
            assert ord(letter) in cmap, (name, letter)
    with zipfile.ZipFile(example_built.docx) as package:
        settings = etree.fromstring(package.read("word/settings.xml"))
        types = package.read("[Content_Types].xml").decode()
    assert settings.find(f"{W}embedTrueTypeFonts") is not None
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in types


def test_a_style_sheet_can_embed_none(tmp_path: Path) -> None:
    styles = (REPO / "templates" / "styles.yaml").read_text(encoding="utf-8")
    start = styles.index("  embed_fonts:\n")
    end = styles.index("\n\n", start)
    project = make_project(
        tmp_path / "p",
        {"templates/styles.yaml": styles[:start] + "  embed_fonts: []" + styles[end:]},
    )
    result = project.run("build", "-f", "docx")
    assert result.returncode == 0, result.stderr
    (docx,) = (project.root / "build" / "en").glob("*.docx")
    assert read_embedded(docx) == {}
    with zipfile.ZipFile(docx) as package:
        assert not any(name.startswith("word/fonts/") for name in package.namelist())


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def system_has_noto_serif() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", "Noto Serif"], capture_output=True, text=True).stdout
    return bool(found.strip())


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
@pytest.mark.skipif(
    system_has_noto_serif(), reason="Noto Serif is installed: LibreOffice would use it anyway"
)
def test_libreoffice_draws_the_docx_in_its_embedded_font(
    example_built: Built, tmp_path: Path
) -> None:
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(example_built.docx)],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / f"{example_built.docx.stem}.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    used = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    assert {"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic"} <= used, fonts

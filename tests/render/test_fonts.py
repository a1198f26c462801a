"""Same bytes on any machine: the PDF's fonts come from the package, never from the system.

Fontconfig reads its configuration once per process, so each build under another font
configuration runs in a subprocess with its own FONTCONFIG_FILE.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from tests.cli.helpers import assert_fails_cleanly, env, make_project
from tests.conftest import EXAMPLE, PYTHON, REPO

pytestmark = pytest.mark.slow

FONTS = REPO / "templates" / "fonts"
BUNDLED_FACES = {
    "draftkit-Noto-Serif": "NotoSerif-Regular",
    "draftkit-Noto-Serif-Italic": "NotoSerif-Italic",
    "draftkit-Noto-Serif-Bold": "NotoSerif-Bold",
    "draftkit-Noto-Serif-Bold-Italic": "NotoSerif-BoldItalic",
    "draftkit-Noto-Sans-Bold": "NotoSans-Bold",
}
KYRGYZ_LETTERS = set("ңөүӨҮ")  # the example has no capital Ң


def fontconfig_env(tmp_path: Path, *font_dirs: Path) -> dict[str, str]:
    """The environment of a process whose fontconfig sees only ``font_dirs``."""
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return {
        **os.environ,
        "FONTCONFIG_FILE": str(config),
        "FONTCONFIG_PATH": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }


def build(out: Path, env: dict[str, str], *args: str, cwd: Path = REPO) -> Path:
    result = subprocess.run(
        [PYTHON, "-m", "draftkit", "build", *args, "-f", "pdf", "-o", str(out)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def pdfs(folder: Path, name: str = "civic-forum-2025") -> dict[str, bytes]:
    return {lang: (folder / lang / f"{name}.pdf").read_bytes() for lang in ("en", "ru", "ky")}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("fonts")
    bare = tmp / "bare-config"
    bare.mkdir()
    return {
        "normal": build(tmp / "normal", dict(os.environ), str(EXAMPLE), "--lang", "all"),
        "no system fonts": build(tmp / "bare", fontconfig_env(bare), str(EXAMPLE), "--lang", "all"),
    }


def test_a_pdf_without_system_fonts_has_the_same_bytes(builds: dict[str, Path]) -> None:
    normal, bare = pdfs(builds["normal"]), pdfs(builds["no system fonts"])
    for lang in ("en", "ru", "ky"):
        assert bare[lang] == normal[lang], f"{lang}: the PDF depends on the system's fonts"


def test_a_system_font_of_the_same_family_does_not_win(tmp_path: Path) -> None:
    # A system "Noto Serif" of another version: were the CSS to name the bundled family
    # "Noto Serif", fontconfig would pick this one instead and the bytes would change.
    system = tmp_path / "system-fonts"
    system.mkdir()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        font = TTFont(FONTS / f"NotoSerif-{face}.ttf")
        font["head"].fontRevision = 9.0
        font.save(system / f"NotoSerif-{face}.ttf")
    out = build(tmp_path / "out", fontconfig_env(tmp_path, system), str(EXAMPLE))
    normal = build(tmp_path / "normal", dict(os.environ), str(EXAMPLE))
    assert pdfs_en(out) == pdfs_en(normal)


def pdfs_en(folder: Path) -> bytes:
    return (folder / "en" / "civic-forum-2025.pdf").read_bytes()


def embedded_fonts(pdf: Path) -> dict[str, bytes]:
    """The embedded font programs by BaseFont name (subset prefix removed)."""
    fonts: dict[str, bytes] = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            prefix, _, name = str(font["/BaseFont"]).lstrip("/").partition("+")
            # a subset is named by six capital letters, "+" and the font's name
            assert len(prefix) == 6 and prefix.isupper() and name, font["/BaseFont"]
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
            fonts[name] = descriptor["/FontFile2"].get_object().get_data()
    return fonts


def test_only_the_bundled_faces_are_embedded_as_subsets(builds: dict[str, Path]) -> None:
    seen = set()
    for lang in ("en", "ru", "ky"):
        fonts = embedded_fonts(builds["no system fonts"] / lang / "civic-forum-2025.pdf")
        assert fonts and set(fonts) <= set(BUNDLED_FACES), sorted(fonts)
        for name, program in fonts.items():
            path = FONTS / f"{BUNDLED_FACES[name]}.ttf"
            font, bundled = TTFont(io.BytesIO(program)), TTFont(path)
            # the program is the bundled file's, cut down to the glyphs the text uses
            assert font["name"].getDebugName(6) == BUNDLED_FACES[name]
            assert font["head"].fontRevision == bundled["head"].fontRevision
            assert len(program) < path.stat().st_size / 4
        seen |= set(fonts)
    assert {"draftkit-Noto-Serif", "draftkit-Noto-Serif-Bold", "draftkit-Noto-Serif-Italic"} <= seen


def test_kyrgyz_and_russian_text_extract_without_system_fonts(builds: dict[str, Path]) -> None:
    folder = builds["no system fonts"]
    ky = "".join(p.extract_text() for p in PdfReader(folder / "ky" / "civic-forum-2025.pdf").pages)
    assert KYRGYZ_LETTERS <= set(ky)
    assert "2025-ж., 4-март" in ky
    ru = "".join(p.extract_text() for p in PdfReader(folder / "ru" / "civic-forum-2025.pdf").pages)
    assert "4 марта 2025\u202fг." in ru  # the narrow no-break space has its glyph
    assert "\ufffd" not in ky + ru


def test_a_project_copy_of_the_style_sheet_still_finds_the_bundled_fonts(
    builds: dict[str, Path], tmp_path: Path
) -> None:
    # url(../fonts/…) from the project's templates/pdf/ finds the built-in fonts/ folder
    root = tmp_path / "project"
    for name in ("clauses", "documents"):
        shutil.copytree(REPO / name, root / name)
    for name in ("draftkit.toml", "sources.yaml"):
        shutil.copy(REPO / name, root / name)
    (root / "templates" / "pdf").mkdir(parents=True)
    shutil.copy(REPO / "templates" / "pdf" / "document.css", root / "templates" / "pdf")
    out = build(tmp_path / "out", dict(os.environ), "documents/civic-forum-2025.yaml", cwd=root)
    assert pdfs_en(out) == pdfs_en(builds["normal"])


@pytest.mark.skipif(
    not shutil.which("fc-list")
    or not subprocess.run(
        ["fc-list", ":family=DejaVu Serif"], capture_output=True, text=True
    ).stdout.strip(),
    reason="no system DejaVu Serif",
)
def test_a_project_style_sheet_may_name_a_system_font(tmp_path: Path) -> None:
    css = '@page { size: A4 } html { font-family: "DejaVu Serif"; font-size: 11pt }\n'
    project = make_project(tmp_path / "proj", {"templates/pdf/document.css": css})
    result = project.run("build", "-f", "pdf")
    assert result.returncode == 0, result.stderr
    fonts = embedded_fonts(project.root / "build" / "en" / "d.pdf")
    assert fonts and all(name.startswith("DejaVu-Serif") for name in fonts), sorted(fonts)


BROKEN_INSTALL = """\
import pathlib, sys
import draftkit.fsutil, draftkit.project
installed = pathlib.Path(sys.argv.pop(1))
draftkit.fsutil.builtin_templates_dir = lambda: installed
draftkit.project.builtin_templates_dir = lambda: installed
from draftkit.cli.app import main
main()
"""


def test_a_missing_bundled_font_is_one_clear_error(tmp_path: Path) -> None:
    templates = tmp_path / "installed-templates"
    shutil.copytree(REPO / "templates", templates)
    (templates / "fonts" / "NotoSerif-Bold.ttf").unlink()
    project = make_project(tmp_path / "proj")
    result = subprocess.run(
        [PYTHON, "-c", BROKEN_INSTALL, str(templates), "build", "-f", "pdf"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    (line,) = assert_fails_cleanly(result)
    assert f"{templates / 'fonts' / 'NotoSerif-Bold.ttf'}: missing" in line, line
    assert "reinstall draftkit" in line
    assert not (project.root / "build" / "en" / "d.pdf").exists()

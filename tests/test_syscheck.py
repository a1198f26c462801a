"""``make demo``'s system check: libraries, and the fonts the package ships (no system font)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from draftkit import syscheck
from tests.conftest import REPO


def test_the_checked_fonts_are_those_the_style_sheet_uses_and_the_package_ships() -> None:
    css = (REPO / "templates" / "pdf" / "document.css").read_text(encoding="utf-8")
    used = set(re.findall(r'url\("\.\./fonts/([^"]+)"\)', css))
    # and the subsets the DOCX embeds (styles.yaml's embed_fonts)
    styles = (REPO / "templates" / "styles.yaml").read_text(encoding="utf-8")
    used |= set(re.findall(r"^    - (docx/\S+\.ttf)$", styles, re.MULTILINE))
    fonts = REPO / "templates" / "fonts"
    shipped = {p.relative_to(fonts).as_posix() for p in fonts.rglob("*.ttf")}
    assert used == shipped == set(syscheck.BUNDLED_FONTS)
    assert (REPO / "templates" / "fonts" / "OFL.txt").is_file()


def test_a_missing_bundled_font_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates" / "fonts", templates / "fonts")
    (templates / "fonts" / "NotoSerif-Italic.ttf").unlink()
    monkeypatch.setattr(syscheck, "builtin_templates_dir", lambda: templates)
    missing = templates / "fonts" / "NotoSerif-Italic.ttf"
    assert [p for p in syscheck.problems() if ".ttf" in p] == [
        f"{missing} is missing: reinstall draftkit"
    ]


def test_no_system_font_is_required() -> None:
    assert not any("fc-list" in line or "fonts-" in line for line in syscheck.problems())


def test_the_bundled_fonts_cover_every_locale_profile() -> None:
    assert not [line for line in syscheck.problems() if "needs" in line]


def test_a_font_without_a_letter_a_profile_needs_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from draftkit.locale import LocaleProfile, known_locales

    # Noto Serif has no Chinese.
    profiles = {**known_locales(), "xx": LocaleProfile("xx", required_letters="ң中")}
    monkeypatch.setattr("draftkit.locale.known_locales", lambda: profiles)
    font = REPO / "templates" / "fonts" / "NotoSerif-Regular.ttf"
    assert syscheck.missing_letters(font) == [
        "NotoSerif-Regular.ttf has no '中', which xx text needs"
    ]

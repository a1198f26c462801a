"""``python -m draftkit.syscheck``: are the system libraries WeasyPrint needs here?

Prints what to install and exits 1 when something is missing, so ``make demo`` fails with
an instruction rather than a traceback from deep inside WeasyPrint.

No system font is needed: the built-in design's fonts ship in the package
(``templates/fonts``). A project whose own ``templates/pdf/document.css`` names an
installed font needs that font on every machine that builds it.
"""

from __future__ import annotations

import ctypes.util
import sys
from pathlib import Path

from draftkit.fsutil import builtin_templates_dir

LIBRARIES = (
    ("pango-1.0", "libpango-1.0-0"),
    ("pangoft2-1.0", "libpangoft2-1.0-0"),
    ("harfbuzz", "libharfbuzz0b"),
    ("fontconfig", "libfontconfig1"),
)
BUNDLED_FONTS = (
    "NotoSerif-Regular.ttf",
    "NotoSerif-Italic.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSerif-BoldItalic.ttf",
    "NotoSans-Bold.ttf",
    # the subsets DOCX files embed (tools/subset_fonts.py)
    "docx/NotoSerif-Regular.ttf",
    "docx/NotoSerif-Italic.ttf",
    "docx/NotoSerif-Bold.ttf",
    "docx/NotoSerif-BoldItalic.ttf",
)


def problems() -> list[str]:
    found = []
    for lib, package in LIBRARIES:
        if ctypes.util.find_library(lib) is None:
            found.append(
                f"{lib} is missing: install it with 'apt-get install {package}'"
                " (macOS: 'brew install pango')"
            )
    fonts = builtin_templates_dir() / "fonts"
    for name in BUNDLED_FONTS:
        if not (fonts / name).is_file():
            found.append(f"{fonts / name} is missing: reinstall draftkit")
        else:
            found += missing_letters(fonts / name)
    return found


def missing_letters(font: Path) -> list[str]:
    """A line per language whose profile needs letters the font does not have: every
    locale's letters (Kyrgyz ң ө ү) must be in every bundled face."""
    from fontTools.ttLib import TTFont

    from draftkit.locale import known_locales

    with TTFont(font, lazy=True) as face:
        cmap = face.getBestCmap()
    found = []
    for lang, locale in sorted(known_locales().items()):
        absent = "".join(ch for ch in dict.fromkeys(locale.required_letters) if ord(ch) not in cmap)
        if absent:
            found.append(f"{font.name} has no {absent!r}, which {lang} text needs")
    return found


def main() -> int:
    missing = problems()
    for line in missing:
        print(f"draftkit: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

"""Write the fonts that DOCX files embed: templates/fonts/docx/*.ttf.

A DOCX carries its fonts (Word's "Embed fonts in the file") so that Word and LibreOffice
on a machine without Noto Serif lay it out as the PDF is laid out, instead of substituting
a font of other widths. The full faces would add 1.2 MB to every DOCX; these subsets keep
every character the built-in locales write and a reader may type when editing (Latin with
its extensions, Cyrillic with the Kyrgyz and other supplements, punctuation, currency) and
all layout features, at about 140 KB a face.

Run after updating the fonts in templates/fonts/: `.venv/bin/python tools/subset_fonts.py`.
The output depends only on the input fonts and fontTools' version.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "templates" / "fonts"
FACES = ("NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic")
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0300, 0x036F),  # combining accents (stress marks in Russian and Kyrgyz teaching texts)
    (0x0400, 0x052F),  # Cyrillic and Cyrillic Supplement: ң ө ү and their capitals
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # General Punctuation: dashes, quotes, narrow no-break space
    (0x20A0, 0x20CF),  # currency signs (the som, ⃀, is U+20C0)
    (0x2100, 0x214F),  # letterlike symbols: № ™
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212),  # minus sign
]


def unicodes() -> list[int]:
    return [code for low, high in RANGES for code in range(low, high + 1)]


def main() -> None:
    out = FONTS / "docx"
    out.mkdir(exist_ok=True)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same input gives the same bytes
    # Hinting instructions are half of each face; screens render Noto well without them.
    options.hinting = False
    for face in FACES:
        font = TTFont(FONTS / f"{face}.ttf")
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes())
        subsetter.subset(font)
        font.save(out / f"{face}.ttf")
        print(f"{out / face}.ttf: {(out / f'{face}.ttf').stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

"""Number labels: 1, 2 … for footnotes; i, ii … for endnotes; (a), (b) for sub-paragraphs."""

from __future__ import annotations

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def lower_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def lower_letter(n: int) -> str:
    """a … z, then aa, bb … as Word's lowerLetter numbering does."""
    q, r = divmod(n - 1, 26)
    return chr(ord("a") + r) * (q + 1)


def note_label(series: str, number: int) -> str:
    return lower_roman(number) if series == "endnote" else str(number)


# Word's w:numFmt for the same sequences, so that the DOCX writer's numbering and the
# labels above cannot disagree.
NOTE_WORD_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}
ITEM_WORD_FORMATS = ("lowerLetter", "lowerRoman")  # level 1, level 2

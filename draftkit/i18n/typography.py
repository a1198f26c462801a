"""The typography profile of each language, in one place (see docs/typography.md).

- Dates: CLDR long format through Babel: en "March 4, 2025", ru "4 марта 2025 г.",
  ky "2025-ж., 4-март".
- Quotation marks (CLDR's delimiters are not in Babel, so they are listed here): “…” with
  nested ‘…’ for English, «…» with nested „…“ for Russian and Kyrgyz.
- Note calls: after the punctuation in English ("2030.¹", as the seed has it); before it
  in Russian and Kyrgyz ("2030¹."), as their typography wants.
- Sub-paragraph labels: (a) and (i) in English; a) and i) in Russian and Kyrgyz, as in UN
  documents in Russian.
- Abbreviations whose stop a paragraph's final punctuation keeps ("2025 г.,").
- Hyphenation: Pyphen has dictionaries for en and ru but none for ky, so Kyrgyz text is not
  hyphenated (templates/pdf/document.css sets ``hyphens: manual`` for ``:lang(ky)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Typography:
    lang: str
    quotes: tuple[str, str]
    inner_quotes: tuple[str, str]
    date_format: str = "long"
    # Words written with a full stop that a paragraph may end with ("2025 г.", "etc."):
    # the UN style keeps their stop when it sets a paragraph's final punctuation.
    abbreviations: frozenset[str] = frozenset()
    note_before_punctuation: bool = False
    # "{}" is the letter or roman numeral: "({})" gives (a), "{})" gives a)
    item_label: str = "({})"
    # Press datelines follow press usage: British "18 January 2022" in English (the
    # resolution keeps CLDR en's "March 4, 2025", as its seed has it).
    press_locale: str | None = None
    # The dash between the two ends of a range of dates is draftkit's choice, not CLDR's:
    # CLDR's separators changed between releases (CLDR 48 writes "17 – 18 August" in
    # en_GB and an em dash in Russian), and press style joins two days closed
    # ("17–18 August") and spaces the dash between longer ends ("30 March – 2 April").
    day_range_dash: str = "–"
    range_dash: str = " – "

    def quote(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def long_date(self, value: date | None) -> str:
        if value is None:
            return ""
        from babel.dates import format_date

        return format_date(value, format=self.date_format, locale=self.lang)

    def press_date(self, start: date, end: date | None = None) -> str:
        """A day or a range of days in press style: "17–18 August 2020", "17–18 августа
        2020 г.". Ranges use CLDR's interval patterns with full month names."""
        from babel import Locale
        from babel.dates import format_date

        locale = self.press_locale or self.lang
        if end is None or end == start:
            return format_date(start, format="long", locale=locale)
        # CLDR has no yMMMMd interval; its yMMMd parts with MMMM are the long form.
        formats = Locale.parse(locale).interval_formats.get("yMMMd")
        if start.year != end.year:
            greatest = "y"
        elif start.month != end.month:
            greatest = "M"
        else:
            greatest = "d"
        if not formats or greatest not in formats:
            ends = (format_date(day, "long", locale=locale) for day in (start, end))
            return self.range_dash.join(ends)
        first, second = (part.replace("MMM", "MMMM") for part in formats[greatest])
        dash = self.day_range_dash if greatest == "d" else self.range_dash
        first = _RANGE_SEPARATOR.sub("", first)
        return format_date(start, first, locale=locale) + dash + format_date(
            end, second, locale=locale
        )


# The separator CLDR ends the first part of an interval pattern with: a dash or hyphen and
# any spaces around it ("d – ", "d MMM\u2009–\u2009", "d-MMM y-ж. - ").
_RANGE_SEPARATOR = re.compile(r"\s*[-\u2010-\u2015]\s*$")


_PROFILES = {
    "en": Typography(
        "en",
        ("“", "”"),
        ("‘", "’"),
        abbreviations=frozenset({"etc", "e.g", "i.e", "No", "Inc", "Ltd"}),
        press_locale="en_GB",
        # Thin spaces, as CLDR en_GB has set them since CLDR 47.
        range_dash="\u2009–\u2009",
    ),
    "ru": Typography(
        "ru",
        ("«", "»"),
        ("„", "“"),
        abbreviations=frozenset({"г", "гг", "т.д", "т.п", "др", "с", "№"}),
        note_before_punctuation=True,
        # Russian sets a spaced тире between words, with a no-break space before it so that
        # no line starts with the dash ("30 марта — 2 апреля").
        range_dash="\u00a0— ",
        item_label="{})",
    ),
    "ky": Typography(
        "ky",
        ("«", "»"),
        ("„", "“"),
        abbreviations=frozenset({"ж", "ж.б", "б.а"}),
        note_before_punctuation=True,
        item_label="{})",
    ),
}


def check_language(lang: str) -> None:
    """Raise :class:`DraftkitError` unless CLDR (through Babel) knows ``lang``."""
    from babel import Locale, UnknownLocaleError

    from draftkit.errors import DraftkitError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise DraftkitError(
            f"unknown language {lang!r}", hint="use a CLDR language code such as en, ru or ky"
        ) from exc


def typography(lang: str) -> Typography:
    check_language(lang)
    return (
        _PROFILES.get(lang)
        or _PROFILES.get(lang.split("_")[0])
        or Typography(lang, ("“", "”"), ("‘", "’"))
    )

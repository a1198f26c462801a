"""The locale profile: one frozen record per language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LocaleProfile:
    lang: str
    quotes: tuple[str, str] = ("“", "”")
    inner_quotes: tuple[str, str] = ("‘", "’")
    # CLDR date format name for resolutions' dates (through Babel).
    date_format: str = "long"
    # Press datelines follow press usage: British "18 January 2022" in English (the
    # resolution keeps CLDR en's "March 4, 2025", as its seed has it).
    press_locale: str | None = None
    # The dash between the two ends of a range of dates is draftkit's choice, not CLDR's:
    # CLDR's separators changed between releases (CLDR 48 writes "17 – 18 August" in
    # en_GB and an em dash in Russian), and press style joins two days closed
    # ("17–18 August") and spaces the dash between longer ends ("30 March – 2 April").
    day_range_dash: str = "–"
    range_dash: str = " – "
    # The dash a translation writes a range of numbers or years with ("2025–2027"): None
    # leaves the catalogs unchecked; else `draftkit i18n check` flags "2025-2027".
    number_range_dash: str | None = None
    # Whether `draftkit i18n check` holds translations to this profile's nesting: the inner
    # marks only inside the outer ones, never the outer marks inside themselves.
    quote_nesting_checked: bool = False
    # Words written with a full stop that a paragraph may end with ("2025 г.", "etc."):
    # the UN style keeps their stop when it sets a paragraph's final punctuation.
    abbreviations: frozenset[str] = frozenset()
    # Russian and Kyrgyz typography put a note call before the punctuation ("2030¹.").
    note_before_punctuation: bool = False
    # A verb-final language sets a clause's lead phrase (its verb: "Calls upon",
    # "Recognizing") after the text the verb governs, before the final punctuation.
    lead_after_text: bool = False
    # Where a quotation's closing full stop or comma goes: inside the marks in English
    # (“….” / “…,” said), after them in Russian and Kyrgyz («…». / «…», — говорит).
    stop_inside_quotes: bool = True
    # "{}" is the letter or roman numeral: "({})" gives (a), "{})" gives a)
    item_label: str = "({})"
    # The Pyphen dictionary WeasyPrint hyphenates with, or None: then the PDF is set
    # ragged right, since justified text without hyphenation leaves wide gaps.
    hyphenation: str | None = None
    # Word's w:lang (spelling and proofing language); None: the language code itself.
    word_language: str | None = None
    # The language tag of the HTML page and so of the PDF's /Lang.
    pdf_language: str | None = None
    # Letters the language needs beyond basic Latin: the fonts must have every one.
    required_letters: str = ""
    # True for the neutral stand-in of a language without a profile.
    fallback: bool = False

    @classmethod
    def neutral(cls, lang: str) -> LocaleProfile:
        """The stand-in for a language no profile describes."""
        return cls(lang, fallback=True)

    @property
    def word_tag(self) -> str:
        return self.word_language or self.lang.replace("_", "-")

    @property
    def pdf_tag(self) -> str:
        return self.pdf_language or self.lang

    @property
    def ragged_right(self) -> bool:
        return self.hyphenation is None

    def quote(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def quote_punctuation(self, final: str, then: str) -> tuple[str, str]:
        """The punctuation inside and after the closing quotation mark of a quotation
        whose words end with ``final`` ("" or "." or, say, "?", "!", "…") in a sentence
        that needs ``then`` there ("." to end it, "," to go on, "" for nothing). A
        question or exclamation mark or an ellipsis stays inside in every language and
        stands for ``then``: “Why?” said… / «Почему?» — говорит…"""
        if final not in ("", "."):
            return final, ""
        return (then, "") if self.stop_inside_quotes else ("", then)

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
        return (
            format_date(start, first, locale=locale)
            + dash
            + format_date(end, second, locale=locale)
        )


# The separator CLDR ends the first part of an interval pattern with: a dash or hyphen and
# any spaces around it ("d – ", "d MMM\u2009–\u2009", "d-MMM y-ж. - ").
_RANGE_SEPARATOR = re.compile(r"\s*[-\u2010-\u2015]\s*$")

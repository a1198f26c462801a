"""Reading the dates of a resolution's heading and signature back.

A date that draftkit (or anyone following CLDR) printed is found exactly: every day of the
year the line names is formatted as the language's profile prints it and looked up. Other
forms ("04 March, 2025") are read from the month's name and the numbers around it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from draftkit.locale import profile

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_MAX_LINE = 80


@cache
def _printed(lang: str, year: int) -> dict[str, date]:
    form = profile(lang)
    day = date(year, 1, 1)
    table = {}
    while day.year == year:
        table[form.long_date(day)] = day
        day += timedelta(days=1)
    return table


@cache
def _months(lang: str) -> list[tuple[str, int]]:
    from babel import Locale

    names: dict[str, int] = {}
    for code in dict.fromkeys([lang, "en"]):
        try:
            months = Locale.parse(code).months
        except (ValueError, LookupError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    cleaned = name.lower().rstrip(".")
                    if len(cleaned) >= 3:
                        names.setdefault(cleaned, number)
    return sorted(names.items(), key=lambda item: -len(item[0]))


def find_date(text: str, lang: str) -> tuple[date, bool, str] | None:
    """(the date ``text`` is, whether it is printed exactly as the language prints it,
    the words around a date not so printed: "Bishkek, 12 June 2024" → "Bishkek")."""
    text = text.strip()
    if len(text) > _MAX_LINE:
        return None
    years = _YEAR.findall(text)
    if len(years) != 1:
        return None
    year = int(years[0])
    exact = _printed(lang, year).get(text)
    if exact is not None:
        return exact, True, ""
    lowered = text.lower()
    for name, month in _months(lang):
        at = lowered.find(name)
        if at < 0 or (at > 0 and lowered[at - 1].isalpha()):
            continue
        rest = text[:at] + " " + text[at + len(name) :]
        rest = rest.replace(years[0], " ")
        days = _DAY.findall(rest)
        if len(days) == 1:
            rest = _DAY.sub(" ", rest)
            rest = re.sub(r"(?<!\w)(г|ж|год[а]?|of|the)(?!\w)\.?", " ", rest)
            words = " ".join(w for w in re.split(r"[\s,.]+", rest) if any(c.isalpha() for c in w))
            try:
                return date(year, month, int(days[0])), False, words
            except ValueError:
                return None
    return None


def date_in_line(text: str, lang: str) -> tuple[date, str] | None:
    """(the date ``text`` holds, printed as the language prints it; the text around it):
    "March 4, 2025, Bishkek." → (2025-03-04, ", Bishkek."), "Бишкек, 2025-ж., 4-март."
    → (2025-03-04, "Бишкек, "). The date starts or ends the line (before a final stop)."""
    years = _YEAR.findall(text)
    if not years or len(text) > _MAX_LINE:
        return None
    for printed, when in _printed(lang, int(years[0])).items():
        at = text.find(printed)
        if at == 0 or (at > 0 and not text[at + len(printed) :].strip(" .")):
            return when, text[:at] + text[at + len(printed) :]
    return None

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


def find_date(text: str, lang: str) -> tuple[date, bool] | None:
    """(the date ``text`` is, whether it is printed exactly as the language prints it)."""
    text = text.strip()
    if len(text) > _MAX_LINE:
        return None
    years = _YEAR.findall(text)
    if len(years) != 1:
        return None
    year = int(years[0])
    exact = _printed(lang, year).get(text)
    if exact is not None:
        return exact, True
    lowered = text.lower()
    for name, month in _months(lang):
        at = lowered.find(name)
        if at < 0 or (at > 0 and lowered[at - 1].isalpha()):
            continue
        days = [int(d) for d in _DAY.findall(text.replace(years[0], " "))]
        if len(days) == 1:
            try:
                return date(year, month, days[0]), False
            except ValueError:
                return None
    return None


def date_prefix(text: str, lang: str) -> tuple[date, str] | None:
    """(the date ``text`` starts with, printed as the language prints it; the rest)."""
    years = _YEAR.findall(text)
    if not years:
        return None
    for printed, when in _printed(lang, int(years[0])).items():
        if text.startswith(printed):
            return when, text[len(printed) :]
    return None

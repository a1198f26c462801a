"""The typography profile of each language, in one place.

Dates come from CLDR through Babel; quotation marks do not (CLDR's delimiters are not in
Babel), so they are listed here: “…” with nested ‘…’ for English, «…» with nested „…“ for
Russian and Kyrgyz.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Typography:
    lang: str
    quotes: tuple[str, str]
    inner_quotes: tuple[str, str]
    date_format: str = "long"

    def quote(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def long_date(self, value: date | None) -> str:
        if value is None:
            return ""
        from babel.dates import format_date

        return format_date(value, format=self.date_format, locale=self.lang)


_PROFILES = {
    "en": Typography("en", ("“", "”"), ("‘", "’")),
    "ru": Typography("ru", ("«", "»"), ("„", "“")),
    "ky": Typography("ky", ("«", "»"), ("„", "“")),
}


def typography(lang: str) -> Typography:
    return (
        _PROFILES.get(lang)
        or _PROFILES.get(lang.split("_")[0])
        or Typography(lang, ("“", "”"), ("‘", "’"))
    )

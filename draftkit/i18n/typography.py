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
    # Words written with a full stop that a paragraph may end with ("2025 г.", "etc."):
    # the UN style keeps their stop when it sets a paragraph's final punctuation.
    abbreviations: frozenset[str] = frozenset()

    def quote(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def long_date(self, value: date | None) -> str:
        if value is None:
            return ""
        from babel.dates import format_date

        return format_date(value, format=self.date_format, locale=self.lang)


_PROFILES = {
    "en": Typography(
        "en",
        ("“", "”"),
        ("‘", "’"),
        abbreviations=frozenset({"etc", "e.g", "i.e", "No", "Inc", "Ltd"}),
    ),
    "ru": Typography(
        "ru",
        ("«", "»"),
        ("„", "“"),
        abbreviations=frozenset({"г", "гг", "т.д", "т.п", "др", "с", "№"}),
    ),
    "ky": Typography("ky", ("«", "»"), ("„", "“"), abbreviations=frozenset({"ж", "ж.б", "б.а"})),
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

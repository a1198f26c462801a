"""The table of docs/typography.md, written from the profiles (a test keeps them equal):
``python -m draftkit.locale.table`` prints it."""

from __future__ import annotations

from datetime import date

from draftkit.locale.profile import LocaleProfile


def _abbreviations(locale: LocaleProfile) -> str:
    return ", ".join(f"{a}." for a in sorted(locale.abbreviations)) or "none"


def _quotation(locale: LocaleProfile, then: str) -> str:
    inside, after = locale.quote_punctuation(".", then)
    return locale.quote("…" + inside) + after


def rows(locale: LocaleProfile) -> list[tuple[str, str]]:
    label = locale.item_label
    return [
        ("long date (CLDR via Babel)", locale.long_date(date(2025, 3, 4))),
        ("press date (datelines, advisories)", locale.press_date(date(2022, 1, 18))),
        ("press date range", locale.press_date(date(2020, 8, 17), date(2020, 8, 18))),
        (
            "quotation marks, nested",
            f"{locale.quote('…')} {locale.inner_quotes[0]}…{locale.inner_quotes[1]}",
        ),
        (
            "quotation ending a sentence / going on",
            f"`{_quotation(locale, '.')}` / `{_quotation(locale, ',')}`",
        ),
        (
            "note call and punctuation",
            "before: `2030¹.`" if locale.note_before_punctuation else "after: `2030.¹`",
        ),
        (
            "sub-paragraph labels",
            f"{label.format('a')}, {label.format('b')}; {label.format('i')}, {label.format('ii')}",
        ),
        (
            "lead phrase (a clause's verb)",
            "after the text, before its final punctuation"
            if locale.lead_after_text
            else "before the text",
        ),
        (
            "ranges and nested quotes in translations (`i18n check`)",
            f"`2025{locale.number_range_dash}2027`; "
            + ("«…„…“…»" if locale.quote_nesting_checked else "nesting not checked")
            if locale.number_range_dash
            else "not checked",
        ),
        ("abbreviations that keep their stop at a paragraph end", _abbreviations(locale)),
        (
            "hyphenation (Pyphen dictionary)",
            locale.hyphenation or "**none**: not hyphenated, set ragged right in PDF",
        ),
        (
            "language tag: DOCX runs / PDF `/Lang` and HTML `lang`",
            f"{locale.word_tag} / {locale.pdf_tag}",
        ),
    ]


def markdown_table(profiles: dict[str, LocaleProfile]) -> str:
    from babel import Locale

    langs = list(profiles)
    header = ["", *(f"{Locale.parse(lang).english_name} ({lang})" for lang in langs)]
    table = [[name] for name, _ in rows(profiles[langs[0]])]
    for lang in langs:
        for line, (_name, value) in zip(table, rows(profiles[lang]), strict=True):
            line.append(value)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(line) + " |" for line in table]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from draftkit.locale.builtin import PROFILES

    print(markdown_table(PROFILES), end="")

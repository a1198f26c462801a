"""draftkit's own profiles: English, Russian and Kyrgyz (see docs/typography.md, which a
test checks against these)."""

from __future__ import annotations

from draftkit.locale.profile import LocaleProfile

_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"

PROFILES: dict[str, LocaleProfile] = {
    "en": LocaleProfile(
        "en",
        ("“", "”"),
        ("‘", "’"),
        abbreviations=frozenset({"etc", "e.g", "i.e", "No", "Inc", "Ltd"}),
        press_locale="en_GB",
        # Thin spaces, as CLDR en_GB has set them since CLDR 47.
        range_dash="\u2009–\u2009",
        hyphenation="en_GB",
        word_language="en-GB",
        required_letters="“”‘’–—",
    ),
    "ru": LocaleProfile(
        "ru",
        ("«", "»"),
        ("„", "“"),
        abbreviations=frozenset({"г", "гг", "т.д", "т.п", "др", "с", "№"}),
        note_before_punctuation=True,
        stop_inside_quotes=False,
        # Russian sets a spaced тире between words, with a no-break space before it so that
        # no line starts with the dash ("30 марта — 2 апреля").
        range_dash="\u00a0— ",
        number_range_dash="–",
        quote_nesting_checked=True,
        item_label="{})",
        hyphenation="ru_RU",
        word_language="ru-RU",
        # U+202F: CLDR puts a narrow no-break space before "г." in dates.
        required_letters=_CYRILLIC + "«»„“—№\u202f",
    ),
    "ky": LocaleProfile(
        "ky",
        ("«", "»"),
        ("„", "“"),
        abbreviations=frozenset({"ж", "ж.б", "б.а"}),
        note_before_punctuation=True,
        stop_inside_quotes=False,
        number_range_dash="–",
        quote_nesting_checked=True,
        # Kyrgyz is verb-final: "… Өкмөтүн … кепилдөөгө *чакырат*:".
        lead_after_text=True,
        item_label="{})",
        # Pyphen has no Kyrgyz dictionary.
        hyphenation=None,
        word_language="ky-KG",
        required_letters=_CYRILLIC + "ҢңӨөҮү«»„“—",
    ),
}

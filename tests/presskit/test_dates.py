"""Press datelines and date ranges per language.

The dates themselves are CLDR's, through the locked Babel (2.19, CLDR 48; checked by eye):
British day-month order in English press, genitive months in Russian. The dash between the
ends of a range is draftkit's: closed between two days, spaced between longer ends (thin
spaces in English, a no-break space before the Russian тире), whatever CLDR release is
installed."""

from __future__ import annotations

from datetime import date

import pytest

from draftkit.locale import profile as typography


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("en", date(2022, 1, 18), None, "18 January 2022"),
        ("en", date(2020, 8, 17), date(2020, 8, 18), "17–18 August 2020"),
        ("en", date(2012, 3, 30), date(2012, 4, 2), "30 March\u2009–\u20092 April 2012"),
        ("ru", date(2022, 1, 18), None, "18 января 2022\u202fг."),
        ("ru", date(2020, 8, 17), date(2020, 8, 18), "17–18 августа 2020\u202fг."),
        ("ru", date(2012, 3, 30), date(2012, 4, 2), "30 марта\u00a0— 2 апреля 2012\u202fг."),
        ("ky", date(2022, 1, 18), None, "2022-ж., 18-январь"),
        ("ky", date(2020, 8, 17), date(2020, 8, 18), "17–18-август 2020-ж."),
        ("en", date(2012, 12, 30), date(2013, 1, 2), "30 December 2012\u2009–\u20092 January 2013"),
    ],
)
def test_press_date(lang: str, start: date, end: date | None, expected: str) -> None:
    assert typography(lang).press_date(start, end) == expected


@pytest.mark.parametrize("lang", ["en", "ru", "ky"])
def test_range_dash_does_not_follow_cldr_separators(lang: str, monkeypatch) -> None:
    """CLDR releases disagree on the separator of an interval; the output must not."""
    from babel import Locale

    profile = typography(lang)
    before = profile.press_date(date(2020, 8, 17), date(2020, 8, 18))
    locale = Locale.parse(profile.press_locale or lang)
    patched = {
        key: [part.rstrip(" \u2009-–—") + " \u2014 ", second]
        for key, (part, second) in locale.interval_formats["yMMMd"].items()
    }
    real = dict(locale.interval_formats)
    real["yMMMd"] = patched
    monkeypatch.setattr(Locale, "interval_formats", property(lambda self: real))
    assert profile.press_date(date(2020, 8, 17), date(2020, 8, 18)) == before


def test_resolution_dates_keep_the_cldr_long_form() -> None:
    assert typography("en").long_date(date(2025, 3, 4)) == "March 4, 2025"

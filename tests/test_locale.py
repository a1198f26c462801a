"""Locale profiles: lookup, the explicit fallback, and that each profile's claims hold."""

from __future__ import annotations

import warnings

import pyphen
import pytest

from draftkit.errors import DraftkitError
from draftkit.locale import (
    LocaleFallbackWarning,
    LocaleProfile,
    known_locales,
    profile,
    register_locale,
)
from draftkit.locale.builtin import PROFILES


def test_a_regional_code_finds_its_language_s_profile() -> None:
    assert profile("ru_KG") is PROFILES["ru"]


def test_a_code_cldr_does_not_know_is_an_error() -> None:
    with pytest.raises(DraftkitError, match="unknown language 'xx-nonsense'"):
        profile("xx-nonsense")


def test_a_language_without_a_profile_falls_back_with_a_warning() -> None:
    from draftkit import locale

    locale._warned.discard("uz")  # whatever ran before in this process
    with pytest.warns(LocaleFallbackWarning, match="no typography profile for 'uz'"):
        found = profile("uz")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # once is enough: asked again, it stays quiet
        assert profile("uz") == found
    assert found.fallback and found.quotes == ("“", "”") and found.ragged_right


def test_a_described_language_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        profile("ky")


def test_a_registered_profile_is_used_in_place_of_the_fallback() -> None:
    register_locale(LocaleProfile("tt", ("«", "»"), item_label="{})"))
    try:
        assert profile("tt").item_label == "{})"
        assert "tt" in known_locales()
    finally:
        from draftkit import locale

        locale._registered.pop("tt")
        locale._lookup.cache_clear()


@pytest.mark.parametrize("lang", sorted(PROFILES))
def test_the_hyphenation_dictionary_a_profile_names_is_pyphen_s(lang: str) -> None:
    """A profile with a dictionary is hyphenated by WeasyPrint through Pyphen, for its
    language; one without is set ragged right, and Pyphen indeed has none for it."""
    named = PROFILES[lang].hyphenation
    if named is None:
        assert pyphen.language_fallback(lang) is None
    else:
        assert pyphen.language_fallback(named) == named
        assert pyphen.language_fallback(lang) is not None

"""Locale profiles: everything language-specific in how draftkit sets a document.

One :class:`LocaleProfile` per language holds its quotation marks, date forms, note-call
placement, sub-paragraph labels, abbreviations, hyphenation dictionary, the language tags
of DOCX and PDF, and the letters its fonts must have. The transforms, the writers and
``syscheck`` read it; nothing else knows about languages, so adding one is a profile and
its catalogs (``docs/extending.md``).

Profiles come from draftkit (en, ru, ky), from :func:`register_locale`, or from other
packages through the ``draftkit.locales`` entry point group (as Babel finds extractors).
A language CLDR knows but no profile describes gets a neutral profile and a
:class:`LocaleFallbackWarning` naming what it lacks: never a silent English.
"""

from __future__ import annotations

import warnings
from functools import cache

from draftkit.errors import DraftkitError
from draftkit.locale.profile import LocaleProfile

__all__ = [
    "LocaleFallbackWarning",
    "LocaleProfile",
    "check_language",
    "known_locales",
    "profile",
    "register_locale",
]

ENTRY_POINT_GROUP = "draftkit.locales"


class LocaleFallbackWarning(UserWarning):
    """A language with no profile: the build goes on with neutral typography."""


_registered: dict[str, LocaleProfile] = {}
_warned: set[str] = set()


def register_locale(locale_profile: LocaleProfile) -> None:
    """Make a profile known in this process (tests, scripts; packages use entry points)."""
    _registered[locale_profile.lang] = locale_profile
    _lookup.cache_clear()


def _builtin() -> dict[str, LocaleProfile]:
    from draftkit.locale.builtin import PROFILES

    return PROFILES


@cache
def _entry_points() -> dict[str, LocaleProfile]:
    from draftkit.plugins import entry_point_values

    return {value.lang: value for value in entry_point_values(ENTRY_POINT_GROUP, LocaleProfile)}


def known_locales() -> dict[str, LocaleProfile]:
    """Every profile available. draftkit's own profiles win over an installed package's
    for the same language (a plugin cannot silently restyle Russian); a profile
    registered in the process wins over both."""
    return {**_entry_points(), **_builtin(), **_registered}


def check_language(lang: str) -> None:
    """Raise :class:`DraftkitError` unless CLDR (through Babel) knows ``lang``."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise DraftkitError(
            f"unknown language {lang!r}", hint="use a CLDR language code such as en, ru or ky"
        ) from exc


@cache
def _lookup(lang: str) -> LocaleProfile | None:
    for table in (_registered, _builtin()):
        found = table.get(lang) or table.get(lang.split("_")[0])
        if found is not None:
            return found
    # Installed packages are asked only for a language draftkit has no profile of, so the
    # usual builds do not pay for scanning every distribution's entry points.
    points = _entry_points()
    return points.get(lang) or points.get(lang.split("_")[0])


def profile(lang: str) -> LocaleProfile:
    """The profile of ``lang``: an error for a code CLDR does not know, a neutral profile
    and a warning for a language no profile describes."""
    check_language(lang)
    found = _lookup(lang)
    if found is not None:
        return found
    if lang in _warned:  # every pass and writer asks: say it once per process
        return LocaleProfile.neutral(lang)
    _warned.add(lang)
    warnings.warn(
        LocaleFallbackWarning(
            f"no typography profile for {lang!r}: neutral quotes “…”, notes after "
            "punctuation, (a) labels and no hyphenation are used; describe the language "
            "in a locale profile (docs/extending.md)"
        ),
        stacklevel=2,
    )
    return LocaleProfile.neutral(lang)

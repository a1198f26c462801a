"""Typography checks of ``draftkit i18n check``: the rules of a language's locale profile a
translation can break (a range with a hyphen, quotation marks nested the wrong way).

They are warnings, as a house style is: ``--strict`` makes them errors, and the flags
``#, ignore-range-dash`` and ``#, ignore-quotes`` silence one entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from draftkit.locale import LocaleProfile

# What is not running text: note references, parameters and URLs (a note id such as
# "[^sendai-2015-2030]" or a URL's "2015-2030" is no range).
_NOT_TEXT = re.compile(
    r"\[\^[^\][\n]*\]|\{[A-Za-z_][A-Za-z0-9_]*\}|(?:https?://|mailto:)[^\s)\]>\"«»]+"
)
# Two numbers joined by a hyphen, and not part of a longer chain: a date (2025-03-04), a
# telephone number (61-12-34) or a document symbol (A/76-300) is no range. A Kyrgyz suffix
# after the range ("2025-2027-жылдары") does not hide it.
_HYPHEN_RANGE = re.compile(r"(?<![\w./\-–])(\d+)-(\d+)(?!\d|-\d|[./]\d)")
_ENGLISH_QUOTES = "“”"


def number_ranges(target: str, locale: LocaleProfile) -> Iterator[str]:
    dash = locale.number_range_dash
    if dash is None:
        return
    for found in _HYPHEN_RANGE.finditer(_NOT_TEXT.sub(" ", target)):
        yield (
            f"a range written with a hyphen: {found[0]!r} "
            f"(write {found[1]}{dash}{found[2]}, with the dash {dash!r})"
        )


def quote_nesting(target: str, locale: LocaleProfile) -> Iterator[str]:
    """«…„…“…» in Russian and Kyrgyz: the outer marks hold the inner ones, never themselves,
    and the inner marks (or English “…”) never stand at the top level."""
    if not locale.quote_nesting_checked:
        return
    (outer_open, outer_close), (inner_open, inner_close) = locale.quotes, locale.inner_quotes
    hint = f"({outer_open}…{inner_open}…{inner_close}…{outer_close})"
    open_marks: list[str] = []
    for char in _NOT_TEXT.sub(" ", target):
        if char == outer_open:
            if outer_open in open_marks:
                yield (
                    f"{outer_open}…{outer_close} inside {outer_open}…{outer_close}: "
                    f"quote inside a quotation with {inner_open}…{inner_close} {hint}"
                )
                return
            open_marks.append(char)
        elif char == outer_close and open_marks and open_marks[-1] == outer_open:
            open_marks.pop()
        elif char == inner_open:
            if not open_marks:
                yield (
                    f"{inner_open}…{inner_close} at the top level: "
                    f"{outer_open}…{outer_close} come first {hint}"
                )
                return
            open_marks.append(char)
        elif char == inner_close and open_marks and open_marks[-1] == inner_open:
            open_marks.pop()
        elif char in _ENGLISH_QUOTES:  # a “ that closes no „ is an English mark too
            yield f"English quotation marks {char!r}: use {outer_open}…{outer_close} {hint}"
            return


# Check id → rule; each rule yields its messages for one translated text.
RULES = {"range-dash": number_ranges, "quotes": quote_nesting}

"""Any inline markup parses or is a MarkupError (which callers give a file and line)."""

from __future__ import annotations

from hypothesis import example, given

from draftkit.library.markup import MarkupError, parse, placeholders, substitute
from tests.property.strategies import MARKUP


@given(source=MARKUP)
@example(source="*" * 500 + "a" + "*" * 500)
@example(source="_a " * 300 + "x" + " a_" * 300)
@example(source="[a](https://e.org/" * 300)
@example(source="[" * 300 + "a" + "](https://e.org)" * 300)
@example(source="[^" * 1000)
@example(source="[^a[b]] [^en:] [^fn:x] \\[^ {x} \\{x\\}")
@example(source="[x](https://e.org/" + "a/" * 2000 + ")")
def test_markup_parses_or_is_a_markup_error(source: str) -> None:
    try:
        inlines = parse(source)
    except MarkupError as error:
        assert str(error)
        return
    names = list(placeholders(inlines))
    substitute(inlines, {name: "*{x}*" for name in names})

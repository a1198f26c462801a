from __future__ import annotations

import pytest

from draftkit.library.markup import MarkupError, parse, placeholders, substitute
from draftkit.model import Emph, Link, NoteRef, Strong, Text


def test_emphasis_strong_links_and_notes() -> None:
    inlines = parse("See *this* and **that** at [UN](https://un.org).[^sdg] Then[^en:nap-1325]")
    assert inlines == [
        Text("See "),
        Emph([Text("this")]),
        Text(" and "),
        Strong([Text("that")]),
        Text(" at "),
        Link("https://un.org", [Text("UN")]),
        Text("."),
        NoteRef("sdg", "footnote"),
        Text(" Then"),
        NoteRef("nap-1325", "endnote"),
    ]


def test_html_is_text() -> None:
    assert parse("<script>alert(1)</script> &amp;") == [Text("<script>alert(1)</script> &amp;")]


@pytest.mark.parametrize(
    "source", ["[x](file:///etc/passwd)", "[x](javascript:alert(1))", "[x](/etc/passwd)"]
)
def test_links_other_than_web_and_mail_are_refused(source: str) -> None:
    with pytest.raises(MarkupError, match="not an http"):
        parse(source)


def test_bad_note_id_is_refused() -> None:
    with pytest.raises(MarkupError, match=r"\[\^Bad Id\]"):
        parse("text[^Bad Id]")


def test_parameters_are_filled_as_plain_text() -> None:
    inlines = parse("In **{country}**, {forum}")
    assert sorted(placeholders(inlines)) == ["country", "forum"]
    filled = substitute(inlines, {"country": "*Kyrgyzstan*", "forum": "<b>F</b>"})
    assert filled == [Text("In "), Strong([Text("*Kyrgyzstan*")]), Text(", <b>F</b>")]

"""The word diff never fails and its spans rebuild both texts, token for token."""

from __future__ import annotations

import re
import warnings
from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st

from draftkit.diff import words
from draftkit.diff.words import ComparedWholeWarning, diff_tokens, side, similarity, tokenize
from draftkit.model.nodes import Emph, Inline, Link, NoteRef, Strong, Text
from tests.property.strategies import TEXT

WORDS = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "the",
            "a",
            " ",
            "Republic",
            "теңчилик",
            "ң",
            ".",
            ",",
            "—",
            "women's",
            "пост-кризисный",
            "\n",
            "  ",
            "1325",
        ]
    ),
)
LEAVES = st.one_of(
    WORDS.map(Text),
    st.builds(
        NoteRef,
        st.sampled_from(["sdg", "nap-1325", "x"]),
        st.sampled_from(["footnote", "endnote"]),
    ),
)


def _formatted(inner: st.SearchStrategy[Inline]) -> st.SearchStrategy[Inline]:
    return st.one_of(
        st.lists(inner, max_size=3).map(Emph),
        st.lists(inner, max_size=3).map(Strong),
        st.builds(
            Link, st.sampled_from(["https://e.org", "mailto:a@b.org"]), st.lists(inner, max_size=3)
        ),
    )


INLINES = st.recursive(LEAVES, _formatted, max_leaves=8)
RUN = st.lists(INLINES, max_size=25)


@st.composite
def edited(draw: st.DrawFn) -> tuple[list[Inline], list[Inline]]:
    """An old run and a new one made from it by deleting, inserting and moving pieces
    (unrelated texts have nothing to match)."""
    old = draw(RUN)
    new = list(old)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(new)))
        choice = draw(st.sampled_from(["insert", "delete", "move"]))
        if choice == "insert":
            new.insert(at, draw(INLINES))
        elif new and at < len(new):
            piece = new.pop(at)
            if choice == "move":
                new.insert(draw(st.integers(0, len(new))), piece)
    return old, new


def check_rebuilds(old: list[Inline], new: list[Inline]) -> None:
    a, b = tokenize(old), tokenize(new)
    spans = diff_tokens(a, b)
    assert [t.key for t in side(spans, "old")] == [t.key for t in a]
    assert [t.key for t in side(spans, "new")] == [t.key for t in b]
    for span in spans:
        assert span.tokens, "no empty span"
        span.text  # noqa: B018 - a span's text is what the reports print
    assert 0.0 <= similarity(a, b) <= 1.0


@given(pair=edited())
@example(pair=([Text("a b c")], [Text("a c b")]))
@example(pair=([Text("\x00 \u202e ң")], []))
def test_word_diff_rebuilds_both_sides(pair: tuple[list[Inline], list[Inline]]) -> None:
    check_rebuilds(*pair)


@given(pair=edited())
def test_word_diff_rebuilds_both_sides_when_cut_at_anchors(
    pair: tuple[list[Inline], list[Inline]],
) -> None:
    # The bound that sends long texts to the anchor cutting, made small enough that short
    # generated texts take that path and the replaced-whole fallback too.
    with (
        mock.patch.object(words, "STRETCH_PAIRS", 12),
        mock.patch.object(words, "PAIRS_PER_TOKEN", 1),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore", ComparedWholeWarning)
        check_rebuilds(*pair)


@given(text=TEXT)
def test_tokens_are_the_text_with_spaces_folded(text: str) -> None:
    tokens = tokenize([Text(text)])
    rebuilt = "".join(t.text for t in tokens)
    assert rebuilt == re.sub(r"\s+", " ", text)

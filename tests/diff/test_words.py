"""Word-level differences: tokens, Cyrillic, note calls, how changes are grouped."""

from draftkit.diff.words import diff_tokens, tokenize
from draftkit.library.markup import parse


def ops(old: str, new: str) -> list[tuple[str, str]]:
    spans = diff_tokens(tokenize(parse(old)), tokenize(parse(new)))
    return [(s.op, s.text) for s in spans]


def test_kyrgyz_words_are_whole_tokens() -> None:
    words = [t.text for t in tokenize(parse("теңчилик, өнүгүү ң ө ү!")) if t.text.strip()]
    assert words == ["теңчилик", ",", "өнүгүү", "ң", "ө", "ү", "!"]


def test_a_changed_cyrillic_word_is_one_change_and_punctuation_stays() -> None:
    assert ops("гендердик теңчилик үчүн.", "гендердик теңдик үчүн.") == [
        ("equal", "гендердик "),
        ("delete", "теңчилик"),
        ("insert", "теңдик"),
        ("equal", " үчүн."),
    ]


def test_quotes_and_dashes_are_tokens_of_their_own() -> None:
    assert ops("форум «Аялдар» — 2025", "форум «Аялдар» – 2025") == [
        ("equal", "форум «Аялдар» "),
        ("delete", "—"),
        ("insert", "–"),
        ("equal", " 2025"),
    ]


def test_adjacent_word_changes_read_as_one_stretch() -> None:
    # One deletion and one insertion, not a change per word (git's word diff reads so).
    assert ops("the Kyrgyz Republic shall", "Kyrgyzstan will") == [
        ("delete", "the Kyrgyz Republic shall"),
        ("insert", "Kyrgyzstan will"),
    ]


def test_note_calls_compare_by_source_and_series() -> None:
    assert ops("text.[^sdg]", "text.[^sdg]") == [("equal", "text.[^sdg]")]
    assert ops("text.[^sdg]", "text.[^en:sdg]") == [
        ("equal", "text."),
        ("delete", "[^sdg]"),
        ("insert", "[^en:sdg]"),
    ]


def test_emphasis_is_part_of_a_word() -> None:
    assert ops("a *key* role", "a key role") == [
        ("equal", "a "),
        ("delete", "key"),
        ("insert", "key"),
        ("equal", " role"),
    ]

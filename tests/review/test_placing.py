"""Mapping an edit of the text a reader sees back into the clause's markup."""

from __future__ import annotations

import pytest

from draftkit.review.apply import target_text
from draftkit.review.compare import ParagraphReview
from draftkit.review.placing import Unplaced, place
from draftkit.review.reader import NOTE_CALL


def test_words_inside_and_around_markup() -> None:
    source = "the *key* role of [women](https://example.org) in {country}.[^sdg]"
    built = f"the key role of women in Kyrgyzstan.{NOTE_CALL}"
    new = place([source], built, f"the key role of all women in Kyrgyzstan.{NOTE_CALL}")
    assert new == ["the *key* role of all [women](https://example.org) in {country}.[^sdg]"]
    new = place([source], built, "the central role of women in Kyrgyzstan.")
    assert new == ["the *central* role of [women](https://example.org) in {country}."]


def test_lead_and_text_each_keep_their_field() -> None:
    new = place(
        ["Recognizing", "the role of women"],
        "Recognizing the role of women",
        "Recognizing also the role of young women",
    )
    # Words typed between the lead and the text go to the text (the lead is set apart).
    assert new == ["Recognizing", "also the role of young women"]


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("held in Osh today", "the value of {city}"),
        (f"held in Bishkek{NOTE_CALL} today", "a note call was added"),
    ],
)
def test_what_cannot_be_placed(target: str, reason: str) -> None:
    with pytest.raises(Unplaced, match=reason.replace("{", r"\{").replace("}", r"\}")):
        place(["held in {city} today"], "held in Bishkek today", target)


def test_literal_markup_characters_are_escaped() -> None:
    assert place(["a b"], "a b", "a *b*") == [r"a \*b\*"]


def test_accept_tracked_replays_tracked_changes_on_the_built_text() -> None:
    entry = ParagraphReview(
        None,
        "operative",
        "changed",
        built="support the women of the region",
        original="support the women of the whole region",  # an untracked edit
        accepted="support all the women of the whole region",  # and a tracked one
    )
    assert target_text(entry, "all") == "support all the women of the whole region"
    assert target_text(entry, "none") == "support the women of the whole region"
    assert target_text(entry, "tracked") == "support all the women of the region"

"""Clauses written the same on both sides are paired by their text and not parsed: the
result must be what parsing everything gives."""

from __future__ import annotations

from pathlib import Path

from draftkit.diff.clauses import compare_clause_sets
from draftkit.diff.sides import clause_files, folder_side, load_clauses, load_sides, split_items
from tests.diff.helpers import FIXTURES


def test_items_split_at_the_sequence_indent_only() -> None:
    text = (
        "# comment\n"
        "clauses:\n"
        "  - id: a\n"
        "    text: >-\n"
        "      - not an item: deeper than the sequence\n"
        "\n"
        "  - id: b\n"
        "    text: x\n"
    )
    assert split_items(text) == [
        (3, "  - id: a\n    text: >-\n      - not an item: deeper than the sequence\n\n"),
        (7, "  - id: b\n    text: x\n"),
    ]


def test_other_layouts_are_parsed_whole() -> None:
    assert split_items("clauses: [{id: a, kind: paragraph, text: x}]\n") is None
    assert split_items("clauses:\n  - &x\n    id: a\n") is None  # an anchor
    assert split_items("clauses:\n  - id: a\n    text: *x\n") is None  # an alias
    assert split_items("clauses:\n\t- id: a\n") is None
    assert split_items("other: 1\nclauses:\n  - id: a\n") is None


def test_fast_path_gives_the_same_diff_as_parsing_everything(monkeypatch) -> None:
    monkeypatch.chdir(FIXTURES)
    old, new = folder_side("old", Path("v1")), folder_side("new", Path("v2"))
    full = compare_clause_sets(
        load_clauses(old, clause_files(old)), load_clauses(new, clause_files(new))
    )
    a, b, identical = load_sides(old, new)
    fast = compare_clause_sets(a, b, identical=identical)
    # Only what differs was parsed (a report parses a moved clause when it shows it).
    assert [p.parsed or q.parsed for p, q in identical] == [False, False]
    assert fast.summary() == full.summary()
    assert [(c.kind, c.id, c.moved) for c in fast.changes] == [
        (c.kind, c.id, c.moved) for c in full.changes
    ]
    assert [(p.clause.id, q.clause.id) for p, q in identical] == [
        ("stays-put", "stays-put"),
        ("moves-down", "moves-down"),
    ]

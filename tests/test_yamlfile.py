"""The YAML layer: YAML 1.2 core values, lines, and only plain data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from draftkit.errors import InputError
from draftkit.yamlfile import load_yaml

PATH = Path("x.yaml")


def test_yaml_1_2_values_and_lines() -> None:
    root = load_yaml(PATH, "a: no\nb: yes\nc: 2025-03-04\nd: 012\ne: [on, off]\nf: null\n")
    assert root.get("a").value == "no" and root.get("b").value == "yes"  # not booleans
    assert root.get("c").value == date(2025, 3, 4)
    assert root.get("e").value == ["on", "off"] and root.get("f").value is None
    assert [root.get(k).line for k in "abcdef"] == [1, 2, 3, 4, 5, 6]
    items = load_yaml(PATH, "x:\n  - 1\n  - id: a\n    text: b\n").get("x").elements()
    assert [e.line for e in items] == [2, 3]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: &x hello\nb: *x\n", "anchors and aliases", 2),
        ("base: {k: 1}\nother:\n  <<: {k: 2}\n", "merge keys", 3),
        ("a: !custom 1\n", "YAML tag !custom is not allowed", 1),
        ("a: !!binary aGk=\n", "YAML tag !!binary is not allowed", 1),
        ("a: 1\na: 2\n", 'found duplicate key "a"', 2),
    ],
)
def test_only_plain_data(text: str, message: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(PATH, text)
    assert message in caught.value.message and caught.value.line == line


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(InputError, match="aliases"):
        load_yaml(PATH, bomb)

"""A mapping key YAML would read as a number, null, boolean or date is a name like any
other: an unknown field at its line, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli.helpers import Project, assert_fails_cleanly, line_of

PLACES = {
    "clauses/x.yaml": "    kind: preambular\n",
    "sources.yaml": "    publisher: United Nations\n",
    "documents/d.yaml": "forum: Test Forum\n",
}


@pytest.mark.parametrize("key", ["1", "~", "true", "2025-01-01", "1.5", "0x1F"])
@pytest.mark.parametrize("name", sorted(PLACES))
def test_an_odd_key_is_an_unknown_field_at_its_line(
    project: Callable[..., Project], name: str, key: str
) -> None:
    p = project()
    anchor = PLACES[name]
    indent = anchor[: len(anchor) - len(anchor.lstrip())]
    text = p.edit(name, anchor, f"{anchor}{indent}{key}: x\n")
    result = p.run("check")
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {name}:{line_of(text, f'{key}: x')}: "), lines[0]
    assert f"'{key}'" in lines[0]

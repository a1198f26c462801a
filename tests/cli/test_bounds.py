"""Markup nested deeper than a drafter would write is an error at the clause's line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli.helpers import Project, assert_fails_cleanly, line_of

CLAUSE_TEXT = "text: all partners to act in {city}, in particular"


def nested(depth: int) -> str:
    marks = ["**" if i % 2 == 0 else "*" for i in range(depth)]
    opening = "".join(f"{m}w{i} " for i, m in enumerate(marks))
    return opening + "core" + "".join(reversed(marks))


@pytest.mark.parametrize("command", [("check",), ("build", "-f", "html")])
def test_markup_nested_hundreds_deep_is_refused_at_its_line(
    project: Callable[..., Project], command: tuple[str, ...]
) -> None:
    p = project()
    text = p.edit("clauses/x.yaml", CLAUSE_TEXT, f"text: '{nested(400)}'")
    lines = assert_fails_cleanly(p.run(*command))
    assert len(lines) == 1
    assert lines[0].startswith(f"error: clauses/x.yaml:{line_of(text, 'w399')}: "), lines[0]
    assert "nested more than 16 deep" in lines[0]


def test_markup_a_few_levels_deep_builds(project: Callable[..., Project]) -> None:
    p = project()
    p.edit("clauses/x.yaml", CLAUSE_TEXT, f"text: '{nested(3)}'")
    result = p.run("build", "-f", "html")
    assert result.returncode == 0, result.stderr
    html = (p.root / "build/en/d.html").read_text("utf-8")
    assert "<strong>w0 <em>w1 <strong>w2 core</strong></em></strong>" in html

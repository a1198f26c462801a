"""``draftkit i18n check`` holds Russian and Kyrgyz translations to their locale profile's
typography: a range takes an en dash (2025–2027), quotation marks nest «…„…“…»."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from draftkit.i18n.typography import number_ranges, quote_nesting
from draftkit.locale import profile
from tests.i18n.conftest import Starter

SOURCE = "the work plan for 2025–2027 and the report “Voices” ({n})"

# A translation per case, of the same source in clauses work-plan-0, -1, …
FLAGGED = [
    (
        "ky",
        "2025-2027-жылдарга иш планын жана «Үндөр» баяндамасын ({n})",
        "range-dash",
        "2025–2027",
    ),
    ("ru", "план работы на 2025-2027 годы и доклад «Голоса» ({n})", "range-dash", "2025–2027"),
    ("ru", "план работы на 2025–2027 годы и доклад «Голоса «Оша»» ({n})", "quotes", "«…» inside"),
    ("ky", "2025–2027-жылдарга иш планын жана „Үндөр“ баяндамасын ({n})", "quotes", "top level"),
    ("ru", "план работы на 2025–2027 годы и доклад “Голоса” ({n})", "quotes", "English"),
]
ACCEPTED = [
    ("ky", "2025–2027-жылдарга иш планын жана «Үндөр „Ош“» баяндамасын ({n})"),
    ("ru", "план работы на 2025–2027 годы и доклад «Голоса „Оша“» ({n})"),
]


def _translated(starter: Starter, cases: list[tuple[str, str]]) -> list[int]:
    """The starter project with one clause per case, each case's translation in its
    language's catalog, and the line of each clause's msgid there."""
    clauses = "".join(
        f"  - id: work-plan-{n}\n    kind: preambular\n    lead: Noting\n"
        f'    text: "{SOURCE.format(n=n)}"\n'
        for n in range(len(cases))
    )
    (starter.root / "clauses" / "plan.yaml").write_text("clauses:\n" + clauses, encoding="utf-8")
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    lines = []
    for lang in ("ru", "ky"):
        table = {
            SOURCE.format(n=n): text.format(n=n)
            for n, (code, text) in enumerate(cases)
            if code == lang
        }
        starter.translate(lang, table, default=f"{lang.upper()} ")
    for n, (lang, _text) in enumerate(cases):
        with starter.po(lang).open("rb") as fh:
            lines.append(read_po(fh).get(SOURCE.format(n=n), context=f"work-plan-{n}").lineno)
    return lines


def test_check_warns_and_strict_refuses(starter: Starter) -> None:
    lines = _translated(starter, [(lang, text) for lang, text, _check, _said in FLAGGED])
    result = starter.run("i18n", "check")
    assert result.returncode == 0, result.stderr
    strict = starter.run("i18n", "check", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    for line, (lang, _text, check, said) in zip(lines, FLAGGED, strict=True):
        where = f"locales/{lang}/LC_MESSAGES/messages.po:{line}: [{lang}] {check}:"
        warning = next(t for t in result.stderr.splitlines() if where in t)
        assert warning.startswith("warning: ") and said in warning
        assert f"error: {where}" in strict.stderr


def test_check_accepts_the_profile_typography_and_a_flag(starter: Starter) -> None:
    hyphen = ("ru", "план работы на 2025-2027 годы и доклад «Голоса» ({n})")
    lines = _translated(starter, [*ACCEPTED, hyphen])
    po = starter.po("ru")
    text = po.read_text(encoding="utf-8").splitlines(keepends=True)
    text.insert(lines[-1] - 2, "#, ignore-range-dash\n")  # above the entry's msgctxt
    po.write_text("".join(text), encoding="utf-8")
    result = starter.run("i18n", "check", "--strict")
    # The other entries are the source with a prefix: their English “…” are flagged.
    flagged = [f"messages.po:{line}: " for line in lines]
    assert not [t for t in result.stderr.splitlines() if any(f in t for f in flagged)]
    assert "range-dash" not in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "от 2025-03-04",  # a date
        "1325-резолюция, {year}-жылы, 2019-жылдагы",  # Kyrgyz suffixes after a number
        "тел. 61-12-34",  # a chain of numbers
        "A/76-300 and https://example.org/2015-2030",  # a symbol, a URL
        "[^sendai-2015-2030]",  # a note reference
    ],
)
def test_hyphens_that_are_no_range(text: str) -> None:
    assert list(number_ranges(text, profile("ky"))) == []


def test_english_is_not_held_to_russian_rules() -> None:
    assert list(number_ranges("2025-2027", profile("en"))) == []
    assert list(quote_nesting("“a ‘b’ c” and ‘d’", profile("en"))) == []

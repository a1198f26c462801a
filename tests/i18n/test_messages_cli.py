"""What the i18n commands and a translated build tell the user: counts that agree, one
summary line per locale, and PO files rewritten only when their content changes."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from tests.i18n.conftest import Starter


def entries(starter: Starter, lang: str) -> int:
    with starter.po(lang).open("rb") as fh:
        return len([m for m in read_po(fh) if m.id])


def prepared(starter: Starter) -> Starter:
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    return starter


def test_strict_and_incomplete_builds_count_the_same_texts(starter: Starter) -> None:
    prepared(starter).translate("ru", {"Reaffirming": "Вновь подтверждая"})
    strict = starter.run("build", "--lang", "ru", "-f", "html")
    assert strict.returncode == 1
    refused = re.search(
        r"(\d+) text\(s\) of resolution\.yaml have no ru translation", strict.stderr
    )
    assert refused, strict.stderr
    listed = [
        line for line in strict.stderr.splitlines() if re.search(r": (untranslated|fuzzy)\b", line)
    ]
    assert len(listed) == int(refused[1])

    draft = starter.run("build", "--lang", "ru", "-f", "html", "--allow-incomplete")
    assert draft.returncode == 0, draft.stderr
    left = re.search(r"draft translation: (\d+) text\(s\) have no ru translation", draft.stderr)
    assert left, draft.stderr
    assert left[1] == refused[1], (strict.stderr, draft.stderr)


def test_check_summarises_untranslated_entries_per_locale(starter: Starter) -> None:
    prepared(starter).translate("ru", {"Reaffirming": "Вновь подтверждая"})
    ru, ky = entries(starter, "ru") - 1, entries(starter, "ky")

    result = starter.run("i18n", "check")
    assert result.returncode == 0, result.stderr  # work in progress, not an error
    assert result.stderr.splitlines() == [
        f"ru: {ru} untranslated (draftkit i18n status; --verbose lists them)",
        f"ky: {ky} untranslated (draftkit i18n status; --verbose lists them)",
    ]
    assert result.stdout == "ok: 2 catalog(s) checked, no errors\n"

    verbose = starter.run("i18n", "check", "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    lines = verbose.stderr.splitlines()
    assert len([x for x in lines if x.startswith("warning: locales/ru/")]) == ru
    assert len([x for x in lines if x.startswith("warning: locales/ky/")]) == ky
    assert any(
        re.fullmatch(
            r"warning: locales/ky/LC_MESSAGES/messages\.po:\d+: \[ky\] untranslated: "
            r"no translation yet: 'Reaffirming'",
            x,
        )
        for x in lines
    ), lines
    assert lines[-2:] == [
        f"ru: {ru} untranslated (draftkit i18n status)",
        f"ky: {ky} untranslated (draftkit i18n status)",
    ]

    strict = starter.run("i18n", "check", "--strict")
    assert strict.returncode == 1
    assert f"error: {ru + ky} translation problem(s)" in strict.stderr

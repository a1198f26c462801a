"""What the i18n commands and a translated build tell the user: counts that agree, one
summary line per locale, and PO files rewritten only when their content changes."""

from __future__ import annotations

import difflib
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


WRAPPED = (
    'msgstr ""\n'
    '"всех партнёров обеспечить полноценное и эффективное участие женщин "\n'
    '"в принятии решений на всех уровнях, "\n'
    '"в частности:"\n'
)


def test_update_keeps_a_translators_file_byte_for_byte(starter: Starter) -> None:
    prepared(starter)
    po = starter.po("ru")
    text = po.read_text(encoding="utf-8")
    # a translation wrapped by hand (Babel would wrap it at 79 columns) and a header
    # line from the translator's editor
    anchor = '"decision-making at all levels, in particular:"\nmsgstr ""\n'
    assert text.count(anchor) == 1
    text = text.replace(anchor, anchor.replace('msgstr ""\n', WRAPPED))
    text = text.replace('"Generated-By:', '"X-Generator: Poedit 3.4\\n"\n"Generated-By:')
    po.write_text(text, encoding="utf-8")
    total = entries(starter, "ru")
    before = po.read_bytes()

    again = starter.run("i18n", "update", check=True)
    assert (
        f"unchanged locales/ru/LC_MESSAGES/messages.po: 0 new, 0 newly fuzzy, "
        f"0 newly obsolete, {total} unchanged: nothing written"
    ) in again.stdout
    assert po.read_bytes() == before

    # a clause changes: its entry is replaced, every other one stays as it was written
    clauses = starter.root / "clauses" / "starter.yaml"
    clauses.write_text(clauses.read_text().replace("in one year", "in two years"))
    starter.run("i18n", "extract", check=True)
    changed = starter.run("i18n", "update", check=True)
    assert (
        f"updated locales/ru/LC_MESSAGES/messages.po: 1 new, 0 newly fuzzy, "
        f"1 newly obsolete, {total - 1} unchanged\n"
    ) in changed.stdout
    after = po.read_text(encoding="utf-8")
    assert WRAPPED in after and '"X-Generator: Poedit 3.4\\n"' in after
    assert 'msgid "to meet again in two years to review progress."' in after
    assert '#~ msgid "to meet again in one year to review progress."' in after
    # the file is the old one with the one entry changed and the obsolete one added
    old_lines, new_lines = before.decode("utf-8").splitlines(), after.splitlines()

    diff = [
        line
        for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff.count("+") == 1  # the blank line before the obsolete entry
    assert [line for line in diff if line != "+"] == [
        '-msgid "to meet again in one year to review progress."',
        '+msgid "to meet again in two years to review progress."',
        '+#~ msgctxt "decides-to-follow-up"',
        '+#~ msgid "to meet again in one year to review progress."',
        '+#~ msgstr ""',
    ], diff

"""A reviewed Russian or Kyrgyz DOCX updates that language's catalog entry (the msgstr of
the clause's message), keeps every other line of the catalog, and never touches the
English clause; the rebuilt document reads the reviewer's text."""

from __future__ import annotations

import difflib
from pathlib import Path

import docx
import pytest

from tests.review.helpers import build_docx, copy_project, draftkit, snapshot
from tests.review.wordform import WordEdit

EDITS = {
    # lang: (a word retyped with tracking off, a tracked insertion after a phrase)
    "ru": (("конкретные шаги", "практические шаги"), ("Мы убеждены", " твёрдо")),
    "ky": (("конкреттүү кадамдарды", "практикалык кадамдарды"), ("Бул резолюция", " чындыгында")),
}


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_translation_reviewed(lang: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (old, new), (after, inserted) = EDITS[lang]
    edit = WordEdit(build_docx(project, lang))
    edit.retype(old, new)
    edit.insert(after, inserted)
    path = edit.save(tmp_path / f"reviewed-{lang}.docx")
    before = snapshot(project)
    result = draftkit("review", path, "--apply", cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"apply: messages.po: clause 'collective-commitment' ({lang})" in result.stdout
    after_files = snapshot(project)
    catalog = f"locales/{lang}/LC_MESSAGES/messages.po"
    assert {k for k, v in after_files.items() if before.get(k) != v} == {catalog}
    changed = [
        line
        for line in difflib.unified_diff(
            before[catalog].decode().splitlines(),
            after_files[catalog].decode().splitlines(),
            lineterm="",
            n=0,
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    # Only msgstr lines of the one entry: no msgid, comment or header line moved.
    assert changed and all(line[1:].startswith('"') for line in changed), changed
    text = "\n".join(p.text for p in docx.Document(str(build_docx(project, lang))).paragraphs)
    assert new in text
    assert f"{after}{inserted}" in text
    english = "\n".join(p.text for p in docx.Document(str(build_docx(project, "en"))).paragraphs)
    assert "take concrete steps" in english

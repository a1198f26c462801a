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
    # lang: (a word retyped with tracking off, a tracked insertion after a phrase, the
    # title retyped)
    "ru": (
        ("конкретные шаги", "практические шаги"),
        ("Мы убеждены", " твёрдо"),
        ("СОВМЕСТНАЯ РЕЗОЛЮЦИЯ", "СОВМЕСТНАЯ ДЕКЛАРАЦИЯ"),
    ),
    "ky": (
        ("конкреттүү кадамдарды", "практикалык кадамдарды"),
        ("Бул резолюция", " чындыгында"),
        ("БИРГЕЛЕШКЕН РЕЗОЛЮЦИЯСЫ", "БИРГЕЛЕШКЕН ДЕКЛАРАЦИЯСЫ"),
    ),
}


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_translation_reviewed(lang: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (old, new), (after, inserted), (old_title, new_title) = EDITS[lang]
    edit = WordEdit(build_docx(project, lang))
    edit.retype(old, new)
    edit.retype(old_title, new_title)
    edit.insert(after, inserted)
    path = edit.save(tmp_path / f"reviewed-{lang}.docx")
    before = snapshot(project)
    result = draftkit("review", path, "--apply", cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"apply: messages.po: clause 'collective-commitment' ({lang})" in result.stdout
    assert f"apply: messages.po: the document's title ({lang})" in result.stdout
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
    # Only msgstr lines of the two entries: no msgid, comment or header line moved.
    assert changed and all(line[1:].startswith(('"', 'msgstr "')) for line in changed), changed
    assert len([line for line in changed if "msgstr" in line]) == 2
    text = "\n".join(p.text for p in docx.Document(str(build_docx(project, lang))).paragraphs)
    assert new in text and new_title in text
    assert f"{after}{inserted}" in text
    english = "\n".join(p.text for p in docx.Document(str(build_docx(project, "en"))).paragraphs)
    assert "take concrete steps" in english
    assert "FINAL JOINT RESOLUTION OF THE FORUM PARTICIPANTS" in english


def test_a_new_paragraph_in_a_translation_is_not_placed(tmp_path: Path) -> None:
    """The spec's inline paragraphs are in the source language: a paragraph a Russian
    reviewer added is reported, not written into the spec in Russian."""
    project = copy_project(tmp_path / "project")
    edit = WordEdit(build_docx(project, "ru"))
    edit.add_paragraph("конкретные шаги", "Новый абзац рецензента.")
    path = edit.save(tmp_path / "new-ru.docx")
    before = snapshot(project)
    result = draftkit("review", path, "--apply", cwd=project)
    assert result.returncode == 1
    assert "new paragraph: a new paragraph in the ru text" in result.stderr
    assert snapshot(project) == before

"""A built DOCX edited in the form Word writes (tracked insertions and deletions with
rsids, a move, a comment, a paragraph deleted with its mark, an edit made with tracking
off), then ``review``, ``review --apply`` and ``build``: the outputs carry the changes."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import docx
import pytest
import yaml

from tests.review.helpers import SPEC, build_docx, copy_project, draftkit, snapshot
from tests.review.wordform import WordEdit


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("word-form") / "project")
    edit = WordEdit(build_docx(project))
    edit.delete(" through education, development and entrepreneurship")
    edit.insert("initiatives to economically empower women", " and girls")
    edit.move("UN Security Council ", "Resolution and involve women", within="promoting UN")
    edit.comment("Universal Periodic Review", "Cite the 2025 UPR cycle.", author="Aida")
    edit.delete_paragraph("support lobbying for the")
    edit.retype("concrete steps", "practical steps")
    edit.retype("FINAL JOINT RESOLUTION", "FINAL JOINT DECLARATION")
    path = edit.save(project.parent / "reviewed.docx")
    return project, path


def _entries(project: Path, path: Path) -> dict[str, dict]:
    result = draftkit("review", path, "-f", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["document"] == SPEC
    return {e["origin"] or "new": e for e in data["paragraphs"]}


def test_review_names_each_change_by_clause(reviewed: tuple[Path, Path]) -> None:
    project, path = reviewed
    entries = _entries(project, path)
    support = entries["clause:support-womens-economic-empowerment"]
    assert [(t["kind"], t["text"], t["author"]) for t in support["tracked"]] == [
        ("ins", " and girls", "Word Reviewer"),
        ("del", " through education, development and entrepreneurship", "Word Reviewer"),
    ]
    assert support["tracked"][0]["date"] == "2025-03-05T09:30:00Z"
    assert support["untracked"] == []
    moved = entries["clause:promote-unscr-1325-in-strategies"]
    assert {t["kind"] for t in moved["tracked"]} == {"moveFrom", "moveTo"}
    comment = entries["clause:monitor-gender-commitments"]["comments"]
    assert comment == [
        {
            "author": "Aida",
            "date": "2025-03-05T09:30:00Z",
            "text": "Cite the 2025 UPR cycle.",
            "anchored": "Universal Periodic Review",
        }
    ]
    gone = entries["clause:lobby-glacier-law-and-civic-laws"]
    assert (gone["status"], gone["tracked_whole"]) == ("deleted", True)
    closing = entries["clause:collective-commitment"]
    assert closing["tracked"] == []
    assert [w for w in closing["untracked"] if w["op"] != "equal"] == [
        {"op": "delete", "text": "concrete"},
        {"op": "insert", "text": "practical"},
    ]
    assert entries["field:title"]["untracked"][1:3] == [
        {"op": "delete", "text": "RESOLUTION"},
        {"op": "insert", "text": "DECLARATION"},
    ]
    assert len(entries) == 6


def test_terminal_report(reviewed: tuple[Path, Path]) -> None:
    project, path = reviewed
    result = draftkit("review", path, "--no-color", cwd=project)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "clause:support-womens-economic-empowerment" in out
    assert "inserted (Word Reviewer, 2025-03-05T09:30:00Z): ' and girls'" in out
    assert "comment (Aida, 2025-03-05T09:30:00Z) on 'Universal Periodic Review'" in out
    assert "untracked: " in out and "[-concrete-]{+practical+}" in out


def _changed_lines(before: bytes, after: bytes) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(
            before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_apply_then_build(reviewed: tuple[Path, Path]) -> None:
    project, path = reviewed
    before = snapshot(project)
    result = draftkit("review", path, "--apply", cwd=project)
    assert result.returncode == 0, result.stderr
    after = snapshot(project)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {
        "clauses/gender-equality.yaml",
        "clauses/peace-security.yaml",
        "clauses/forum-frame.yaml",
        SPEC,
        "reviews/civic-forum-2025.yaml",
    }
    # Only the changed texts' lines: comments, key order and the other clauses as they were.
    lines = _changed_lines(before[SPEC], after[SPEC])
    assert lines == [
        "-title: FINAL JOINT RESOLUTION OF THE FORUM PARTICIPANTS",
        "+title: FINAL JOINT DECLARATION OF THE FORUM PARTICIPANTS",
        "-  - lobby-glacier-law-and-civic-laws",
    ]
    lines = _changed_lines(before["clauses/forum-frame.yaml"], after["clauses/forum-frame.yaml"])
    assert all(line.startswith(("-      ", "+      ")) for line in lines), lines
    library = yaml.safe_load(after["clauses/gender-equality.yaml"])
    support = next(
        c for c in library["clauses"] if c["id"] == "support-womens-economic-empowerment"
    )
    assert support["text"].startswith(
        "initiatives to economically empower women and girls based on the UN Guiding"
    )
    # The deleted paragraph left the spec; its clause stays in the library.
    assert any(
        b"id: lobby-glacier-law-and-civic-laws" in data
        for name, data in after.items()
        if name.startswith("clauses/")
    )
    notes = yaml.safe_load(after["reviews/civic-forum-2025.yaml"])["reviews"]
    assert [(n["author"], n["origin"], n["anchored"], n["text"]) for n in notes] == [
        (
            "Aida",
            "clause:monitor-gender-commitments",
            "Universal Periodic Review",
            "Cite the 2025 UPR cycle.",
        )
    ]
    # The rebuilt document carries every change.
    text = [p.text for p in docx.Document(str(build_docx(project))).paragraphs]
    joined = "\n".join(text)
    assert "empower women and girls based on" in joined
    assert "through education, development and entrepreneurship" not in joined
    assert "promoting Resolution 1325" in joined
    assert "localize the UN Security Council Resolution and involve women" in joined
    assert "take practical steps" in joined
    assert text[0] == "FINAL JOINT DECLARATION OF THE FORUM PARTICIPANTS"
    assert "support lobbying for the" not in joined
    # The review of the rebuilt document finds nothing left to do.
    rebuilt = draftkit(
        "review", project / "build" / "en" / "civic-forum-2025.docx", "-f", "json", cwd=project
    )
    assert json.loads(rebuilt.stdout)["paragraphs"] == []


def test_changed_clauses_turn_fuzzy_at_the_next_update(reviewed: tuple[Path, Path]) -> None:
    """After test_apply_then_build: the Russian entry of a clause --apply changed is fuzzy
    once the catalogs are updated."""
    from babel.messages.pofile import read_po

    project, _ = reviewed
    for command in (("i18n", "extract"), ("i18n", "update")):
        result = draftkit(*command, cwd=project)
        assert result.returncode == 0, result.stderr
    with (project / "locales/ru/LC_MESSAGES/messages.po").open("rb") as po:
        catalog = read_po(po)
    entries = [m for m in catalog if m.context == "support-womens-economic-empowerment"]
    text = next(m for m in entries if str(m.id).startswith("initiatives"))
    assert "and girls" in text.id and text.fuzzy
    lead = next(m for m in entries if m.id == "Support")
    assert not lead.fuzzy


def test_html_report(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    """One standalone page: no script, nothing loaded, every text escaped."""
    project, path = reviewed
    out = tmp_path / "review.html"
    result = draftkit("review", path, "-f", "html", "-o", out, cwd=project)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "<script" not in page
    assert "clause:support-womens-economic-empowerment" in page
    assert "<ins> and girls</ins>" in page
    assert "Cite the 2025 UPR cycle." in page

"""What ``draftkit diff`` tells its user (issue 11, item 5): what ``-o`` wrote, a loose old
version read against the project of the other side, paragraphs named by part and number
in every report, and each stale translation listed once with its catalog line."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.diff.helpers import diff

REPO = Path(__file__).resolve().parents[2]
SPEC = "documents/civic-forum-2025.yaml"
GBV = "calls-upon-government-prevent-gender-based-violence"
RU_PO = "locales/ru/LC_MESSAGES/messages.po"


def _copy_project(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in ("draftkit.toml", "sources.yaml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("clauses", "locales", "documents"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def _edit(path: Path, *edits: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """old/ and new/: the example project with the gender-based violence clause (items
    (a)-(d)) as operative 3. In new/, the forum's name edited, two preambular paragraphs
    swapped, operative 5 of old (business-csr-action-plans) removed, and words changed in
    the clause's item (c)."""
    root = tmp_path_factory.mktemp("versions")
    for side in ("old", "new"):
        project = _copy_project(root / side)
        _edit(
            project / SPEC,
            (
                "  - include-womens-rights-in-state-programmes\n",
                f"  - include-womens-rights-in-state-programmes\n  - {GBV}\n",
            ),
        )
    _edit(
        root / "new" / SPEC,
        (
            "  - unscr-1325-implementation\n  - womens-forum-2023-recommendations\n",
            "  - womens-forum-2023-recommendations\n  - unscr-1325-implementation\n",
        ),
        ("  - business-csr-action-plans\n", ""),
        ("Gender Inclusion”", "Gender Inclusion and Peace”"),
    )
    _edit(
        root / "new" / "clauses" / "gender-based-violence.yaml",
        ("prosecuted *ex officio*,", "prosecuted *ex officio* without delay,"),
    )
    return root


# -- -o says what it wrote ------------------------------------------------------------------


def test_output_file_says_what_it_wrote(versions: Path, tmp_path: Path) -> None:
    out = tmp_path / "changes.json"
    result = diff(f"old/{SPEC}", f"new/{SPEC}", "--document", "-f", "json", "-o", out, cwd=versions)
    assert result.returncode == 1, result.stderr  # differences, as diff(1)
    data = json.loads(out.read_text(encoding="utf-8"))
    count = len(data["changes"]) + len(data["notes"])
    assert count > 1
    assert result.stdout == f"wrote {out} ({count} changes)\n"
    assert result.stderr == ""

    same = tmp_path / "same.html"
    result = diff(
        f"old/{SPEC}", f"old/{SPEC}", "--document", "-f", "html", "-o", same, cwd=versions
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {same} (no differences)\n"

    text = diff("--help", cwd=versions).stdout
    assert "-o" in text and "say what it wrote" in " ".join(text.split())
    assert "0 no differences, 1 differences, 2 trouble" in " ".join(text.split())


# -- a loose version against the other side's project ---------------------------------------


def test_loose_old_version_is_read_against_the_other_sides_project(
    versions: Path, tmp_path: Path
) -> None:
    loose = tmp_path / "elsewhere" / "civic-forum-2025.yaml"
    loose.parent.mkdir()
    shutil.copy(versions / "new" / SPEC, loose)  # outside any project
    new = versions / "new"
    _edit(new / SPEC, ("  - lobby-glacier-law-and-civic-laws\n", ""))
    try:
        result = diff(loose, SPEC, "--document", "-f", "json", cwd=new)
        assert result.returncode == 1, result.stderr
        data = json.loads(result.stdout)
        assert [(c["kind"], c["id"]) for c in data["changes"]] == [
            ("removed", "lobby-glacier-law-and-civic-laws")
        ]
        # The other way round, and in Russian through the project's catalog.
        back = diff(SPEC, loose, "--document", "--lang", "ru", cwd=new)
        assert back.returncode == 1, back.stderr
        assert "+ added      operative 7 (lobby-glacier-law-and-civic-laws)" in back.stdout
        assert "{+С учётом новых рисков" in back.stdout
    finally:
        shutil.copy(loose, new / SPEC)
    # A loose press release is read as the kind of the other side's file (events/).
    event = tmp_path / "elsewhere" / "civic-forum-2025-release.yaml"
    shutil.copy(REPO / "events" / "civic-forum-2025.yaml", event)
    _edit(event, ("media and activists.", "media, youth and activists."))
    released = diff(event, REPO / "events" / "civic-forum-2025.yaml", "--document", cwd=REPO)
    assert released.returncode == 1, released.stderr
    assert "~ modified   body 1\n" in released.stdout
    assert "media[-, youth-] and activists." in released.stdout
    help_text = " ".join(diff("--help", cwd=versions).stdout.split())
    assert "outside any project is read against the other side's project" in help_text


def test_loose_clause_folder_with_lang(versions: Path, tmp_path: Path) -> None:
    loose = tmp_path / "clauses-v1"
    shutil.copytree(versions / "old" / "clauses", loose)
    result = diff(loose, "clauses", "--lang", "ru", cwd=versions / "new")
    assert result.returncode == 1, result.stderr
    assert f"~ modified   {GBV}" in result.stdout
    neither = diff(loose, tmp_path / "clauses-v1", "--lang", "ru", cwd=tmp_path)
    assert neither.returncode == 2
    assert "not inside a draftkit project" in neither.stderr


# -- paragraphs named by part and number ----------------------------------------------------


def test_every_report_names_paragraphs_by_part_and_number(versions: Path, tmp_path: Path) -> None:
    args = (f"old/{SPEC}", f"new/{SPEC}", "--document")
    terminal = diff(*args, "-U", "3", cwd=versions)
    assert terminal.returncode == 1, terminal.stderr
    text = terminal.stdout
    # A move names both places by part and number, not by the count of lines from the title.
    assert "moved: paragraph" not in text
    assert re.search(r"moved: preambular (3 → preambular 4|4 → preambular 3)\n", text), text
    assert "    renumbered: operative 6 → operative 5\n" in text  # monitor-gender-commitments
    assert "is now" not in text
    assert f"~ modified   operative 3 ({GBV})" in text
    assert "    operative 3 (c): " in text  # the sub-paragraph that changed

    data = json.loads(diff(*args, "-f", "json", cwd=versions).stdout)
    assert data["schema"] == "draftkit-diff/1"
    changes = {c["id"]: c for c in data["changes"]}
    moved = next(c for c in data["changes"] if c["kind"] == "moved")
    assert {moved["old"]["name"], moved["new"]["name"]} == {"preambular 3", "preambular 4"}
    monitor = changes["monitor-gender-commitments"]
    assert (monitor["old"]["name"], monitor["new"]["name"]) == ("operative 6", "operative 5")
    assert changes["business-csr-action-plans"]["old"]["name"] == "operative 5"
    assert [t["name"] for t in changes[GBV]["texts"]] == ["operative 3 (c)"]
    assert changes["subtitle"]["new"]["name"] == "subtitle"

    out = tmp_path / "report.html"
    diff(*args, "-f", "html", "-o", out, cwd=versions)
    html = out.read_text(encoding="utf-8")
    assert "renumbered: operative 6 → operative 5" in html
    assert re.search(r"moved: preambular (3 → preambular 4|4 → preambular 3)<", html)
    assert '<span class="name">operative 3 (c)</span>' in html
    assert "moved: paragraph" not in html and "is now" not in html


# -- stale translations ----------------------------------------------------------------------


def _run(cwd: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "draftkit", *args], cwd=cwd, check=True, capture_output=True
    )


def _po_line(po: Path, context: str, msgid_start: str) -> int:
    """The line of the msgid of the entry (msgctxt ``context``) whose msgid starts so."""
    lines = po.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        if line == f'msgctxt "{context}"':
            start = n + 1
            msgid = "".join(
                re.sub(r'^(msgid )?"|"$', "", lines[k])
                for k in range(start, start + 4)
                if not lines[k].startswith("msgstr")
            )
            if msgid.startswith(msgid_start):
                return start + 1
    raise AssertionError(f"no entry {context} {msgid_start!r}")


def test_stale_translations_listed_once_each_with_its_catalog_line(tmp_path: Path) -> None:
    project = _copy_project(tmp_path / "p")
    shutil.copytree(project / "clauses", project / "clauses-v1")
    po = project / RU_PO
    old_text = _po_line(po, GBV, "the Government of {country} to strengthen the prevention")
    old_item = _po_line(po, GBV, "to ensure that cases of bride kidnapping")
    _edit(
        project / "clauses" / "gender-based-violence.yaml",
        ("to strengthen the prevention", "to strengthen without delay the prevention"),
        ("prosecuted *ex officio*,", "prosecuted *ex officio* without delay,"),
    )
    # The catalog not updated yet: the new texts have no entry; the old texts' entries,
    # where the translations to revise are, are named.
    result = diff("clauses-v1", "clauses", "--lang", "ru", cwd=project)
    assert result.returncode == 1, result.stderr
    stale = result.stdout.split("stale translations")[1]
    assert stale.count(GBV) == 1, stale
    assert ":?" not in stale
    assert f"{RU_PO}:{old_text}  text  untranslated (catalog not updated)" in stale
    assert f"{RU_PO}:{old_item}  item (c)  untranslated (catalog not updated)" in stale

    # After i18n update: the new texts' fuzzy entries.
    _run(project, "i18n", "extract")
    _run(project, "i18n", "update")
    new_text = _po_line(po, GBV, "the Government of {country} to strengthen without delay")
    new_item = _po_line(po, GBV, "to ensure that cases of bride kidnapping")
    result = diff("clauses-v1", "clauses", "--lang", "ru", cwd=project)
    stale = result.stdout.split("stale translations")[1]
    assert stale.count(GBV) == 1, stale
    assert f"{RU_PO}:{new_text}  text  fuzzy" in stale
    assert f"{RU_PO}:{new_item}  item (c)  fuzzy" in stale

    data = json.loads(
        diff("clauses-v1", "clauses", "--lang", "ru", "-f", "json", cwd=project).stdout
    )
    entries = data["stale_translations"]
    assert sorted((e["clause"], e["field"], e["line"]) for e in entries) == [
        (GBV, "item (c)", new_item),
        (GBV, "text", new_text),
    ]
    out = project / "report.html"
    diff("clauses-v1", "clauses", "--lang", "ru", "-f", "html", "-o", out, cwd=project)
    html = out.read_text(encoding="utf-8")
    assert f"{RU_PO}:{new_item}" in html and ":?" not in html

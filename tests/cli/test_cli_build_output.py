"""A failed build writes nothing: previous outputs stay byte-identical, no temporary files.

The starter of ``draftkit new`` is built once (DOCX and PDF) per module; each test copies
that built project, breaks one thing at a different stage of the pipeline, builds again
and compares ``build/`` file by file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import (
    Project,
    assert_fails_cleanly,
    builtin_template,
    line_of,
    replace_once,
)

TITLE_LINE = '<p role="title">{{ doc.title }}</p>'


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_no_stray_files(folder: Path) -> None:
    stray = [p.name for p in folder.rglob("*") if p.name.startswith(".")]
    assert stray == [], f"temporary files left behind: {stray}"


def _break_clause(proj: Project) -> str:
    text = proj.edit(
        "clauses/starter.yaml",
        "    kind: operative\n    lead: Decides",
        "    kind: operational\n    lead: Decides",
    )
    return f"clauses/starter.yaml:{line_of(text, 'kind: operational')}: "


def _break_document(proj: Project) -> str:
    text = proj.edit(
        "documents/resolution.yaml", "  - decides-to-follow-up", "  - decides-to-folow-up"
    )
    return f"documents/resolution.yaml:{line_of(text, 'decides-to-folow-up')}: "


def _break_template(proj: Project) -> str:
    text = replace_once(builtin_template(), TITLE_LINE, '<p role="title">{{ doc.titel }}</p>')
    proj.write("templates/resolution.xml.j2", text)
    return f"templates/resolution.xml.j2:{line_of(text, 'doc.titel')}: "


def _break_template_output(proj: Project) -> str:
    # The template renders, but what it emits is not a valid draftkit document.
    text = replace_once(builtin_template(), TITLE_LINE, '<p role="no-such-role">x</p>')
    proj.write("templates/resolution.xml.j2", text)
    return ""  # reported against the template and the line of its output


def _break_source(proj: Project) -> str:
    text = proj.edit(
        "sources.yaml", "url: https://sdgs.un.org/goals/goal5", "url: file:///etc/passwd"
    )
    return f"sources.yaml:{line_of(text, 'file:///')}: "


@pytest.mark.slow
@pytest.mark.parametrize(
    "breakage",
    [_break_clause, _break_document, _break_template, _break_template_output, _break_source],
    ids=["clause", "document", "template", "template-output", "source"],
)
def test_failed_build_leaves_previous_outputs_untouched(built_starter, breakage):
    out = built_starter.root / "build" / "en"
    before = snapshot(built_starter.root / "build")
    assert set(before) == {"en/resolution.docx", "en/resolution.pdf"}

    where = breakage(built_starter)
    result = built_starter.run("build")

    lines = assert_fails_cleanly(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {where}"), lines
    assert result.stdout == ""
    assert snapshot(built_starter.root / "build") == before
    assert_no_stray_files(out)


@pytest.mark.slow
def test_rebuild_after_fixing_replaces_outputs_without_leftovers(built_starter):
    before = snapshot(built_starter.root / "build")
    built_starter.edit(
        "documents/resolution.yaml",
        "title: RESOLUTION OF THE FORUM PARTICIPANTS",
        "title: FINAL RESOLUTION OF THE FORUM PARTICIPANTS",
    )
    result = built_starter.run("build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "wrote build/en/resolution.docx",
        "wrote build/en/resolution.pdf",
    ]
    after = snapshot(built_starter.root / "build")
    assert set(after) == set(before)
    assert after["en/resolution.docx"][0] != before["en/resolution.docx"][0]
    assert after["en/resolution.pdf"][0] != before["en/resolution.pdf"][0]
    assert_no_stray_files(built_starter.root / "build")


def test_check_writes_nothing(starter):
    result = starter.run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: 4 clauses, 1 sources, 1 documents, 1 organisations, 1 events\n"
    assert not (starter.root / "build").exists()


def _two_documents(starter: Project) -> None:
    good = starter.read("documents/resolution.yaml")
    (starter.root / "documents" / "resolution.yaml").unlink()
    starter.write("documents/a.yaml", good)
    starter.write(
        "documents/b.yaml", replace_once(good, "  - decides-to-follow-up", "  - no-such-clause")
    )


def test_failed_build_of_one_document_reports_it(starter):
    """What works today: the broken document is named, exit 1, no traceback."""
    _two_documents(starter)
    result = starter.run("build", "-f", "html")
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1, lines
    b_spec = starter.read("documents/b.yaml")
    assert lines[0].startswith(
        f"error: documents/b.yaml:{line_of(b_spec, 'no-such-clause')}: "
        "unknown clause id 'no-such-clause'"
    ), lines
    assert not (starter.root / "build" / "en" / "b.html").exists()


def test_failed_build_of_one_document_writes_no_other(starter):
    _two_documents(starter)
    result = starter.run("build", "-f", "html")
    lines = assert_fails_cleanly(result)
    assert lines[0].startswith("error: documents/b.yaml:"), lines
    assert starter.files() == {}, "a failed build wrote outputs"


def test_unwritable_output_fails_cleanly_and_writes_nothing(built_starter):
    out = built_starter.root / "build" / "en"
    (out / "resolution.html").mkdir()
    built_starter.edit(
        "documents/resolution.yaml", "title: RESOLUTION OF THE FORUM PARTICIPANTS", "title: CHANGED"
    )
    before = snapshot(built_starter.root / "build")
    result = built_starter.run("build", "-f", "docx,html")
    lines = assert_fails_cleanly(result)
    assert "build/en/resolution.html" in lines[0], lines
    assert snapshot(built_starter.root / "build") == before
    assert_no_stray_files(out)


def test_output_option_pointing_at_a_file(starter):
    result = starter.run("build", "-f", "html", "-o", "draftkit.toml")
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1 and "draftkit.toml" in lines[0], lines

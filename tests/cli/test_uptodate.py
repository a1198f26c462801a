"""Only what changed is built again; an unchanged project is checked once.

From the user's side: the CLI's messages, the files in build/, and the exit status.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.cli.helpers import Project, assert_fails_cleanly

BUILD = ("build", "-f", "docx,html")


def wrote(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stdout.splitlines() if line.startswith("wrote ")]


def up_to_date(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stdout.splitlines() if line.startswith("up to date: ")]


def built(project: Project) -> dict[str, float]:
    return {
        str(p.relative_to(project.root)): p.stat().st_mtime_ns
        for p in (project.root / "build").rglob("*.*")
        if not p.name.startswith(".")
    }


def test_a_second_build_renders_nothing(project: Callable[..., Project]) -> None:
    p = project()
    first = p.run(*BUILD)
    assert first.returncode == 0, first.stderr
    assert len(wrote(first)) == 2
    before = built(p)

    second = p.run(*BUILD)
    assert second.returncode == 0, second.stderr
    assert wrote(second) == []
    assert sorted(up_to_date(second)) == [
        "up to date: build/en/d.docx",
        "up to date: build/en/d.html",
    ]
    assert built(p) == before  # not even rewritten


def test_an_edited_input_is_built_again(project: Callable[..., Project]) -> None:
    p = project()
    assert p.run(*BUILD).returncode == 0
    p.edit("clauses/x.yaml", "all partners to act", "all partners to work")
    result = p.run(*BUILD)
    assert result.returncode == 0, result.stderr
    assert len(wrote(result)) == 2
    assert "all partners to work" in (p.root / "build/en/d.html").read_text("utf-8")


def test_each_input_folder_counts(project: Callable[..., Project]) -> None:
    p = project()
    assert p.run(*BUILD).returncode == 0
    for name in ("sources.yaml", "documents/d.yaml", "draftkit.toml"):
        with (p.root / name).open("a", encoding="utf-8") as handle:
            handle.write("\n# touched\n")
        assert wrote(p.run(*BUILD)), f"an edit of {name} did not rebuild"
    p.write("templates/README.txt", "a new file in templates/")
    assert wrote(p.run(*BUILD)), "a new template file did not rebuild"


def test_an_edited_or_deleted_output_is_built_again(project: Callable[..., Project]) -> None:
    p = project()
    assert p.run(*BUILD).returncode == 0
    html = p.root / "build/en/d.html"
    html.write_text("edited by hand", encoding="utf-8")
    result = p.run(*BUILD)
    assert wrote(result) == ["wrote build/en/d.docx", "wrote build/en/d.html"]
    assert "edited by hand" not in html.read_text("utf-8")
    (p.root / "build/en/d.docx").unlink()
    assert len(wrote(p.run(*BUILD))) == 2


def test_force_and_other_options_build(project: Callable[..., Project]) -> None:
    p = project()
    assert p.run(*BUILD).returncode == 0
    assert len(wrote(p.run(*BUILD, "--force"))) == 2
    assert wrote(p.run("build", "-f", "docx")) == ["wrote build/en/d.docx"]
    assert wrote(p.run(*BUILD, "-o", "elsewhere")) == [
        "wrote elsewhere/en/d.docx",
        "wrote elsewhere/en/d.html",
    ]


def test_a_failed_build_records_nothing(project: Callable[..., Project]) -> None:
    p = project()
    assert p.run(*BUILD).returncode == 0
    good = p.read("clauses/x.yaml")
    p.edit("clauses/x.yaml", "kind: operative", "kind: [operative")
    assert_fails_cleanly(p.run(*BUILD))
    p.write("clauses/x.yaml", good)
    # Back to the inputs of the published outputs: nothing to do.
    assert wrote(p.run(*BUILD)) == []


def test_check_is_remembered_until_an_input_changes(project: Callable[..., Project]) -> None:
    p = project()
    first = p.run("check")
    assert first.returncode == 0, first.stderr
    again = p.run("check")
    assert again.returncode == 0 and again.stdout == first.stdout

    p.edit("documents/d.yaml", "- calls-upon", "- no-such-clause")
    broken = p.run("check")
    lines = assert_fails_cleanly(broken)
    assert any("no-such-clause" in line for line in lines)
    assert p.run("check").returncode == 1  # a failure is never remembered

    p.edit("documents/d.yaml", "- no-such-clause", "- calls-upon")
    assert p.run("check").stdout == first.stdout
    assert p.run("check", "--no-cache").stdout == first.stdout


def test_an_unwritable_cache_costs_only_the_rebuild(
    project: Callable[..., Project], tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DRAFTKIT_CACHE_DIR", str(blocker / "cache"))
    p = project()
    for _ in range(2):
        result = p.run(*BUILD)
        assert result.returncode == 0, result.stderr
        assert len(wrote(result)) == 2
    assert p.run("check").returncode == 0


def test_a_bad_input_under_a_pdf_build_fails_cleanly(project: Callable[..., Project]) -> None:
    """The PDF worker is started before the documents are read: an input error must stop
    it and still be one clean line (no traceback from the worker, nothing written)."""
    p = project()
    p.edit("clauses/x.yaml", "kind: operative", "kind: [operative")
    result = p.run("build", "-f", "pdf")
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1 and "clauses/x.yaml:" in lines[0]
    assert p.files() == {}


def test_a_spec_outside_documents_is_an_input_too(project: Callable[..., Project]) -> None:
    p = project()
    p.write("drafts/d2.yaml", p.read("documents/d.yaml"))
    assert len(wrote(p.run("build", "drafts/d2.yaml", "-f", "html"))) == 1
    p.edit("drafts/d2.yaml", "title: RESOLUTION OF THE FORUM", "title: SECOND RESOLUTION")
    result = p.run("build", "drafts/d2.yaml", "-f", "html")
    assert wrote(result) == ["wrote build/en/d2.html"]
    assert "SECOND RESOLUTION" in (p.root / "build/en/d2.html").read_text("utf-8")


def test_a_symlink_loop_in_an_input_folder_does_not_hang(
    project: Callable[..., Project],
) -> None:
    p = project()
    (p.root / "templates").mkdir()
    (p.root / "templates" / "loop").symlink_to(p.root / "templates")
    for _ in range(2):
        result = p.run(*BUILD)
        assert result.returncode == 0, result.stderr


def test_a_damaged_record_means_a_rebuild(project: Callable[..., Project]) -> None:
    import os
    from pathlib import Path

    p = project()
    assert len(wrote(p.run(*BUILD))) == 2
    records = list((Path(os.environ["DRAFTKIT_CACHE_DIR"]) / "builds").glob("*.json"))
    assert records
    for record in records:
        record.write_text('{"builds": {"x": {"outputs": [[1, 2, 3]]}}, "schema"', "utf-8")
    result = p.run(*BUILD)
    assert result.returncode == 0, result.stderr
    assert len(wrote(result)) == 2

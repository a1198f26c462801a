"""The commands a user runs: help, version, browsing the library, a new project, usage errors."""

from __future__ import annotations

import re

import pytest
import yaml

from draftkit import __version__
from draftkit.project import Project as DraftkitProject
from tests.cli.helpers import REPO, assert_fails_cleanly, run


def example_clauses() -> dict[str, tuple[str, int, dict]]:
    """Every clause of the repository's example library: id -> (file, line, fields)."""
    found = {}
    for path in sorted((REPO / "clauses").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        lines = path.read_text(encoding="utf-8").splitlines()
        for clause in data["clauses"]:
            line = next(
                i
                for i, text in enumerate(lines, start=1)
                if re.match(rf"\s*- id: {re.escape(clause['id'])}\s*$", text)
            )
            found[clause["id"]] = (str(path.relative_to(REPO)), line, clause)
    return found


def listed_ids(stdout: str) -> list[str]:
    """The id column of ``clauses list``: first word of each row, continuation lines skipped."""
    rows = stdout.splitlines()
    assert rows and rows[0].split()[:2] == ["id", "kind"], rows[:1]
    return [row.split()[0] for row in rows[1:] if row and not row[0].isspace()]


# --- help, version, usage errors -------------------------------------------------------------


def test_help_lists_the_commands(tmp_path):
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    commands = re.findall(r"^  (\w+) ", result.stdout.split("Commands:")[1], flags=re.M)
    assert sorted(commands) == [
        "build",
        "check",
        "clauses",
        "diff",
        "i18n",
        "import",
        "new",
        "orgs",
        "presskit",
        "review",
        "serve",
        "terms",
    ]
    for option in ("--debug", "--version", "--help"):
        assert option in result.stdout


def test_build_help_lists_its_options(tmp_path):
    result = run("build", "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for option in ("-f, --format", "-l, --lang", "-o, --output", "--help"):
        assert option in result.stdout
    # every format of the writer registry, the model dump included
    assert "docx, pdf, html, json" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    "args",
    [
        ("clauses", "--help"),
        ("check", "--help"),
        ("new", "--help"),
        ("clauses", "list", "--help"),
        ("terms", "check", "--help"),
        ("review", "--help"),
    ],
)
def test_subcommand_help(tmp_path, args):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage:")


def test_clauses_help_lists_list_and_show(tmp_path):
    result = run("clauses", "--help", cwd=tmp_path)
    commands = re.findall(r"^  (\w+) ", result.stdout.split("Commands:")[1], flags=re.M)
    assert sorted(commands) == ["list", "show"]


def test_version(tmp_path):
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == f"draftkit {__version__}\n"
    assert __version__ == "0.1.0"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--bogus",), "No such option: --bogus"),
        (("build", "--bogus"), "No such option: --bogus"),
        (("check", "--strict"), "No such option: --strict"),
        (("clauses", "list", "--colour", "red"), "No such option: --colour"),
        (("frobnicate",), "No such command 'frobnicate'"),
        (("clauses", "list", "--kind"), "Option '--kind' requires an argument"),
        (("new",), "Missing argument"),
    ],
    ids=[
        "global-option",
        "build-option",
        "check-option",
        "list-option",
        "command",
        "missing-value",
        "missing-argument",
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- browsing the example library (the repository itself is a project) -----------------------


def test_clauses_list_filters_by_tag_and_kind():
    result = run("clauses", "list", "--tag", "gender", "--kind", "operative", cwd=REPO)
    assert result.returncode == 0, result.stderr
    ids = listed_ids(result.stdout)
    assert "support-womens-economic-empowerment" in ids
    assert "recognize-women-role" not in ids
    clauses = example_clauses()
    expected = sorted(
        cid
        for cid, (_, _, c) in clauses.items()
        if c["kind"] == "operative" and "gender" in c.get("tags", [])
    )
    assert ids == expected
    assert result.stderr == f"{len(expected)} clause(s)\n"
    for row in result.stdout.splitlines()[1:]:
        if row and not row[0].isspace():
            assert row.split()[1] == "operative", row


def test_clauses_list_with_two_tags_needs_both():
    result = run("clauses", "list", "-t", "gender", "-t", "leadership", cwd=REPO)
    assert result.returncode == 0, result.stderr
    expected = sorted(
        cid
        for cid, (_, _, c) in example_clauses().items()
        if {"gender", "leadership"} <= set(c.get("tags", []))
    )
    assert expected, "the example library should have clauses tagged gender and leadership"
    assert listed_ids(result.stdout) == expected


def test_clauses_list_unknown_kind():
    result = run("clauses", "list", "--kind", "operatve", cwd=REPO)
    lines = assert_fails_cleanly(result)
    assert lines == ["error: unknown kind 'operatve' (hint: preambular, operative or paragraph)"]


def test_clauses_show_text_and_where_it_is_defined():
    result = run("clauses", "show", "recognize-women-role", cwd=REPO)
    assert result.returncode == 0, result.stderr
    file, line, clause = example_clauses()["recognize-women-role"]
    lines = result.stdout.splitlines()
    assert lines[0] == "recognize-women-role  (preambular)"
    assert lines[1] == f"defined at {file}:{line}"
    assert line == 3 and file == "clauses/gender-equality.yaml"
    flat = " ".join(result.stdout.split())
    assert f"[{clause['lead']}] " + " ".join(clause["text"].split()) in flat
    assert "tags: " + ", ".join(clause["tags"]) in lines


def test_clauses_show_prints_the_text_on_one_line():
    result = run("clauses", "show", "recognize-women-role", cwd=REPO)
    _, _, clause = example_clauses()["recognize-women-role"]
    text = " ".join(clause["text"].split())
    assert len(text) > 200
    assert any(text in line for line in result.stdout.splitlines())


def test_clauses_show_parameters_and_notes(starter):
    result = starter.run("clauses", "show", "welcoming-the-forum")
    assert result.returncode == 0, result.stderr
    assert "defined at clauses/starter.yaml:3" in result.stdout
    assert "  {forum_short} (default: Forum): short name of the forum" in result.stdout
    assert "  {city} (required): filled in from the document" in result.stdout
    noted = starter.run("clauses", "show", "reaffirming-gender-equality")
    assert "  [footnote] sdg-5: https://sdgs.un.org/goals/goal5" in noted.stdout


@pytest.mark.parametrize(
    ("clause_id", "hint"),
    [
        ("recognize-women-rol", "did you mean 'recognize-women-role'?"),
        ("zzz", "run 'draftkit clauses list' to see the library"),
    ],
)
def test_clauses_show_unknown_id(clause_id, hint):
    result = run("clauses", "show", clause_id, cwd=REPO)
    lines = assert_fails_cleanly(result)
    assert lines == [f"error: unknown clause id '{clause_id}' (hint: {hint})"]
    assert result.stdout == ""


def test_example_project_checks_clean():
    result = run("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    project = DraftkitProject.load(REPO)
    assert result.stdout == (
        f"ok: {len(project.library.clauses)} clauses, "
        f"{len(project.library.sources)} sources, "
        f"{len(project.document_files())} documents, "
        f"{len(project.organisations)} organisations, "
        f"{len(project.event_files())} events\n"
    )


# --- draftkit new --------------------------------------------------------------------------


@pytest.mark.slow
def test_new_project_builds_at_once(tmp_path):
    result = run("new", "x", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "created x; next: cd x && draftkit build\n"
    project = tmp_path / "x"
    assert (project / "draftkit.toml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["x"], "a temporary folder was left behind"

    built = run("build", cwd=project)
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines() == [
        "wrote build/en/resolution.docx",
        "wrote build/en/resolution.pdf",
    ]
    out = project / "build" / "en"
    assert sorted(p.name for p in out.iterdir()) == ["resolution.docx", "resolution.pdf"]
    assert (out / "resolution.docx").read_bytes()[:2] == b"PK"
    assert (out / "resolution.pdf").read_bytes()[:5] == b"%PDF-"


def test_new_refuses_an_existing_project(tmp_path):
    assert run("new", "x", cwd=tmp_path).returncode == 0
    marker = tmp_path / "x" / "clauses" / "mine.yaml"
    marker.write_text("clauses: []\n", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    again = run("new", "x", cwd=tmp_path)
    lines = assert_fails_cleanly(again)
    assert lines == ["error: x already exists and is not empty (hint: choose a new folder name)"]
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert marker.read_text(encoding="utf-8") == "clauses: []\n"


def test_new_into_an_empty_folder(tmp_path):
    (tmp_path / "x").mkdir()
    result = run("new", "x", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x" / "draftkit.toml").is_file()


def test_new_refuses_an_existing_file(tmp_path):
    (tmp_path / "x").write_text("not a folder", encoding="utf-8")
    lines = assert_fails_cleanly(run("new", "x", cwd=tmp_path))
    assert len(lines) == 1 and "x already exists" in lines[0], lines
    assert (tmp_path / "x").read_text(encoding="utf-8") == "not a folder"

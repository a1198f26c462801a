"""``draftkit diff`` on two clause sets: every change kind, JSON field by field, exit status."""

from __future__ import annotations

import json

import pytest

from tests.diff.helpers import diff


@pytest.fixture(scope="module")
def report() -> dict:
    result = diff("v1", "v2", "--format", "json")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def by_id(report: dict) -> dict[str, dict]:
    return {c["id"]: c for c in report["changes"]}


def test_summary_counts_every_kind(report: dict) -> None:
    assert report["schema"] == "draftkit-diff/1"
    assert report["mode"] == "library"
    assert report["old"] == {"label": "v1", "clauses": 9}
    assert report["new"] == {"label": "v2", "clauses": 9}
    assert report["summary"] == {
        "added": 1,
        "removed": 1,
        "modified": 5,  # ky, ru, recognize-role, calls-upon-government, near-rename
        "moved": 1,
        "renamed": 2,
        "unchanged": 1,  # stays-put
    }


def test_modified_text_tags_and_notes(report: dict) -> None:
    change = by_id(report)["recognize-role"]
    assert change["kind"] == "modified"
    assert change["old"]["file"] == "v1/library.yaml" and change["old"]["line"] == 3
    (text,) = change["texts"]
    assert text["field"] == "text"
    assert text["old"] == "the key role of women in ensuring social justice.[^sdg]"
    assert text["new"] == "the key role of women and girls in ensuring social justice.[^en:sdg]"
    assert {"op": "insert", "text": "and girls "} in text["words"]
    values = {v["field"]: v for v in change["values"]}
    assert values["tags"]["added"] == ["sdg"] and values["tags"]["removed"] == []
    assert values["notes"]["added"] == ["en:sdg"] and values["notes"]["removed"] == ["sdg"]


def test_modified_lead_items_and_parameters(report: dict) -> None:
    change = by_id(report)["calls-upon-government"]
    fields = {t["field"]: t for t in change["texts"]}
    assert fields["lead"]["old"] == "Calls upon" and fields["lead"]["new"] == "Urges"
    assert fields["item (b)"]["new"] == "with measurable indicators;"
    assert fields["item (c)"]["old"] == "" and fields["item (c)"]["new"].startswith("with a review")
    assert "item (a)" not in fields
    values = {v["field"]: v for v in change["values"]}
    assert values["tags"]["removed"] == ["legislation"]
    assert values["default of {country}"] == {
        "field": "default of {country}",
        "old": "the Kyrgyz Republic",
        "new": "Kyrgyzstan",
    }


def test_renames_exact_and_near(report: dict) -> None:
    changes = by_id(report)
    exact = changes["new-name"]
    assert exact["kind"] == "renamed" and exact["old"]["id"] == "old-name"
    assert exact["similarity"] == 1.0 and exact["texts"] == []
    near = changes["near-rename-v2"]
    assert near["kind"] == "renamed" and near["old"]["id"] == "near-rename"
    assert 0.75 <= near["similarity"] < 1.0
    assert [w for w in near["texts"][0]["words"] if w["op"] != "equal"] == [
        {"op": "insert", "text": "to "}
    ]


def test_added_removed_and_moved(report: dict) -> None:
    changes = by_id(report)
    assert changes["brand-new"]["kind"] == "added" and changes["brand-new"]["old"] is None
    assert changes["to-be-removed"]["kind"] == "removed" and changes["to-be-removed"]["new"] is None
    moved = changes["moves-down"]
    assert moved["kind"] == "moved" and moved["moved"] is True
    assert moved["new"]["after"] == "near-rename-v2" and moved["old"]["after"] == "old-name"
    assert "stays-put" not in changes


def test_cyrillic_word_changes(report: dict) -> None:
    words = by_id(report)["ky-clause"]["texts"][0]["words"]
    # (Which side of a word an inserted space goes is a matter of alignment.)
    changed = [(w["op"], w["text"].strip()) for w in words if w["op"] != "equal"]
    assert changed == [("delete", "теңчилик"), ("insert", "теңдик"), ("insert", "Бишкекте")]


def test_terminal_output_without_colour_reads_like_git_word_diff() -> None:
    result = diff("v1", "v2")
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout
    assert "гендердик [-теңчилик-]{+теңдик+} үчүн" in result.stdout
    assert "= renamed    old-name → new-name" in result.stdout
    assert "moved: now after near-rename-v2 (was after old-name)" in result.stdout
    assert result.stdout.rstrip().endswith(
        "1 added, 1 removed, 5 modified, 1 moved, 2 renamed; 1 clause(s) unchanged"
    )


def test_stat_counts_per_file() -> None:
    result = diff("v1", "v2", "--stat")
    lines = result.stdout.splitlines()
    assert any(line.startswith(" v2/cyrillic.yaml") and "2 modified" in line for line in lines)
    assert "[-" not in result.stdout


def test_no_differences_exits_0() -> None:
    result = diff("v1", "v1")
    assert result.returncode == 0, result.stderr
    assert "0 added, 0 removed, 0 modified, 0 moved, 0 renamed" in result.stdout


def test_two_single_files() -> None:
    result = diff("v1/cyrillic.yaml", "v2/cyrillic.yaml", "--format", "json")
    assert result.returncode == 1
    assert {c["id"] for c in json.loads(result.stdout)["changes"]} == {"ky-clause", "ru-clause"}


def test_malformed_yaml_on_one_side_names_side_and_line(tmp_path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yaml").write_text("clauses:\n  - id: a\n    kind: [operative\n    text: x\n")
    result = diff("v1", bad)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and "x.yaml:3: new side (" in line
    assert "malformed YAML" in line


def test_missing_folder_is_trouble() -> None:
    result = diff("v1", "no-such-folder")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no-such-folder" in result.stderr


def test_document_mode_needs_one_spec_a_side() -> None:
    result = diff("v1", "v2", "--document")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--document compares one document spec, found 0" in result.stderr


def test_a_redline_needs_an_output_file() -> None:
    result = diff("v1", "v2", "--format", "docx")
    assert result.returncode == 2
    assert "a DOCX redline needs --output FILE" in result.stderr
    assert diff("v1", "v2", "--format", "pdf").returncode == 2

"""A built DOCX edited in LibreOffice through UNO with change tracking on (insert, delete,
move, a new paragraph, a deleted one) and saved as DOCX: the origin marks survive, and
``review --apply`` then ``build`` carry the edits into the outputs.

LibreOffice 7.4's ``libreoffice-writer-nogui`` aborts saving any document that holds a
comment (it lacks the comment window's UI file), so comments are tested in Word's form
(test_word_form.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from tests.review.helpers import build_docx, copy_project, draftkit
from tests.review.test_word_form import _entries

EDITOR = Path(__file__).resolve().parents[1] / "tools" / "lo_edit.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def _have_uno() -> bool:
    if shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return probe.returncode == 0


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _have_uno(), reason="LibreOffice with python3-uno is not installed"),
]

EDITS = [
    {
        "op": "paragraph",
        "after": "development of independent trade unions.",
        "text": "Encourage regional exchanges of good practice.",
    },
    {"op": "insert", "after": "initiatives to economically empower women", "text": " and girls"},
    {"op": "delete", "find": " through education, development and entrepreneurship"},
    {"op": "move", "find": "UN Security Council ", "before": "Resolution and involve women"},
    {"op": "drop", "find": "support lobbying for the"},
]


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("lo-review")
    project = copy_project(tmp / "project")
    # LibreOffice leaves a lock file beside a document it opens: it edits a copy.
    built = shutil.copy(build_docx(project), tmp / "built.docx")
    jobs = [
        {"path": str(built), "out": str(tmp / "untouched.docx"), "track": True, "edits": []},
        {
            "path": str(built),
            "out": str(tmp / "edited.docx"),
            "author": "Aida Reviewer",
            "track": True,
            "edits": EDITS,
        },
    ]
    (tmp / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
    result = subprocess.run(
        [SYSTEM_PYTHON, str(EDITOR), str(tmp / "profile"), str(tmp / "jobs.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return project, tmp / "untouched.docx", tmp / "edited.docx"


def test_marks_survive_a_round_trip(edited: tuple[Path, Path, Path]) -> None:
    project, untouched, _ = edited
    result = draftkit("review", untouched, "-f", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["paragraphs"] == []  # every paragraph found, unchanged


def test_review_and_apply(edited: tuple[Path, Path, Path]) -> None:
    project, _, path = edited
    entries = _entries(project, path)
    support = entries["clause:support-womens-economic-empowerment"]
    assert {(t["kind"], t["author"]) for t in support["tracked"]} == {
        ("ins", "Aida Reviewer"),
        ("del", "Aida Reviewer"),
    }
    assert entries["new"]["accepted"] == "Encourage regional exchanges of good practice."
    assert entries["new"]["after"] == "clause:business-csr-action-plans"
    assert entries["clause:lobby-glacier-law-and-civic-laws"]["status"] == "deleted"
    result = draftkit("review", path, "--apply", cwd=project)
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(build_docx(project))).paragraphs)
    assert "empower women and girls based on" in text
    assert "localize the UN Security Council Resolution and involve women" in text
    assert "unions.\nEncourage regional exchanges of good practice.\n" in text
    assert "support lobbying for the" not in text

"""A DOCX redline read back by LibreOffice through its UNO API: Accept All gives the new
version's text and numbering, Reject All the old one's. One soffice serves the module
(tests/tools/lo_changes.py, run with the system Python that has Debian's python3-uno)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.diff.helpers import FIXTURES, diff
from tests.diff.test_git_and_documents import (  # noqa: F401 - fixtures
    two_projects,
    two_versions,
)

HELPER = Path(__file__).resolve().parents[1] / "tools" / "lo_changes.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def _have_uno() -> bool:
    if shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return probe.returncode == 0


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not _have_uno(),
        reason="LibreOffice with its Python UNO bridge is not installed "
        "(apt-get install libreoffice-writer-nogui python3-uno)",
    ),
]

Paragraphs = list[tuple[str, str, str]]


def _build(project: Path, spec: str, out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "draftkit", "build", spec, "-f", "docx", "-o", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out / "en" / Path(spec).with_suffix(".docx").name


@pytest.fixture(scope="module")
def read_back(
    two_versions: Path,  # noqa: F811
    two_projects: Path,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> dict:
    """The old and new resolution as built, and both redlines accepted and rejected; the
    same for a resolution whose clause changed its sub-paragraphs."""
    tmp = tmp_path_factory.mktemp("accept-reject")
    old_spec, new_spec = "documents/civic-forum-2025.yaml", "v2/civic-forum-2025.yaml"
    document = tmp / "document.docx"
    result = diff(old_spec, new_spec, "--document", "-f", "docx", "-o", document, cwd=two_versions)
    assert result.returncode == 1, result.stderr
    library = tmp / "library.docx"
    result = diff("v1", "v2", "-f", "docx", "-o", library)
    assert result.returncode == 1, result.stderr
    items = tmp / "items.docx"
    spec = "documents/civic-forum-2025.yaml"
    result = diff(
        f"old/{spec}", f"new/{spec}", "--document", "-f", "docx", "-o", items, cwd=two_projects
    )
    assert result.returncode == 1, result.stderr
    jobs = {
        "old": (_build(two_versions, old_spec, tmp / "old"), "show"),
        "new": (_build(two_versions, new_spec, tmp / "new"), "show"),
        "document accepted": (document, "accept"),
        "document rejected": (document, "reject"),
        "library accepted": (library, "accept"),
        "library rejected": (library, "reject"),
        "items old": (_build(two_projects / "old", spec, tmp / "items-old"), "show"),
        "items new": (_build(two_projects / "new", spec, tmp / "items-new"), "show"),
        "items accepted": (items, "accept"),
        "items rejected": (items, "reject"),
    }
    (tmp / "jobs.json").write_text(
        json.dumps([{"path": str(path), "action": action} for path, action in jobs.values()])
    )
    result = subprocess.run(
        [SYSTEM_PYTHON, str(HELPER), str(tmp / "lo"), str(tmp / "jobs.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return dict(zip(jobs, json.loads(result.stdout), strict=True))


def _paragraphs(read: list[dict[str, str]]) -> Paragraphs:
    """(list label, style, text) per paragraph. A redline shows the call of a deleted or
    moved note as its label ("[2]"), the built document as a real note (left out)."""
    return [(p["label"], p["style"], re.sub(r"\[(\d+|[ivxl]+)\]", "", p["text"])) for p in read]


def test_document_redline_accepted_is_the_new_version(read_back: dict) -> None:
    accepted = _paragraphs(read_back["document accepted"])
    assert accepted == _paragraphs(read_back["new"])
    numbers = [label for label, style, _ in accepted if style == "Operative Paragraph"]
    assert numbers == [f"{n}." for n in range(1, 8)]


def test_document_redline_rejected_is_the_old_version(read_back: dict) -> None:
    assert _paragraphs(read_back["document rejected"]) == _paragraphs(read_back["old"])


def _clauses(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """Each clause of a fixture library as the redline sets it: lead and text in one
    paragraph, then each sub-paragraph with its label."""
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        for clause in yaml.safe_load(path.read_text(encoding="utf-8"))["clauses"]:
            first = " ".join(part for part in (clause.get("lead"), clause["text"]) if part)
            items = [("", first)]
            for n, item in enumerate(clause.get("items", [])):
                items.append((f"({'abcdefgh'[n]})", item["text"]))
            out[clause["id"]] = items
    return out


FIELD_LINE = re.compile(r"^[a-z][\w {}]*:(\s|$)")  # "tags: +sdg", "default of {country}: …"


def _clause_blocks(read: list[dict[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """The redline's clause paragraphs, by the id in the heading above them; the heading,
    file name and the lines on tags and parameters are not clause text."""
    blocks: dict[str, list[tuple[str, str]]] = {}
    current = None
    for p in read:
        if p["style"] == "Section Heading":
            current = re.sub(r" \(moved:.*", "", p["text"].split(": ", 1)[1]).split(" → ")[-1]
            blocks[current] = []
        elif current and p["style"] != "Dateline" and not FIELD_LINE.match(p["text"]):
            blocks[current].append((p["label"], p["text"]))
    return blocks


@pytest.mark.parametrize(("action", "side"), [("accepted", "v2"), ("rejected", "v1")])
def test_clause_set_redline_gives_one_side(read_back: dict, action: str, side: str) -> None:
    expected = _clauses(FIXTURES / side)
    blocks = _clause_blocks(read_back[f"library {action}"])
    renamed = {"new-name": "old-name", "near-rename-v2": "near-rename"}
    assert blocks, "no clause headings read"
    for clause_id, paragraphs in blocks.items():
        source_id = renamed.get(clause_id, clause_id) if side == "v1" else clause_id
        if source_id not in expected:
            # Added (accepted side lacks it in v1) or removed: nothing of it is left.
            assert paragraphs == [], (clause_id, paragraphs)
            continue
        assert paragraphs == expected[source_id], clause_id


@pytest.mark.parametrize(("action", "side"), [("accepted", "new"), ("rejected", "old")])
def test_changed_sub_paragraphs_accept_and_reject(read_back: dict, action: str, side: str) -> None:
    """A clause that lost its (b), gained an (e) and had words of (c) changed: the redline
    accepted is the new resolution, rejected the old one, sub-paragraph labels included."""
    expected = _paragraphs(read_back[f"items {side}"])
    got = _paragraphs(read_back[f"items {action}"])
    assert got == expected
    sub_paragraphs = {
        which: [
            label
            for label, style, _ in _paragraphs(read_back[f"items {which}"])
            if label[:1] == "("
        ]
        for which in ("old", "new")
    }
    # In the order of the resolution: violence (a)–(d), justice (a)–(d) then (a)–(c), youth
    # (a)–(d) then (a)–(e).
    assert len(sub_paragraphs["old"]) == 12 and len(sub_paragraphs["new"]) == 12
    assert sub_paragraphs["old"][4:8] == ["(a)", "(b)", "(c)", "(d)"]
    assert sub_paragraphs["new"][4:] == ["(a)", "(b)", "(c)", "(a)", "(b)", "(c)", "(d)", "(e)"]

"""Git revisions (read from the object store), the git diff driver, and two versions of an
assembled resolution (renumbering, moves)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.diff.helpers import FIRST, FIXTURES, SECOND, diff, git

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with two commits: v1 then v2 of its clause library."""
    root = tmp_path_factory.mktemp("history")
    (root / "draftkit.toml").write_text('[project]\nname = "history"\n')
    shutil.copytree(FIXTURES / "v1", root / "clauses")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "v1")
    shutil.rmtree(root / "clauses")
    shutil.copytree(FIXTURES / "v2", root / "clauses")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v2")
    return root


def test_two_revisions_with_a_path(history: Path) -> None:
    result = diff("HEAD~1", "HEAD", "--format", "json", "--", "clauses/", cwd=history)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["renamed"] == 2 and data["summary"]["added"] == 1
    files = {c["new"]["file"] for c in data["changes"] if c["new"]}
    assert files == {"HEAD:clauses/library.yaml", "HEAD:clauses/cyrillic.yaml"}


def test_revision_against_the_working_tree_leaves_it_alone(history: Path) -> None:
    before = (history / "clauses" / "library.yaml").read_bytes()
    status = git(history, "status", "--porcelain")
    result = diff("HEAD~1", cwd=history)  # HEAD~1 against the working tree, clauses/
    assert result.returncode == 1, result.stderr
    assert "renamed    old-name → new-name" in result.stdout
    assert (history / "clauses" / "library.yaml").read_bytes() == before
    assert git(history, "status", "--porcelain") == status
    assert diff("HEAD", cwd=history).returncode == 0


def test_unknown_revision_and_missing_path_are_trouble(history: Path) -> None:
    unknown = diff("no-such-rev", "HEAD", "--", "clauses/", cwd=history)
    assert unknown.returncode == 2
    assert "old side: unknown revision or path 'no-such-rev'" in unknown.stderr
    missing = diff("HEAD~1", "HEAD", "--", "nothere/", cwd=history)
    assert missing.returncode == 2
    assert "nothere does not exist in HEAD~1" in missing.stderr
    assert "Traceback" not in unknown.stderr + missing.stderr


def test_malformed_yaml_in_one_revision_names_the_revision(history: Path) -> None:
    path = history / "clauses" / "library.yaml"
    good = path.read_text()
    path.write_text(good.replace("kind: preambular", "kind: [preambular", 1))
    git(history, "commit", "-qam", "broken")
    try:
        result = diff("HEAD~1", "HEAD", "--", "clauses/", cwd=history)
        assert result.returncode == 2
        assert (
            "error: HEAD:clauses/library.yaml:4: new side (HEAD): malformed YAML" in result.stderr
        )
    finally:
        git(history, "reset", "-q", "--hard", "HEAD~1")


def test_git_diff_driver(history: Path) -> None:
    (history / ".gitattributes").write_text("clauses/*.yaml diff=draftkit\n")
    driver = f"{sys.executable} -m draftkit diff --git-driver"
    result = subprocess.run(
        [
            "git",
            "-c",
            f"diff.draftkit.command={driver}",
            "diff",
            "HEAD~1",
            "HEAD",
            "--",
            "clauses/",
        ],
        cwd=history,
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": str(history)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "draftkit diff a/clauses/library.yaml b/clauses/library.yaml" in result.stdout
    assert "= renamed    old-name → new-name" in result.stdout


# -- documents ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example resolution and a v2: two operative paragraphs swapped, one removed, one
    written in, the forum's name edited."""
    root = tmp_path_factory.mktemp("docs")
    for name in ("draftkit.toml", "sources.yaml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("clauses", "locales", "documents"):
        shutil.copytree(REPO / folder, root / folder)
    v1 = (root / "documents" / "civic-forum-2025.yaml").read_text()
    v2 = (
        v1.replace(
            FIRST + SECOND,
            SECOND + FIRST,
        )
        .replace("  - business-csr-action-plans\n", "")
        .replace(
            "  - monitor-gender-commitments\n",
            "  - monitor-gender-commitments\n"
            "  - {text: Calls upon the Government to publish an annual report.}\n",
        )
        .replace("Gender Inclusion”", "Gender Inclusion and Peace”")
    )
    assert v2.count("\n") == v1.count("\n")  # one line removed, one added
    # Same file name, so the same catalog entries (document:civic-forum-2025) apply.
    (root / "v2").mkdir()
    (root / "v2" / "civic-forum-2025.yaml").write_text(v2)
    return root


GBV = "calls-upon-government-prevent-gender-based-violence"
JUSTICE = "calls-upon-government-ensure-womens-access-to-justice"
YOUTH = "recommends-participation-youth-persons-with-disabilities"


def _edit(path: Path, *edits: tuple[str, str]) -> None:
    text = path.read_text()
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text)


@pytest.fixture(scope="module")
def two_projects(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two copies of the example project whose resolution adds three clauses with
    sub-paragraphs, edited in new/ as a later revision of the library would be: the
    gender-based violence clause lost its (b), gained an (e) and has words changed in (c);
    access to justice lost its (c); youth and inclusion gained an (e)."""
    root = tmp_path_factory.mktemp("projects")
    for side in ("old", "new"):
        project = root / side
        project.mkdir()
        for name in ("draftkit.toml", "sources.yaml"):
            shutil.copy(REPO / name, project / name)
        for folder in ("clauses", "locales", "documents"):
            shutil.copytree(REPO / folder, project / folder)
        added = "".join(f"  - {clause}\n" for clause in (GBV, JUSTICE, YOUTH))
        _edit(project / "documents" / "civic-forum-2025.yaml", (SECOND, SECOND + added))
    clauses = root / "new" / "clauses"
    _edit(
        clauses / "gender-based-violence.yaml",
        (
            "      - text: >-\n"
            "          to establish and adequately fund a network of crisis centres and shelters"
            " offering free\n"
            "          legal, medical and psychological assistance to survivors in every region,"
            " including in\n"
            "          rural and mountainous areas;\n",
            "",
        ),
        ("prosecuted *ex officio*,", "prosecuted *ex officio* without delay,"),
        (
            "relationship between victim and perpetrator;\n",
            "relationship between victim and perpetrator;\n"
            "      - text: to train police officers to respond to every report of violence;\n",
        ),
    )
    _edit(
        clauses / "access-to-justice.yaml",
        (
            "      - text: >-\n"
            "          ensuring that informal and community-based justice mechanisms, such as"
            " courts of\n"
            "          elders, uphold women's rights and do not handle cases of gender-based"
            " violence;\n",
            "",
        ),
    )
    _edit(
        clauses / "youth-and-inclusion.yaml",
        (
            "with particular attention to young people in rural areas;\n",
            "with particular attention to young people in rural areas;\n"
            "      - text: creating youth internships in local self-government bodies;\n",
        ),
    )
    return root


def test_document_diff_shows_renumbering_as_such(two_versions: Path) -> None:
    result = diff(
        "documents/civic-forum-2025.yaml",
        "v2/civic-forum-2025.yaml",
        "--document",
        "-f",
        "json",
        cwd=two_versions,
    )
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["mode"] == "document"
    kinds = {(c["kind"], c["id"]) for c in data["changes"]}
    assert ("removed", "business-csr-action-plans") in kinds
    assert ("moved", "strengthen-cross-sector-collaboration") in kinds
    assert any(kind == "added" for kind, _ in kinds)
    renumbered = {c["id"]: c["renumbered"] for c in data["changes"] if c["kind"] == "renumbered"}
    # 5 was "monitor-gender-commitments": the removed paragraph before it makes it 4.
    assert renumbered["monitor-gender-commitments"] == {"old": 5, "new": 4}
    # Unchanged operative paragraphs whose number stayed are not reported at all.
    assert "support-womens-economic-empowerment" not in {c["id"] for c in data["changes"]}
    subtitle = next(c for c in data["changes"] if c["id"].startswith("subtitle"))
    assert {"op": "insert", "text": " and Peace"} in subtitle["texts"][0]["words"]


def test_ignore_renumbering(two_versions: Path) -> None:
    result = diff(
        "documents/civic-forum-2025.yaml",
        "v2/civic-forum-2025.yaml",
        "--document",
        "--ignore-renumbering",
        "-f",
        "json",
        cwd=two_versions,
    )
    data = json.loads(result.stdout)
    assert data["summary"]["renumbered"] == 0
    assert all(c["renumbered"] is None for c in data["changes"])


def test_document_diff_in_russian(two_versions: Path) -> None:
    result = diff(
        "documents/civic-forum-2025.yaml",
        "v2/civic-forum-2025.yaml",
        "--document",
        "--lang",
        "ru",
        cwd=two_versions,
    )
    assert result.returncode == 1, result.stderr
    out = result.stdout
    # The removed paragraph in its Russian translation; the paragraph written into v2 has
    # none yet, so v2 is a draft translation with that paragraph in English.
    removed = next(line for line in out.splitlines() if "removed" in line)
    assert "business-csr-action-plans" in removed
    assert "[-Вместе с деловыми кругами подготовить" in out
    assert "{+Calls upon the Government to publish an annual report.+}" in out
    assert "+ added      draftmark" in out


def test_invalid_translation_is_named_at_its_catalog_line(tmp_path: Path) -> None:
    """--lang parses each msgstr as the build does: invalid markup is an error at the
    entry's line in the PO file, with the markup's hint."""
    for name in ("draftkit.toml", "sources.yaml"):
        shutil.copy(REPO / name, tmp_path / name)
    for folder in ("clauses", "locales"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copytree(REPO / "clauses", tmp_path / "clauses-v2")
    po = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    good = "Орхусской конвенцией;[^aarhus-convention]"
    text = po.read_text(encoding="utf-8")
    assert good in text
    po.write_text(
        text.replace(good, "[Орхусской конвенцией](javascript:alert(1));[^aarhus-convention]"),
        encoding="utf-8",
    )
    result = diff("clauses", "clauses-v2", "--lang", "ru", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    found = re.search(
        r"error: locales/ru/LC_MESSAGES/messages\.po:(\d+): old side \(clauses\): "
        r"the ru translation is not valid markup: link target 'javascript:alert\(1\)'.*"
        r"\(hint: links may point to web pages or e-mail addresses only\)",
        result.stderr,
    )
    assert found, result.stderr
    lines = po.read_text(encoding="utf-8").splitlines()
    entry = "\n".join(lines[int(found.group(1)) - 1 : int(found.group(1)) + 8])
    assert "aarhus-convention" in entry

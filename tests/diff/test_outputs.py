"""The HTML report and the DOCX redline, read back with independent tools: lxml on the
WordprocessingML, python-docx, pandoc with --track-changes=all, and headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.diff.helpers import FIRST, FIXTURES, SECOND, diff
from tests.diff.test_git_and_documents import two_projects  # noqa: F401 - a fixture

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def texts(root: etree._Element, tag: str) -> list[str]:
    """The text of each w:ins or w:del, deleted text read from w:delText."""
    return [
        "".join(el.itertext())
        for el in root.iter(f"{{{W}}}{tag}")
        if el.getparent().tag != f"{{{W}}}rPr"  # not a paragraph mark
    ]


@pytest.fixture(scope="module")
def redline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("redline") / "library.docx"
    result = diff("v1", "v2", "-f", "docx", "-o", out, "--author", "Reviewer")
    assert result.returncode == 1, result.stderr
    return out


def test_redline_changes_are_tracked_changes(redline: Path) -> None:
    root = body(redline)
    inserted = [t.strip() for t in texts(root, "ins")]
    deleted = [t.strip() for t in texts(root, "del")]
    assert "теңдик" in inserted and "теңчилик" in deleted
    assert "Кыргызской Республики" in inserted
    assert "Urges" in inserted and "Calls upon" in deleted
    assert "to remain seized of the matter." in deleted  # the removed clause
    assert "to meet again in 2026." in inserted  # the added clause
    for change in root.iter(f"{{{W}}}ins", f"{{{W}}}del"):
        assert change.get(f"{{{W}}}author") == "Reviewer"
        assert change.get(f"{{{W}}}date") == "2025-03-04T00:00:00Z"  # SOURCE_DATE_EPOCH
    # Deleted words are w:delText, never w:t (Word refuses the file otherwise).
    for deletion in root.iter(f"{{{W}}}del"):
        assert not deletion.findall(".//w:t", NS)
    # Unchanged text stays plain: the unchanged words of a modified clause.
    plain = "".join(t.text for t in root.iterfind("w:body/w:p/w:r/w:t", NS))
    assert "the key role of women" in plain
    # Whole paragraphs added or removed carry a tracked paragraph mark.
    assert root.findall(".//w:pPr/w:rPr/w:ins", NS) and root.findall(".//w:pPr/w:rPr/w:del", NS)


def test_redline_uses_the_resolution_styles(redline: Path) -> None:
    import docx

    document = docx.Document(str(redline))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Operative Paragraph", "Preambular Paragraph", "Section Heading"} <= styles


def test_pandoc_reads_the_tracked_changes(redline: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    markdown = pypandoc.convert_file(str(redline), "markdown", extra_args=["--track-changes=all"])
    insertions = re.findall(r"\[([^\]]*)\]\{\.insertion", markdown)
    deletions = re.findall(r"\[([^\]]*)\]\{\.deletion", markdown)
    assert "теңдик" in insertions and "теңчилик" in deletions
    assert 'author="Reviewer"' in markdown
    accepted = pypandoc.convert_file(str(redline), "plain", extra_args=["--track-changes=accept"])
    rejected = pypandoc.convert_file(str(redline), "plain", extra_args=["--track-changes=reject"])
    assert "гендердик теңдик үчүн" in accepted and "теңчилик" not in accepted
    assert "гендердик теңчилик үчүн" in rejected and "Бишкекте" not in rejected


def test_document_redline_marks_moves(tmp_path: Path) -> None:
    from tests.diff.test_git_and_documents import REPO

    root = tmp_path / "p"
    for name in ("draftkit.toml", "sources.yaml"):
        (root).mkdir(exist_ok=True)
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "clauses", root / "clauses")
    shutil.copytree(REPO / "documents", root / "documents")
    v1 = (root / "documents" / "civic-forum-2025.yaml").read_text()
    v2 = v1.replace(
        FIRST + SECOND,
        SECOND + FIRST,
    )
    (root / "v2").mkdir()
    (root / "v2" / "civic-forum-2025.yaml").write_text(v2)
    out = tmp_path / "doc.docx"
    result = diff(
        "documents/civic-forum-2025.yaml",
        "v2/civic-forum-2025.yaml",
        "--document",
        "-f",
        "docx",
        "-o",
        out,
        cwd=root,
    )
    assert result.returncode == 1, result.stderr
    xml = body(out)
    starts = {kind: xml.findall(f".//w:{kind}RangeStart", NS) for kind in ("moveFrom", "moveTo")}
    assert len(starts["moveFrom"]) == len(starts["moveTo"]) == 1
    assert starts["moveFrom"][0].get(f"{{{W}}}name") == starts["moveTo"][0].get(f"{{{W}}}name")
    moved_from = "".join(t.text for t in xml.iterfind(".//w:moveFrom/w:r/w:delText", NS))
    moved_to = "".join(t.text for t in xml.iterfind(".//w:moveTo/w:r/w:t", NS))
    assert moved_from == moved_to and "cross-sector collaboration" in moved_to
    # The resolution's footnotes are real notes in the redline too.
    with zipfile.ZipFile(out) as package:
        assert "word/footnotes.xml" in package.namelist()


def test_html_report_is_standalone_and_escaped(tmp_path: Path) -> None:
    evil = tmp_path / "evil"
    shutil.copytree(FIXTURES / "v2", evil)
    path = evil / "library.yaml"
    path.write_text(path.read_text().replace("to meet again in 2026.", "<script>alert(1)</script>"))
    out = tmp_path / "report.html"
    result = diff("v1", evil, "-f", "html", "-o", out)
    assert result.returncode == 1, result.stderr
    html = out.read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert not re.search(r"""(src|href)=["']?(https?:|//|file:)""", html.split("<main>")[0])
    assert "Content-Security-Policy" in html
    assert 'id="clause-brand-new"' in html and 'href="#clause-brand-new"' in html
    assert "<del>теңчилик</del><ins>теңдик</ins>" in html


def test_html_side_by_side(tmp_path: Path) -> None:
    out = tmp_path / "side.html"
    diff("v1", "v2", "-f", "html", "--side-by-side", "-o", out)
    html = out.read_text()
    assert '<div class="cols">' in html
    # The old column has only deletions, the new column only insertions.
    old_col, new_col = re.search(
        r'id="clause-ky-clause".*?<div class="cols"><div><p>(.*?)</p></div><div><p>(.*?)</p>',
        html,
        re.S,
    ).groups()
    assert "<del>теңчилик</del>" in old_col and "<ins>" not in old_col
    assert "<ins>теңдик</ins>" in new_col and "<del>" not in new_col


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_html_report_in_headless_chromium(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    diff("v1", "v2", "-f", "html", "-o", out)
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            out.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    # What the browser parsed: every change has its section, words marked in place.
    assert dom.count('<section class="change') == 9
    assert "<del>теңчилик</del><ins>теңдик</ins>" in dom
    assert 'id="summary"' in dom


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_keeps_the_tracked_changes(redline: Path, tmp_path: Path) -> None:
    """LibreOffice reads the redline as tracked changes: saved again as DOCX, every
    insertion and deletion is still there, with its author."""
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(redline),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    again = body(tmp_path / "out" / redline.name)
    ours = body(redline)
    # LibreOffice joins adjacent changes of one author: compare the text, in order.
    assert "".join(texts(again, "ins")) == "".join(texts(ours, "ins"))
    assert "".join(texts(again, "del")) == "".join(texts(ours, "del"))
    authors = {c.get(f"{{{W}}}author") for c in again.iter(f"{{{W}}}ins", f"{{{W}}}del")}
    assert authors == {"Reviewer"}


def test_document_redline_tracks_whole_sub_paragraphs(
    two_projects: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Sub-paragraphs that one version of a clause lacks are whole tracked paragraphs (text
    and mark), aligned by their text, not by their letter; pandoc accepts and rejects them."""
    from openxml_audit import OpenXmlValidator

    out = tmp_path / "items.docx"
    spec = "documents/civic-forum-2025.yaml"
    result = diff(
        f"old/{spec}", f"new/{spec}", "--document", "-f", "docx", "-o", out, cwd=two_projects
    )
    assert result.returncode == 1, result.stderr
    root = body(out)

    def paragraph(words: str) -> etree._Element:
        return next(p for p in root.iterfind(".//w:p", NS) if words in "".join(p.itertext()))

    removed = [
        "to establish and adequately fund a network of crisis centres",  # violence (b)
        "ensuring that informal and community-based justice mechanisms",  # justice (c)
    ]
    added = ["to train police officers", "creating youth internships"]  # violence, youth (e)
    for words, kind in [(w, "del") for w in removed] + [(w, "ins") for w in added]:
        p = paragraph(words)
        # All its text is one tracked change, and the paragraph comes or goes with it: its
        # own mark, or the mark before it (see oxml.lead_paragraph_marks), is tracked too.
        # (Besides the origin mark draftkit puts around every paragraph: docs/review.md.)
        origin_marks = {f"{{{W}}}pPr", f"{{{W}}}bookmarkStart", f"{{{W}}}bookmarkEnd"}
        assert [c.tag for c in p if c.tag not in origin_marks] == [f"{{{W}}}{kind}"], words
        before = p.getprevious()
        marks = [q.find(f"w:pPr/w:rPr/w:{kind}", NS) for q in (p, before)]
        assert any(mark is not None for mark in marks), words
    # The sub-paragraph whose words changed keeps its unchanged words plain.
    changed = paragraph("bride kidnapping")
    assert texts(changed, "ins") == [" without delay"] and texts(changed, "del") == []
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    pypandoc = pytest.importorskip("pypandoc")
    accepted, rejected = (
        " ".join(
            pypandoc.convert_file(str(out), "plain", extra_args=[f"--track-changes={how}"]).split()
        )
        for how in ("accept", "reject")
    )
    for words in removed:
        assert words in rejected and words not in accepted
    for words in added:
        assert words in accepted and words not in rejected

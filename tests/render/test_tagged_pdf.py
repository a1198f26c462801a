"""The PDF's structure tree read back with pikepdf: tagged by default, untagged on request."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from draftkit.pipeline import assemble_document
from draftkit.project import Project
from tests.conftest import PYTHON, REPO

pytestmark = pytest.mark.slow

EXAMPLE_NAME = "civic-forum-2025"
# Every operative clause of the example library, (a) and (i) sub-paragraphs included: a
# resolution as a new user writes it from the README.
OPERATIVE = [
    "calls-upon-government-ensure-womens-access-to-justice",
    "requests-ombudsman-monitor-civic-space",
    "strengthen-cross-sector-collaboration",
    "lobby-glacier-law-and-civic-laws",
    "urges-gender-responsive-disaster-risk-reduction",
    "invites-partners-fund-womens-organizations-climate-action",
    "decides-establish-follow-up-working-group",
    "calls-upon-government-prevent-gender-based-violence",
    "urges-full-implementation-ilo-c190",
    "support-womens-economic-empowerment",
    "monitor-gender-commitments",
    "include-womens-rights-in-state-programmes",
    "business-csr-action-plans",
    "promote-unscr-1325-in-strategies",
    "encourages-local-action-plans-women-peace-security",
    "recommends-participation-youth-persons-with-disabilities",
]
UN_STYLE = f"""\
template: resolution
title: RESOLUTION ON WOMEN'S RIGHTS
forum: Test Forum
date: 2025-03-04
place: Bishkek
city: Bishkek
params: {{country: Kyrgyzstan, country_short: KR, region: Osh, parliament: Jogorku Kenesh,
          school: Bir Duino, year: "2025", forum_short: Forum, date: 4 March 2025}}
preamble: [recognize-women-role]
chapeau: implementation-chapeau
operative: [{", ".join(OPERATIVE)}]
signature: {{by: Participants}}
"""


def project_copy(root: Path, toml_extra: str = "") -> Path:
    for name in ("clauses", "locales", "templates", "documents"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "sources.yaml", root / "sources.yaml")
    toml = (REPO / "draftkit.toml").read_text(encoding="utf-8")
    (root / "draftkit.toml").write_text(toml + toml_extra, encoding="utf-8")
    return root


def build(root: Path, spec: str, lang: str) -> Path:
    out = root / "out"
    subprocess.run(
        [PYTHON, "-m", "draftkit", "build", spec, "-f", "pdf", "--lang", lang, "-o", str(out)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return out / lang / (Path(spec).stem + ".pdf")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = project_copy(tmp_path_factory.mktemp("tagged"))
    (root / "documents" / "un-style.yaml").write_text(UN_STYLE, encoding="utf-8")
    opted_out = project_copy(tmp_path_factory.mktemp("untagged"), 'pdf_variant = "none"\n')
    return {
        "en": build(root, f"documents/{EXAMPLE_NAME}.yaml", "en"),
        "ky": build(root, f"documents/{EXAMPLE_NAME}.yaml", "ky"),
        "un": build(root, "documents/un-style.yaml", "en"),
        "none": build(opted_out, f"documents/{EXAMPLE_NAME}.yaml", "en"),
    }


def elements(node: pikepdf.Object, parent: pikepdf.Object | None = None) -> Iterator[tuple]:
    """(element, parent) for every structure element under node, in reading order."""
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid, node
            yield from elements(kid, node)


def role(element: pikepdf.Object) -> str:
    return str(element.S)


def tree(pdf: pikepdf.Pdf) -> list[tuple]:
    return list(elements(pdf.Root.StructTreeRoot))


def mcids(element: pikepdf.Object) -> Iterator[int]:
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int):
            yield int(kid)


def test_the_pdf_is_tagged_by_default_with_the_document_language(pdfs: dict[str, Path]) -> None:
    for lang in ("en", "ky"):
        with pikepdf.open(pdfs[lang]) as pdf:
            assert str(pdf.Root.Lang) == lang
            assert bool(pdf.Root.MarkInfo.Marked) is True
            assert "/StructTreeRoot" in pdf.Root
            assert "pdfuaid" in str(pdf.open_metadata())


def test_the_title_is_the_first_heading(pdfs: dict[str, Path]) -> None:
    for lang in ("en", "ky"):
        with pikepdf.open(pdfs[lang]) as pdf:
            roles = [role(e) for e, _ in tree(pdf)]
            assert roles[1] == "/H1"  # after the Document element
            assert roles.count("/H1") == 1


def labelled_items(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    """The list items whose first child is a label, followed by a body."""
    items = []
    for element, parent in tree(pdf):
        if role(element) == "/Lbl":
            assert role(parent) == "/LI", "a label outside a list item"
            kids = [k for k in parent.K if isinstance(k, pikepdf.Dictionary)]
            assert [role(k) for k in kids] == ["/Lbl", "/LBody"]
            items.append(parent)
    return items


def test_the_operative_part_is_a_list_with_labels_and_bodies(pdfs: dict[str, Path]) -> None:
    for lang in ("en", "ky"):
        with pikepdf.open(pdfs[lang]) as pdf:
            assert len(labelled_items(pdf)) == 7  # the example's operative paragraphs


def test_sub_paragraphs_are_nested_lists(pdfs: dict[str, Path]) -> None:
    doc = assemble_document(
        Project.discover(pdfs["un"]), pdfs["un"].parents[2] / "documents" / "un-style.yaml"
    ).document
    numbered = [b for b in doc.blocks if b.numbered]
    subs = [s for b in numbered for s in b.sub_paragraphs()]
    assert len(numbered) == len(OPERATIVE) and any(s.level == 2 for s in subs)
    with pikepdf.open(pdfs["un"]) as pdf:
        items = labelled_items(pdf)
        nested = [e for e, parent in tree(pdf) if role(e) == "/L" and role(parent) == "/LBody"]
        deeper = [e for e in nested if any(role(x) == "/L" for x, _ in elements(e))]
    assert len(items) == len(numbered) + len(subs)
    assert nested and deeper  # (a) lists inside operative paragraphs, (i) lists inside (a)


def test_footnotes_and_endnotes_are_notes_with_ids(pdfs: dict[str, Path]) -> None:
    with pikepdf.open(pdfs["en"]) as pdf:
        notes = [e for e, _ in tree(pdf) if role(e) == "/Note"]
        assert len(notes) == 2 + 3  # footnotes 1, 2 and endnotes i, ii, iii
        ids = [bytes(n.ID) for n in notes]
        assert len(set(ids)) == len(ids)


def test_page_numbers_are_artifacts_not_structure(pdfs: dict[str, Path]) -> None:
    with pikepdf.open(pdfs["en"]) as pdf:
        in_tree = {(e.Pg.objgen, mcid) for e, _ in tree(pdf) if "/Pg" in e for mcid in mcids(e)}
        for page in pdf.pages:
            marked, artifact_text, depth_artifact = set(), 0, None
            depth = 0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    depth += 1
                    if str(operands[0]) == "/Artifact" and depth_artifact is None:
                        depth_artifact = depth
                    if op == "BDC" and "/MCID" in operands[1]:
                        marked.add((page.obj.objgen, int(operands[1].MCID)))
                elif op == "EMC":
                    if depth == depth_artifact:
                        depth_artifact = None
                    depth -= 1
                elif op in ("Tj", "TJ") and depth_artifact is not None:
                    artifact_text += 1
            assert marked <= in_tree  # every marked text is reachable from the tree
            assert artifact_text >= 1  # the page number, drawn as an artifact


def test_a_project_can_opt_out_of_tagging(pdfs: dict[str, Path]) -> None:
    with pikepdf.open(pdfs["none"]) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert "/MarkInfo" not in pdf.Root

"""Every example DOCX as a clean Word package, read by checkers and converters that are not
draftkit's: openxml-audit (schema, element order, Word's repair triggers), ooxml-integrity
(broken references), mammoth and pandoc (DOCX → HTML/Markdown, strict about relationships).

The examples: the resolution in each locale, the press release and the media advisory in
each locale, a clause-set redline and a document redline. Each is written once per session.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import mammoth
import pypandoc
import pytest
from lxml import etree
from ooxml_integrity import Severity
from ooxml_integrity import check as integrity_check
from openxml_audit import OpenXmlValidator

from draftkit.fsutil import BuildClock
from draftkit.pipeline import assemble_document
from tests.conftest import EXAMPLE, REPO, Assembled, have, render
from tests.diff.helpers import FIRST, SECOND, diff

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W}
LANGS = ("en", "ru", "ky")
EVENTS = {
    "press-release": REPO / "events" / "civic-forum-2025.yaml",
    "media-advisory": REPO / "events" / "womens-leadership-dialogue-osh-2021.yaml",
}
# The documents with a title: the example's title, as the model has it, per file.
TITLED = [f"{kind}-{lang}" for kind in ("resolution", *EVENTS) for lang in LANGS]
EXAMPLES = [*TITLED, "clause-redline", "document-redline"]


@pytest.fixture(scope="session")
def examples(example_project, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("docx-package")
    out: dict[str, Path] = {}
    for kind, spec in {"resolution": EXAMPLE, **EVENTS}.items():
        for lang in LANGS:
            assembled = _assemble(example_project, spec, lang)
            clock = BuildClock.for_document(assembled.document.meta.date)
            path = folder / f"{kind}-{lang}.docx"
            path.write_bytes(render(assembled, "docx", clock))
            out[path.stem] = path
    out["clause-redline"] = folder / "clause-redline.docx"
    result = diff("v1", "v2", "-f", "docx", "-o", out["clause-redline"])
    assert result.returncode == 1, result.stderr
    out["document-redline"] = _document_redline(folder)
    return out


def _assemble(project, spec: Path, lang: str) -> Assembled:  # type: ignore[no-untyped-def]
    # The media advisory's Kyrgyz catalog is unfinished: a draft is still a Word package.
    return Assembled(
        assemble_document(project, spec, lang=lang, allow_incomplete=True).document, project
    )


def _document_redline(folder: Path) -> Path:
    """The example resolution against a version with two paragraphs swapped and one
    operative paragraph removed: moves, deletions and renumbering."""
    root = folder / "project"
    root.mkdir()
    for name in ("draftkit.toml", "sources.yaml", "clauses", "documents"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(REPO / name, root / name)
    v1 = (root / "documents" / "civic-forum-2025.yaml").read_text(encoding="utf-8")
    v2 = v1.replace(FIRST + SECOND, SECOND + FIRST).replace("  - monitor-gender-commitments\n", "")
    assert v2 != v1
    (root / "v2").mkdir()
    (root / "v2" / "civic-forum-2025.yaml").write_text(v2, encoding="utf-8")
    out = folder / "document-redline.docx"
    result = diff(
        "documents/civic-forum-2025.yaml", "v2/civic-forum-2025.yaml", "--document",
        "-f", "docx", "-o", out, cwd=root,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    return out


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _external_targets(path: Path) -> set[str]:
    """Every hyperlink target the package's parts relate to."""
    targets = set()
    for name, blob in _parts(path).items():
        if name.endswith(".rels"):
            for rel in etree.fromstring(blob):
                if rel.get("TargetMode") == "External":
                    targets.add(rel.get("Target"))
    return targets


def _audit(path: Path) -> list[str]:
    return [str(error) for error in OpenXmlValidator().validate(path).errors]


def _integrity(path: Path) -> list[str]:
    return [
        f"{f.code} {f.message} at {f.where}"
        for f in integrity_check(path)
        if f.severity in (Severity.ERROR, Severity.WARN)
    ]


def _mutated(source: Path, target: Path, name: str, edit) -> Path:  # type: ignore[no-untyped-def]
    parts = _parts(source)
    root = etree.fromstring(parts[name])
    edit(root)
    parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for member, blob in parts.items():
            package.writestr(member, blob)
    return target


# -- the checkers ------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_openxml_audit_and_ooxml_integrity_find_nothing(examples, name: str) -> None:  # type: ignore[no-untyped-def]
    assert _audit(examples[name]) == []
    assert _integrity(examples[name]) == []


def test_the_checkers_catch_a_dangling_id_and_a_misordered_element(examples, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What the test above relies on: a hyperlink in a note whose id the notes part does
    not relate (the defect draftkit had), and a paragraph's style after its numbering."""
    good = examples["resolution-en"]

    def dangling(root: etree._Element) -> None:
        link = root.find(".//w:hyperlink", NS)
        link.set(f"{{{R}}}id", "rId999")

    def misordered(root: etree._Element) -> None:
        ppr = next(p for p in root.iterfind(".//w:pPr", NS) if p.find("w:numPr", NS) is not None)
        ppr.append(ppr.find("w:pStyle", NS))  # pStyle must come first in w:pPr

    bad_id = _mutated(good, tmp_path / "dangling.docx", "word/footnotes.xml", dangling)
    assert any("rId999" in e for e in _audit(bad_id))
    assert any("rId999" in e for e in _integrity(bad_id))
    with pytest.raises(KeyError, match="rId999"), bad_id.open("rb") as f:
        mammoth.convert_to_html(f)
    bad_order = _mutated(good, tmp_path / "order.docx", "word/document.xml", misordered)
    assert any("pStyle" in e for e in _audit(bad_order))


@pytest.mark.parametrize("name", EXAMPLES)
def test_mammoth_reads_the_links_without_errors(examples, name: str) -> None:  # type: ignore[no-untyped-def]
    path = examples[name]
    with path.open("rb") as f:
        result = mammoth.convert_to_html(f)
    problems = [
        m.message
        for m in result.messages
        if m.type == "error" or not m.message.startswith("Unrecognised ")  # custom styles
    ]
    assert problems == []
    hrefs = set(re.findall(r'href="([^"#][^"]*)"', result.value))
    targets = _external_targets(path)
    assert {t.replace("&", "&amp;") for t in targets} <= hrefs
    if name.startswith("resolution"):
        assert len(targets) >= 5  # the notes' links, which mammoth used to stop at


@pytest.mark.parametrize("name", EXAMPLES)
def test_pandoc_keeps_the_link_targets(examples, name: str) -> None:  # type: ignore[no-untyped-def]
    path = examples[name]
    html = pypandoc.convert_file(str(path), "html")
    hrefs = set(re.findall(r'href="([^"#][^"]*)"', html))
    assert {t.replace("&", "&amp;") for t in _external_targets(path)} <= hrefs
    assert 'href=""' not in html


@pytest.mark.parametrize("name", TITLED)
def test_pandoc_sees_the_title_as_a_heading(examples, example_project, name: str) -> None:  # type: ignore[no-untyped-def]
    kind, lang = name.rsplit("-", 1)
    title = _assemble(example_project, {"resolution": EXAMPLE, **EVENTS}[kind], lang)
    html = pypandoc.convert_file(str(examples[name]), "html")
    h1 = [
        re.sub(r"<[^>]+>|\s+", " ", h).strip()
        for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    ]
    assert h1 == [re.sub(r"\s+", " ", title.document.meta.title).strip()]


def test_title_and_headings_carry_outline_levels(examples) -> None:  # type: ignore[no-untyped-def]
    styles = etree.fromstring(_parts(examples["resolution-en"])["word/styles.xml"])

    def style(name: str) -> etree._Element:
        return styles.xpath(f"w:style[w:name/@w:val='{name}']", namespaces=NS)[0]

    headings = (("Resolution Title", "0"), ("Section Heading", "1"), ("Press Headline", "0"))
    for name, level in headings:
        assert style(name).find("w:pPr/w:outlineLvl", NS).get(f"{{{W}}}val") == level
        parent = style(name).find("w:basedOn", NS).get(f"{{{W}}}val")
        parent_name = styles.xpath(f"w:style[@w:styleId='{parent}']/w:name/@w:val", namespaces=NS)
        assert parent_name == [f"heading {int(level) + 1}"]  # what pandoc looks for


# -- no template leftovers ---------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_python_docx_template_leftovers(examples, name: str) -> None:  # type: ignore[no-untyped-def]
    import draftkit

    parts = _parts(examples[name])
    app = etree.fromstring(parts["docProps/app.xml"])
    ep = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ep}Application") == "draftkit"
    major, minor, patch = (int(n) for n in draftkit.__version__.split(".")[:3])
    assert app.findtext(f"{ep}AppVersion") == f"{major:02d}.{minor:02d}{patch:02d}"  # NN.NNNN
    assert app.find(f"{ep}Pages") is None and app.find(f"{ep}Words") is None  # no fake counts
    settings = etree.fromstring(parts["word/settings.xml"])
    mode = settings.find("w:compat/w:compatSetting[@w:name='compatibilityMode']", NS)
    assert mode.get(f"{{{W}}}val") == "15"
    leftovers = [
        n
        for n in parts
        if n.startswith("customXml/")
        or n in ("word/stylesWithEffects.xml", "word/webSettings.xml")
        or "thumbnail" in n
    ]
    assert leftovers == []
    # Was 846 KB, 794 KB of it python-docx's styles.xml and stylesWithEffects.xml. The
    # embedded fonts (test_docx_fonts.py) are the style sheet's choice, not leftovers.
    fonts = [n for n in parts if n.startswith("word/fonts/")]
    assert all(n.endswith(".odttf") for n in fonts) and len(fonts) <= 4
    assert sum(len(b) for n, b in parts.items() if n not in fonts) < 100_000
    assert len(parts["word/styles.xml"]) < 20_000


def test_styles_are_draftkits_and_the_ones_a_user_restyles(examples) -> None:  # type: ignore[no-untyped-def]
    styles = etree.fromstring(_parts(examples["resolution-en"])["word/styles.xml"])
    names = {s.get(f"{{{W}}}val") for s in styles.iterfind("w:style/w:name", NS)}
    expected = {
        "Normal", "Default Paragraph Font", "Normal Table", "No List", "Hyperlink",
        "heading 1", "heading 2", "heading 3",
        "footnote text", "footnote reference", "endnote text", "endnote reference",
    }  # fmt: skip
    sheet = example_styles()
    assert names == expected | sheet
    assert styles.find("w:latentStyles", NS) is None


def example_styles() -> set[str]:
    from draftkit.render.styles import load_style_sheet

    sheet = load_style_sheet(REPO / "templates" / "styles.yaml")
    return {d.name for d in (*sheet.paragraph.values(), *sheet.character.values())}


# -- numbering ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not have("soffice"), reason="LibreOffice is not installed")
def test_two_digit_numbers_keep_their_distance_in_libreoffice(tmp_path: Path) -> None:
    """ "10." followed by its text: at least a space's width between them (it was 2.2 pt,
    under a 12-point space's 3.8, and read "10.Calls")."""
    import pdfplumber

    from tests.cli.helpers import run

    root = tmp_path / "p"
    root.mkdir()
    for name in ("draftkit.toml", "sources.yaml", "clauses"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(REPO / name, root / name)
    operative = [
        "strengthen-cross-sector-collaboration", "include-womens-rights-in-state-programmes",
        "support-womens-economic-empowerment", "business-csr-action-plans",
        "monitor-gender-commitments", "promote-unscr-1325-in-strategies",
        "lobby-glacier-law-and-civic-laws", "requests-ombudsman-monitor-civic-space",
        "decides-establish-follow-up-working-group", "urges-full-implementation-ilo-c190",
        "invites-partners-fund-womens-organizations-climate-action",
    ]  # fmt: skip
    (root / "documents").mkdir()
    (root / "documents" / "long.yaml").write_text(
        "template: resolution\ntitle: ELEVEN OPERATIVE PARAGRAPHS\nforum: Forum\n"
        "date: 2025-03-04\nplace: Bishkek\ncity: Bishkek\n"
        "params: {forum_short: Forum, year: 2026}\n"
        "opening: participants-declare-solidarity\nchapeau: implementation-chapeau\n"
        "operative:\n" + "".join(f"  - {c}\n" for c in operative),
        encoding="utf-8",
    )
    result = run("build", "documents/long.yaml", "--lang", "en", "-f", "docx", cwd=root)
    assert result.returncode == 0, result.stderr
    docx_path = root / "build" / "en" / "long.docx"
    subprocess_run = __import__("subprocess").run
    subprocess_run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    gaps: dict[str, float] = {}
    with pdfplumber.open(tmp_path / "long.pdf") as pdf:
        for page in pdf.pages:
            words = page.extract_words(x_tolerance=0.5)
            for word, following in zip(words, words[1:], strict=False):
                label = re.match(r"(\d+)\.", word["text"])
                same_line = abs(following["top"] - word["top"]) < 2
                if label and word["x0"] < page.width * 0.2 and same_line:
                    gaps[label.group(1)] = following["x0"] - word["x1"]
                    if word["text"] != label.group(0):
                        gaps[label.group(1)] = 0.0  # the text glued to the number
    assert {"9", "10", "11"} <= set(gaps)
    space = 0.3 * 12  # a word space of a 12-point font, in points
    assert min(gaps[n] for n in ("10", "11")) >= space, gaps

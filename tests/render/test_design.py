"""One design, two writers: styles.yaml makes both the Word styles and the PDF's CSS, and
the PDF's typography (URLs, note calls, hyphens, Kyrgyz alignment) read back from the files."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
import tinycss2
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree
from pypdf import PdfReader

from draftkit.model.nodes import Link, plain_text, walk
from draftkit.project import Project
from tests.cli.helpers import make_project
from tests.conftest import EXAMPLE, REPO, Built, assemble_file, build_formats, have

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLES = yaml.safe_load((REPO / "templates" / "styles.yaml").read_text(encoding="utf-8"))
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def css_rules(html: Path) -> dict[str, dict[str, str]]:
    """The declarations of each single-class rule (".dk-title") in the page's CSS, the
    later rule winning as in the cascade."""
    css = re.search(r"<style>(.*?)</style>", html.read_text(encoding="utf-8"), re.S).group(1)  # type: ignore[union-attr]
    rules: dict[str, dict[str, str]] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        for decl in tinycss2.parse_declaration_list(rule.content, True, True):
            if decl.type == "declaration":
                value = tinycss2.serialize(decl.value).strip()
                rules.setdefault(selector, {})[decl.lower_name] = value
    return rules


def length(value: str, unit: str) -> float:
    number = re.fullmatch(rf"(-?[\d.]+){unit}", value)
    assert number, (value, unit)
    return float(number.group(1))


@pytest.fixture(scope="module")
def kyrgyz(example_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("ky")
    return build_formats(assemble_file(example_project, EXAMPLE, "ky"), folder, "ky")


def test_word_styles_and_css_follow_styles_yaml_for_every_role(example_built: Built) -> None:
    word = docx.Document(str(example_built.docx)).styles
    rules = css_rules(example_built.html)
    base = STYLES["document"]
    normal = word["Normal"]
    assert normal.font.name == base["font"]
    assert normal.font.size.pt == base["size"]
    assert rules["html"]["font-size"] == f"{base['size']}pt"
    assert float(rules["html"]["line-height"]) == base["line_height"]
    for role, spec in STYLES["paragraph"].items():
        style = word[spec["name"]]
        css = rules[f".dk-{role}"]
        fmt = style.paragraph_format
        size = spec.get("size", base["size"])
        assert (style.font.size or normal.font.size).pt == size == length(css["font-size"], "pt")
        assert bool(style.font.bold) == bool(spec.get("bold")) == (css["font-weight"] == "bold")
        assert (
            bool(style.font.italic) == bool(spec.get("italic")) == (css["font-style"] == "italic")
        )
        align = spec.get("align", "left")
        assert fmt.alignment == ALIGN[align] and css["text-align"] == align, role
        left, after, before = css["margin"].split()[3], css["margin"].split()[2], css["padding"]
        assert (fmt.left_indent or 0) / 360000 == pytest.approx(length(left, "cm"), abs=0.01)
        assert spec.get("left_indent", 0) == pytest.approx(length(left, "cm"))
        first = (
            -spec["hanging_indent"]
            if "hanging_indent" in spec
            else spec.get("first_line_indent", 0)
        )
        if not spec.get("bullet"):  # a bullet hangs as a list marker in CSS
            assert length(css["text-indent"], "cm") == pytest.approx(first)
        assert (fmt.first_line_indent or 0) / 360000 == pytest.approx(first, abs=0.01)
        assert fmt.space_after.pt == spec.get("space_after", 0) == length(after, "pt")
        assert fmt.space_before.pt == spec.get("space_before", 0) == length(before.split()[0], "pt")
        line_height = spec.get("line_height", base["line_height"])
        assert fmt.line_spacing.pt == pytest.approx(size * line_height, abs=0.05)
        if "line_height" in spec:
            assert float(css["line-height"]) == line_height
        keep_next = bool(spec.get("keep_with_next"))
        assert bool(fmt.keep_with_next) == keep_next == (css.get("break-after") == "avoid"), role
        keep = bool(spec.get("keep_together"))
        assert bool(fmt.keep_together) == keep == (css.get("break-inside") == "avoid"), role


def test_the_closing_paragraph_keeps_with_the_signature(example_built: Built) -> None:
    word = docx.Document(str(example_built.docx)).styles
    assert word["Closing Paragraph"].paragraph_format.keep_with_next


def test_word_numbers_pages_in_a_footer_as_the_pdf_does(example_built: Built) -> None:
    with zipfile.ZipFile(example_built.docx) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        (ref,) = document.iter(f"{W}footerReference")
        target = next(
            r.get("Target")
            for r in rels
            if r.get("Id")
            == ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        )
        footer = etree.fromstring(z.read(f"word/{target}"))
    fields = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert fields == ["PAGE", "NUMPAGES"]
    texts = "".join(t.text for t in footer.iter(f"{W}t"))
    assert texts == "1 / 1"  # the fields' placeholders around the format's " / "
    (jc,) = footer.iter(f"{W}jc")
    assert jc.get(f"{W}val") == "center"
    pdf = (
        subprocess.run(
            ["pdftotext", "-layout", str(example_built.pdf), "-"], capture_output=True, text=True
        ).stdout
        if have("pdftotext")
        else "".join(p.extract_text() for p in PdfReader(example_built.pdf).pages)
    )
    pages = len(PdfReader(example_built.pdf).pages)
    assert re.search(rf"\b1 ?/ ?{pages}\b", pdf)


@pytest.mark.slow
def test_kyrgyz_is_ragged_right_and_keeps_the_roles_alignment(kyrgyz: Built) -> None:
    with pdfplumber.open(kyrgyz.pdf) as pdf:
        page = pdf.pages[0]
        title = [c for c in page.chars if c["size"] > 12]  # the 13 pt title
        centre = (min(c["x0"] for c in title) + max(c["x1"] for c in title)) / 2
        assert centre == pytest.approx(page.width / 2, abs=3)
        lines = page.extract_text_lines()
        body = [
            ln
            for ln in lines
            if ln["x0"] < 90 and ln["chars"][0]["size"] == pytest.approx(11, abs=0.1)
        ]
        right_edges = [ln["x1"] for ln in body]
        assert len(body) > 10
        assert max(right_edges) - min(right_edges) > 30  # ragged, not justified
        signature = [ln for ln in pdf.pages[-1].extract_text_lines() if "Бишкек" in ln["text"]]
        assert signature and signature[-1]["x1"] == pytest.approx(
            page.width - 2.5 / 2.54 * 72, abs=2
        )
    word = docx.Document(str(kyrgyz.docx)).styles
    for role, spec in STYLES["paragraph"].items():
        expected = "left" if spec.get("align") == "justify" else spec.get("align", "left")
        assert word[spec["name"]].paragraph_format.alignment == ALIGN[expected], role
    assert word["Resolution Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def note_urls(built: Built) -> list[str]:
    document = built.assembled.document
    return [
        node.url
        for note in document.footnotes + document.endnotes
        for node in walk(note.content)
        if isinstance(node, Link)
    ]


@pytest.mark.skipif(not have("pdftotext"), reason="poppler-utils not installed")
def test_urls_break_without_a_hyphen(example_built: Built, kyrgyz: Built) -> None:
    for built in (example_built, kyrgyz):
        text = subprocess.run(
            ["pdftotext", "-layout", str(built.pdf), "-"], capture_output=True, text=True
        ).stdout
        flat = re.sub(r"\s+", "", text)
        urls = note_urls(built)
        assert len(urls) >= 5
        for url in urls:
            assert url in flat, url  # whole: no hyphen, soft or not, inserted


def test_hyphenated_words_extract_whole(example_built: Built) -> None:
    source = " ".join(
        plain_text(seq) for seq in example_built.assembled.document.inline_sequences()
    )
    words = set(re.findall(r"\w+", source))
    pypdf_text = "\n".join(p.extract_text() for p in PdfReader(example_built.pdf).pages)
    texts = [pypdf_text]
    if have("pdftotext"):
        texts.append(
            subprocess.run(
                ["pdftotext", str(example_built.pdf), "-"], capture_output=True, text=True
            ).stdout
        )
    for text in texts:
        assert "\u2010" not in text
        # a word broken at a line's end (one at a page's end is followed by the notes)
        broken = re.findall(r"(\w+)\u00ad\n([^\W\d_]+)", text)
        assert len(broken) >= 5  # the example has hyphenated words: the test is not empty
        for head, tail in broken:
            assert head + tail in words, (head, tail)
            assert len(head) >= 3 and len(tail) >= 3  # hyphenate-limit-chars


NOTE_CALLS = {
    "clauses/x.yaml": "clauses:\n"
    + "".join(
        f"  - id: c{i}\n    kind: operative\n    lead: Notes\n"
        f"    text: {'that the forum ' * (i % 5)}{'recalled ' * (i % 3)}"
        f"its mandate in the KR.[^en:sdg-5] [^en:sdg-6][^sdg-7] and moves on{' again' * i}\n"
        for i in range(14)
    ),
    "sources.yaml": "sources:\n"
    "  - {id: sdg-5, title: Goal 5, publisher: United Nations}\n"
    "  - {id: sdg-6, title: Goal 6, publisher: United Nations}\n"
    "  - {id: sdg-7, title: Goal 7, publisher: United Nations}\n",
    "documents/d.yaml": "template: resolution\ntitle: T\ndate: 2026-01-15\noperative: ["
    + ", ".join(f"c{i}" for i in range(14))
    + "]\n",
}


@pytest.mark.slow
def test_note_calls_never_part_from_each_other_or_their_word(tmp_path: Path) -> None:
    """Calls at every position of a line (many widths), two of them parted by a space as
    in the example's "KR.ⁱ ⁱⁱ": none starts a line."""
    project = make_project(tmp_path / "p", NOTE_CALLS)
    result = project.run("build", "-f", "pdf")
    assert result.returncode == 0, result.stderr
    calls_seen = 0
    with pdfplumber.open(project.root / "build" / "en" / "d.pdf") as pdf:
        for page in pdf.pages:
            chars = page.chars
            for call in (c for c in chars if c["size"] < 8.5 and c["text"].strip()):
                if call["top"] > page.height - 72:  # the page number
                    continue
                calls_seen += 1
                assert any(
                    other is not call
                    and other["x1"] <= call["x0"] + 0.6  # something before it on its line
                    and abs(other["bottom"] - call["bottom"]) < 8
                    for other in chars
                ), f"a note call starts a line on page {page.page_number}: {call['text']!r}"
    assert calls_seen >= 42


def test_a_projects_styles_yaml_changes_both_outputs(tmp_path: Path) -> None:
    builtin = (REPO / "templates" / "styles.yaml").read_text(encoding="utf-8")
    text = builtin.replace(
        "{name: Operative Paragraph, align: justify,",
        "{name: Operative Paragraph, size: 14, align: center,",
    ).replace(
        'format: "{page} / {pages}", position: bottom-center',
        'format: "Page {page} of {pages}", position: bottom-right',
    )
    assert text != builtin
    project = make_project(tmp_path / "p", {"templates/styles.yaml": text})
    result = project.run("build", "-f", "docx", "-f", "pdf", "-f", "html")
    assert result.returncode == 0, result.stderr
    out = project.root / "build" / "en"
    style = docx.Document(str(out / "d.docx")).styles["Operative Paragraph"]
    assert style.font.size.pt == 14
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    css = css_rules(out / "d.html")[".dk-operative"]
    assert css["font-size"] == "14pt" and css["text-align"] == "center"
    with zipfile.ZipFile(out / "d.docx") as z:
        footer = next(n for n in z.namelist() if re.fullmatch(r"word/footer\d*\.xml", n))
        root = etree.fromstring(z.read(footer))
    assert "".join(t.text for t in root.iter(f"{W}t")) == "Page 1 of 1"
    assert next(root.iter(f"{W}jc")).get(f"{W}val") == "right"
    with pdfplumber.open(out / "d.pdf") as pdf:
        page = pdf.pages[0]
        words = page.extract_words(extra_attrs=["size"])
        sizes = [w["size"] for w in words if w["text"] == "partners"]
        assert sizes and all(size == pytest.approx(14, abs=0.01) for size in sizes)
        number = [w for w in words if w["text"] == "Page" and w["top"] > page.height - 72]
        assert number and min(w["x0"] for w in number) > page.width / 2
        assert "Page 1 of 1" in page.extract_text()

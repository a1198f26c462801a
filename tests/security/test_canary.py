"""A canary file outside the project must never reach a PDF, whichever channel asks for it.

Channels: clause text, a source, the document's own fields (template variables), and a
project's CSS. Text channels come out as literal text; a stylesheet that asks for a file
outside the template folders is dropped with a warning at its line (render.cssrefs); a
refused URL that no warning announced stops the build.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from draftkit.errors import DraftkitError
from draftkit.project import Project
from draftkit.render.cssrefs import StyleSheetWarning
from tests.conftest import assemble_file, build_formats

SECRET = "CANARY-5e1f0c-TOP-SECRET"


def vectors(canary: Path) -> list[str]:
    url = canary.as_uri()
    return [
        f'<link rel="attachment" href="{url}">',
        f'<a rel="attachment" href="{url}">x</a>',
        f'<img src="{url}">',
        f'<object data="{url}"></object>',
        f"<style>@import url({url});</style>",
        "<script>document.write('x')</script>",
    ]


def pdf_payload(pdf: bytes) -> bytes:
    """Every stream of the PDF, decompressed, plus the raw file."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(chunks)


def make_project(root: Path, canary: Path) -> Path:
    hostile = " ".join(vectors(canary)).replace('"', "'")
    (root / "clauses").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "draftkit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    (root / "sources.yaml").write_text(
        'sources:\n  - id: src\n    title: "' + hostile + '"\n    url: https://example.org/\n',
        encoding="utf-8",
    )
    (root / "clauses" / "c.yaml").write_text(
        'clauses:\n  - id: evil\n    kind: operative\n    text: "' + hostile + ' [^src]"\n',
        encoding="utf-8",
    )
    doc = root / "documents" / "d.yaml"
    doc.write_text(
        'title: "' + hostile + '"\nforum: "' + hostile + '"\nplace: "' + hostile + '"\n'
        "date: 2025-03-04\noperative: [evil]\n",
        encoding="utf-8",
    )
    return doc


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "canary.txt"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    (path.parent / "canary.css").write_text(f'body::before {{ content: "{SECRET}" }}')
    return path


def test_text_channels_come_out_as_literal_text(tmp_path: Path, canary: Path) -> None:
    doc = make_project(tmp_path / "p", canary)
    project = Project.discover(doc)
    built = build_formats(assemble_file(project, doc), tmp_path, "out")
    pdf = built.pdf.read_bytes()
    assert SECRET.encode() not in pdf_payload(pdf)
    assert b"/EmbeddedFiles" not in pdf_payload(pdf)
    html = built.html.read_text(encoding="utf-8")
    assert "<link rel" not in html
    assert "&lt;link rel=&#39;attachment&#39;" in html
    assert "<script>" not in html
    # the words are visible as text in the PDF
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(built.pdf).pages)
    assert "<link rel='attachment'" in text


def test_control_default_fetcher_would_leak(tmp_path: Path, canary: Path) -> None:
    """Proves the detector above can see a leak: plain WeasyPrint embeds the canary."""
    import weasyprint

    html = f'<html><body><p>x</p><link rel="attachment" href="{canary.as_uri()}"></body></html>'
    pdf = weasyprint.HTML(string=html, base_url=str(tmp_path)).write_pdf()
    assert SECRET.encode() in pdf_payload(pdf)


def test_project_css_cannot_import_a_file_outside_the_project(tmp_path: Path, canary: Path) -> None:
    root = tmp_path / "p"
    doc = make_project(root, canary)
    (root / "templates" / "pdf").mkdir(parents=True)
    (root / "templates" / "pdf" / "document.css").write_text(
        f'@import url("{canary.with_suffix(".css").as_uri()}");\nbody {{ color: black; }}\n'
    )
    project = Project.discover(doc)
    # Said and dropped: the PDF is built without the rule, and without the file.
    with pytest.warns(StyleSheetWarning, match=r"document.css:1: @import .* was not loaded"):
        built = build_formats(assemble_file(project, doc), tmp_path, "out")
    assert SECRET.encode() not in pdf_payload(built.pdf.read_bytes())


def test_a_refused_url_the_style_sheet_pass_did_not_report_still_stops_the_render(
    tmp_path: Path, canary: Path
) -> None:
    """The fetcher answers with nothing only the URLs it was told were reported."""
    from draftkit.fsutil import BuildClock
    from draftkit.render.pdf import write_pdf

    html = f"<style>@import url({canary.with_suffix('.css').as_uri()});</style><p>x</p>"
    with pytest.raises(DraftkitError, match="denied"):
        write_pdf(
            html,
            base_dir=tmp_path,
            allowed_roots=[tmp_path / "p"],
            clock=BuildClock.for_document(None),
        )


def test_project_css_may_use_its_own_assets(tmp_path: Path, canary: Path) -> None:
    root = tmp_path / "p"
    doc = make_project(root, canary)
    (root / "templates" / "pdf").mkdir(parents=True)
    (root / "templates" / "pdf" / "extra.css").write_text("p { color: #111; }\n")
    (root / "templates" / "pdf" / "document.css").write_text('@import url("extra.css");\n')
    project = Project.discover(doc)
    built = build_formats(assemble_file(project, doc), tmp_path, "out")
    assert built.pdf.read_bytes().startswith(b"%PDF")


def test_a_template_cannot_write_html(tmp_path: Path, canary: Path) -> None:
    root = tmp_path / "p"
    doc = make_project(root, canary)
    (root / "templates").mkdir()
    (root / "templates" / "resolution.xml.j2").write_text(
        f'<document><link rel="attachment" href="{canary.as_uri()}"/></document>\n'
    )
    project = Project.discover(doc)
    with pytest.raises(DraftkitError, match="not a block element"):
        assemble_file(project, doc)

"""The PDF read back with pdfplumber and pypdf: text, notes on their page, fonts, metadata."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from draftkit.model import plain_text
from tests.conftest import Built, normalise, seed_paragraphs

BODY_MIN_SIZE = 10  # body text is 11 pt; notes, note calls and page numbers are smaller


def body_text(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [
            page.filter(lambda o: o.get("size", BODY_MIN_SIZE) >= BODY_MIN_SIZE).extract_text()
            for page in doc.pages
        ]


def small_text(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [
            page.filter(
                lambda o: o.get("object_type") != "char" or o.get("size", 0) < BODY_MIN_SIZE
            ).extract_text()
            for page in doc.pages
        ]


def test_every_seed_paragraph_is_in_the_pdf(example_built: Built) -> None:
    text = normalise(" ".join(body_text(example_built.pdf)))
    for paragraph in seed_paragraphs():
        assert paragraph in text


def test_each_footnote_is_at_the_foot_of_the_page_that_calls_it(example_built: Built) -> None:
    doc = example_built.assembled.document
    pages_body = [normalise(t) for t in body_text(example_built.pdf)]
    pages_small = [normalise(t) for t in small_text(example_built.pdf)]
    with pdfplumber.open(example_built.pdf) as pdf:
        heights = [float(p.height) for p in pdf.pages]
    checked = 0
    for block in doc.blocks:
        before = ""
        for inline in block.content:
            if getattr(inline, "note", None) is not None and inline.series == "footnote":
                words = normalise(before).split()[-6:]
                anchor = " ".join(words)
                call_pages = [i for i, t in enumerate(pages_body) if anchor in t]
                note_start = normalise(plain_text(inline.note.content))[:40]
                note_pages = [i for i, t in enumerate(pages_small) if note_start in t]
                assert call_pages and note_pages, (anchor, note_start)
                assert call_pages[-1] == note_pages[0]
                checked += 1
            before += plain_text([inline])
    assert checked == len(doc.footnotes) == 2
    # and "at the foot": the footnote text is in the bottom third of its page
    with pdfplumber.open(example_built.pdf) as pdf:
        for page_index, page in enumerate(pdf.pages):
            for word in page.extract_words():
                if word["text"].startswith("https://www.un.org/sustainable"):
                    assert word["top"] > heights[page_index] * 2 / 3


def test_endnotes_come_last_in_lower_roman(example_built: Built) -> None:
    last = normalise(small_text(example_built.pdf)[-1])
    urls = last.replace(" ", "")  # a URL breaks across lines
    for url in ("1075058283418490", "615044696786639", "NAP%201325"):
        assert url in urls
    assert urls.index("1075058283418490") < urls.index("615044696786639") < urls.index("NAP%201325")
    assert last.split("Video recording")[0].strip().endswith("i")


def test_fonts_are_embedded_and_named(example_built: Built) -> None:
    reader = PdfReader(example_built.pdf)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor or "/FontFile3" in descriptor
    assert fonts and all(fonts.values())
    assert all("+draftkit-Noto-Serif" in name for name in fonts), sorted(fonts)


def test_metadata_title_and_language(example_built: Built) -> None:
    reader = PdfReader(example_built.pdf)
    assert reader.metadata.title == "FINAL JOINT RESOLUTION OF THE FORUM PARTICIPANTS"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert len(reader.pages) >= 2
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4


def test_page_numbers(example_built: Built) -> None:
    pages = small_text(example_built.pdf)
    for index, text in enumerate(pages, start=1):
        assert f"{index} / {len(pages)}" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_the_same_text(example_built: Built) -> None:
    result = subprocess.run(
        ["pdftotext", str(example_built.pdf), "-"], capture_output=True, text=True, check=True
    )
    text = normalise(result.stdout)
    for paragraph in seed_paragraphs()[:3]:
        assert paragraph.split(". ")[0] in text


def test_fonts_are_subset_by_the_locked_fonttools_whatever_the_system_has(
    example_built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint prefers the system's HarfBuzz-Subset, whose font programs differ from
    fontTools': with it, the same build gave other bytes on a machine that had it."""
    import weasyprint.pdf.fonts as pdf_fonts

    from draftkit.fsutil import BuildClock
    from tests.conftest import render

    used: list[str] = []
    real = pdf_fonts.Font._fonttools_subset

    def fonttools(self, *args):  # type: ignore[no-untyped-def]
        used.append("fontTools")
        return real(self, *args)

    # As on a machine with libharfbuzz-subset0 installed.
    monkeypatch.setattr(pdf_fonts, "harfbuzz_subset", object())
    monkeypatch.setattr(pdf_fonts.Font, "_harfbuzz_subset", lambda *a: used.append("HarfBuzz"))
    monkeypatch.setattr(pdf_fonts.Font, "_fonttools_subset", fonttools)
    assembled = example_built.assembled
    pdf = render(assembled, "pdf", BuildClock.for_document(assembled.document.meta.date))
    assert used and set(used) == {"fontTools"}
    assert pdf == example_built.pdf.read_bytes()


def test_a_worker_that_died_leaves_the_pdf_to_this_process(example_built: Built) -> None:
    """The forked layout process killed (out of memory, by hand): the PDF is still written,
    with the same bytes, in the calling process."""
    import sys

    from draftkit.fsutil import BuildClock
    from draftkit.render import pdf as writer
    from tests.conftest import render

    if sys.platform != "linux":
        pytest.skip("the layout process is forked on Linux only")
    assembled = example_built.assembled
    with writer.renderer():
        for process in list(writer._worker._processes.values()):
            process.kill()
            process.join()
        data = render(assembled, "pdf", BuildClock.for_document(assembled.document.meta.date))
    assert data == example_built.pdf.read_bytes()

"""The DOCX, as LibreOffice lays it out, and the PDF, as WeasyPrint does, look alike.

Word does not run here; LibreOffice is the independent program that opens the DOCX. Each
example is built with the CLI, its DOCX converted by LibreOffice, and both PDFs read with
pdftotext. Compared on letters and digits only (hyphenation, spacing, quotes and the
list separator differ between the engines and say nothing about the content):

- every paragraph, with its number or label, in the model's order;
- each footnote on the page of its call;
- page counts within one;
- the signature on the page that ends the closing paragraph.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from draftkit.model.nodes import Document, Emph, Inline, Link, NoteRef, Strong, Text
from draftkit.pipeline import assemble_document
from draftkit.project import Project
from tests.conftest import PYTHON, REPO

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
]

RESOLUTION = "documents/civic-forum-2025.yaml"
PRESS_RELEASE = "events/civic-forum-2025.yaml"
MEDIA_ADVISORY = "events/womens-leadership-dialogue-osh-2021.yaml"
CASES = [
    (RESOLUTION, "en"),
    (RESOLUTION, "ru"),
    (RESOLUTION, "ky"),
    (PRESS_RELEASE, "en"),
    (PRESS_RELEASE, "ky"),
    (MEDIA_ADVISORY, "en"),
]
ANCHOR = 24  # letters and digits: a few words, less than a line, so never across a page


def letters(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@dataclass
class Pages:
    pages: list[str]  # letters and digits of each page

    @classmethod
    def read(cls, pdf: Path) -> Pages:
        text = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return cls([letters(page) for page in text.split("\f") if page.strip()])

    @property
    def flat(self) -> str:
        return "".join(self.pages)

    def locate(self, anchors: list[str], what: str) -> list[int]:
        """The position of each anchor, each found after the one before it."""
        flat, positions, position = self.flat, [], 0
        for anchor in anchors:
            found = flat.find(anchor, position)
            assert found >= 0, f"{what} lacks {anchor!r} after position {position}"
            positions.append(found)
            position = found + len(anchor)
        return positions

    def page_at(self, position: int) -> int:
        for number, page in enumerate(self.pages):
            if position < len(page):
                return number
            position -= len(page)
        raise AssertionError("past the last page")

    def page_of(self, text: str) -> int:
        pages = [i for i, page in enumerate(self.pages) if text in page]
        assert pages, f"{text!r} is on no page"
        return pages[0]


def segments(inlines: list[Inline]) -> list[str | NoteRef]:
    """The text of ``inlines``, cut at each note call."""
    out: list[str | NoteRef] = [""]

    def walk(items: list[Inline]) -> None:
        for item in items:
            if isinstance(item, Text):
                out[-1] += item.text  # type: ignore[operator]
            elif isinstance(item, NoteRef):
                out.extend([item, ""])
            elif isinstance(item, Emph | Strong | Link):
                walk(item.children)

    walk(inlines)
    return out


@dataclass
class Expected:
    """Anchors the two layouts must show, in order; notes and signature by anchor index."""

    anchors: list[str]
    footnotes: list[tuple[int, str]]  # (anchor just before the call, the note's text)
    signature: tuple[int, int] | None  # (end of the closing paragraph, the signature)


def expected(doc: Document) -> Expected:
    anchors: list[str] = []
    footnotes: list[tuple[int, str]] = []
    closing_end = signature = -1

    def paragraph(prefix: str, inlines: list[Inline]) -> None:
        parts = segments(inlines)
        texts = [letters(p) for p in parts if isinstance(p, str)]
        anchors.append((prefix + next((t for t in texts if t), ""))[:ANCHOR])
        before = ""
        for part in parts:
            if isinstance(part, str):
                before += letters(part)
            elif part.series == "footnote" and part.note is not None and len(before) >= 2 * ANCHOR:
                anchors.append(before[-ANCHOR:])
                body = "".join(s for s in segments(part.note.content) if isinstance(s, str))
                footnotes.append((len(anchors) - 1, letters(body)[:ANCHOR]))
        last = next((t for t in reversed(texts) if t), "")
        if len(last) >= 2 * ANCHOR and anchors[-1] != last[-ANCHOR:]:
            anchors.append(last[-ANCHOR:])

    for block in doc.blocks:
        if block.role == "signature" and signature < 0:
            signature = len(anchors)
        prefix = str(block.number) if block.numbered and block.number is not None else ""
        paragraph(prefix, [*block.lead, *block.content])
        if block.role == "closing":
            closing_end = len(anchors) - 1
        stack = list(block.items)
        while stack:
            item = stack.pop(0)
            paragraph(letters(item.label), item.content)
            stack[:0] = item.children
    for note in doc.endnotes:
        body = "".join(s for s in segments(note.content) if isinstance(s, str))
        anchors.append(letters(body)[:ANCHOR])
    kept = (closing_end, signature) if signature >= 0 and closing_end >= 0 else None
    return Expected(anchors, footnotes, kept)


@dataclass
class Case:
    name: str
    doc: Document
    weasyprint: Pages
    libreoffice: Pages


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Case]:
    out = tmp_path_factory.mktemp("lookalike")
    docx_folder = out / "docx"
    docx_folder.mkdir()
    built: dict[tuple[str, str], Path] = {}
    for number, (spec, lang) in enumerate(CASES):
        folder = out / f"case-{number}"
        subprocess.run(
            [
                PYTHON,
                "-m",
                "draftkit",
                "build",
                spec,
                "--lang",
                lang,
                "-f",
                "docx,pdf",
                "-o",
                str(folder),
                "--force",
            ],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        (docx,) = folder.glob("*/*.docx")
        built[(spec, lang)] = docx.with_suffix(".pdf")
        shutil.copy(docx, docx_folder / f"case-{number}.docx")
    # One LibreOffice process converts them all: its start-up is most of the cost.
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(out / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out / "libreoffice"),
            *sorted(map(str, docx_folder.iterdir())),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    project = Project.discover(REPO)
    result = {}
    for number, key in enumerate(CASES):
        spec, lang = key
        result[key] = Case(
            f"{spec} [{lang}]",
            assemble_document(project, REPO / spec, lang=lang).document,
            Pages.read(built[key]),
            Pages.read(out / "libreoffice" / f"case-{number}.pdf"),
        )
    return result


def ids(case: tuple[str, str]) -> str:
    return f"{Path(case[0]).parent.name}-{Path(case[0]).stem}-{case[1]}"


def engines(case: Case) -> list[tuple[str, Pages]]:
    return [
        (f"{case.name}: WeasyPrint", case.weasyprint),
        (f"{case.name}: LibreOffice", case.libreoffice),
    ]


@pytest.mark.parametrize("key", CASES, ids=ids)
def test_same_paragraphs_and_numbers_in_the_same_order(cases, key) -> None:
    case = cases[key]
    anchors = expected(case.doc).anchors
    assert len(anchors) > 5
    for what, pages in engines(case):
        pages.locate(anchors, what)


@pytest.mark.parametrize("key", CASES, ids=ids)
def test_each_footnote_on_the_page_of_its_call(cases, key) -> None:
    case = cases[key]
    want = expected(case.doc)
    for what, pages in engines(case):
        positions = pages.locate(want.anchors, what)
        for call, note in want.footnotes:
            call_page, note_page = pages.page_at(positions[call]), pages.page_of(note)
            assert call_page == note_page, (
                f"{what} calls {note!r} on page {call_page + 1}"
                f" and prints it on page {note_page + 1}"
            )


@pytest.mark.parametrize("key", CASES, ids=ids)
def test_page_counts_within_one(cases, key) -> None:
    case = cases[key]
    wp, lo = len(case.weasyprint.pages), len(case.libreoffice.pages)
    assert abs(wp - lo) <= 1, f"{case.name}: WeasyPrint {wp} pages, LibreOffice {lo}"


@pytest.mark.parametrize("key", CASES, ids=ids)
def test_the_signature_never_stands_alone(cases, key) -> None:
    case = cases[key]
    want = expected(case.doc)
    if want.signature is None:
        return
    closing, signature = want.signature
    for what, pages in engines(case):
        positions = pages.locate(want.anchors, what)
        assert pages.page_at(positions[closing]) == pages.page_at(positions[signature]), (
            f"{what} puts the signature on a page of its own"
        )

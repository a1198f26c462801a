"""A list of sub-paragraphs ends with its paragraph's own space, not glued to the next number.

Measured on the pages: the space between the last line of an operative paragraph's (a),
(b), (c) and the next operative number is the space between two operative paragraphs,
in the PDF and in the DOCX as LibreOffice lays it out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree

from tests.conftest import PYTHON
from tests.render.test_tagged_pdf import UN_STYLE, project_copy

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBER = re.compile(r"^\d+\.$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = project_copy(tmp_path_factory.mktemp("sublists"))
    (root / "documents" / "un-style.yaml").write_text(UN_STYLE, encoding="utf-8")
    out = root / "out"
    subprocess.run(
        [PYTHON, "-m", "draftkit", "build", "documents/un-style.yaml", "-f", "docx,pdf",
         "-o", str(out)],
        cwd=root,
        check=True,
        capture_output=True,
    )  # fmt: skip
    return {"docx": out / "en" / "un-style.docx", "pdf": out / "en" / "un-style.pdf"}


def gaps(pdf: Path) -> tuple[list[float], list[float]]:
    """Baseline to baseline, before each operative number on the same page: after an
    operative paragraph's last line, and after a sub-paragraph's last line."""
    after_operative, after_sub = [], []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            lines: dict[float, list[dict]] = {}
            for char in page.chars:
                if char["size"] >= 10.5:  # body text, not notes, calls or page numbers
                    lines.setdefault(round(char["bottom"], 1), []).append(char)
            rows = []
            for bottom in sorted(lines):
                chars = sorted(lines[bottom], key=lambda c: c["x0"])
                first = chars[0]["text"]  # the line's first word: up to the first gap
                for char, after in zip(chars, chars[1:], strict=False):
                    if after["x0"] - char["x1"] > 1.5 or after["text"] == " ":
                        break
                    first += after["text"]
                rows.append((bottom, chars[0]["x0"], first))
            numbers = [x for _, x, first in rows if NUMBER.match(first)]
            if not numbers:
                continue
            number_x = min(numbers)
            for (before, x, _), (bottom, nx, first) in zip(rows, rows[1:], strict=False):
                if not (NUMBER.match(first) and abs(nx - number_x) < 1):
                    continue
                # sub-paragraph lines start further in than an operative paragraph's text
                (after_sub if x > number_x + 40 else after_operative).append(bottom - before)
    return after_operative, after_sub


def test_the_pdf_leaves_an_operative_space_after_a_sub_paragraph_list(built) -> None:
    after_operative, after_sub = gaps(built["pdf"])
    assert after_operative and after_sub, (after_operative, after_sub)
    assert min(after_sub) >= max(after_operative) - 0.5, (after_operative, after_sub)


def test_the_docx_ends_each_sub_paragraph_list_with_the_operative_space(built) -> None:
    with zipfile.ZipFile(built["docx"]) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
    paragraphs = body.findall(f"{W}p")

    def style(p: etree._Element) -> str:
        found = p.find(f"{W}pPr/{W}pStyle")
        return found.get(f"{W}val") if found is not None else ""

    ends = [
        p for p, nxt in zip(paragraphs, paragraphs[1:], strict=False)
        if style(p).startswith("SubParagraph") and not style(nxt).startswith("SubParagraph")
    ]  # fmt: skip
    assert len(ends) >= 4
    for p in ends:
        spacing = p.find(f"{W}pPr/{W}spacing")
        assert spacing is not None and spacing.get(f"{W}after") == "160"  # 8 pt, as operative


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_leaves_the_same_space(built, tmp_path: Path) -> None:
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(built["docx"])],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    after_operative, after_sub = gaps(tmp_path / "un-style.pdf")
    assert after_operative and after_sub, (after_operative, after_sub)
    assert min(after_sub) >= max(after_operative) - 0.5, (after_operative, after_sub)

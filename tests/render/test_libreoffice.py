"""LibreOffice, an independent DOCX reader, lays the notes out as notes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Built, normalise

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_libreoffice_converts_the_docx_with_its_notes(example_built: Built, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(example_built.docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "civic-forum-2025.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = normalise(text)
    # A URL may break at the end of a line (after / . - ? & =), so URLs are looked for with
    # the spaces taken out.
    joined = flat.replace(" ", "")
    assert "1075058283418490" in joined and "NAP%201325" in joined  # endnotes
    assert "sustainable-development-goals" in joined  # footnote 1
    assert "Participants of the Civil Forum" in flat
    # endnotes are numbered i, ii, iii (from the section's endnotePr)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    labels = {
        line.split()[0]: index
        for index, line in enumerate(lines)
        if line.split()[0] in ("i", "ii", "iii")
    }
    assert set(labels) == {"i", "ii", "iii"}
    after = " ".join(lines[labels["iii"] : labels["iii"] + 2])
    assert "UNSC Resolution 1325" in after
    # footnotes are at a page foot: the first footnote's text follows its call on that page
    pages = [normalise(p) for p in text.split("\f")]
    page = next(p for p in pages if "SDG 2030" in p)
    assert "Sustainable Development Goals" in page
    assert page.index("SDG 2030") < page.index("Sustainable Development Goals")

"""The example resolution in Russian and Kyrgyz, read back with independent readers."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import etree

from draftkit.project import Project
from tests.conftest import REPO, assemble_file, build_formats, normalise

EXAMPLE = REPO / "documents" / "civic-forum-2025.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Checked by eye against the catalogs: words of the first preambular paragraph (its start
# in Russian; its end in Kyrgyz, where the lead phrase comes last) and the long date.
EXPECTED = {
    "ru": ("Признавая ключевую роль женщин", "4 марта 2025 г."),
    "ky": ("негизги ролун тааныйбыз.", "2025-ж., 4-март"),
}


@pytest.fixture(scope="module", params=["en", "ru", "ky"])
def built(request, tmp_path_factory):
    project = Project.discover(REPO)
    assembled = assemble_file(project, EXAMPLE, lang=request.param)  # strict: no --allow
    return request.param, build_formats(assembled, tmp_path_factory.mktemp(request.param), "x")


def note_counts(path: Path) -> tuple[int, int]:
    with zipfile.ZipFile(path) as z:
        counts = []
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            root = etree.fromstring(z.read(part))
            counts.append(
                len([n for n in root.findall(f"{{{W}}}{tag}") if int(n.get(f"{{{W}}}id")) > 0])
            )
    return counts[0], counts[1]


def test_same_numbers_and_notes_in_every_language(built) -> None:
    lang, out = built
    document = docx.Document(str(out.docx))
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    assert len(operative) == 7
    assert note_counts(out.docx) == (2, 3)
    assert document.core_properties.language.startswith(lang)


def test_a_kyrgyz_paragraph_ends_with_its_lead_phrase(built) -> None:
    """Kyrgyz is verb-final: the lead ("Support" → колдойт) follows the text, in italics,
    before the final punctuation; other languages open the paragraph with it."""
    lang, out = built
    operative = [
        p for p in docx.Document(str(out.docx)).paragraphs if p.style.name == "Operative Paragraph"
    ]
    runs = [r for r in operative[2].runs if r.text.strip()]  # "Support initiatives…"
    if lang == "ky":
        assert operative[2].text.startswith("Аялдардын экономикалык")
        assert [(r.text, r.italic) for r in runs[-2:]] == [("колдойт", True), (".", None)]
    else:
        assert runs[0].style.name == "Lead Phrase"


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_translations_and_dates_in_docx_and_pdf(lang: str, tmp_path: Path) -> None:
    project = Project.discover(REPO)
    out = build_formats(assemble_file(project, EXAMPLE, lang=lang), tmp_path, lang)
    opening, date = EXPECTED[lang]
    docx_text = normalise(" ".join(p.text for p in docx.Document(str(out.docx)).paragraphs))
    with pdfplumber.open(out.pdf) as pdf:
        pdf_text = normalise(" ".join(page.extract_text() for page in pdf.pages))
    for text in (docx_text, pdf_text):
        assert normalise(date) in text
        if opening:
            assert opening in text
        assert "Recognizing" not in text and "the key role of women" not in text
    assert not out.assembled.document.meta.draft


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) not installed")
@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_msgfmt_check_passes_on_the_example_catalogs(lang: str) -> None:
    po = REPO / "locales" / lang / "LC_MESSAGES" / "messages.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_i18n_check_passes_on_the_example_catalogs() -> None:
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "draftkit", "i18n", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

"""Kyrgyz letters survive into DOCX and PDF, in an embedded font that has them."""

from __future__ import annotations

from pathlib import Path

import docx
from pypdf import PdfReader

from draftkit.project import Project
from tests.conftest import assemble_file, build_formats

KYRGYZ = "Жогорку Кеңеш аялдардын өкмөттөгү үнүн күчөтүү үчүн мыйзам кабыл алды. ҢӨҮ ңөү"


def test_kyrgyz_text_extracts_correctly(tmp_path: Path) -> None:
    root = tmp_path / "ky"
    (root / "clauses").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "draftkit.toml").write_text('[project]\nsource_locale = "ky"\n', encoding="utf-8")
    (root / "clauses" / "c.yaml").write_text(
        f"clauses:\n  - id: ky\n    kind: operative\n    lead: Чакырат\n    text: {KYRGYZ}\n",
        encoding="utf-8",
    )
    spec = root / "documents" / "d.yaml"
    spec.write_text("title: Резолюция\ndate: 2025-03-04\noperative: [ky]\n", encoding="utf-8")
    assembled = assemble_file(Project.discover(spec), spec, lang="ky")
    built = build_formats(assembled, tmp_path, "ky")

    reader = PdfReader(built.pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert KYRGYZ in text
    assert "2025-ж., 4-март" in text  # the CLDR long date of the dateline
    assert reader.trailer["/Root"]["/Lang"] == "ky"

    document = docx.Document(str(built.docx))
    assert any(KYRGYZ in p.text for p in document.paragraphs)
    assert document.core_properties.language == "ky-KG"

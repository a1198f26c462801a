"""Resolutions written by other programs: LibreOffice from the seed's plain text (typed
numbers, typed note markers [1] [i] with a list of notes), pandoc from Markdown (real
notes, its own styles, Word numbering for sub-paragraphs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.cli.helpers import run
from tests.conftest import RESOLUTION_SEED, have, normalise, seed_paragraphs
from tests.ingest.helpers import paragraphs


def load(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.skipif(not have("soffice"), reason="LibreOffice not installed")
def test_seed_text_converted_by_libreoffice(tmp_path: Path) -> None:
    text = tmp_path / "seed.txt"
    shutil.copy(RESOLUTION_SEED, text)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(tmp_path),
            str(text),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = run("import", str(tmp_path / "seed.docx"), "--into", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "out"
    spec = load(project / "documents" / "seed.yaml")
    assert spec["title"] == "FINAL JOINT RESOLUTION OF THE FORUM PARTICIPANTS"
    assert str(spec["date"]) == "2025-03-04"
    assert spec["place"] == "Bellagio Business Center, Bishkek"
    assert len(spec["preamble"]) == 7 and len(spec["operative"]) == 7
    assert {"opening", "chapeau", "closing"} <= spec.keys()
    assert spec["signature"] == {"by": "Participants of the Civil Forum", "place": "Bishkek"}
    clauses = {c["id"]: c for c in load(project / "clauses" / "seed.yaml")["clauses"]}
    assert clauses[spec["preamble"][0]]["lead"] == "Recognizing"
    assert clauses[spec["operative"][1]]["lead"] == "Include"
    # the typed markers: [1] [2] footnotes, [i] [ii] [iii] endnotes, each with its address
    sources = {s["id"]: s for s in load(project / "sources.yaml")["sources"]}
    assert len(sources) == 5
    calls = " ".join(str(c.get("text")) for c in clauses.values())
    footnotes = [s for s in sources if f"[^{s}]" in calls]
    endnotes = [s for s in sources if f"[^en:{s}]" in calls]
    assert len(footnotes) == 2 and len(endnotes) == 3
    assert sources[footnotes[0]]["url"].startswith("https://www.un.org/sustainabledevelopment/")
    # what is not the resolution is reported, with its text
    assert "not placed: Dear friends!" in result.stderr
    assert "not placed: Мар 11.2025" in result.stderr
    built = run("build", "-f", "docx", cwd=project)
    assert built.returncode == 0, built.stderr
    texts = [t for _, _, t in paragraphs(project / "build" / "en" / "seed.docx")]
    body = [normalise(t.replace("[fn]", "").replace("[en]", "")) for t in texts[4:]]
    assert body == seed_paragraphs()


MARKDOWN = """\
---
title: Resolution on Access to Justice
subtitle: Regional Forum of Women Human Rights Defenders
---

Bishkek, 12 June 2024

*Recalling* the Convention on the Elimination of All Forms of Discrimination against Women,[^1]

*Noting with concern* that women face barriers to **legal aid**, see [the report](https://example.org/report),

The participants of the forum:

1. *Call upon* the Government to:
    a. expand legal aid centres;
    b. train judges, with *care* and {speed};
2. *Request* the Ombudsman to report annually.[^2]

Adopted by the participants.

[^1]: Convention on the Elimination of All Forms of Discrimination against Women.
    United Nations, 1979. <https://www.ohchr.org/en/cedaw>
[^2]: Annual report of the Ombudsman. <https://ombudsman.kg/report>
"""


def test_markdown_converted_by_pandoc(tmp_path: Path) -> None:
    import pypandoc

    source = tmp_path / "res.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    pypandoc.convert_file(str(source), "docx", outputfile=str(tmp_path / "res.docx"))
    result = run("import", "res.docx", "--into", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "not placed" not in result.stderr
    project = tmp_path / "out"
    spec = load(project / "documents" / "res.yaml")
    assert spec["title"] == "Resolution on Access to Justice"
    assert spec["forum"] == "Regional Forum of Women Human Rights Defenders"
    assert (str(spec["date"]), spec["place"]) == ("2024-06-12", "Bishkek")
    clauses = {c["id"]: c for c in load(project / "clauses" / "res.yaml")["clauses"]}
    first, second = (clauses[i] for i in spec["preamble"])
    assert (first["kind"], first["lead"]) == ("preambular", "Recalling")
    assert first["text"].endswith("Women,[^convention-elimination-forms-discrimination-against]")
    assert second["text"] == (
        "that women face barriers to **legal aid**, see [the report](https://example.org/report),"
    )
    calls = clauses[spec["operative"][0]]
    assert (calls["lead"], calls["text"]) == ("Call upon", "the Government to:")
    # a literal {speed} stays text: its braces escaped, as a drafter writes them
    assert [i["text"] for i in calls["items"]] == [
        "expand legal aid centres;",
        "train judges, with *care* and \\{speed\\};",
    ]
    assert "params" not in calls
    assert clauses[spec["operative"][1]]["text"].endswith("annually.[^annual-report-ombudsman]")
    sources = {s["id"]: s for s in load(project / "sources.yaml")["sources"]}
    assert sources["convention-elimination-forms-discrimination-against"] == {
        "id": "convention-elimination-forms-discrimination-against",
        "title": "Convention on the Elimination of All Forms of Discrimination against Women",
        "publisher": "United Nations",
        "date": 1979,
        "url": "https://www.ohchr.org/en/cedaw",
    }
    built = run("build", "-f", "docx", cwd=project)
    assert built.returncode == 0, built.stderr
    texts = [t for _, _, t in paragraphs(project / "build" / "en" / "res.docx")]
    assert "train judges, with care and {speed};" in texts
    assert "Call upon the Government to:" in texts


def test_python_docx_document_with_markup_characters(tmp_path: Path) -> None:
    """python-docx's default template: Word's "Title" and "List Number" styles (numbering
    given by the style, not the paragraph), and text full of characters clause markup
    would read."""
    import docx

    document = docx.Document()
    document.add_paragraph("RESOLUTION ON WATER", style="Title")
    document.add_paragraph("Osh, 3 June 2021")
    p = document.add_paragraph()
    p.add_run("Recalling").italic = True
    p.add_run(r" that *all* [people] <need> water_rights \ everywhere [^x],")
    document.add_paragraph("The Assembly:")
    for text in ("Urges the authorities to act;", "Requests a report."):
        document.add_paragraph(text, style="List Number")
    document.save(str(tmp_path / "water.docx"))
    result = run("import", "water.docx", "--into", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    spec = load(tmp_path / "out" / "documents" / "water.yaml")
    assert (spec["title"], str(spec["date"]), spec["place"]) == (
        "RESOLUTION ON WATER",
        "2021-06-03",
        "Osh",
    )
    assert len(spec["operative"]) == 2 and spec["chapeau"] == "assembly"
    built = run("build", "-f", "docx", cwd=tmp_path / "out")
    assert built.returncode == 0, built.stderr
    texts = [t for _, _, t in paragraphs(tmp_path / "out" / "build" / "en" / "water.docx")]
    assert r"Recalling that *all* [people] <need> water_rights \ everywhere [^x]," in texts


def test_typed_numbers_letters_and_roman_numerals(tmp_path: Path) -> None:
    """A plain document: "1." operative paragraphs, "(a)" sub-paragraphs, "(i)" below
    them, and a ninth letter "(i)" that is a letter, not a roman one."""
    import docx

    lines = [
        "RESOLUTION ON SCHOOLS",
        "The participants of the forum, having heard the reports of the ministries and of the "
        "parents' associations of every region of the country, decide as follows:",
        "1. Call upon the ministry to:",
        "(a) build schools;",
        "(i) in villages;",
        "(ii) in towns;",
        "(b) train teachers;",
        *[f"({letter}) point {letter};" for letter in "cdefgh"],
        "(i) the ninth point;",
        "2. Request a report.",
    ]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(tmp_path / "schools.docx"))
    result = run("import", "schools.docx", "--into", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "not placed" not in result.stderr
    spec = load(tmp_path / "out" / "documents" / "schools.yaml")
    clauses = {c["id"]: c for c in load(tmp_path / "out" / "clauses" / "schools.yaml")["clauses"]}
    first, second = (clauses[i] for i in spec["operative"])
    assert first["text"] == "Call upon the ministry to:"
    assert [i["text"] for i in first["items"]][:2] == ["build schools;", "train teachers;"]
    assert [i["text"] for i in first["items"][0]["items"]] == ["in villages;", "in towns;"]
    assert first["items"][-1]["text"] == "the ninth point;" and len(first["items"]) == 9
    assert second["text"] == "Request a report."

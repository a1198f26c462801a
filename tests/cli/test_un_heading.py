"""A UN heading from the user's side: ``symbol``, ``adoption`` and ``organ`` in a document
spec, ``draftkit new --kind un``, and the errors and hints of bad fields."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as DocxDocument

from tests.cli.helpers import DOCUMENT, assert_one_error, line_of, run
from tests.conftest import normalise

UN_DOCUMENT = """\
template: resolution
style: un
symbol: S/RES/2467 (2019)
title: Resolution 2467 (2019)
adoption: Adopted by the Security Council at its 8514th meeting, on 23 April 2019
organ: The Security Council
date: 2019-04-23
city: New York
preamble:
  - {clause: recognize-role, params: {country: the Kyrgyz Republic}}
operative:
  - calls-upon
"""


def blocks(root: Path, name: str) -> list[tuple[str, str]]:
    """(role, text) of every paragraph of the model dump ``build -f json`` wrote."""
    data = json.loads((root / "build" / "en" / f"{name}.json").read_text(encoding="utf-8"))

    def text(inlines: list[dict]) -> str:
        return "".join(i.get("text", "") + text(i.get("children", [])) for i in inlines)

    return [(b["role"], text(b["lead"]) + text(b["content"])) for b in data["blocks"]]


@pytest.mark.parametrize(("style", "organ"), [("un", "The Security Council,"), ("plain", None)])
def test_the_un_heading_in_order_with_its_roles(project, style, organ) -> None:
    p = project({"documents/un.yaml": UN_DOCUMENT.replace("style: un", f"style: {style}")})
    result = p.run("build", "documents/un.yaml", "-f", "json")
    assert result.returncode == 0, result.stderr
    found = blocks(p.root, "un")
    assert [role for role, _ in found] == [
        "symbol",
        "title",
        "adoption",
        "organ",
        "preambular",
        "operative",
    ]
    assert found[0][1] == "S/RES/2467 (2019)"
    assert found[2][1] == "Adopted by the Security Council at its 8514th meeting, on 23 April 2019"
    # un ends the organ line with a comma, as the preambular paragraphs; plain prints it as written
    assert found[3][1] == (organ or "The Security Council")
    # the adoption line says the date: no date line besides it, in any order
    texts = " ".join(text for _, text in found)
    assert "April 23, 2019" not in texts and texts.count("2019") == 3


def test_without_an_adoption_line_the_date_has_its_line(project) -> None:
    p = project()
    result = p.run("build", "-f", "json")
    assert result.returncode == 0, result.stderr
    found = blocks(p.root, "d")
    assert [text for role, text in found if role == "dateline"] == ["January 15, 2026", "Bishkek"]
    assert not {"symbol", "adoption", "organ"} & {role for role, _ in found}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("organ: {text: The Security Council,}", "organ must be text, not a mapping"),
        ("symbol: [S/RES/2467 (2019)]", "symbol must be text, not a list"),
        ("adoption: {on: 2019-04-23}", "adoption must be text, not a mapping"),
    ],
)
def test_a_bad_heading_value_is_an_error_at_its_line(project, line, message) -> None:
    text = DOCUMENT.replace("forum: Test Forum\n", f"forum: Test Forum\n{line}\n")
    p = project({"documents/d.yaml": text})
    for command in (("check",), ("build", "-f", "html")):
        result = p.run(*command)
        assert_one_error(result, f"documents/d.yaml:{line_of(text, line)}", message)
        assert not (p.root / "build").exists()


@pytest.mark.parametrize(
    ("name", "text", "bad", "hint"),
    [
        (
            "documents/d.yaml",
            DOCUMENT.replace("date:", "adopted: on 15 January 2026\ndate:"),
            "adopted",
            "did you mean 'adoption'? allowed: adoption, ",
        ),
        (
            "events/e.yaml",
            "kind: forum\ntitle: A forum\ndate: 2026-01-15\ncity: Bishkek\nvenu: Hall\nlede: Hi.\n",
            "venu",
            "did you mean 'venue'? allowed: agenda, ",
        ),
        (
            "organisations/o.yaml",
            "organisations:\n  - id: un-women\n    name: UN Women\n    shrt: UN Women\n",
            "shrt",
            "did you mean 'short'? allowed: about, ",
        ),
    ],
)
def test_an_unknown_field_hint_names_the_field_reference(project, name, text, bad, hint) -> None:
    p = project({name: text})
    reference = "docs/document-spec.md" if name.startswith("documents") else "docs/events.md"
    where = f"{name}:{line_of(text, bad + ':')}"
    line = assert_one_error(p.run("check"), where, f"unknown field '{bad}'", exact=False)
    found = re.search(r"\(hint: (.*)\)$", line)
    assert found and found.group(1).startswith(hint), line
    assert f"(see {reference}" in found.group(1), line
    assert (Path(__file__).parents[2] / reference).is_file()


def test_new_refuses_an_unknown_kind(tmp_path) -> None:
    result = run("new", "x", "--kind", "general-assembly", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "unknown kind 'general-assembly' (kinds: forum, un)" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def un_starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    parent = tmp_path_factory.mktemp("un-starter")
    created = run("new", "council", "--kind", "un", cwd=parent)
    assert created.returncode == 0, created.stderr
    root = parent / "council"
    built = run("build", cwd=root)
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines() == [
        "wrote build/en/resolution.docx",
        "wrote build/en/resolution.pdf",
    ]
    return root


@pytest.mark.slow
def test_the_un_starter_docx_sets_each_line_in_its_style(un_starter: Path) -> None:
    paragraphs = [
        (p.style.name, p.text)
        for p in DocxDocument(str(un_starter / "build/en/resolution.docx")).paragraphs
        if p.text.strip()
    ]
    adoption = "Adopted by the Security Council at its 9999th meeting, on 15 January 2026"
    assert paragraphs[:4] == [
        ("Document Symbol", "S/RES/9999 (2026)"),
        ("Resolution Title", "Resolution 9999 (2026)"),
        ("Adoption Line", adoption),
        ("Organ Line", "The Security Council,"),
    ]
    styles = [style for style, _ in paragraphs]
    assert "Dateline" not in styles
    assert styles.count("Preambular Paragraph") == 3
    assert styles.count("Operative Paragraph") == 3
    assert styles.count("Sub-paragraph") == 3  # (a)-(c)
    last = ("Operative Paragraph", "Decides to remain actively seized of the matter.")
    assert paragraphs[-1] == last


@pytest.mark.slow
def test_the_un_starter_pdf_reads_in_order_with_one_date(un_starter: Path) -> None:
    with pdfplumber.open(un_starter / "build/en/resolution.pdf") as pdf:
        assert len(pdf.pages) == 1
        text = normalise(pdf.pages[0].extract_text() or "")
    heading = [
        "S/RES/9999 (2026)",
        "Resolution 9999 (2026)",
        "Adopted by the Security Council at its 9999th meeting, on 15 January 2026",
        "The Security Council,",
        "Recalling its resolution 1325 (2000)",
        "1. Urges Member States",
        "(a) in national, regional and international institutions;",
        "(c) in peace negotiations and the implementation of peace agreements;",
        "3. Decides to remain actively seized of the matter.",
        "1. Security Council resolution 1325 (2000). United Nations.",
    ]
    places = [text.find(line) for line in heading]
    assert -1 not in places, [line for line, at in zip(heading, places, strict=True) if at < 0]
    assert places == sorted(places)
    assert text.count("2026") == 3  # the symbol, the title, the adoption line: no date line
    assert "January 15, 2026" not in text


@pytest.mark.slow
def test_the_un_starter_builds_in_russian_and_kyrgyz_as_drafts(
    un_starter: Path, tmp_path: Path
) -> None:
    root = tmp_path / "council"
    shutil.copytree(un_starter, root)
    config = root / "draftkit.toml"
    config.write_text(
        re.sub(r"(?m)^locales = .*$", 'locales = ["en", "ru", "ky"]', config.read_text()),
        encoding="utf-8",
    )
    for command in (("i18n", "extract"), ("i18n", "update")):
        assert run(*command, cwd=root).returncode == 0
    built = run("build", "--lang", "ru,ky", "--allow-incomplete", cwd=root)
    assert built.returncode == 0, built.stderr
    for lang in ("ru", "ky"):
        with pdfplumber.open(root / "build" / lang / "resolution.pdf") as pdf:
            text = normalise(pdf.pages[0].extract_text() or "")
        # the symbol is the same in every language; untranslated texts stay as written
        assert "S/RES/9999 (2026)" in text and "The Security Council," in text

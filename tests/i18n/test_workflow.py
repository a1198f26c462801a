"""extract → update → build, for English, Russian and Kyrgyz, on a fresh starter project."""

from __future__ import annotations

import shutil
import subprocess

import docx
from babel.messages.pofile import read_po
from pypdf import PdfReader

from tests.cli.helpers import REPO
from tests.i18n.conftest import Starter

RU_TEXT = "нашу приверженность гендерному равенству[^sdg-5]"
RU = {
    "Reaffirming": "Вновь подтверждая",
    "our commitment to gender equality and the empowerment of all women and girls[^sdg-5]": RU_TEXT,
}


def catalog(path):
    with path.open("rb") as fh:
        return read_po(fh)


def test_extract_names_each_message_origin_and_clause(starter: Starter) -> None:
    result = starter.run("i18n", "extract", check=True)
    assert "locales/messages.pot" in result.stdout
    pot = (starter.root / "locales" / "messages.pot").read_text(encoding="utf-8")
    assert (
        '#: clauses/starter.yaml:16\nmsgctxt "reaffirming-gender-equality"\n'
        'msgid "Reaffirming"' in pot
    )
    assert "#. preambular clause reaffirming-gender-equality: lead phrase" in pot
    assert 'msgctxt "source:sdg-5"' in pot and 'msgctxt "document:resolution"' in pot
    # the built-in templates' words are draftkit's own messages, not the project's
    assert "%(date)s, %(place)s." not in pot and "PRESS RELEASE" not in pot
    before = (starter.root / "locales" / "messages.pot").stat().st_mtime_ns
    assert "unchanged" in starter.run("i18n", "extract", check=True).stdout
    assert (starter.root / "locales" / "messages.pot").stat().st_mtime_ns == before


def test_pybabel_extract_uses_the_draftkit_extractor(starter: Starter, tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    mapping = tmp_path / "babel.cfg"
    mapping.write_text("[draftkit: clauses/**.yaml]\n[draftkit: sources.yaml]\n")
    out = tmp_path / "out.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [str(pybabel), "extract", "-F", str(mapping), "-o", str(out), "."],
        cwd=starter.root,
        check=True,
        capture_output=True,
    )
    ids = {(m.context, m.id) for m in catalog(out) if m.id}
    assert ("reaffirming-gender-equality", "Reaffirming") in ids
    assert ("source:sdg-5", "United Nations") in ids


def test_round_trip_and_stale_translations(starter: Starter) -> None:
    # draftkit new made the catalogs with extract and update: running them again changes nothing
    assert starter.po("ru").is_file() and starter.po("ky").is_file()
    starter.run("i18n", "extract", check=True)
    result = starter.run("i18n", "update", check=True)
    assert "unchanged locales/ru/LC_MESSAGES/messages.po: 0 new," in result.stdout
    ky = catalog(starter.po("ky"))
    assert ky.num_plurals == 2 and catalog(starter.po("ru")).num_plurals == 3

    # an untranslated catalog: the strict build refuses and lists what is missing
    refused = starter.run("build", "--lang", "ru", "-f", "docx")
    assert refused.returncode == 1
    assert "have no ru translation" in refused.stderr
    assert (
        "clauses/starter.yaml:" in refused.stderr
        and "[reaffirming-gender-equality]" in refused.stderr
    )
    assert not (starter.root / "build").exists()

    starter.translate("ru", RU, default="RU ")
    starter.translate("ky", {}, default="KY ")
    built = starter.run("build", "--lang", "all", "-f", "docx,pdf", check=True)
    assert "build/ky/resolution.pdf" in built.stdout
    document = docx.Document(str(starter.root / "build" / "ru" / "resolution.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Вновь подтверждая нашу приверженность гендерному равенству," in texts  # un style
    assert any("15 января 2026" in t for t in texts)  # Babel's long Russian date
    pdf_text = " ".join(
        p.extract_text() for p in PdfReader(starter.root / "build" / "ky" / "resolution.pdf").pages
    )
    assert "2026-ж., 15-январь" in " ".join(pdf_text.split())

    # the drafter edits an English clause: its ru and ky entries turn fuzzy
    clauses = starter.root / "clauses" / "starter.yaml"
    clauses.write_text(
        clauses.read_text().replace(
            "our commitment to gender equality", "our firm commitment to gender equality"
        )
    )
    starter.run("i18n", "extract", check=True)
    update = starter.run("i18n", "update", check=True)
    assert "1 newly fuzzy" in update.stdout
    po_text = starter.po("ru").read_text(encoding="utf-8")
    assert "#, fuzzy" in po_text
    assert "#| msgid" in po_text  # the text it translated, wrapped as msgfmt reads it
    assert RU_TEXT in po_text  # the old translation is kept, to be reviewed
    if shutil.which("msgfmt"):
        subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(starter.po("ru"))],
            check=True,
            capture_output=True,
        )

    strict = starter.run("build", "--lang", "ru", "-f", "docx")
    assert strict.returncode == 1
    assert "fuzzy [reaffirming-gender-equality]" in strict.stderr

    draft = starter.run("build", "--lang", "ru", "-f", "docx,pdf", "--allow-incomplete")
    assert draft.returncode == 0, draft.stderr
    assert "draft translation" in draft.stderr
    document = docx.Document(str(starter.root / "build" / "ru" / "resolution.docx"))
    # draftkit's own Russian, beneath the project's catalog
    assert document.paragraphs[0].text.startswith("ПРОЕКТ ПЕРЕВОДА:")
    assert any(
        p.text.startswith("Вновь подтверждая our firm commitment") for p in document.paragraphs
    )  # the changed text falls back to English
    pdf = " ".join(
        p.extract_text() for p in PdfReader(starter.root / "build" / "ru" / "resolution.pdf").pages
    )
    assert "ПРОЕКТ ПЕРЕВОДА" in pdf and "DRAFT TRANSLATION" not in pdf

    # a removed clause's translations stay, as obsolete entries
    text = clauses.read_text()
    clauses.write_text(text[: text.index("  - id: decides-to-follow-up")])
    spec = starter.root / "documents" / "resolution.yaml"
    spec.write_text(spec.read_text().replace("  - decides-to-follow-up\n", ""))
    starter.run("i18n", "extract", check=True)
    before = starter.po("ru").read_bytes()
    result = starter.run("i18n", "update", check=True).stdout
    assert "ru/LC_MESSAGES/messages.po: 0 new, 0 newly fuzzy, 2 newly obsolete" in result
    after = starter.po("ru").read_bytes()
    assert after != before
    assert '#~ msgctxt "decides-to-follow-up"' in after.decode("utf-8")
    again = starter.run("i18n", "update", check=True).stdout  # nothing changed: no rewrite
    assert "unchanged locales/ru" in again and starter.po("ru").read_bytes() == after

    # the clause comes back: so does its translation, from the obsolete entry
    clauses.write_text(text)
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    restored = catalog(starter.po("ru"))
    entry = restored.get("Decides", context="decides-to-follow-up")
    assert entry is not None and entry.string == "RU Decides" and not entry.fuzzy
    assert '#~ msgctxt "decides-to-follow-up"' not in starter.po("ru").read_text(encoding="utf-8")


def test_status_counts_strings_and_words(starter: Starter) -> None:
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    starter.translate("ru", RU)
    result = starter.run("i18n", "status", check=True)
    rows = {
        tuple(line.split()[:2]): line.split()
        for line in result.stdout.splitlines()
        if line.split()[:1] in (["ru"], ["ky"])
    }
    total = len([m for m in catalog(starter.po("ru")) if m.id])
    assert rows[("ru", "project")][2:5] == ["2", "0", str(total - 2)]
    assert rows[("ky", "project")][2:5] == ["0", "0", str(total)]
    # draftkit's own messages, translated by draftkit, counted apart from the project's
    own = len([m for m in catalog(REPO / "templates" / "locales" / "draftkit.pot") if m.id])
    assert own > 20
    for lang in ("ru", "ky"):
        assert rows[(lang, "draftkit")][2:5] == [str(own), "0", "0"]
    assert "draftkit: the built-in templates' words" in " ".join(result.stdout.split())

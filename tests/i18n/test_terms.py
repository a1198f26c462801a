"""Term bases (terms/*.tbx) from the command line: i18n check, terms list|show|check, and
the term coverage of i18n status, on a small project written here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from draftkit.terms.match import Matcher, words
from draftkit.terms.tbx import read_tbx, tbx_bytes

EXAMPLE_TBX = Path(__file__).resolve().parents[2] / "terms" / "example.tbx"

TBX_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<text><body>
"""
TBX_TAIL = "</body></text>\n</tbx>\n"


def term(text: str, status: str = "preferred", extra: str = "") -> str:
    return (
        f"<termSec><term>{text}</term>"
        f'<termNote type="administrativeStatus">{status}Term-admn-sts</termNote>'
        f"{extra}</termSec>"
    )


UNVERIFIED = '<termNote type="processStatus">provisionallyProcessed</termNote>'


def concept(concept_id: str, **langs: str) -> str:
    sections = "".join(
        f'<langSec xml:lang="{lang}">{body}</langSec>' for lang, body in langs.items()
    )
    return f'<conceptEntry id="{concept_id}">{sections}</conceptEntry>\n'


BASE = (
    concept(
        "un-women",
        en=term("UN Women"),
        ru=term("Структура «ООН-женщины»"),
        ky=term("БУУ-Аялдар") + term("БУУ Аялдар", "deprecated"),
    )
    + concept(
        "beijing",
        en=term("Beijing Declaration and Platform for Action"),
        ru=term("Пекинская декларация и Платформа действий"),
        ky=term("Пекин декларациясы"),
    )
    + concept(
        "jogorku-kenesh",
        en=term("Jogorku Kenesh"),
        ru=term("Жогорку Кенеш"),
        ky=term("Жогорку Кеңеш"),
    )
    + concept(
        "general-assembly",
        en=term("General Assembly"),
        ru=term("Генеральная Ассамблея"),
        ky=term("Башкы Ассамблея", extra=UNVERIFIED),
    )
)

PO_HEAD = """msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

"""


def po(lang: str, entries: list[tuple[str, str]]) -> str:
    body = "".join(
        f'msgctxt "c{i}"\nmsgid "{s}"\nmsgstr "{t}"\n\n' for i, (s, t) in enumerate(entries)
    )
    return PO_HEAD.format(lang=lang) + body


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "draftkit.toml").write_text(
            '[project]\nname = "t"\nlocales = ["en", "ru", "ky"]\n', encoding="utf-8"
        )
        self.catalog("ru", [])
        self.catalog("ky", [])
        self.terms(BASE)

    def catalog(self, lang: str, entries: list[tuple[str, str]]) -> Path:
        path = self.root / "locales" / lang / "LC_MESSAGES" / "messages.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(po(lang, entries), encoding="utf-8")
        return path

    def terms(self, concepts: str, name: str = "terms/base.tbx") -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TBX_HEAD + concepts + TBX_TAIL, encoding="utf-8")
        return path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "draftkit", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def test_forbidden_variant_is_an_error_with_the_po_line(project: Project) -> None:
    path = project.catalog(
        "ky", [("UN Women in Kyrgyzstan", "«БУУ Аялдар» уюмунун Кыргызстандагы")]
    )
    result = project.run("i18n", "check", "--lang", "ky")
    assert result.returncode == 1
    line = line_of(path, 'msgid "UN Women')
    assert f"error: locales/ky/LC_MESSAGES/messages.po:{line}: [ky] terms: " in result.stderr
    assert "'БУУ Аялдар' is a forbidden variant: write 'БУУ-Аялдар'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_approved_term_is_an_error(project: Project) -> None:
    path = project.catalog("ru", [("The Jogorku Kenesh adopted it.", "Парламент принял её.")])
    result = project.run("i18n", "check", "--lang", "ru")
    assert result.returncode == 1
    line = line_of(path, 'msgid "The Jogorku')
    assert f"messages.po:{line}: [ru] terms: the source names 'Jogorku Kenesh'" in result.stderr
    assert "lacks 'Жогорку Кенеш'" in result.stderr


def test_russian_inflected_forms_match_on_stems(project: Project) -> None:
    project.catalog(
        "ru",
        [
            # accusative and genitive forms of the approved nominative terms
            (
                "We recall the Beijing Declaration and Platform for Action.",
                "Мы напоминаем Пекинскую декларацию и Платформу действий.",
            ),
            ("resolution of the General Assembly", "резолюция Генеральной Ассамблеи"),
            ("organized by UN Women", "организованный Структурой «ООН-женщины»"),
        ],
    )
    result = project.run("i18n", "check", "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert "terms" not in result.stderr


def test_kyrgyz_suffixed_forms_match_as_prefixes(project: Project) -> None:
    project.catalog(
        "ky",
        [
            ("deputies of the Jogorku Kenesh", "Жогорку Кеңешинин депутаттары"),
            ("UN Women Representative", "«БУУ-Аялдар» уюмунун өкүлү"),
        ],
    )
    result = project.run("i18n", "check", "--lang", "ky")
    assert result.returncode == 0, result.stderr
    assert "terms" not in result.stderr


def test_irregular_forms_come_from_the_term_base(project: Project) -> None:
    # китеп → китеби: the stem changes before a suffix, so the prefix rule misses it.
    book = concept("handbook", en=term("Handbook"), ky=term("Китеп"))
    project.terms(BASE + book)
    project.catalog("ky", [("The Handbook is ready.", "Китеби даяр.")])
    missed = project.run("i18n", "check", "--lang", "ky")
    assert missed.returncode == 1
    assert "lacks 'Китеп'" in missed.stderr
    book = concept("handbook", en=term("Handbook"), ky=term("Китеп") + term("Китеби", "admitted"))
    project.terms(BASE + book)
    listed = project.run("i18n", "check", "--lang", "ky")
    assert listed.returncode == 0, listed.stderr


def test_an_unverified_term_only_warns(project: Project) -> None:
    path = project.catalog("ky", [("the General Assembly", "Генералдык Ассамблея")])
    result = project.run("i18n", "check", "--lang", "ky")
    assert result.returncode == 0, result.stderr
    line = line_of(path, 'msgid "the General')
    assert f"warning: locales/ky/LC_MESSAGES/messages.po:{line}: [ky] terms:" in result.stderr
    assert "(general-assembly, unverified)" in result.stderr


def test_english_source_terms() -> None:
    english = Matcher("en")
    hits = [
        "un women said",  # case
        "the General Assemblies",  # plural of the last word
        "UN  Women",  # any spacing between words
    ]
    assert all(
        english.find(t, words(s))
        for t, s in zip(["UN Women", "General Assembly", "UN Women"], hits, strict=True)
    )
    misses = ["UNWomen", "the General Assemblyman", "Women UN", "see [^un-women] and {un_women}"]
    assert not any(
        english.find("UN Women", words(s)) or english.find("General Assembly", words(s))
        for s in misses
    )


def test_ignore_terms_flag_silences_one_entry(project: Project) -> None:
    path = project.catalog("ru", [("The Jogorku Kenesh", "Парламент")])
    text = path.read_text(encoding="utf-8").replace('msgctxt "c0"', '#, ignore-terms\nmsgctxt "c0"')
    path.write_text(text, encoding="utf-8")
    assert project.run("i18n", "check", "--lang", "ru").returncode == 0


def test_malformed_tbx_names_file_and_line(project: Project) -> None:
    project.terms(
        concept("a", en=term("A")) + "<conceptEntry id='b'>\n<langSec>\n</conceptEntry>\n"
    )
    result = project.run("i18n", "check")
    assert result.returncode == 1
    assert (
        "error: terms/base.tbx:7: malformed TBX: Opening and ending tag mismatch" in result.stderr
    )
    assert "Traceback" not in result.stderr
    project.terms(
        concept("a", en=term("A")) + "\n<conceptEntry><langSec xml:lang='en'/></conceptEntry>\n"
    )
    result = project.run("terms", "list")
    assert result.returncode == 1
    assert "error: terms/base.tbx:6: <conceptEntry> without an id" in result.stderr


def test_entities_in_a_term_base_are_refused_unread(project: Project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER", encoding="utf-8")
    path = project.root / "terms" / "base.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE tbx [\n<!ENTITY leak SYSTEM "file://{secret}">\n]>\n'
        + TBX_HEAD.split("\n", 1)[1]
        + concept("leak", en=term("&leak;"), ru=term("утечка"))
        + TBX_TAIL,
        encoding="utf-8",
    )
    for args in (("terms", "show", "leak"), ("i18n", "check")):
        result = project.run(*args)
        assert result.returncode == 1
        assert "terms/base.tbx:3: the term base declares XML entities" in result.stderr
        assert "SECRET-MARKER" not in result.stdout + result.stderr


def test_tbx_round_trip(tmp_path: Path) -> None:
    concepts = read_tbx(EXAMPLE_TBX)
    assert len(concepts) > 10
    copy = tmp_path / "copy.tbx"
    copy.write_bytes(tbx_bytes(concepts))
    again = read_tbx(copy)
    assert again == concepts
    women = next(c for c in again if c.id == "un-women")
    assert [t.text for t in women.forbidden("ky")] == ["БУУ Аялдар"]
    assert women.preferred("ky").unverified  # until the Kyrgyz catalog is reworked


def test_tbx2_martif_reads(tmp_path: Path) -> None:
    path = tmp_path / "old.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
        '<martif type="TBX" xml:lang="en"><text><body>\n'
        '<termEntry id="ilo"><langSet xml:lang="ru"><tig><term>МОТ</term>'
        '<termNote type="partOfSpeech">noun</termNote></tig></langSet></termEntry>\n'
        "</body></text></martif>\n",
        encoding="utf-8",
    )
    (ilo,) = read_tbx(path)
    assert ilo.id == "ilo" and ilo.preferred("ru").text == "МОТ"
    assert ilo.preferred("ru").part_of_speech == "noun" and ilo.line == 4


def test_terms_commands(project: Project) -> None:
    listed = project.run("terms", "list")
    assert listed.returncode == 0, listed.stderr
    assert "un-women" in listed.stdout and "БУУ-Аялдар" in listed.stdout
    assert "Башкы Ассамблея ?" in listed.stdout
    shown = project.run("terms", "show", "un-women")
    assert shown.returncode == 0
    assert "defined at terms/base.tbx:4" in shown.stdout
    assert "БУУ Аялдар  (forbidden)" in shown.stdout
    unknown = project.run("terms", "show", "nope")
    assert unknown.returncode == 1 and "no concept 'nope'" in unknown.stderr
    assert project.run("terms", "check").returncode == 0
    project.catalog("ky", [("UN Women", "БУУ Аялдар")])
    checked = project.run("terms", "check")
    assert checked.returncode == 1
    assert "forbidden variant" in checked.stderr


def test_status_shows_term_coverage(project: Project) -> None:
    project.catalog(
        "ru",
        [("UN Women and the Jogorku Kenesh", "Структура «ООН-женщины» и Парламент"), ("Hello", "")],
    )
    result = project.run("i18n", "status")
    assert result.returncode == 0, result.stderr
    row = next(
        line for line in result.stdout.splitlines() if line.startswith("ru ") and "project" in line
    )
    assert row.split()[-1] == "1/2"


def test_terms_setting(project: Project) -> None:
    (project.root / "terms" / "base.tbx").rename(project.root / "glossary.tbx")
    assert "0 concept(s)" in project.run("terms", "list").stderr
    with (project.root / "draftkit.toml").open("a", encoding="utf-8") as fh:
        fh.write('[i18n]\nterms = ["glossary.tbx"]\n')
    assert "4 concept(s)" in project.run("terms", "list").stderr
    (project.root / "draftkit.toml").write_text(
        '[project]\nlocales = ["en", "ru"]\n[i18n]\nterms = ["../*.tbx"]\n', encoding="utf-8"
    )
    outside = project.run("terms", "list")
    assert outside.returncode == 1
    assert "draftkit.toml:4: 'terms' in [i18n] leaves the project folder" in outside.stderr


def test_terms_check_finds_problems_in_the_term_base(project: Project) -> None:
    both = concept(
        "both", en=term("Parliament"), ru=term("Парламент") + term("Парламент", "deprecated")
    )
    no_source = concept("no-source", ru=term("Кенеш"))
    project.terms(BASE + both + no_source)
    result = project.run("terms", "check")
    assert result.returncode == 1
    assert "[ru] termbase: 'Парламент' is both approved and forbidden in 'both'" in result.stderr
    assert "concept 'no-source' has no approved en term" in result.stderr
    assert "warning: terms/base.tbx:" in result.stderr and "has no ky term" in result.stderr


def test_a_term_base_linked_from_outside_is_not_read(project: Project, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.tbx"
    outside.write_text(TBX_HEAD + concept("leak", en=term("Leak")) + TBX_TAIL, encoding="utf-8")
    (project.root / "terms" / "linked.tbx").symlink_to(outside)
    result = project.run("terms", "list")
    assert result.returncode == 0, result.stderr
    assert "leak" not in result.stdout and "4 concept(s)" in result.stderr

"""Bad catalogs: clear errors with file:line, exit 1, and the translator's file untouched."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from draftkit.i18n.checks import check_catalog
from tests.i18n.conftest import Starter

HEADER = """msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

"""

# Four deliberate errors, as measured in the research note: Babel caught 1, msgfmt -c 3.
FOUR_ERRORS = (
    HEADER
    + """#, python-format
msgid "%(num)s clauses adopted"
msgstr "принято пунктов: %(nm)s"

msgctxt "c1"
msgid "Adopted by {forum}"
msgstr "Принято {форумом}"

#, python-format
msgid "%(n)d paragraph"
msgid_plural "%(n)d paragraphs"
msgstr[0] "%(n)d пункт"
msgstr[1] "%(n)d пункта"

msgctxt "c2"
msgid "See https://www.un.org/en/ for details"
msgstr "Подробнее: https://www.un.org/ru/"
"""
)


def first_line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_check_catches_all_four_errors(tmp_path) -> None:
    path = tmp_path / "ru.po"
    path.write_text(FOUR_ERRORS, encoding="utf-8")
    problems = [p for p in check_catalog(path, "ru") if p.severity == "error"]
    found = {(p.check, p.line) for p in problems}
    assert ("placeholders", first_line(FOUR_ERRORS, 'msgid "%(num)s')) in found
    assert ("placeholders", first_line(FOUR_ERRORS, 'msgid "Adopted by')) in found
    assert ("plurals", first_line(FOUR_ERRORS, 'msgid "%(n)d paragraph"')) in found
    assert ("urls", first_line(FOUR_ERRORS, 'msgid "See https')) in found


def test_check_flag_silences_one_check(tmp_path) -> None:
    text = HEADER + '#, ignore-urls\nmsgid "See https://a.org/"\nmsgstr "См. https://b.org/"\n'
    path = tmp_path / "ru.po"
    path.write_text(text, encoding="utf-8")
    assert [p for p in check_catalog(path, "ru") if p.severity == "error"] == []


def test_note_reference_dropped_by_a_translation(tmp_path) -> None:
    text = HEADER + (
        'msgctxt "x"\nmsgid "as agreed[^sdg] and {country}"\nmsgstr "как согласовано и {country}"\n'
    )
    path = tmp_path / "ru.po"
    path.write_text(text, encoding="utf-8")
    problems = [p for p in check_catalog(path, "ru") if p.severity == "error"]
    assert [(p.check, p.line) for p in problems] == [
        ("noterefs", first_line(text, 'msgid "as agreed'))
    ]
    assert "missing [^sdg]" in problems[0].message


def _broken(starter: Starter, kind: str) -> tuple[bytes, int]:
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    po = starter.po("ru")
    text = po.read_text(encoding="utf-8")
    line = first_line(text, 'msgid "Reaffirming"')
    lines = text.splitlines(keepends=True)
    if kind == "unterminated-string":
        lines[line] = 'msgstr "Вновь подтверждая\n'  # the msgstr line, its quote missing
        bad_line = line + 1
    else:  # the same message defined twice: Babel alone would drop one silently
        lines.append("\n" + "".join(lines[line - 2 : line + 1]))
        bad_line = 0
    new_text = "".join(lines)
    if not bad_line:  # the second definition's msgid line
        bad_line = [
            i for i, t in enumerate(new_text.splitlines(), 1) if t == 'msgid "Reaffirming"'
        ][-1]
    po.write_text(new_text, encoding="utf-8")
    return po.read_bytes(), bad_line


@pytest.mark.parametrize("kind", ["unterminated-string", "duplicate-message"])
@pytest.mark.parametrize(
    "command",
    [["i18n", "update"], ["i18n", "check"], ["build", "--lang", "ru", "-f", "html"]],
)
def test_broken_po_is_reported_and_left_untouched(starter: Starter, command, kind) -> None:
    before, line = _broken(starter, kind)
    result = starter.run(*command)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"locales/ru/LC_MESSAGES/messages.po:{line}: broken PO file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert starter.po("ru").read_bytes() == before
    assert not (starter.root / "build").exists()


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) not installed")
def test_msgfmt_accepts_what_update_writes(starter: Starter) -> None:
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    starter.translate("ky", {}, default="KY ")
    for lang in ("ru", "ky"):
        subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(starter.po(lang))],
            check=True,
            capture_output=True,
        )


def test_translator_markup_is_text(starter: Starter, tmp_path) -> None:
    """A msgstr is untrusted: HTML in it is printed, never interpreted or fetched."""
    canary = tmp_path / "canary.txt"
    canary.write_text("CANARY-PO-4412", encoding="utf-8")
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    evil = f'<link rel="attachment" href="{canary.as_uri()}"><img src="{canary.as_uri()}">'
    starter.translate(
        "ru",
        {"%(date)s, %(place)s.": f"%(date)s, %(place)s. {evil}", "Reaffirming": f"Вновь {evil}"},
        default="RU ",
    )
    result = starter.run("build", "--lang", "ru", "-f", "html,pdf", check=True)
    assert result.returncode == 0
    html = (starter.root / "build" / "ru" / "resolution.html").read_text(encoding="utf-8")
    assert "<link rel" not in html and "<img" not in html
    assert html.count("&lt;link rel=") == 2
    pdf = (starter.root / "build" / "ru" / "resolution.pdf").read_bytes()
    from tests.security.test_canary import pdf_payload

    assert b"CANARY-PO-4412" not in pdf_payload(pdf)


def test_build_refuses_a_translation_that_drops_a_note(starter: Starter) -> None:
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    source = "our commitment to gender equality and the empowerment of all women and girls[^sdg-5]"
    starter.translate("ru", {source: "нашу приверженность гендерному равенству"}, default="RU ")
    result = starter.run("build", "--lang", "ru", "-f", "html")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    from babel.messages.pofile import read_po

    with starter.po("ru").open("rb") as fh:  # the line of the entry's msgid
        line = read_po(fh).get(source, context="reaffirming-gender-equality").lineno
    assert result.stderr.startswith(
        f"error: locales/ru/LC_MESSAGES/messages.po:{line}: the ru translation has other "
        "note references than its source"
    ), result.stderr
    assert not (starter.root / "build").exists()

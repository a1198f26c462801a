"""draftkit's own messages: the built-in templates' words ship translated in ru and ky,
beneath a project's catalog, and a new project's press release has no English left in them."""

from __future__ import annotations

import shutil
import subprocess
import sys

import docx
import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from tests.cli.helpers import REPO
from tests.i18n.conftest import Starter

LOCALES = REPO / "templates" / "locales"
SHIPPED = ("ru", "ky")


def read(path):
    with path.open("rb") as fh:
        return read_po(fh)


def keys(catalog) -> set:
    return {(m.context, m.id) for m in catalog if m.id}


def test_the_shipped_catalogs_hold_every_string_of_the_built_in_templates() -> None:
    from babel.messages.extract import extract_from_dir

    # Extracted here with Babel's own Jinja extractor, not with draftkit's code.
    method_map = [("**.j2", "jinja2")]
    options = {"**.j2": {"trimmed": "true", "extensions": ""}}
    found = {
        (context, text)
        for _file, _line, text, _comments, context in extract_from_dir(
            str(REPO / "templates"), method_map, options
        )
    }
    assert (None, "PRESS RELEASE") in found
    assert (None, ("Organiser: %(names)s.", "Organisers: %(names)s.")) in found
    pot = read(LOCALES / "draftkit.pot")
    assert keys(pot) == found, "run: python tools/extract_builtin.py"
    for lang in SHIPPED:
        catalog = read(LOCALES / lang / "LC_MESSAGES" / "draftkit.po")
        # CLDR's plural rules as Babel has them: ru one/few/many, ky one/other
        assert catalog.num_plurals == get_plural(lang).num_plurals == {"ru": 3, "ky": 2}[lang]
        assert keys(catalog) == found
        for message in catalog:
            if not message.id:
                continue
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(forms) and not message.fuzzy, (lang, message.id)
            assert len(forms) == (catalog.num_plurals if message.pluralizable else 1)


def test_the_maintainer_tool_finds_nothing_to_do() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "extract_builtin.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) not installed")
@pytest.mark.parametrize("lang", SHIPPED)
def test_msgfmt_check_passes_on_the_shipped_catalogs(lang: str) -> None:
    po = LOCALES / lang / "LC_MESSAGES" / "draftkit.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


def add_press_release(starter: Starter) -> None:
    # A new project has an organisation and an event of its own: these are added beside them.
    (starter.root / "organisations").mkdir(exist_ok=True)
    (starter.root / "organisations" / "partners.yaml").write_text(
        "organisations:\n"
        "  - id: alert\n    name: International Alert\n"
        "  - id: un-women\n    name: UN Women\n",
        encoding="utf-8",
    )
    (starter.root / "events").mkdir(exist_ok=True)
    (starter.root / "events" / "launch.yaml").write_text(
        "template: press-release\n"
        "kind: forum\n"
        "title: Forum on women's leadership opens in Osh\n"
        "date: 2025-05-06\n"
        "city: Osh\n"
        "lede: A forum on women's leadership opened in Osh today.\n"
        "body:\n  - Participants discussed local budgets.\n"
        "organisers: [alert, un-women]\n"
        "contacts:\n"
        "  - name: Aida Bekova\n    role: press officer\n"
        '    phone: "0555000000"\n    email: aida@example.org\n',
        encoding="utf-8",
    )


def press_text(starter: Starter, lang: str) -> str:
    path = starter.root / "build" / lang / "launch-press-release.docx"
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


ENGLISH = ("PRESS RELEASE", "DRAFT", "Organiser", "Phone:", "E-mail:", "For more information")


def test_a_new_projects_press_release_has_no_english_template_words(starter: Starter) -> None:
    add_press_release(starter)
    starter.run("i18n", "extract", check=True)
    pot = (starter.root / "locales" / "messages.pot").read_text(encoding="utf-8")
    assert "PRESS RELEASE" not in pot and "Organiser" not in pot  # the project's content only
    starter.run("i18n", "update", check=True)
    # A catalog written by an earlier draftkit holds the template's words, untranslated:
    # an empty entry (a plural too) must not hide draftkit's translation.
    with starter.po("ky").open("a", encoding="utf-8") as fh:
        fh.write(
            '\nmsgid "Organiser: %(names)s."\nmsgid_plural "Organisers: %(names)s."\n'
            'msgstr[0] ""\nmsgstr[1] ""\n\nmsgid "PRESS RELEASE"\nmsgstr ""\n'
        )

    # ru: all content translated, a strict build; ky: nothing translated, a draft
    starter.translate("ru", {}, default="RU ")
    starter.run("build", "events/launch.yaml", "--lang", "ru", "-f", "docx", check=True)
    draft = starter.run(
        "build", "events/launch.yaml", "--lang", "ky", "-f", "docx", "--allow-incomplete"
    )
    assert draft.returncode == 0, draft.stderr
    ru, ky = press_text(starter, "ru"), press_text(starter, "ky")
    assert "ПРЕСС-РЕЛИЗ" in ru and "ПРОЕКТ ПЕРЕВОДА" not in ru
    assert "Организаторы: RU International Alert и RU UN Women." in ru
    assert "Тел.: 0555000000" in ru and "За дополнительной информацией обращайтесь:" in ru
    assert ky.startswith("КОТОРМОНУН ДОЛБООРУ:")  # the draft mark, in Kyrgyz
    assert "ПРЕСС-РЕЛИЗ" in ky and "Уюштуруучулар: International Alert жана UN Women." in ky
    assert "Кошумча маалымат алуу үчүн кайрылыңыз:" in ky
    for text in (ru, ky):
        assert not [word for word in ENGLISH if word in text], text

    own = str(len(keys(read(LOCALES / "draftkit.pot"))))
    status = starter.run("i18n", "status", check=True).stdout.splitlines()
    assert any(line.split()[:5] == ["ky", "draftkit", own, "0", "0"] for line in status), status


def test_a_project_entry_overrides_draftkits_own(starter: Starter) -> None:
    add_press_release(starter)
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    starter.translate(
        "ru",
        {"PRESS RELEASE": "СООБЩЕНИЕ ДЛЯ ПЕЧАТИ", "Phone:": "Телефон:"},
        default="RU ",
    )
    starter.run("build", "events/launch.yaml", "--lang", "ru", "-f", "docx", check=True)
    text = press_text(starter, "ru")
    assert "СООБЩЕНИЕ ДЛЯ ПЕЧАТИ" in text and "ПРЕСС-РЕЛИЗ" not in text
    assert "Телефон: 0555000000" in text and "Эл. почта: aida@example.org" in text

    # an update keeps the override: it is not the project's POT's, yet no obsolete entry
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    po = starter.po("ru").read_text(encoding="utf-8")
    assert 'msgid "PRESS RELEASE"\nmsgstr "СООБЩЕНИЕ ДЛЯ ПЕЧАТИ"' in po and "#~" not in po
    starter.run("build", "events/launch.yaml", "--lang", "ru", "-f", "docx", check=True)
    assert "СООБЩЕНИЕ ДЛЯ ПЕЧАТИ" in press_text(starter, "ru")

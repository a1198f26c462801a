"""Translation memory, from the CLI: ``i18n update`` suggests from the catalog and from
TMX memories (fuzzy, ``#|``, a comment naming the origin), ``i18n tm export|import``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po
from lxml import etree

from draftkit.scaffold import create_project
from tests.i18n.conftest import Starter

TEXT = "our commitment to gender equality and the empowerment of all women and girls[^sdg-5]"
CONTEXT = "reaffirming-gender-equality"
BEIJING = """
  - id: beijing
    title: Beijing Declaration and Platform for Action
    publisher: United Nations
"""


def translated(starter: Starter) -> Starter:
    """Every message of ru and ky translated as '<LANG> <msgid>' (references kept)."""
    starter.translate("ru", {}, default="RU ")
    starter.translate("ky", {}, default="KY ")
    return starter


def edit(starter: Starter, *changes: tuple[str, str], extra: str = "") -> None:
    clauses = starter.root / "clauses" / "starter.yaml"
    text = clauses.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    clauses.write_text(text + extra, encoding="utf-8")
    starter.run("i18n", "extract", check=True)


def babel_catalog(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as fh:
        return read_po(fh)


def obsolete(starter: Starter, lang: str) -> set[str]:
    return {m.string for m in babel_catalog(starter.po(lang)).obsolete.values()}


def entry(starter: Starter, lang: str, msgid: str, context: str) -> polib.POEntry:
    found = polib.pofile(str(starter.po(lang))).find(msgid, msgctxt=context)
    assert found is not None, msgid
    return found


def test_a_changed_clause_gets_a_fuzzy_suggestion_that_says_from_where(starter: Starter) -> None:
    translated(starter)
    new_text = TEXT.replace("our commitment", "our firm commitment")
    edit(
        starter,
        (TEXT, new_text),
        extra="\n  - id: decides-to-meet\n    kind: operative\n    lead: Decides\n"
        "    text: to meet again in two years to review progress.\n",
    )
    result = starter.run("i18n", "update", check=True)
    # the old translation moves into the fuzzy entry: no obsolete copy is left behind
    assert "3 new, 3 newly fuzzy, 0 newly obsolete" in result.stdout
    assert "3 suggested by the memory" in result.stdout

    changed = entry(starter, "ru", new_text, CONTEXT)
    assert changed.fuzzy and changed.msgstr == f"RU {TEXT}"
    assert changed.previous_msgid == TEXT and changed.previous_msgctxt == CONTEXT
    assert changed.tcomment == f"draftkit-tm: 0.97 from clauses/starter.yaml:{CONTEXT}"
    # a new clause: the closest translated text of another clause, named as its origin
    other = entry(
        starter, "ky", "to meet again in two years to review progress.", "decides-to-meet"
    )
    assert other.fuzzy and other.msgstr == "KY to meet again in one year to review progress."
    assert other.previous_msgid == "to meet again in one year to review progress."
    assert other.tcomment.startswith("draftkit-tm: 0.9")
    assert other.tcomment.endswith(" from clauses/starter.yaml:decides-to-follow-up")
    text = starter.po("ru").read_text(encoding="utf-8")
    assert f'#| msgctxt "{CONTEXT}"\n#| msgid ""\n#| "our commitment' in text
    assert not any(m.id == TEXT for m in babel_catalog(starter.po("ru")).obsolete.values())

    # an ordinary fuzzy entry for gettext and Babel, and for a build (it falls back)
    if shutil.which("msgfmt"):
        for lang in ("ru", "ky"):
            subprocess.run(
                ["msgfmt", "--check", "-o", "/dev/null", str(starter.po(lang))],
                check=True,
                capture_output=True,
            )
    babel_entry = babel_catalog(starter.po("ru")).get(new_text, context=CONTEXT)
    assert babel_entry.fuzzy and babel_entry.string == f"RU {TEXT}"

    # nothing more to suggest: a second update writes nothing
    before = starter.po("ru").read_bytes()
    again = starter.run("i18n", "update", check=True).stdout
    assert "unchanged locales/ru" in again and starter.po("ru").read_bytes() == before
    # the clause moves down a line: the entry is written anew, its "#|" lines with it
    clauses = starter.root / "clauses" / "starter.yaml"
    clauses.write_text("# moved\n" + clauses.read_text(encoding="utf-8"), encoding="utf-8")
    starter.run("i18n", "extract", check=True)
    assert "with new references" in starter.run("i18n", "update", check=True).stdout
    moved = entry(starter, "ru", new_text, CONTEXT)
    assert moved.fuzzy and moved.previous_msgid == TEXT and moved.occurrences[0][1] != "18"
    assert "# | msgid" not in starter.po("ru").read_text(encoding="utf-8")


def test_threshold_one_suggests_only_the_same_text(starter: Starter) -> None:
    translated(starter)
    edit(starter, (TEXT, TEXT.replace("our commitment", "our firm commitment")))
    result = starter.run("i18n", "update", "--threshold", "1", check=True)
    assert "suggested" not in result.stdout
    changed = entry(starter, "ru", TEXT.replace("our commitment", "our firm commitment"), CONTEXT)
    assert changed.msgstr == "" and not changed.fuzzy
    # the old translation is not lost: it is an obsolete entry
    assert f"RU {TEXT}" in obsolete(starter, "ru")
    bad = starter.run("i18n", "update", "--threshold", "1.5")
    assert bad.returncode == 1 and "--threshold must be from 0 to 1" in bad.stderr


def test_a_renamed_note_reference_is_carried_into_the_suggestion(starter: Starter) -> None:
    translated(starter)
    (starter.root / "sources.yaml").write_text(
        (starter.root / "sources.yaml").read_text(encoding="utf-8") + BEIJING, encoding="utf-8"
    )
    new_text = TEXT.replace("[^sdg-5]", "[^beijing]").replace("our ", "our firm ")
    edit(starter, (TEXT, new_text))
    starter.run("i18n", "update", check=True)
    for lang in ("ru", "ky"):
        changed = entry(starter, lang, new_text, CONTEXT)
        assert changed.fuzzy
        assert changed.msgstr == f"{lang.upper()} {TEXT}".replace("[^sdg-5]", "[^beijing]")
    assert "noterefs" not in starter.run("i18n", "check").stderr


def test_a_renamed_parameter_is_carried_into_the_suggestion(starter: Starter) -> None:
    translated(starter)
    old = "the participants of the {forum_short} held in {city} on {date}"
    new = old.replace("{city}", "{town}").replace("participants", "guests")
    edit(starter, (old, new), ("      city:", "      town:"))
    starter.run("i18n", "update", check=True)
    changed = entry(starter, "ru", new, "welcoming-the-forum")
    assert changed.fuzzy and changed.msgstr == f"RU {old}".replace("{city}", "{town}")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (TEXT, TEXT.replace("girls[^sdg-5]", "girls[^sdg-5] and[^beijing]")),  # a note added
        (TEXT, TEXT.replace("[^sdg-5]", "").replace("our ", "our firm ")),  # a note removed
        (
            "the participants of the {forum_short} held in {city} on {date}",
            "the participants of the {forum_short} held in {city}",  # a parameter removed
        ),
    ],
    ids=["note-added", "note-removed", "parameter-removed"],
)
def test_no_suggestion_when_references_cannot_be_made_right(
    starter: Starter, old: str, new: str
) -> None:
    translated(starter)
    (starter.root / "sources.yaml").write_text(
        (starter.root / "sources.yaml").read_text(encoding="utf-8") + BEIJING, encoding="utf-8"
    )
    edit(starter, (old, new))
    starter.run("i18n", "update", check=True)
    context = CONTEXT if "[^" in old else "welcoming-the-forum"
    changed = entry(starter, "ru", new, context)
    # not the old translation (another, less similar text's may be suggested instead)
    assert changed.msgstr != f"RU {old}" and changed.previous_msgid != old
    checked = starter.run("i18n", "check", "--lang", "ru").stderr
    assert "noterefs" not in checked and "placeholders" not in checked
    # the translator's text is not lost: it is an obsolete entry, for the translator to copy
    assert f"RU {old}" in obsolete(starter, "ru")


def _memory_project(root: Path) -> Starter:
    other = Starter(create_project(root, ["en", "ru", "ky"]))
    config = other.root / "draftkit.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[i18n]\nmemories = ["tm/shared.tmx"]\n',
        encoding="utf-8",
    )
    return other


def test_export_and_import_share_a_memory_between_projects(starter: Starter, tmp_path) -> None:
    translated(starter)
    exported = tmp_path / "forum.tmx"
    result = starter.run("i18n", "tm", "export", "-o", str(exported), check=True)
    assert "units)" in result.stdout
    tmx = etree.parse(str(exported)).getroot()
    assert tmx.get("version") == "1.4" and tmx.find("header").get("srclang") == "en"
    units = tmx.findall("body/tu")
    pot = [m for m in babel_catalog(starter.root / "locales" / "messages.pot") if m.id]
    assert len(units) == len(pot)  # one unit per message
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    unit = next(u for u in units if u.findtext("tuv/seg") == TEXT)
    assert unit.findtext("prop[@type='x-context']") == CONTEXT
    assert {t.get(lang): t.findtext("seg") for t in unit.findall("tuv")} == {
        "en": TEXT,
        "ru": f"RU {TEXT}",
        "ky": f"KY {TEXT}",
    }
    assert starter.run("i18n", "tm", "export", check=True).stdout.startswith("<?xml")

    # another project, its own catalogs untranslated, takes the memory in
    other = _memory_project(tmp_path / "other")
    imported = other.run("i18n", "tm", "import", str(exported), check=True)
    assert f"updated tm/shared.tmx: {len(units)} units read, {len(units)} added" in imported.stdout
    again = other.run("i18n", "tm", "import", str(exported), check=True)
    assert "unchanged: tm/shared.tmx" in again.stdout and ", 0 added, 0 updated" in again.stdout

    edit(other, (TEXT, TEXT.replace("all women", "every woman")))
    result = other.run("i18n", "update", check=True)
    assert "suggested by the memory" in result.stdout
    changed = entry(other, "ky", TEXT.replace("all women", "every woman"), CONTEXT)
    assert changed.fuzzy and changed.msgstr == f"KY {TEXT}"
    assert changed.tcomment.startswith("draftkit-tm: 0.9")
    assert changed.tcomment.endswith(" from tm/shared.tmx")
    # an untranslated message the memory holds word for word: suggested too, fuzzy
    assert entry(other, "ru", "Reaffirming", CONTEXT).msgstr == "RU Reaffirming"


def test_import_merges_units_and_refuses_a_broken_file(starter: Starter, tmp_path) -> None:
    other = _memory_project(tmp_path / "other")
    memory = other.root / "tm" / "shared.tmx"
    first = tmp_path / "first.tmx"
    first.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="en"><seg>Decides</seg></tuv><tuv xml:lang="ru"><seg>Постановляет'
        "</seg></tuv></tu>\n</body></tmx>\n",
        encoding="utf-8",
    )
    second = tmp_path / "second.tmx"
    second.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="EN-GB"><seg>Decides</seg></tuv><tuv xml:lang="ky-KG"><seg>Чечет'
        "</seg></tuv></tu>\n</body></tmx>\n",
        encoding="utf-8",
    )
    other.run("i18n", "tm", "import", str(first), check=True)
    result = other.run("i18n", "tm", "import", str(second), check=True)
    assert "1 units read, 0 added, 1 updated" in result.stdout
    units = etree.parse(str(memory)).getroot().findall("body/tu")
    assert len(units) == 1
    assert [t.findtext("seg") for t in units[0].findall("tuv")] == [
        "Decides",
        "Чечет",
        "Постановляет",
    ]

    before = memory.read_bytes()
    broken = tmp_path / "broken.tmx"
    broken.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><body>\n<tu><tuv><seg>x</seg></tu>\n',
        encoding="utf-8",
    )
    refused = other.run("i18n", "tm", "import", str(broken))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "broken.tmx:3: broken TMX file:" in refused.stderr
    no_lang = tmp_path / "nolang.tmx"
    no_lang.write_text(
        '<tmx version="1.4"><body>\n<tu>\n<tuv><seg>x</seg></tuv></tu></body></tmx>\n'
    )
    refused = other.run("i18n", "tm", "import", str(no_lang))
    assert (
        refused.returncode == 1
        and "nolang.tmx:3: broken TMX file: a <tuv> without" in refused.stderr
    )
    assert memory.read_bytes() == before  # nothing half-written

    # a memory must be listed, and inside the project
    assert "lists no translation memory" in starter.run("i18n", "tm", "import", str(first)).stderr
    config = starter.root / "draftkit.toml"
    config.write_text(config.read_text() + '\n[i18n]\nmemories = ["../elsewhere.tmx"]\n')
    outside = starter.run("i18n", "update")
    assert outside.returncode == 1 and "leaves the project folder" in outside.stderr

    # settings: a threshold out of range, a listed memory that is broken, with their lines
    config = other.root / "draftkit.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "threshold = 2\n", encoding="utf-8")
    refused = other.run("i18n", "update")
    line = len(text.splitlines()) + 1
    assert refused.returncode == 1
    assert f"draftkit.toml:{line}: 'threshold' in [i18n] must be a number from 0 to 1" in (
        refused.stderr
    )
    config.write_text(text, encoding="utf-8")
    po = other.po("ru").read_bytes()
    shutil.copy(broken, memory)
    refused = other.run("i18n", "update")
    assert refused.returncode == 1 and "tm/shared.tmx:3: broken TMX file:" in refused.stderr
    assert other.po("ru").read_bytes() == po

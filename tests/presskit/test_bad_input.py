"""Bad event and organisation input: one ``file:line: message (hint: ...)`` line, exit 1,
no traceback and nothing in build/, for ``build`` and for ``presskit`` alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_error, line_of, make_project, run
from tests.presskit.conftest import copy_example

ORGS = """\
organisations:
  - id: un-women
    name: UN Women
    about: UN Women is the United Nations entity for gender equality.
    url: https://www.unwomen.org/
  - id: alert
    name: International Alert
"""

EVENT = """\
template: press-release
kind: forum
title: A forum in Bishkek
date: 2022-01-18
city: Bishkek
organisers: [un-women, alert]
lede: On January 18, Bishkek hosted a forum.
body:
  - A paragraph.
quotes:
  - speaker: A. Speaker
    role: representative
    organisation: un-women
    text: Words that were said.
contacts:
  - name: A. Contact
    phone: "0555662228"
    email: a.contact@example.org
"""

COMMANDS = [("build", "events/e.yaml", "-f", "html"), ("presskit", "events/e.yaml", "--jobs", "1")]


def event_project(tmp_path, old: str | None = None, new: str = ""):
    text = EVENT if old is None else EVENT.replace(old, new)
    assert old is None or text != EVENT
    return make_project(tmp_path / "p", {"organisations/o.yaml": ORGS, "events/e.yaml": text}), text


@pytest.mark.parametrize("command", COMMANDS, ids=["build", "presskit"])
def test_good_event_builds(tmp_path, command) -> None:
    project, _ = event_project(tmp_path)
    result = project.run(*command)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=["build", "presskit"])
@pytest.mark.parametrize(
    ("old", "new", "needle", "message", "hint"),
    [
        (
            "organisers: [un-women, alert]",
            "organisers: [un-women, un-womn]",
            "organisers:",
            "unknown organisation id 'un-womn'",
            "did you mean 'un-women'?",
        ),
        (
            "    organisation: un-women\n",
            "    organisation: unwomen\n",
            "organisation: unwomen",
            "unknown organisation id 'unwomen'",
            "did you mean 'un-women'?",
        ),
        (
            "  - speaker: A. Speaker\n    role: representative\n    organisation",
            "  - organisation",
            "  - organisation",
            "a quote has neither speaker nor role",
            "add 'speaker:'",
        ),
        (
            "date: 2022-01-18",
            "date: 18 January 2022",
            "date:",
            "event date '18 January 2022' is not a date",
            "YYYY-MM-DD",
        ),
        (
            "date: 2022-01-18",
            "date: {from: 2022-01-18, to: 2022-01-17}",
            "date:",
            "the event ends (2022-01-17) before it starts (2022-01-18)",
            "swap",
        ),
        (
            "email: a.contact@example.org",
            "email: a.contact(at)example.org",
            "email:",
            "'a.contact(at)example.org' is not an e-mail address",
            "name@example.org",
        ),
        (
            'phone: "0555662228"',
            "phone: call me",
            "phone:",
            "'call me' is not a phone number",
            "digits",
        ),
        (
            "kind: forum",
            "kind: party",
            "kind:",
            "unknown event kind 'party'",
            "forum, dialogue, training, technical-meeting",
        ),
        (
            "quotes:",
            "participants: {text: Activists attended., after: 2}\nquotes:",
            "participants:",
            "there is no body paragraph 2",
            "0 places it after the lede, 1 to 1 after that paragraph",
        ),
        (
            "quotes:",
            "participants:\n  after: 1\nquotes:",
            "participants:",
            "'participants' has no text",
            "add 'text:'",
        ),
    ],
    ids=[
        "organiser",
        "quote-org",
        "no-speaker-nor-role",
        "date",
        "range",
        "email",
        "phone",
        "kind",
        "participants-after",
        "participants-no-text",
    ],
)
def test_bad_event(tmp_path, command, old, new, needle, message, hint) -> None:
    project, text = event_project(tmp_path, old, new)
    result = project.run(*command)
    assert_one_error(result, f"events/e.yaml:{line_of(text, needle)}", message, hint)
    assert project.files("build") == {}


def test_unknown_organisation_in_the_library_file(tmp_path) -> None:
    orgs = ORGS.replace("url: https://www.unwomen.org/", "url: www.unwomen.org")
    project = make_project(tmp_path / "p", {"organisations/o.yaml": orgs, "events/e.yaml": EVENT})
    result = project.run("presskit", "events/e.yaml")
    assert_one_error(
        result,
        f"organisations/o.yaml:{line_of(orgs, 'url:')}",
        "url 'www.unwomen.org' is not an http(s) address",
        "https://",
    )
    assert project.files("build") == {}


def test_presskit_refuses_a_document_spec(tmp_path) -> None:
    project, _ = event_project(tmp_path)
    result = project.run("presskit", "documents/d.yaml")
    assert_one_error(result, "documents/d.yaml", "documents/d.yaml is not an event", "events/")


def test_related_document_that_does_not_exist(tmp_path) -> None:
    project, text = event_project(tmp_path, "body:", "documents: [documents/nope.yaml]\nbody:")
    result = project.run("presskit", "events/e.yaml")
    assert_one_error(
        result,
        f"events/e.yaml:{line_of(text, 'documents:')}",
        "no such document spec: documents/nope.yaml",
    )
    assert project.files("build") == {}


def test_orgs_list_and_show(tmp_path) -> None:
    project, _ = event_project(tmp_path)
    listed = project.run("orgs", "list")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split() for line in listed.stdout.splitlines()[1:]]
    assert [row[0] for row in rows] == ["alert", "un-women"]
    assert rows[1][-1] == "e"  # the events that name it
    shown = project.run("orgs", "show", "un-women")
    assert shown.returncode == 0
    assert shown.stdout.splitlines()[:3] == [
        "un-women",
        "defined at organisations/o.yaml:2",
        "name: UN Women",
    ]
    assert "UN Women is the United Nations entity for gender equality." in shown.stdout
    missing = project.run("orgs", "show", "un-womn")
    assert missing.returncode == 1
    assert missing.stderr.strip() == (
        "error: unknown organisation id 'un-womn' (hint: did you mean 'un-women'?)"
    )


def test_a_yaml_tag_in_an_event_is_refused(tmp_path) -> None:
    project, text = event_project(
        tmp_path, "title: A forum in Bishkek", "title: !!python/name:os.system x"
    )
    result = project.run("presskit", "events/e.yaml")
    assert_one_error(
        result,
        f"events/e.yaml:{line_of(text, 'title:')}",
        "YAML tag",
        "plain data",
        exact=False,
    )
    assert project.files("build") == {}


def test_press_translation_with_a_note_reference_is_refused_at_its_line(tmp_path: Path) -> None:
    """Press texts cite no sources: a [^note] slipped into a translation is an error at the
    msgstr's line, and the PO file stays as it was."""
    root = copy_example(tmp_path / "example")
    po = root / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    # The release's lede: the first msgstr after its msgid.
    start = text.index('"On January 18, Bishkek hosted a Central Asian Forum')
    at = text.index('msgstr ""\n"', start) + len('msgstr ""\n"')
    po.write_text(text[:at] + "[^sdg-goals] " + text[at:], encoding="utf-8")
    before = po.read_bytes()
    result = run("build", "events/what-works-forum-2022.yaml", "--lang", "ru", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = [x for x in result.stderr.splitlines() if "note reference or parameter" in x]
    number = int(re.match(r"error: \S+messages\.po:(\d+): ", line).group(1))
    entry = po.read_text(encoding="utf-8").splitlines()[number - 1 : number + 2]
    assert any("event:what-works-forum-2022" in x or "On January 18" in x for x in entry), entry
    assert po.read_bytes() == before
    assert not (root / "build").exists()

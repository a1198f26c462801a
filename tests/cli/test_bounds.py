"""Bounds on the work an input can cause (issue 15): markup nested deeper than a drafter
would write is an error at the clause's line; links, addresses, catalogs, diffs and
templates take time linear in their size, or are stopped with an error."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from collections.abc import Callable

import pytest
from lxml import etree

from tests.cli.helpers import (
    BUILD,
    CHECK,
    Project,
    assert_fails_cleanly,
    assert_one_error,
    builtin_template,
    env,
    line_of,
    replace_once,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CLAUSE_TEXT = "text: all partners to act in {city}, in particular"


def nested(depth: int) -> str:
    marks = ["**" if i % 2 == 0 else "*" for i in range(depth)]
    opening = "".join(f"{m}w{i} " for i, m in enumerate(marks))
    return opening + "core" + "".join(reversed(marks))


@pytest.mark.parametrize("command", [("check",), ("build", "-f", "html")])
def test_markup_nested_hundreds_deep_is_refused_at_its_line(
    project: Callable[..., Project], command: tuple[str, ...]
) -> None:
    p = project()
    text = p.edit("clauses/x.yaml", CLAUSE_TEXT, f"text: '{nested(400)}'")
    lines = assert_fails_cleanly(p.run(*command))
    assert len(lines) == 1
    assert lines[0].startswith(f"error: clauses/x.yaml:{line_of(text, 'w399')}: "), lines[0]
    assert "nested more than 16 deep" in lines[0]


def test_markup_a_few_levels_deep_builds(project: Callable[..., Project]) -> None:
    p = project()
    p.edit("clauses/x.yaml", CLAUSE_TEXT, f"text: '{nested(3)}'")
    result = p.run("build", "-f", "html")
    assert result.returncode == 0, result.stderr
    html = (p.root / "build/en/d.html").read_text("utf-8")
    assert "<strong>w0 <em>w1 <strong>w2 core</strong></em></strong>" in html


# -- bounded work (issue 15) ------------------------------------------------------------
# Each input below ran for minutes or hours before its fix and runs in a second or two
# after. The subprocess timeout is far above the latter, so a regression fails here
# instead of hanging CI; no test asserts a timing.

BOUND = 45  # seconds


def run_bounded(p: Project, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "draftkit", *args],
            cwd=p.root,
            capture_output=True,
            text=True,
            env=env(),
            timeout=BOUND,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"draftkit {' '.join(args)} did not finish in {BOUND} s")


def test_a_clause_of_12000_links_builds_its_docx(project: Callable[..., Project]) -> None:
    # python-docx looked up and numbered each link's relationship by scanning all of them.
    p = project()
    links = " ".join(f"[l{i}](https://e.org/{i})" for i in range(12000))
    p.edit("clauses/x.yaml", CLAUSE_TEXT, f"text: 'all {links} [again](https://e.org/7)'")
    result = run_bounded(p, "build", "-f", "docx")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(p.root / "build/en/d.docx") as package:
        body = etree.fromstring(package.read("word/document.xml"))
        rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    ids = [h.get(f"{{{R}}}id") for h in body.iter(f"{{{W}}}hyperlink")]
    texts = ["".join(h.itertext()) for h in body.iter(f"{{{W}}}hyperlink")]
    assert len(ids) == 12001
    assert [targets[i] for i in ids[:3]] == [
        "https://e.org/0",
        "https://e.org/1",
        "https://e.org/2",
    ]
    assert (texts[11999], targets[ids[11999]]) == ("l11999", "https://e.org/11999")
    # One relationship per target, as Word writes it.
    assert (texts[-1], ids[-1]) == ("again", ids[7])
    assert len([t for t in targets.values() if t.startswith("https://e.org/")]) == 12000


LONG_URL = "https://e.org/" + "abcdefghi/" * 10_000  # 100,014 characters, a break point each 10


@pytest.mark.parametrize("command", [CHECK, BUILD])
def test_a_source_url_of_100000_characters_is_refused_at_its_line(
    project: Callable[..., Project], command: tuple[str, ...]
) -> None:
    # The PDF's line breaker took many minutes over it; no web page has such an address.
    p = project()
    text = p.edit("sources.yaml", "https://sdgs.un.org/goals/goal5", LONG_URL)
    assert_one_error(
        run_bounded(p, *command),
        f"sources.yaml:{line_of(text, 'url:')}",
        "characters long, more than the 2,048 an address may have",
        hint="shorter address",
        exact=False,
    )


def test_a_link_of_100000_characters_is_refused_at_its_line(
    project: Callable[..., Project],
) -> None:
    p = project()
    text = p.edit("clauses/x.yaml", CLAUSE_TEXT, f"text: 'see [the page]({LONG_URL})'")
    line = assert_one_error(
        run_bounded(p, "check"),
        f"clauses/x.yaml:{line_of(text, 'the page')}",
        "is 100,014 characters long",
        exact=False,
    )
    assert len(line) < 400  # the address is not printed whole


def test_an_address_of_2048_characters_builds(project: Callable[..., Project]) -> None:
    p = project()
    url = "https://e.org/" + "abcdefghi/" * 203 + "abcd"
    assert len(url) == 2048
    p.edit("sources.yaml", "https://sdgs.un.org/goals/goal5", url)
    result = run_bounded(p, *BUILD)
    assert result.returncode == 0, result.stderr
    assert "abcdefghi/<wbr>abcd" in p.read("build/en/d.html")


def test_i18n_check_of_a_huge_msgstr_of_open_brackets(project: Callable[..., Project]) -> None:
    # "[^" repeated: the note-reference patterns scanned to the end from each one.
    p = project()
    p.edit("draftkit.toml", 'locales = ["en"]', 'locales = ["en", "ru"]')
    for command in (("i18n", "extract"), ("i18n", "update")):
        assert run_bounded(p, *command).returncode == 0
    po = "locales/ru/LC_MESSAGES/messages.po"
    catalog = p.read(po)
    entry = 'msgid "Calls upon"\nmsgstr ""'
    assert entry in catalog
    p.write(po, catalog.replace(entry, f'msgid "Calls upon"\nmsgstr "{"[^" * 50_000}"'))
    result = run_bounded(p, "i18n", "check")
    assert "Traceback" not in result.stderr
    # quickly refused at the entry's line: "[^" that is no note reference is a mistake
    assert result.returncode == 1, result.stderr
    line = line_of(p.read(po), 'msgid "Calls upon"')  # the entry's line
    assert f"{po}:{line}: [ru] markup: " in result.stderr
    assert "is not a note reference" in result.stderr


def clause_file(text: str) -> str:
    head = "clauses:\n  - id: c\n    kind: operative\n    lead: Calls upon\n"
    return head + f"    text: >-\n      {text}\n"


WORDS = "women rights gender equality forum participants support civil society access".split()


def test_diff_of_two_20000_word_texts_shows_them_replaced_whole(
    project: Callable[..., Project],
) -> None:
    # difflib without its junk heuristic is quadratic and worse on texts of few words.
    p = project()
    old, new = random.Random(1), random.Random(2)
    p.write("a/x.yaml", clause_file(" ".join(old.choice(WORDS) for _ in range(20_000))))
    p.write("b/x.yaml", clause_file(" ".join(new.choice(WORDS) for _ in range(20_000))))
    result = run_bounded(p, "diff", "a", "b", "--no-pager")
    assert result.returncode == 1, result.stderr  # they differ
    assert result.stderr.startswith("warning: a text of 20,000 words"), result.stderr
    assert "shown deleted and inserted whole" in result.stderr
    assert "modified   c" in result.stdout


def test_diff_of_a_long_text_edited_in_places_is_word_by_word(
    project: Callable[..., Project],
) -> None:
    p = project()
    words = [f"w{i % 7000}" for i in range(20_000)]  # each word three times or so
    edited = list(words)
    for i in range(0, 20_000, 1000):
        edited[i] = "changed"
    p.write("a/x.yaml", clause_file(" ".join(words)))
    p.write("b/x.yaml", clause_file(" ".join(edited)))
    result = run_bounded(p, "diff", "a", "b", "--no-pager", "-U", "1")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    for i in range(0, 20_000, 1000):
        assert f"[-{words[i]}-]{{+changed+}}" in result.stdout
    assert result.stdout.count("{+changed+}") == 20


NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def with_template_line(p: Project, line: str) -> str:
    template = builtin_template()
    text = replace_once(template, "<document>\n", f"<document>\n{line}\n")
    p.write("templates/resolution.xml.j2", text)
    return text


def test_a_template_looping_10_billion_times_is_stopped(project: Callable[..., Project]) -> None:
    p = project()
    p.edit("draftkit.toml", 'style = "plain"', 'style = "plain"\ntemplate_seconds = 1')
    text = with_template_line(p, NESTED)
    assert_one_error(
        run_bounded(p, *BUILD),
        f"templates/resolution.xml.j2:{line_of(text, 'range(100000)')}",
        "template 'resolution.xml.j2' ran for more than 1 s and was stopped",
        hint="template_seconds",
    )
    assert p.files() == {}


def test_a_template_writing_without_end_is_stopped(project: Callable[..., Project]) -> None:
    p = project()
    p.edit("draftkit.toml", 'style = "plain"', 'style = "plain"\ntemplate_output_mb = 1')
    with_template_line(p, NESTED.replace("{% endfor %}", "words words {% endfor %}", 1))
    assert_one_error(
        run_bounded(p, "check"),
        "templates/resolution.xml.j2",
        "template 'resolution.xml.j2' was stopped: it wrote more than 1 MB",
        hint="template_output_mb",
    )


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("'x' * 10000000000", "'*' would make a value of 10,000,000,000 items"),
        ("10 ** 1000000000", "'**' would make a number of more than 65,536 bits"),
    ],
)
def test_a_huge_value_made_in_one_step_is_refused(
    project: Callable[..., Project], expression: str, message: str
) -> None:
    p = project()
    text = with_template_line(p, f"{{{{ {expression} }}}}")
    assert_one_error(
        run_bounded(p, "check"),
        f"templates/resolution.xml.j2:{line_of(text, expression)}",
        message,
        exact=False,
    )


@pytest.mark.parametrize("value", ["0", "-1", '"ten"', "true"])
def test_a_bad_template_budget_is_refused_at_its_line(
    project: Callable[..., Project], value: str
) -> None:
    p = project()
    text = p.edit(
        "draftkit.toml", 'style = "plain"', f'style = "plain"\ntemplate_seconds = {value}'
    )
    assert_one_error(
        run_bounded(p, "check"),
        f"draftkit.toml:{line_of(text, 'template_seconds')}",
        "'template_seconds' in [build] must be a number above 0",
        exact=False,
    )


@pytest.mark.parametrize("command", [CHECK, BUILD])
@pytest.mark.parametrize("broken", ["[^sdg-5[x]", "[^"], ids=["bracket-inside", "unclosed"])
def test_a_note_call_that_is_no_reference_is_an_error(
    project: Callable[..., Project], command: tuple[str, ...], broken: str
) -> None:
    # The reference pattern stops at '[' to stay linear: what it does not match is refused,
    # never printed as text.
    p = project()
    text = p.edit("clauses/x.yaml", "in {country}[^sdg-5]", f"in {{country}}{broken}")
    result = p.run(*command)
    where = f"clauses/x.yaml:{line_of(text, broken)}"
    assert_one_error(result, where, f"'{broken}' is not a note reference", exact=False)
    assert p.files() == {}

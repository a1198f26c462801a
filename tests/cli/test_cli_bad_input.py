"""The bad-input corpus: every broken input is reported, never crashes, never writes.

Product rule: one ``error: file:line: message (hint: ...)`` line per problem on stderr,
exit status 1, no traceback (``--debug`` shows it), no output written. Each case starts
from the small valid project of :mod:`tests.cli.helpers`, breaks one thing, and computes
the expected line from the broken fixture text itself.

Each case asserts the exact file:line, message and hint a drafter sees.
"""

from __future__ import annotations

import os
import re

import pytest

from tests.cli.helpers import (
    BUILD,
    CHECK,
    CLAUSES,
    DOCUMENT,
    SOURCES,
    assert_fails_cleanly,
    assert_one_error,
    builtin_template,
    line_of,
    replace_once,
)

COMMANDS = pytest.mark.parametrize("command", [CHECK, BUILD], ids=["check", "build"])


def with_commands(cases, build=None):
    """Every case under ``check``; under ``build`` too if its id is in ``build`` (None: all).

    Both commands fail through the same loaders, so variants of one kind of problem run
    under ``check`` only, which keeps the suite fast; each kind runs under ``build`` once.
    """
    out = []
    for case in cases:
        out.append(pytest.param(CHECK, *case.values, id=f"{case.id}-check", marks=case.marks))
        if build is None or case.id in build:
            out.append(pytest.param(BUILD, *case.values, id=f"{case.id}-build", marks=case.marks))
    return out


YAML_HINT = "check indentation and quoting; values containing ': ' or starting with '[' need quotes"
TAB_HINT = "YAML indents with spaces, not tabs"
DUP_HINT = "once per mapping"
LINK_HINT = "links may point to web pages or e-mail addresses only"
DATE_HINT = "write it as YYYY-MM-DD, e.g. 2025-03-04"
TAG_HINT = "content files are plain data: remove the '!' tag"
SANDBOX_HINT = "templates are sandboxed: they may not reach Python internals"
UNDEFINED_HINT = "the template uses a name the document does not define; check its spelling"
CLAUSE_FIELDS = "allowed: id, items, kind, lead, note, params, tags, text, title"
DOC_FIELDS = (
    "allowed: adoption, chapeau, city, closing, date, forum, lang, opening, operative, organ, "
    "params, place, preamble, signature, style, symbol, template, title "
    "(see docs/document-spec.md)"
)


def _case(case_id, file, old, new, marker, message, hint, *, exact=True, marks=()):
    return pytest.param(file, old, new, marker, message, hint, exact, id=case_id, marks=marks)


# (file, old, new, marker of the offending line in the new text, message, hint, exact)
ONE_ERROR_CASES = [
    # --- malformed YAML -----------------------------------------------------------------
    _case(
        "yaml-indent-clause",
        "clauses/x.yaml",
        "    lead: Calls upon\n",
        "     lead: Calls upon\n",
        "lead: Calls upon",
        "malformed YAML: mapping values are not allowed in this context",
        YAML_HINT,
    ),
    _case(
        "yaml-indent-document",
        "documents/d.yaml",
        "title: RESOLUTION",
        " title: RESOLUTION",
        "title: RESOLUTION",
        "malformed YAML: mapping values are not allowed in this context",
        YAML_HINT,
    ),
    _case(
        "yaml-indent-sources",
        "sources.yaml",
        "    publisher: United",
        "      publisher: United",
        "publisher:",
        "malformed YAML: did not find expected key",
        YAML_HINT,
    ),
    _case(
        "yaml-duplicate-key",
        "clauses/x.yaml",
        "    kind: operative\n",
        "    kind: operative\n    kind: paragraph\n",
        "kind: paragraph",
        'malformed YAML: found duplicate key "kind"',
        DUP_HINT,
        exact=False,
    ),
    _case(
        "yaml-duplicate-key-document",
        "documents/d.yaml",
        "city: Bishkek\n",
        "city: Bishkek\ncity: Osh\n",
        "city: Osh",
        'malformed YAML: found duplicate key "city"',
        DUP_HINT,
        exact=False,
    ),
    _case(
        "yaml-tab-clause",
        "clauses/x.yaml",
        "    lead: Calls upon\n",
        "\tlead: Calls upon\n",
        "lead: Calls upon",
        "malformed YAML: found a tab character that violates indentation",
        TAB_HINT,
    ),
    _case(
        "yaml-tab-document",
        "documents/d.yaml",
        "  by: Participants",
        "\tby: Participants",
        "by: Participants",
        "malformed YAML: found character that cannot start any token",
        TAB_HINT,
    ),
    # --- clauses ------------------------------------------------------------------------
    _case(
        "unknown-kind",
        "clauses/x.yaml",
        "    kind: operative\n",
        "    kind: operational\n",
        "kind: operational",
        "clause 'calls-upon' has unknown kind 'operational'",
        "kind is one of: preambular, operative, paragraph",
    ),
    _case(
        "invalid-clause-id",
        "clauses/x.yaml",
        "  - id: calls-upon\n",
        "  - id: Calls Upon\n",
        "id: Calls Upon",
        "clause id 'Calls Upon' is not a valid id",
        "use lower-case letters, digits, '-', '_' and '.', e.g. recognize-women-role",
    ),
    _case(
        "undeclared-param-text",
        "clauses/x.yaml",
        "act in {city}, in",
        "act in {city} by {year}, in",
        "by {year}",
        "clause 'calls-upon' uses parameter {year} but does not declare it",
        "add it under 'params:' (e.g. year: {help: ..., default: ...})",
    ),
    _case(
        "undeclared-param-lead",
        "clauses/x.yaml",
        "lead: Calls upon",
        "lead: Calls upon {who}",
        "Calls upon {who}",
        "clause 'calls-upon' uses parameter {who} but does not declare it",
        "add it under 'params:' (e.g. who: {help: ..., default: ...})",
    ),
    _case(
        "undeclared-param-sub-item",
        "clauses/x.yaml",
        "in national policy-making",
        "in national policy-making by {year}",
        "by {year}",
        "clause 'calls-upon' uses parameter {year} but does not declare it",
        "add it under 'params:' (e.g. year: {help: ..., default: ...})",
    ),
    _case(
        "unknown-field-clause",
        "clauses/x.yaml",
        "    text: all partners",
        "    txt: all partners",
        "txt: all partners",
        "unknown field 'txt' in a clause",
        CLAUSE_FIELDS,
    ),
    _case(
        "unknown-field-sub-item",
        "clauses/x.yaml",
        "      - text: in local councils",
        "      - txt: in local councils",
        "txt: in local",
        "unknown field 'txt' in a sub-paragraph",
        "allowed: items, text",
    ),
    _case(
        "unknown-field-param",
        "clauses/x.yaml",
        '{help: "country name"}',
        '{hlep: "country name"}',
        "hlep:",
        "unknown field 'hlep' in parameter 'country'",
        "allowed: default, help",
    ),
    _case(
        "file-link-clause-text",
        "clauses/x.yaml",
        "all partners to act",
        "all [partners](file:///etc/passwd) to act",
        "file:///",
        "clause 'calls-upon': link target 'file:///etc/passwd' is not an http(s) or mailto: "
        "address",
        LINK_HINT,
    ),
    _case(
        "file-autolink-sub-item",
        "clauses/x.yaml",
        "in local councils",
        "in local councils <file:///etc/passwd>",
        "file:///",
        "sub-paragraph: link target 'file:///etc/passwd' is not an http(s) or mailto: address",
        LINK_HINT,
    ),
    _case(
        "javascript-link-clause",
        "clauses/x.yaml",
        "all partners to act",
        "all [partners](javascript:alert(1)) to act",
        "javascript:",
        "clause 'calls-upon': link target 'javascript:alert(1)' is not an http(s) or mailto: "
        "address",
        LINK_HINT,
    ),
    # --- sources ------------------------------------------------------------------------
    _case(
        "file-url-source",
        "sources.yaml",
        "url: https://sdgs.un.org/goals/goal5",
        "url: file:///etc/passwd",
        "file:///",
        "source 'sdg-5' has url 'file:///etc/passwd', which is not an http(s) address",
        "sources point to web pages; local files are not embedded",
    ),
    _case(
        "unknown-field-source",
        "sources.yaml",
        "    publisher: United",
        "    publsher: United",
        "publsher:",
        "unknown field 'publsher' in a source",
        "allowed: date, id, note, publisher, title, url",
    ),
    # --- document specs -----------------------------------------------------------------
    _case(
        "unknown-field-document",
        "documents/d.yaml",
        "title: RESOLUTION",
        "titel: RESOLUTION",
        "titel:",
        "unknown field 'titel' in a document spec",
        DOC_FIELDS,
    ),
    _case(
        "unknown-field-signature",
        "documents/d.yaml",
        "  place: Bishkek\n",
        "  plaec: Bishkek\n",
        "plaec:",
        "unknown field 'plaec' in the signature",
        "allowed: by, date, place",
    ),
    _case(
        "file-link-document-text",
        "documents/d.yaml",
        "of the forum:",
        "of the [forum](file:///etc/passwd):",
        "file:///",
        "paragraph: link target 'file:///etc/passwd' is not an http(s) or mailto: address",
        LINK_HINT,
    ),
    _case(
        "unknown-clause-id-close-match",
        "documents/d.yaml",
        "  - calls-upon\n",
        "  - calls-upn\n",
        "- calls-upn",
        "unknown clause id 'calls-upn'",
        "did you mean 'calls-upon'?",
    ),
    _case(
        "unknown-clause-id-no-match",
        "documents/d.yaml",
        "  - calls-upon\n",
        "  - something-else-entirely\n",
        "something-else",
        "unknown clause id 'something-else-entirely'",
        "run 'draftkit clauses list' to see the library",
    ),
    _case(
        "unknown-clause-id-with-params",
        "documents/d.yaml",
        "{clause: recognize-role,",
        "{clause: recognise-role,",
        "recognise-role",
        "unknown clause id 'recognise-role'",
        "did you mean 'recognize-role'?",
    ),
    _case(
        "missing-required-param",
        "documents/d.yaml",
        "  - {clause: recognize-role, params: {country: the Kyrgyz Republic}}\n",
        "  - recognize-role\n",
        "- recognize-role",
        "clause 'recognize-role' needs parameter {country}",
        "add 'country: ...' under 'params:' of the document or of this entry",
    ),
    _case(
        "missing-document-param",
        "documents/d.yaml",
        "\ncity: Bishkek\n",
        "\n",
        "- calls-upon",
        "clause 'calls-upon' needs parameter {city}",
        "add 'city: ...' under 'params:' of the document or of this entry",
    ),
    _case(
        "unknown-param-for-clause",
        "documents/d.yaml",
        "params: {country: the Kyrgyz Republic}",
        "params: {countri: the Kyrgyz Republic}",
        "countri",
        "clause 'recognize-role' has no parameter 'countri'",
        "did you mean 'country'?",
    ),
    _case(
        "wrong-part-of-document",
        "documents/d.yaml",
        "  - calls-upon\n",
        "  - recognize-role\n",
        "- recognize-role",
        "clause 'recognize-role' is preambular but is listed under operative",
        "move it to the other list, or change its kind in the library",
    ),
    _case(
        "date-not-a-date",
        "documents/d.yaml",
        "date: 2026-01-15",
        "date: 15th of January",
        "date: 15th",
        "date '15th of January' is not a date",
        DATE_HINT,
    ),
    _case(
        "date-is-a-number",
        "documents/d.yaml",
        "date: 2026-01-15",
        "date: 2026",
        "date: 2026",
        "date 2026 is not a date",
        DATE_HINT,
    ),
    _case(
        "signature-date-not-a-date",
        "documents/d.yaml",
        "  place: Bishkek\n",
        "  place: Bishkek\n  date: next week\n",
        "date: next week",
        "signature date 'next week' is not a date",
        DATE_HINT,
    ),
    _case(
        "invalid-calendar-date",
        "documents/d.yaml",
        "date: 2026-01-15",
        "date: 2026-02-30",
        "date: 2026-02-30",
        "2026-02-30",
        "YYYY-MM-DD",
        exact=False,
    ),
    _case(
        "unknown-style",
        "documents/d.yaml",
        "template: resolution\n",
        "template: resolution\nstyle: fancy\n",
        "style: fancy",
        "unknown formatting style 'fancy'",
        "style is one of: plain, un",
    ),
    _case(
        "a-clause-id-that-is-a-sentence",
        "documents/d.yaml",
        "  - calls-upon\n",
        "  - Calls upon all partners.\n",
        "Calls upon all",
        "'Calls upon all partners.' is not a clause id",
        "for a paragraph written here, use '- text: ...'",
    ),
]


BUILD_TOO = {
    "yaml-indent-clause",
    "yaml-duplicate-key",
    "yaml-tab-clause",
    "unknown-kind",
    "invalid-clause-id",
    "undeclared-param-text",
    "unknown-field-clause",
    "unknown-field-document",
    "file-link-clause-text",
    "file-url-source",
    "unknown-clause-id-close-match",
    "missing-required-param",
    "date-not-a-date",
    "invalid-calendar-date",
    "wrong-part-of-document",
}


@pytest.mark.parametrize(
    ("command", "file", "old", "new", "marker", "message", "hint", "exact"),
    with_commands(ONE_ERROR_CASES, BUILD_TOO),
)
def test_bad_input_is_one_line_naming_file_and_line(
    project, command, file, old, new, marker, message, hint, exact
):
    proj = project()
    text = proj.edit(file, old, new)
    result = proj.run(*command)
    assert_one_error(result, f"{file}:{line_of(text, marker)}", message, hint, exact=exact)
    assert result.stdout == ""
    assert not (proj.root / "build").exists(), "a failed build created output"


@pytest.mark.parametrize(
    ("command", "file", "old", "new"),
    with_commands(
        [
            pytest.param(
                "documents/d.yaml", "date: 2026-01-15", "date: 2026-02-30", id="document-date"
            ),
            pytest.param("documents/d.yaml", "date: 2026-01-15", "date: 2026-13-01", id="month-13"),
            pytest.param(
                "sources.yaml",
                "    url: https://sdgs.un.org/goals/goal5\n",
                "    url: https://sdgs.un.org/goals/goal5\n    date: 2015-02-29\n",
                id="source-date",
            ),
            pytest.param(
                "clauses/x.yaml", "title: Role of women", "title: 2026-02-30", id="clause-title"
            ),
        ],
        {"document-date"},
    ),
)
def test_impossible_date_fails_cleanly(project, command, file, old, new):
    """A date-shaped value that is no date: the line that holds it, and the value."""
    proj = project()
    text = proj.edit(file, old, new)
    value = new.strip().split(": ")[-1]
    lines = assert_fails_cleanly(proj.run(*command))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {file}:{line_of(text, value)}: '{value}' "), lines
    assert "(hint: " in lines[0] and "YYYY-MM-DD" in lines[0], lines
    assert not (proj.root / "build").exists()


# --- malformed YAML: where an unclosed bracket or quote starts ----------------------------


@pytest.mark.parametrize(
    ("command", "file", "old", "new", "marker"),
    with_commands(
        [
            pytest.param(
                "clauses/x.yaml",
                "tags: [gender]\n",
                "tags: [gender\n",
                "tags: [gender",
                id="unclosed-bracket-mid-file",
            ),
            pytest.param(
                "clauses/x.yaml",
                "tags: [gender, leadership]\n",
                "tags: [gender, leadership\n",
                "tags: [gender, leadership",
                id="unclosed-bracket-reported-beyond-last-line",
            ),
            pytest.param("sources.yaml", 'equality"', "equality", "Goal 5", id="unclosed-quote"),
        ],
        {"unclosed-bracket-mid-file"},
    ),
)
def test_unclosed_bracket_or_quote_names_the_line_it_opens(
    project, command, file, old, new, marker
):
    proj = project()
    text = proj.edit(file, old, new)
    result = proj.run(*command)
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {file}:{line_of(text, marker)}: malformed YAML: "), lines


@COMMANDS
def test_unclosed_bracket_is_reported_without_traceback(project, command):
    """What works today: one line, the file, a line near the bracket, a hint about quoting."""
    proj = project()
    text = proj.edit("clauses/x.yaml", "tags: [gender]\n", "tags: [gender\n")
    lines = assert_fails_cleanly(proj.run(*command))
    assert len(lines) == 1, lines
    # the line that opens the bracket (right) or the next key, where the parser notices (today)
    near = {line_of(text, "tags: [gender"), line_of(text, "params:")}
    found = re.match(r"error: clauses/x\.yaml:(\d+): malformed YAML: ", lines[0])
    assert found and int(found.group(1)) in near, lines
    assert lines[0].endswith(f"(hint: {YAML_HINT})"), lines
    assert not (proj.root / "build").exists()


# --- YAML tags are refused and never executed ---------------------------------------------


TAG_CASES = [
    pytest.param(
        "clauses/x.yaml",
        "    text: all partners to act in {city}, in particular\n",
        '    text: !!python/object/apply:os.system ["touch {marker}"]\n',
        "!!python",
        "!!python/object/apply:os.system",
        id="apply-os-system-in-clause",
    ),
    pytest.param(
        "clauses/x.yaml",
        "    text: all partners to act in {city}, in particular\n",
        '    text: !!python/object/apply:subprocess.check_call [["touch", "{marker}"]]\n',
        "!!python",
        "!!python/object/apply:subprocess.check_call",
        id="apply-subprocess-in-clause",
    ),
    pytest.param(
        "clauses/x.yaml",
        "  - id: calls-upon\n",
        '  - !!python/object/new:os.system\n    args: ["touch {marker}"]\n    id: calls-upon\n',
        "!!python",
        "!!python/object/new:os.system",
        id="tagged-clause-mapping",
    ),
    pytest.param(
        "documents/d.yaml",
        "title: RESOLUTION OF THE FORUM\n",
        'title: !!python/object/apply:os.system ["touch {marker}"]\n',
        "!!python",
        "!!python/object/apply:os.system",
        id="apply-os-system-in-document",
    ),
    pytest.param(
        "sources.yaml",
        '    title: "Goal 5: Gender equality"\n',
        '    title: !!python/object/apply:os.system ["touch {marker}"]\n',
        "!!python",
        "!!python/object/apply:os.system",
        id="apply-os-system-in-source",
    ),
    pytest.param(
        "clauses/x.yaml",
        "title: Role of women",
        "title: !custom Role of women",
        "!custom",
        "!custom",
        id="custom-tag",
    ),
]


@pytest.mark.parametrize(
    ("command", "file", "old", "new", "marker", "tag"),
    with_commands(TAG_CASES, {"apply-os-system-in-clause", "apply-os-system-in-document"}),
)
def test_yaml_tags_are_refused_and_not_executed(
    project, tmp_path, command, file, old, new, marker, tag
):
    flag = tmp_path / "PWNED"
    proj = project()
    text = proj.edit(file, old, new.replace("{marker}", str(flag)))
    result = proj.run(*command)
    assert_one_error(
        result, f"{file}:{line_of(text, marker)}", f"YAML tag {tag} is not allowed", TAG_HINT
    )
    assert not flag.exists(), "a YAML tag ran a command"
    assert not (proj.root / "build").exists()


# --- the library as a whole --------------------------------------------------------------


@COMMANDS
def test_duplicate_clause_id_across_files_names_both_places(project, command):
    second = (
        "clauses:\n  # the same id again\n  - id: calls-upon\n    kind: operative\n    text: x\n"
    )
    proj = project({"clauses/y.yaml": second})
    result = proj.run(*command)
    first_line = line_of(CLAUSES, "- id: calls-upon")
    line = assert_one_error(
        result,
        f"clauses/y.yaml:{line_of(second, '- id: calls-upon')}",
        "duplicate clause id 'calls-upon'",
        "rename one of them",
        exact=False,
    )
    # The first definition is named too (today as an absolute path; accept either form).
    assert re.search(rf"\(first defined at (\S*/)?clauses/x\.yaml:{first_line}\) \(hint", line), (
        line
    )
    assert not (proj.root / "build").exists()


def test_check_reports_every_file_with_a_problem(project):
    """One line per problem: two broken clause files give two lines, each with its place."""
    bad_kind = CLAUSES.replace("kind: operative", "kind: operational")
    bad_param = "clauses:\n  - id: extra\n    kind: operative\n    text: act by {year}\n"
    proj = project({"clauses/x.yaml": bad_kind, "clauses/y.yaml": bad_param})
    lines = assert_fails_cleanly(proj.run(*CHECK))
    assert lines == [
        f"error: clauses/x.yaml:{line_of(bad_kind, 'operational')}: clause 'calls-upon' has "
        "unknown kind 'operational' (hint: kind is one of: preambular, operative, paragraph)",
        f"error: clauses/y.yaml:{line_of(bad_param, '{year}')}: clause 'extra' uses parameter "
        "{year} but does not declare it (hint: add it under 'params:' "
        "(e.g. year: {help: ..., default: ...}))",
    ]


# --- footnote sources ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cited", "hint"),
    [
        ("nope", "add it to sources.yaml"),
        ("sdg5", "did you mean 'sdg-5'?"),
    ],
)
def test_check_unknown_source_names_the_citing_line(project, cited, hint):
    clauses = replace_once(CLAUSES, "in particular\n", f"in particular[^{cited}]\n")
    proj = project({"clauses/x.yaml": clauses})
    assert_one_error(
        proj.run(*CHECK),
        f"clauses/x.yaml:{line_of(clauses, f'[^{cited}]')}",
        f"clause 'calls-upon' cites unknown source '{cited}'",
        hint,
    )


def test_build_unknown_source_names_the_citing_line(project):
    clauses = replace_once(CLAUSES, "in particular\n", "in particular[^nope]\n")
    proj = project({"clauses/x.yaml": clauses})
    result = proj.run(*BUILD)
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: clauses/x.yaml:{line_of(clauses, '[^nope]')}: "), lines


def test_build_unknown_source_fails_cleanly(project):
    """Under build too: one line naming the citing line, exit 1, nothing written."""
    clauses = replace_once(CLAUSES, "in particular\n", "in particular[^nope]\n")
    proj = project({"clauses/x.yaml": clauses})
    lines = assert_fails_cleanly(proj.run(*BUILD))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: clauses/x.yaml:{line_of(clauses, '[^nope]')}: "), lines
    assert "unknown source 'nope'" in lines[0] and "calls-upon" in lines[0], lines
    assert lines[0].endswith("(hint: add it to sources.yaml)"), lines
    assert not (proj.root / "build").exists()


def test_source_no_clause_cites_is_a_check_error_only(project):
    sources = SOURCES + "  - id: never-cited\n    title: A report nobody cites\n"
    proj = project({"sources.yaml": sources})
    assert_one_error(
        proj.run(*CHECK),
        f"sources.yaml:{line_of(sources, '- id: never-cited')}",
        "source 'never-cited' is not cited by any clause",
        "cite it as [^never-cited] in a clause, or remove it",
    )
    built = proj.run(*BUILD)
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    assert (proj.root / "build/en/d.html").is_file()


# --- templates -------------------------------------------------------------------------------

TITLE_LINE = '<p role="title">{{ doc.title }}</p>'


def _template_project(project, replacement: str, name: str = "resolution.xml.j2"):
    text = replace_once(builtin_template(name), TITLE_LINE, replacement)
    proj = project({f"templates/{name}": text})
    return proj, line_of(text, replacement.splitlines()[0])


@COMMANDS
def test_template_syntax_error_names_template_and_line(project, command):
    proj, line = _template_project(project, '<p role="title">{{ doc.title }</p>')
    assert_one_error(
        proj.run(*command),
        f"templates/resolution.xml.j2:{line}",
        "template syntax error: unexpected '}'",
    )
    assert not (proj.root / "build").exists()


def test_template_syntax_error_has_a_hint(project):
    proj, _ = _template_project(project, '<p role="title">{{ doc.title }</p>')
    lines = assert_fails_cleanly(proj.run(*CHECK))
    assert "(hint: " in lines[0]


@COMMANDS
@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("{{ doc.titel }}", "has no attribute 'titel'"),
        ("{{ no_such_variable }}", "template error: 'no_such_variable' is undefined"),
    ],
)
def test_template_undefined_variable_names_template_and_line(project, command, expression, message):
    proj, line = _template_project(project, f'<p role="title">{expression}</p>')
    assert_one_error(
        proj.run(*command),
        f"templates/resolution.xml.j2:{line}",
        message,
        UNDEFINED_HINT,
        exact=False,
    )
    assert not (proj.root / "build").exists()


def test_error_in_an_imported_template_names_that_file(project):
    macros = builtin_template("macros.xml.j2")
    broken = replace_once(macros, "{{ c.lead }}", "{{ c.leed }}")
    proj = project({"templates/macros.xml.j2": broken})
    assert_one_error(
        proj.run(*CHECK),
        f"templates/macros.xml.j2:{line_of(broken, 'c.leed')}",
        "has no attribute 'leed'",
        UNDEFINED_HINT,
        exact=False,
    )


@pytest.mark.parametrize(
    ("command", "expression", "attribute", "owner"),
    with_commands(
        [
            pytest.param("{{ ''.__class__.__mro__ }}", "__class__", "str", id="mro"),
            pytest.param(
                "{{ ''.__class__.__mro__[1].__subclasses__() }}",
                "__class__",
                "str",
                id="subclasses",
            ),
            pytest.param(
                "{{ lipsum.__globals__ }}", "__globals__", "function", id="lipsum-globals"
            ),
            pytest.param(
                "{{ cycler.__init__.__globals__ }}", "__init__", "type", id="cycler-globals"
            ),
            pytest.param("{{ doc.__dict__ }}", "__dict__", "DocView", id="dict"),
            pytest.param("{{ self.__init__ }}", "__init__", "TemplateReference", id="self-init"),
        ],
        {"mro"},
    ),
)
def test_template_sandbox_refuses_python_internals(project, command, expression, attribute, owner):
    proj, line = _template_project(project, f'<p role="title">{expression}</p>')
    assert_one_error(
        proj.run(*command),
        f"templates/resolution.xml.j2:{line}",
        f"template error: access to attribute '{attribute}' of '{owner}' object is unsafe.",
        SANDBOX_HINT,
    )
    assert not (proj.root / "build").exists()


INCLUDE_TARGETS = [
    pytest.param("../../etc/passwd", id="parent-parent"),
    pytest.param("/etc/passwd", id="absolute"),
    pytest.param("../draftkit.toml", id="project-file"),
    pytest.param("../../../../../../../etc/passwd", id="deep"),
]
INCLUDES = pytest.mark.parametrize("target", INCLUDE_TARGETS)


@pytest.mark.parametrize(("command", "target"), with_commands(INCLUDE_TARGETS, {"parent-parent"}))
def test_template_cannot_include_files_outside_the_template_folders(project, command, target):
    proj, _ = _template_project(project, f'<p role="title">{{% include "{target}" %}}</p>')
    result = proj.run(*command)
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1, lines
    assert f"template '{target}' not found" in lines[0]
    assert "root:" not in result.stdout + result.stderr
    assert not (proj.root / "build").exists()


@INCLUDES
def test_refused_include_names_the_including_template_and_line(project, target):
    proj, line = _template_project(project, f'<p role="title">{{% include "{target}" %}}</p>')
    lines = assert_fails_cleanly(proj.run(*CHECK))
    assert lines[0].startswith(f"error: templates/resolution.xml.j2:{line}: "), lines


def test_template_cannot_include_through_a_symlink(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-4b1d-SECRET", encoding="utf-8")
    proj, _ = _template_project(project, '<p role="title">{% include "leak.txt" %}</p>')
    os.symlink(secret, proj.root / "templates" / "leak.txt")
    result = proj.run(*BUILD)
    assert b"CANARY-4b1d-SECRET" not in b"".join(proj.files().values())
    assert "CANARY" not in result.stdout + result.stderr
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1 and "template 'leak.txt' not found" in lines[0], lines
    assert not (proj.root / "build").exists()


@COMMANDS
def test_unknown_template_fails_cleanly(project, command):
    document = replace_once(DOCUMENT, "template: resolution", "template: nosuch")
    proj = project({"documents/d.yaml": document})
    lines = assert_fails_cleanly(proj.run(*command))
    assert len(lines) == 1, lines
    assert "unknown template 'nosuch' (hint: no nosuch.xml.j2 in the templates" in lines[0], lines
    assert not (proj.root / "build").exists()


def test_unknown_template_names_the_document_line(project):
    document = replace_once(DOCUMENT, "template: resolution", "template: nosuch")
    proj = project({"documents/d.yaml": document})
    lines = assert_fails_cleanly(proj.run(*CHECK))
    assert lines[0].startswith(f"error: documents/d.yaml:{line_of(document, 'nosuch')}: "), lines


@COMMANDS
def test_template_name_with_a_path_is_refused(project, command):
    document = replace_once(DOCUMENT, "template: resolution", "template: ../../etc/passwd")
    proj = project({"documents/d.yaml": document})
    lines = assert_fails_cleanly(proj.run(*command))
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: documents/d.yaml"), lines
    assert "template name '../../etc/passwd' is not a plain name" in lines[0]


# --- draftkit.toml --------------------------------------------------------------------------


TOML_HINT = 'text values need double quotes, e.g. name = "My forum"'


@pytest.mark.parametrize(
    ("command", "old", "new", "marker", "problem"),
    with_commands(
        [
            pytest.param(
                'name = "cli test"',
                'name = "cli test',
                'name = "cli test',
                "Illegal character '\\n'",
                id="unclosed-string",
            ),
            pytest.param(
                "[build]",
                "[build",
                "[build",
                "Expected ']' at the end of a table declaration",
                id="unclosed-table",
            ),
            pytest.param(
                'style = "plain"',
                "style = plain",
                "style = plain",
                "Invalid value",
                id="bare-word-value",
            ),
        ],
        {"unclosed-string"},
    ),
)
def test_malformed_config_names_the_file_and_line(project, command, old, new, marker, problem):
    proj = project()
    text = proj.edit("draftkit.toml", old, new)
    assert_one_error(
        proj.run(*command),
        f"draftkit.toml:{line_of(text, marker)}",
        f"malformed TOML: {problem}",
        TOML_HINT,
    )
    assert not (proj.root / "build").exists()


@pytest.mark.parametrize(
    ("command", "old", "new", "message", "hint"),
    with_commands(
        [
            pytest.param(
                'formats = ["docx", "pdf"]',
                'formats = ["docx", "odt"]',
                "unknown output format 'odt'",
                "formats are: docx, pdf, html, json",
                id="format",
            ),
            pytest.param(
                'output = "build"',
                'outptu = "build"',
                "unknown setting 'outptu' in [project]",
                "known: locales, name, output, source_locale, sources",
                id="setting",
            ),
            pytest.param(
                'style = "plain"',
                'style = "fancy"',
                "unknown formatting style 'fancy'",
                "style is one of: plain, un",
                id="style",
            ),
            pytest.param(
                "[build]",
                "[buidl]",
                "unknown table [buidl]",
                "known: [project], [build]",
                id="table",
            ),
        ],
        {"format"},
    ),
)
def test_invalid_config_setting(project, command, old, new, message, hint):
    proj = project()
    text = proj.edit("draftkit.toml", old, new)
    # tomllib gives no positions: draftkit finds the setting's line itself.
    where = f"draftkit.toml:{line_of(text, new.splitlines()[0])}"
    assert_one_error(proj.run(*command), where, message, hint)
    assert not (proj.root / "build").exists()


@pytest.mark.parametrize(
    ("content", "message", "hint"),
    [
        pytest.param(
            b"project = 5\n",
            "[project] must be a table",
            "write a '[project]' header followed by its settings",
            id="project-is-a-number",
        ),
        pytest.param(
            b"[project]\nsources = 5\n",
            "'sources' in [project] must be a list",
            'e.g. sources = ["..."]',
            id="sources-is-a-number",
        ),
        pytest.param(
            b'[project]\nlocales = "en"\n',
            "'locales' in [project] must be a list",
            'e.g. locales = ["..."]',
            id="locales-is-text",
        ),
        pytest.param(
            b'[build]\nformats = "docx"\n',
            "'formats' in [build] must be a list",
            'e.g. formats = ["docx", "pdf"]',
            id="formats-is-text",
        ),
        pytest.param(
            b'[project]\nname = "caf\xe9"\n',
            "not UTF-8 text (byte 0xE9: invalid continuation byte)",
            "save it as UTF-8",
            id="latin-1",
        ),
    ],
)
def test_config_with_wrong_shapes(project, content, message, hint):
    proj = project()
    (proj.root / "draftkit.toml").write_bytes(content)
    # Each case's setting (or bad byte) is on its last line; tomllib gives no positions,
    # draftkit finds the line itself.
    where = f"draftkit.toml:{len(content.splitlines())}"
    assert_one_error(proj.run(*CHECK), where, message, hint)


@pytest.mark.parametrize(
    "args",
    [CHECK, BUILD, ("clauses", "list"), ("clauses", "show", "calls-upon")],
    ids=["check", "build", "clauses-list", "clauses-show"],
)
def test_outside_a_project(tmp_path, args):
    from tests.cli.helpers import run

    folder = tmp_path / "not-a-project"
    folder.mkdir()
    result = run(*args, cwd=folder)
    lines = assert_fails_cleanly(result)
    assert lines == [
        f"error: no draftkit.toml found in {folder.resolve()} or any folder above "
        "it (hint: run draftkit inside a project, or create one with "
        "'draftkit new NAME')"
    ]
    assert result.stdout == ""
    assert list(folder.iterdir()) == []


# --- other input the CLI is given ----------------------------------------------------------


LANG_HINT = "use a CLDR language code such as en, ru or ky"


@pytest.mark.parametrize("lang", ["zz", "../x"], ids=["unknown-locale", "path-as-locale"])
def test_unknown_language_option(project, lang):
    proj = project()
    lines = assert_fails_cleanly(proj.run("build", "-l", lang, "-f", "html"))
    assert lines == [f"error: unknown language {lang!r} (hint: {LANG_HINT})"]
    assert not (proj.root / "build").exists()


@COMMANDS
def test_unknown_language_in_document(project, command):
    document = replace_once(DOCUMENT, "template: resolution\n", "template: resolution\nlang: zz\n")
    proj = project({"documents/d.yaml": document})
    assert_one_error(
        proj.run(*command),
        f"documents/d.yaml:{line_of(document, 'lang: zz')}",
        "unknown language 'zz'",
        LANG_HINT,
    )
    assert not (proj.root / "build").exists()


def test_message_with_a_newline_in_a_key_stays_on_one_line(project):
    clauses = replace_once(CLAUSES, "    tags: [gender]\n", '    tags: [gender]\n    "a\\nb": 1\n')
    proj = project({"clauses/x.yaml": clauses})
    line = line_of(clauses, '"a\\nb": 1')
    assert_one_error(
        proj.run(*CHECK),
        f"clauses/x.yaml:{line}",
        "unknown field 'a\\nb' in a clause",
        CLAUSE_FIELDS,
    )


def test_build_of_a_missing_document_spec(project):
    proj = project()
    lines = assert_fails_cleanly(proj.run("build", "documents/nope.yaml", "-f", "html"))
    assert lines == [
        "error: documents/nope.yaml: no such document spec "
        "(hint: check the path; specs are in documents/)"
    ]
    assert not (proj.root / "build").exists()


def test_unknown_format_option(project):
    proj = project()
    lines = assert_fails_cleanly(proj.run("build", "-f", "odt"))
    assert lines == ["error: unknown format 'odt' (hint: formats are: docx, pdf, html, json, akn)"]
    assert not (proj.root / "build").exists()


def test_debug_shows_the_traceback(project):
    clauses = replace_once(CLAUSES, "kind: operative", "kind: operational")
    proj = project({"clauses/x.yaml": clauses})
    result = proj.run("--debug", "check")
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "InputError" in result.stderr
    assert "unknown kind 'operational'" in result.stderr

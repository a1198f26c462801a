"""What the CLI prints of paths and user text is that text, exactly.

rich would read ``[bold]x[/bold]`` as console markup (and drop it) and ``:100:`` or
``:smile:`` as emoji codes (``messages.po:100:`` became ``messages.po💯``); draftkit's
consoles interpret neither.
"""

from __future__ import annotations

from tests.cli.helpers import CONFIG, replace_once

USER_TEXT = "[bold]x[/bold] and :smile: :100:"

CLAUSE = f"""\
clauses:
  - id: odd-text
    kind: operative
    lead: Notes
    title: "{USER_TEXT}"
    text: "that {USER_TEXT} stays as written"
"""

KY_CONFIG = replace_once(CONFIG, 'locales = ["en"]', 'locales = ["en", "ky"]')

PO_HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ky\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def test_clause_title_and_text_are_printed_verbatim(project) -> None:
    p = project({"clauses/odd.yaml": CLAUSE})
    listed = p.run("clauses", "list")
    assert listed.returncode == 0, listed.stderr
    assert USER_TEXT in listed.stdout
    shown = p.run("clauses", "show", "odd-text")
    assert shown.returncode == 0, shown.stderr
    assert f"that {USER_TEXT} stays as written" in shown.stdout
    assert "\N{GRINNING FACE WITH SMILING EYES}" not in listed.stdout + shown.stdout


def test_a_path_with_a_line_number_and_a_quoted_line_stay_as_written(project) -> None:
    # a malformed line at line 100: the error names "messages.po:100:" and quotes the line
    padding = "".join(f"# translator's note {n}\n" for n in range(100 - 6))
    po = PO_HEADER + padding + f'msgstr "{USER_TEXT}\n'
    assert po.splitlines()[99].startswith('msgstr "[bold]')
    p = project({"draftkit.toml": KY_CONFIG, "locales/ky/LC_MESSAGES/messages.po": po})
    result = p.run("i18n", "check")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: locales/ky/LC_MESSAGES/messages.po:100: broken PO file"), line
    assert USER_TEXT[:30] in line, line

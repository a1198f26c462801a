"""A translator's text is checked when it is used: invalid markup, or notes and parameters
other than the source's, fail the build at the msgstr's line in the PO file, which is
left as it was."""

from __future__ import annotations

import re

import pytest

from tests.i18n.conftest import Starter

SOURCE = "our commitment to gender equality and the empowerment of all women and girls[^sdg-5]"


@pytest.mark.parametrize(
    ("translation", "message"),
    [
        (
            "наша приверженность гендерному равенству",  # the note call dropped
            "the ru translation has other note references than its source",
        ),
        (
            "наша приверженность [равенству](javascript:alert(1))[^sdg-5]",
            "the ru translation is not valid markup: link target 'javascript:alert(1)'",
        ),
    ],
)
def test_bad_translation_is_reported_at_its_po_line(
    starter: Starter, translation: str, message: str
) -> None:
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    starter.translate("ru", {SOURCE: translation}, default="ru: ")
    po = starter.po("ru")
    before = po.read_bytes()
    result = starter.run("build", "--lang", "ru")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = [x for x in result.stderr.splitlines() if message in x]
    found = re.match(r"error: (\S+messages\.po):(\d+): ", line)
    assert found, line
    lines = po.read_text(encoding="utf-8").splitlines()
    # The line named is the entry of that message (its msgctxt, msgid or msgstr).
    entry = "\n".join(lines[int(found.group(2)) - 1 : int(found.group(2)) + 6])
    assert "reaffirming-gender-equality" in entry or "sdg-5" in entry
    assert po.read_bytes() == before
    assert not (starter.root / "build" / "ru").exists()


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "Plural-Forms: nplurals=2; plural=__import__('os').system('true');",
            "the Plural-Forms rule \"__import__('os').system('true')\" cannot be read",
        ),
        ("Plural-Forms: nplurals=3; plural=n/0;", "the Plural-Forms rule 'n/0' fails for n = 0"),
        ("Plural-Forms: nplurals=2; plural=n+5;", "the Plural-Forms rule 'n+5' gives form 5"),
        ("Content-Type: text/plain; charset=foo-bar", "unknown charset in the Content-Type"),
    ],
)
def test_a_broken_po_header_is_an_error_at_its_line(
    starter: Starter, header: str, message: str
) -> None:
    # Found by tests/property/test_po_reader.py: these were tracebacks at the first
    # lookup of a build (or, for the charset, while reading).
    starter.run("i18n", "extract", check=True)
    starter.run("i18n", "update", check=True)
    po = starter.po("ru")
    field = header.split(":")[0] + ":"
    lines = po.read_text(encoding="utf-8").splitlines()
    (number,) = [i for i, line in enumerate(lines, start=1) if line.startswith(f'"{field}')]
    lines[number - 1] = f'"{header}\\n"'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in (["i18n", "check"], ["build", "--lang", "ru", "-f", "html"]):
        result = starter.run(*command)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert f"messages.po:{number}: broken PO file: {message}" in result.stderr, command

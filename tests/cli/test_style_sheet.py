"""A project's styles.yaml is checked before any value reaches Word's XML or the CSS."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli.helpers import REPO, Project, assert_fails_cleanly, line_of

BUILTIN = (REPO / "templates" / "styles.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # C0 controls are refused by the YAML loader for every file; DEL by the style sheet.
        ("  font: Noto Serif ", '  font: "Noto\\x01Serif" ', "control character (U+0001)"),
        ("{name: Resolution Title,", '{name: "Resolution\\0Title",', "control character (U+0000)"),
        ("  font: Noto Serif ", '  font: "Noto\\x7fSerif" ', "the font must be a name"),
        ("{name: Resolution Title,", '{name: "Resolution\\x7fTitle",', "the name of style 'title'"),
        ("  size: 11", "  size: twelve", "the font size must be a number from 1 to 400"),
        ("  size: 11", "  size: 200000000", "the font size must be a number from 1 to 400"),
        ("width_cm: 21.0", "width_cm: 0", "the page's width_cm must be a number"),
        ("color: C00000", 'color: "red;}"', "'color' of style 'draftmark' must be a colour"),
        (
            "bold: true, align: center, space_after: 6,",
            'bold: "yes", align: center, space_after: 6,',
            "'bold' of style 'title' must be true or false",
        ),
        (
            "Resolution Title, size: 13, bold: true, align: center, space_after: 6",
            "Resolution Title, size: 13, bold: true, align: center, space_after: -6",
            "'space_after' of style 'title' must be a number from 0 to 1000",
        ),
        # the properties of the one design (page number, line height, keep-together)
        ("  line_height: 1.35 ", "  line_height: tall ", "the line height must be a number"),
        ("position: bottom-center", "position: middle", "unknown page number position 'middle'"),
        (
            'format: "{page} / {pages}"',
            'format: "{page} of {total}"',
            "the page number's format '{page} of {total}' must name {page}",
        ),
        (
            "{name: Closing Paragraph, align: justify,",
            '{name: Closing Paragraph, hyphenate: "no", align: justify,',
            "'hyphenate' of style 'closing' must be true or false",
        ),
        (
            "{name: Press Headline, bold: true, size: 16, line_height: 1.2,",
            "{name: Press Headline, bold: true, size: 16, line_height: 9,",
            "'line_height' of style 'headline' must be a number from 0.5 to 5",
        ),
        # fonts to embed in the DOCX: names under templates/fonts/, nothing else
        (
            "    - docx/NotoSerif-Bold.ttf\n",
            "    - ../../../etc/passwd.ttf\n",
            "not a font file under fonts/: '../../../etc/passwd.ttf'",
        ),
        (
            "    - docx/NotoSerif-Bold.ttf\n",
            "    - /usr/share/fonts/x.ttf\n",
            "not a font file under fonts/: '/usr/share/fonts/x.ttf'",
        ),
        (
            "    - docx/NotoSerif-Bold.ttf\n",
            "    - docx/NotoSerif-Bold.woff2\n",
            "not a font file under fonts/",
        ),
    ],
    ids=[
        "font-control",
        "name-nul",
        "font-del",
        "name-del",
        "size-text",
        "size-huge",
        "page-zero",
        "colour",
        "bold-text",
        "negative-space",
        "line-height",
        "number-position",
        "number-format",
        "hyphenate",
        "role-line-height",
        "embed-outside",
        "embed-absolute",
        "embed-not-a-font",
    ],
)
@pytest.mark.parametrize("command", [("check",), ("build", "-f", "docx")])
def test_a_bad_style_value_is_refused_at_its_line(
    project: Callable[..., Project], old: str, new: str, message: str, command: tuple[str, ...]
) -> None:
    assert BUILTIN.count(old) == 1, old
    text = BUILTIN.replace(old, new)
    p = project({"templates/styles.yaml": text})
    lines = assert_fails_cleanly(p.run(*command))
    assert len(lines) == 1, lines
    needle = new.strip().split(",")[0].split(":")[0] if "{" not in new else new.split(",")[0]
    assert lines[0].startswith(f"error: templates/styles.yaml:{line_of(text, needle)}: "), lines
    assert message in lines[0]
    assert p.files() == {}


def test_the_built_in_style_sheet_passes(project: Callable[..., Project]) -> None:
    p = project({"templates/styles.yaml": BUILTIN})
    result = p.run("build", "-f", "docx")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("font_class", "family"), [(None, "roman"), ("sans", "swiss")])
def test_the_font_table_names_the_font_and_its_class(
    project: Callable[..., Project], font_class: str | None, family: str
) -> None:
    """A reader without the font substitutes one of the same class (Word reads w:family)."""
    import zipfile

    from lxml import etree

    text = BUILTIN.replace("  font: Noto Serif ", "  font: PT Serif ")
    if font_class:
        text = text.replace("  font_class: serif ", f"  font_class: {font_class} ")
    p = project({"templates/styles.yaml": text})
    result = p.run("build", "-f", "docx")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(p.root / "build/en/d.docx") as docx:
        table = etree.fromstring(docx.read("word/fontTable.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    fonts = {f.get(f"{w}name"): f for f in table.iter(f"{w}font")}
    assert fonts["PT Serif"].find(f"{w}family").get(f"{w}val") == family


def test_an_unknown_font_class_is_refused(project: Callable[..., Project]) -> None:
    text = BUILTIN.replace("  font_class: serif ", "  font_class: script ")
    p = project({"templates/styles.yaml": text})
    lines = assert_fails_cleanly(p.run("check"))
    assert lines[0].startswith(f"error: templates/styles.yaml:{line_of(text, 'font_class')}: ")
    assert "font_class must be one of serif, sans, mono, not 'script'" in lines[0]


def test_a_missing_font_to_embed_is_one_error_at_its_line(
    project: Callable[..., Project],
) -> None:
    text = BUILTIN.replace("    - docx/NotoSerif-Bold.ttf\n", "    - docx/NotoSerif-Black.ttf\n")
    p = project({"templates/styles.yaml": text})
    lines = assert_fails_cleanly(p.run("build", "-f", "docx"))
    assert len(lines) == 1, lines
    line = line_of(text, "docx/NotoSerif-Black.ttf")
    assert lines[0].startswith(f"error: templates/styles.yaml:{line}: font file not found"), lines
    assert p.files() == {}

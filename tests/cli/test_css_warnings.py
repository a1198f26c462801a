"""What a project's PDF style sheet asks for and does not get is said, at its file:line.

Every url() and @import that the URL fetcher refuses (the network, localhost, files outside
the template folders, another host's files) or that WeasyPrint ignores (an @import after
other rules, or naming nothing) is a ``warning:`` line; ``check`` says it too, and the PDF
is built without it. A file inside the template folders that is not there stays an error.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli.helpers import REPO, Project, assert_fails_cleanly

CSS = "templates/pdf/document.css"
BUILTIN_CSS = (REPO / CSS).read_text(encoding="utf-8")
NETWORK = "draftkit renders without network access"
OUTSIDE = "it is outside the project's template folders"

# (css line, what the warning names, why it was not loaded); one line each, in this order.
CASES = [
    ('@import "../../../outside.css";', '@import "../../../outside.css"', OUTSIDE),
    ('@import "/etc/hosts";', '@import "/etc/hosts"', OUTSIDE),
    ("@import url(http://example.org/x.css);", "@import url(http://example.org/x.css)", NETWORK),
    ('@import "http://localhost:8000/x.css";', '@import "http://localhost:8000/x.css"', NETWORK),
    (
        "@font-face { font-family: X; src: url(../../../fonts/x.ttf); }",
        "url(../../../fonts/x.ttf)",
        OUTSIDE,
    ),
    (
        "body { background: url(http://example.org/x.png); }",
        "url(http://example.org/x.png)",
        NETWORK,
    ),
    ('body { background-image: url("file:///etc/passwd"); }', "url(file:///etc/passwd)", OUTSIDE),
    (
        "body { background-image: url(//host/x.png); }",
        "url(//host/x.png)",
        "it names a file on another host",
    ),
    (
        "p { list-style-image: url(http://localhost/x.png); }",
        "url(http://localhost/x.png)",
        NETWORK,
    ),
    ('@import "late.css";', '@import "late.css"', "an @import after other rules is ignored"),
]
IDS = [
    "import-outside",
    "import-absolute",
    "import-http",
    "import-localhost",
    "font-outside",
    "background-http",
    "file-passwd",
    "other-host",
    "localhost",
    "import-late",
]


def expected(line: int, what: str, why: str) -> str:
    return f"warning: {CSS}:{line}: {what} was not loaded: {why} (hint: "


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


@pytest.mark.parametrize(("css", "what", "why"), CASES, ids=IDS)
def test_check_names_each_dropped_resource_at_its_line(
    project: Callable[..., Project], css: str, what: str, why: str
) -> None:
    # two lines of comment first, so the line number is not the first by chance; an
    # @import at the top, where it counts, but for the late one
    head = css.startswith("@import") and "late" not in css
    text = "/* a\n   b */\n" + (css + "\n" + BUILTIN_CSS if head else BUILTIN_CSS + css + "\n")
    proj = project({CSS: text})
    line = text.splitlines().index(css) + 1
    result = proj.run("check")
    assert result.returncode == 0, result.stderr
    found = warnings_of(result.stderr)
    assert len(found) == 1, result.stderr
    assert found[0].startswith(expected(line, what, why)), found[0]


def test_an_imported_style_sheet_is_read_for_its_own_references(
    project: Callable[..., Project],
) -> None:
    proj = project(
        {
            CSS: '@import "extra.css";\n' + BUILTIN_CSS,
            "templates/pdf/extra.css": "p { color: #111; }\n@import 'x.css';\n"
            "p { background: url(https://example.org/x.png); }\n",
        }
    )
    found = warnings_of(proj.run("check").stderr)
    assert [w.split(" was not loaded")[0] for w in found] == [
        'warning: templates/pdf/extra.css:2: @import "x.css"',
        "warning: templates/pdf/extra.css:3: url(https://example.org/x.png)",
    ]


def test_the_built_in_style_sheet_and_its_copy_give_no_warning(
    project: Callable[..., Project],
) -> None:
    for proj in (project(name="plain"), project({CSS: BUILTIN_CSS}, name="copy")):
        result = proj.run("check")
        assert result.returncode == 0, result.stderr
        assert "warning" not in result.stderr


@pytest.mark.slow
def test_the_pdf_is_built_without_them_and_each_is_said_once(
    project: Callable[..., Project],
) -> None:
    head = [css for css, _, _ in CASES if css.startswith("@import") and "late" not in css]
    rest = [css for css, _, _ in CASES if css not in head]
    lines = [*head, BUILTIN_CSS.rstrip("\n"), *rest]
    proj = project({CSS: "\n".join(lines) + "\n"})
    text = proj.read(CSS).splitlines()
    result = proj.run("build", "-f", "pdf", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (proj.root / "build" / "en" / "d.pdf").read_bytes().startswith(b"%PDF")
    found = warnings_of(result.stderr)
    assert len(found) == len(CASES), result.stderr
    for css, what, why in CASES:
        line = text.index(css) + 1
        assert sum(w.startswith(expected(line, what, why)) for w in found) == 1, (css, found)


@pytest.mark.slow
def test_a_missing_font_inside_the_template_folders_is_still_an_error(
    project: Callable[..., Project],
) -> None:
    css = "@font-face { font-family: X; src: url(../fonts/x.ttf); } p { font-family: X }\n"
    proj = project({CSS: BUILTIN_CSS + css})
    lines = assert_fails_cleanly(proj.run("build", "-f", "pdf"))
    assert "templates/fonts/x.ttf: missing" in lines[0]

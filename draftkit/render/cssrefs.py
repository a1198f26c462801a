"""What the PDF's style sheet asks for that will not be loaded, said before rendering.

The project's ``templates/pdf/document.css`` (and the style sheets it imports from the
template folders) is parsed with tinycss2; every ``url()`` and ``@import`` is judged by the
URL fetcher's own policy (render.urlpolicy). What it refuses (the network, ``localhost``,
files outside the template folders, another host's files) and the ``@import`` rules
WeasyPrint ignores (after other rules, or naming no style sheet) become a
:class:`StyleSheetWarning` at the file and line that wrote them; the refused URLs are
answered with nothing when the PDF is laid out, so the build goes on without them. A file
inside the template folders that is not there stays an error of the render (a missing
font would otherwise be replaced silently).

The pass is static, so it runs in the process that reports (``draftkit check`` too), not
in the worker that lays the PDF out.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import tinycss2
import tinycss2.ast

from draftkit.errors import TemplateError
from draftkit.render.urlpolicy import judge, url_key

# Style sheets importing style sheets: deeper than this is not followed (nor are cycles).
MAX_IMPORT_DEPTH = 8
REFUSED_HINT = (
    "a PDF uses only files in the templates folders: copy the file into templates/ "
    "and name it relative to the style sheet"
)


class StyleSheetWarning(UserWarning):
    """A rule or a resource of the PDF style sheet that is dropped: the PDF is built
    without it."""


@dataclass(frozen=True)
class Dropped:
    path: Path  # the style sheet that names it
    line: int
    what: str  # as written: url(...) or @import "..."
    why: str
    hint: str
    url: str | None = None  # the absolute URL the fetcher will be asked for, if any

    def message(self, here: Path) -> str:
        try:
            shown = self.path.relative_to(here).as_posix()
        except ValueError:
            shown = str(self.path)
        return f"{shown}:{self.line}: {self.what} was not loaded: {self.why} (hint: {self.hint})"


def dropped_resources(css_path: Path, roots: list[Path]) -> list[Dropped]:
    """Everything of ``css_path`` (and what it imports from the template folders ``roots``,
    resolved, project first) that the PDF will be laid out without."""
    found: list[Dropped] = []
    _scan(css_path, css_path.parent.as_uri() + "/", roots, found, set(), 0)
    return found


@cache
def _reported(
    css_path: Path, roots: tuple[Path, ...], _mtime_ns: int, _size: int
) -> frozenset[str]:
    here = _here()
    dropped = dropped_resources(css_path, list(roots))
    for item in dropped:
        warnings.warn(StyleSheetWarning(item.message(here)), stacklevel=3)
    return frozenset(url_key(item.url) for item in dropped if item.url is not None)


def report_dropped(css_path: Path, roots: list[Path]) -> frozenset[str]:
    """Warn (once per process and version of the file) about what ``css_path`` asks for
    that will not be loaded; the URLs to answer with nothing (render.fetcher)."""
    stat = css_path.stat()
    return _reported(css_path, tuple(roots), stat.st_mtime_ns, stat.st_size)


def _here() -> Path:
    try:
        return Path.cwd()
    except FileNotFoundError:
        return Path("/")


def _scan(
    path: Path, base: str, roots: list[Path], found: list[Dropped], seen: set[Path], depth: int
) -> None:
    if path in seen or depth > MAX_IMPORT_DEPTH:
        return
    seen.add(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return  # the render reports a style sheet it cannot read
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    imports_allowed = True
    for rule in rules:
        if isinstance(rule, tinycss2.ast.AtRule) and rule.lower_at_keyword == "import":
            _import(rule, path, base, roots, found, seen, depth, late=not imports_allowed)
            continue
        if not (isinstance(rule, tinycss2.ast.AtRule) and rule.lower_at_keyword == "charset"):
            imports_allowed = False
        for token in _walk(
            [*getattr(rule, "prelude", []), *(getattr(rule, "content", None) or [])], path
        ):
            reference = _url(token)
            if reference is not None:
                _judge(f"url({reference})", reference, token.source_line, path, base, roots, found)


def _import(
    rule: tinycss2.ast.AtRule,
    path: Path,
    base: str,
    roots: list[Path],
    found: list[Dropped],
    seen: set[Path],
    depth: int,
    *,
    late: bool,
) -> None:
    tokens = [t for t in rule.prelude if t.type not in ("whitespace", "comment")]
    reference = None
    if tokens:
        reference = tokens[0].value if tokens[0].type == "string" else _url(tokens[0])
    what = "@import " + tinycss2.serialize(rule.prelude).strip()
    if reference is None:
        found.append(
            Dropped(
                path,
                rule.source_line,
                what,
                "it names no style sheet",
                'write @import "file.css"; or @import url(file.css);',
            )
        )
        return
    if late:
        found.append(
            Dropped(
                path,
                rule.source_line,
                what,
                "an @import after other rules is ignored",
                "move the @import to the top of the file",
            )
        )
        return
    target = _judge(what, reference, rule.source_line, path, base, roots, found)
    if target is not None:
        url, file = target
        _scan(file, url, roots, found, seen, depth + 1)


def _judge(
    what: str,
    reference: str,
    line: int,
    path: Path,
    base: str,
    roots: list[Path],
    found: list[Dropped],
) -> tuple[str, Path] | None:
    """The URL and file ``reference`` loads, or None; a refusal is added to ``found``."""
    if reference.startswith("#"):
        return None  # a fragment of the document, not a resource
    url = urljoin(base, reference)
    verdict = judge(url, roots)
    if verdict.refused is not None:
        found.append(Dropped(path, line, what, verdict.refused, REFUSED_HINT, url))
        return None
    return (url, verdict.file) if verdict.file is not None else None


# Blocks inside blocks: real style sheets nest two or three deep (CSS nesting, @media,
# @supports); thousands overflowed the stack of every reader, WeasyPrint's included.
MAX_NESTING = 32


def _walk(tokens: list, path: Path) -> Iterator:  # type: ignore[type-arg]
    """Every token, depth first, without recursion; a block nested deeper than
    :data:`MAX_NESTING` is an error at its line."""
    stack = [(iter(tokens), 0)]
    while stack:
        level, depth = stack[-1]
        token = next(level, None)
        if token is None:
            stack.pop()
            continue
        yield token
        inner = token.arguments if isinstance(token, tinycss2.ast.FunctionBlock) else None
        if inner is None and isinstance(getattr(token, "content", None), list):
            inner = token.content
        if inner is not None:
            if depth >= MAX_NESTING:
                raise TemplateError(
                    f"blocks are nested more than {MAX_NESTING} deep",
                    path=path,
                    line=token.source_line,
                    hint="close each { ( [ before opening the next; real style sheets "
                    "nest two or three deep",
                )
            stack.append((iter(inner), depth + 1))


def _url(token: object) -> str | None:
    """What a ``url(x)`` or ``url("x")`` token names."""
    if isinstance(token, tinycss2.ast.URLToken):
        return token.value
    if isinstance(token, tinycss2.ast.FunctionBlock) and token.lower_name == "url":
        strings = [t for t in token.arguments if t.type == "string"]
        return strings[0].value if strings else None
    return None


def report_style_sheet(templates_path: list[Path]) -> None:
    """Warn about the PDF style sheet found on ``templates_path`` (project first), as a
    PDF build would: for ``draftkit check``, and before a press kit forks its workers (they
    inherit what was said and do not say it again)."""
    from draftkit.fsutil import find_on_path
    from draftkit.render.writers import CSS_NAME

    roots = [folder.resolve() for folder in templates_path]
    css_path = find_on_path(roots, CSS_NAME)
    if css_path is not None:
        report_dropped(css_path, roots)

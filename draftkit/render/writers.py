"""The writer registry: every output format draftkit knows, in one place.

A writer turns an assembled :class:`~draftkit.model.Document` into the bytes of one file.
Every list of formats (``build -f``, ``[build] formats`` in draftkit.toml, press kits,
the diff's redline) is derived from this registry. Other packages add writers through the
``draftkit.writers`` entry point group, each naming a :class:`Writer`; scripts and tests
call :func:`register_writer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftkit.errors import DraftkitError, TemplateError
from draftkit.textfile import read_utf8

if TYPE_CHECKING:  # the CLI imports this module to list the formats: it stays light
    from draftkit.fsutil import BuildClock
    from draftkit.model.nodes import Document

ENTRY_POINT_GROUP = "draftkit.writers"
CSS_NAME = "pdf/document.css"
STYLES_NAME = "styles.yaml"


@dataclass
class WriteContext:
    """What a writer may read besides the document: the template folders (project first),
    the build's clock and the project's writer options. Style sheets are read once, when
    a writer first asks for them."""

    search_path: list[Path]
    clock: BuildClock
    options: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Resolved once: every file a writer finds must stay inside these folders.
        self.search_path = [p.resolve() for p in self.search_path]

    def find(self, name: str) -> Path:
        from draftkit.fsutil import find_on_path

        found = find_on_path(self.search_path, name)
        if found is None:
            raise TemplateError(
                f"template file {name!r} not found",
                hint="looked in " + ", ".join(str(p) for p in self.search_path),
            )
        return found

    @cached_property
    def styles(self) -> Any:
        """The Word style sheet (``styles.yaml``), a :class:`~draftkit.render.styles.StyleSheet`."""
        from draftkit.render.styles import load_style_sheet

        return load_style_sheet(self.find(STYLES_NAME))

    @cached_property
    def css(self) -> str:
        """The PDF and HTML writers' CSS: the design of ``styles.yaml`` (render.css), then
        ``pdf/document.css`` for what no role declares, which may override it."""
        from draftkit.render.css import stylesheet_css

        return join_css(stylesheet_css(self.styles), read_style_sheet(self.find(CSS_NAME)))


WriteFunction = Callable[["Document", WriteContext], bytes]


@dataclass(frozen=True)
class Writer:
    name: str  # what -f takes
    extension: str  # without the dot
    description: str
    # The function, or "module:function", imported on first use so that naming the
    # formats costs no import of python-docx or WeasyPrint.
    function: WriteFunction | str
    press_kit: bool = False  # part of every press kit
    # Lays out pages with WeasyPrint: worth starting the PDF process early (render.pdf).
    paged: bool = False

    def write(self, document: Document, context: WriteContext) -> bytes:
        function = self.function
        if isinstance(function, str):
            module, _, name = function.partition(":")
            function = getattr(import_module(module), name)
        return function(document, context)  # type: ignore[operator]


BUILTIN: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer(
            "docx",
            "docx",
            "Word document: named styles, Word numbering, real footnotes and endnotes",
            "draftkit.render.docx.writer:docx_writer",
            press_kit=True,
        ),
        Writer(
            "pdf",
            "pdf",
            "PDF laid out by WeasyPrint, footnotes at the foot of their page, fonts embedded",
            "draftkit.render.pdf:pdf_writer",
            press_kit=True,
            paged=True,
        ),
        Writer(
            "html",
            "html",
            "one HTML page for a browser preview",
            "draftkit.render.html:html_writer",
        ),
        Writer(
            "json",
            "json",
            "the assembled document model as versioned JSON (docs/model-json.md)",
            "draftkit.render.writers:json_writer",
        ),
        Writer(
            "akn",
            "akn.xml",
            "Akoma Ntoso 3.0 XML of a resolution (docs/akn.md), for parliamentary and UN systems",
            "draftkit.render.akn:akn_writer",
        ),
    )
}

_registered: dict[str, Writer] = {}


def register_writer(writer: Writer) -> None:
    """Add (or replace) a writer in this process."""
    _registered[writer.name] = writer
    writers.cache_clear()


@cache
def _entry_points() -> dict[str, Writer]:
    from draftkit.plugins import entry_point_values

    return {value.name: value for value in entry_point_values(ENTRY_POINT_GROUP, Writer)}


@cache
def writers() -> dict[str, Writer]:
    """Every writer by name: draftkit's first, then installed packages' (which cannot take
    over one of draftkit's names), then those registered in this process."""
    found = dict(BUILTIN)
    for name, value in _entry_points().items():
        found.setdefault(name, value)
    return {**found, **_registered}


def writer(name: str) -> Writer:
    # draftkit's own formats are found without scanning installed packages' entry points.
    found = _registered.get(name) or BUILTIN.get(name) or writers().get(name)
    if found is None:
        raise DraftkitError(f"unknown format '{name}'", hint="formats are: " + format_names())
    return found


def format_names() -> str:
    return ", ".join(writers())


def press_kit_formats() -> tuple[str, ...]:
    return tuple(w.name for w in writers().values() if w.press_kit)


def json_writer(document: Document, context: WriteContext) -> bytes:
    """The ``json`` format: the model as data, for scripts and other tools."""
    from draftkit.model.json import dumps

    return dumps(document)


# @charset and @import count only at the head of a style sheet: those of document.css go
# before the generated rules.
_CSS_HEAD = re.compile(r"(?:\s+|/\*.*?\*/|@charset\s[^;]*;|@import\s[^;]*;)*", re.DOTALL)


def join_css(generated: str, document_css: str) -> str:
    head = _CSS_HEAD.match(document_css).group(0)  # type: ignore[union-attr]
    return f"{head.rstrip()}\n{generated}\n{document_css[len(head) :]}".lstrip("\n")


def read_style_sheet(path: Path) -> str:
    """The PDF style sheet's text; one error at the line of the first byte that is not
    UTF-8 (a sheet saved as Latin-1 or UTF-16)."""
    return read_utf8(path, error=TemplateError, hint="save the style sheet as UTF-8")

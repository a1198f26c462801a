"""Jinja2 templates: a sandboxed environment over the template search path.

Templates may come from another organisation, so they run in Jinja's immutable sandbox,
with autoescaping on (the output is XML), undefined names as errors, and a file-system
loader that cannot leave the template folders. Template strings go through gettext via
Jinja's i18n extension; a translation is escaped like any other text, because the
extension would otherwise mark a translator's msgstr as safe markup.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from draftkit.assemble.codecache import code_cache
from draftkit.errors import TemplateError
from draftkit.fsutil import find_on_path
from draftkit.i18n.catalogs import SourceLanguage, Translator

_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,
}
# Compiled templates are cached per set of options (and sandbox class) that shaped them.
# install_gettext_callables(newstyle=True) below changes the code {% trans %} compiles to.
_OPTIONS_TAG = repr(sorted((k, repr(v)) for k, v in _OPTIONS.items())) + (
    f"|{ImmutableSandboxedEnvironment.__qualname__}|newstyle_gettext"
)


class ContainedLoader(jinja2.FileSystemLoader):
    """A file-system loader that will not follow a symlink out of the template folders."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__([str(p) for p in roots])
        self.roots = roots

    def get_source(self, environment: jinja2.Environment, template: str):  # type: ignore[no-untyped-def]
        source, filename, uptodate = super().get_source(environment, template)
        if not any(Path(filename).resolve().is_relative_to(root) for root in self.roots):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def _escaping(translate: Callable[..., str]) -> Callable[..., Markup]:
    def wrapped(*args: Any) -> Markup:
        return escape(translate(*args))

    return wrapped


class TemplateSet:
    """The project's templates in front of the built-in ones, file by file."""

    def __init__(self, search_path: list[Path]) -> None:
        self.search_path = [p.resolve() for p in search_path]

    def has(self, name: str) -> bool:
        try:
            self.find(name)
        except TemplateError:
            return False
        return True

    def find(self, name: str) -> Path:
        """The first file called ``name`` on the search path (styles, CSS, assets)."""
        found = find_on_path(self.search_path, name)
        if found is not None:
            return found
        raise TemplateError(
            f"template file {name!r} not found",
            hint="looked in " + ", ".join(str(p) for p in self.search_path),
        )

    def environment(
        self,
        translations: Translator | None = None,
        filters: Mapping[str, Callable[..., Any]] | None = None,
    ) -> jinja2.Environment:
        env = ImmutableSandboxedEnvironment(
            loader=ContainedLoader(self.search_path),
            bytecode_cache=code_cache(_OPTIONS_TAG),
            **_OPTIONS,
        )
        t = translations or SourceLanguage()
        env.install_gettext_callables(  # type: ignore[attr-defined]
            _escaping(t.gettext),
            _escaping(t.ngettext),
            newstyle=True,
            pgettext=_escaping(t.pgettext),
            npgettext=_escaping(t.npgettext),
        )
        env.filters.update(filters or {})
        return env

    def render(self, name: str, context: Mapping[str, Any], env: jinja2.Environment) -> str:
        try:
            return env.get_template(name).render(context)
        except jinja2.TemplateNotFound as exc:
            # Raised by an {% include %} or {% import %}: name the line that asked for it.
            path, line = _template_frame(exc, name)
            raise TemplateError(
                f"template {exc.name!r} not found",
                path=path if line else None,
                line=line,
                hint="templates may include files from the template folders only: "
                + ", ".join(str(p) for p in self.search_path),
            ) from exc
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"template syntax error: {exc.message}",
                path=exc.filename or name,
                line=exc.lineno,
                hint="check that every {{ has its }} and every {% tag is closed on that line",
            ) from exc
        except TemplateError:
            raise
        except Exception as exc:  # anything raised while running a template is its error
            path, line = _template_frame(exc, name)
            message = str(exc).split("\n")[0] or type(exc).__name__
            raise TemplateError(
                f"template error: {message}", path=path, line=line, hint=_hint(exc)
            ) from exc


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    # Jinja rewrites tracebacks so that template frames carry the template's file and line.
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return name, None


def _hint(exc: Exception) -> str | None:
    if isinstance(exc, jinja2.UndefinedError):
        return "the template uses a name the document does not define; check its spelling"
    if type(exc).__name__ == "SecurityError":
        return "templates are sandboxed: they may not reach Python internals"
    return None

"""Jinja2 templates: a sandboxed environment over the template search path.

Templates may come from another organisation, so they run in Jinja's immutable sandbox,
with autoescaping on (the output is XML), undefined names as errors, and a file-system
loader that cannot leave the template folders. Template strings go through gettext via
Jinja's i18n extension; a translation is escaped like any other text, because the
extension would otherwise mark a translator's msgstr as safe markup.

A template also runs under a budget of time and output (:class:`RenderBudget`, set in
draftkit.toml): Jinja's sandbox caps ``range`` at 100,000 items, but two loops nested
still run 10^10 times.
"""

from __future__ import annotations

import operator
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from draftkit.assemble.codecache import code_cache
from draftkit.errors import TemplateError
from draftkit.fsutil import find_on_path
from draftkit.i18n.catalogs import SourceLanguage, Translator
from draftkit.project import ProjectConfig

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


@dataclass(frozen=True)
class RenderBudget:
    """How long one template may run and how much it may write (draftkit.toml's
    ``template_seconds`` and ``template_output_mb``)."""

    seconds: float = 10.0
    output_bytes: int = 50_000_000

    @classmethod
    def of(cls, config: ProjectConfig) -> RenderBudget:
        return cls(config.template_seconds, int(config.template_output_mb * 1_000_000))


class _OutOfTime(BaseException):
    # A BaseException, so that no ``except Exception`` inside Jinja or a filter swallows it.
    pass


class _OutOfBudget(Exception):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint or (
            "if the document needs more, raise template_output_mb in draftkit.toml's [build]"
        )


@contextmanager
def _time_limit(seconds: float) -> Iterator[Callable[[], None]]:
    """Stop the code inside after ``seconds``; yield a check for where no timer can.

    On the main thread of a POSIX process a timer signal interrupts the template at its
    next Python step, however tight its loop. Elsewhere (a thread of an application that
    embeds draftkit) the check runs at every call and every piece of output the template
    makes, which a loop doing neither escapes."""
    deadline = time.monotonic() + seconds
    # One stop only: the check and the timer see the same deadline, and a second
    # _OutOfTime raised by the signal while the first unwinds would replace it (and the
    # line it knows).
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            stopped = True
            raise _OutOfTime

    def check() -> None:
        if time.monotonic() > deadline:
            stop()

    on_main_thread = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not on_main_thread:
        yield check
        return

    def alarm(signum: int, frame: object) -> None:
        stop()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield check
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# A power computed in one C step, which no timer interrupts: 10 ** 10**9 ran for minutes.
_MAX_POWER_BITS = 1 << 16


class _BudgetedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with the budget checked at every call, and the operators that build a
    large value in one C step (``'x' * 10**10``, ``10 ** 10 ** 9``), which no timer can
    interrupt, bounded by the output budget."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.check_time: Callable[[], None] = lambda: None
        self.output_bytes = RenderBudget().output_bytes

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        self.check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator_ == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > self.output_bytes
                ):
                    raise _OutOfBudget(
                        f"'*' would make a value of {len(seq) * times:,} items, more than "
                        f"the {self.output_bytes / 1e6:g} MB a template may write"
                    )
            return operator.mul(left, right)
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right * abs(left).bit_length() > _MAX_POWER_BITS
        ):
            raise _OutOfBudget(
                f"'**' would make a number of more than {_MAX_POWER_BITS:,} bits",
                hint="a document needs no number that large",
            )
        return operator.pow(left, right)


def _escaping(translate: Callable[..., str]) -> Callable[..., Markup]:
    def wrapped(*args: Any) -> Markup:
        return escape(translate(*args))

    return wrapped


class TemplateSet:
    """The project's templates in front of the built-in ones, file by file."""

    def __init__(self, search_path: list[Path], budget: RenderBudget | None = None) -> None:
        self.search_path = [p.resolve() for p in search_path]
        self.budget = budget or RenderBudget()

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
        env = _BudgetedSandbox(
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
        env.output_bytes = self.budget.output_bytes
        return env

    def render(self, name: str, context: Mapping[str, Any], env: jinja2.Environment) -> str:
        try:
            return self._run(name, context, env)
        except _OutOfTime as exc:
            path, line = _template_frame(exc, name)
            if line is None:
                where = _where_suspended(getattr(exc, "generator", None))
                path, line = where or (_template_file(env, name), None)
            raise TemplateError(
                f"template {name!r} ran for more than {self.budget.seconds:g} s and was stopped",
                path=path,
                line=line,
                hint="a loop runs too often; if the document needs longer, raise "
                "template_seconds in draftkit.toml's [build]",
            ) from None
        except _OutOfBudget as exc:
            path, line = _template_frame(exc, name)
            if line is None:
                path = _template_file(env, name)
            raise TemplateError(
                f"template {name!r} was stopped: {exc}",
                path=path,
                line=line,
                hint=exc.hint,
            ) from None
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

    def _run(self, name: str, context: Mapping[str, Any], env: jinja2.Environment) -> str:
        """The template's output, under the budget; the output is counted in UTF-8 bytes
        as it comes, so that a loop writing without end is stopped at the limit."""
        limit = self.budget.output_bytes
        with _time_limit(self.budget.seconds) as check_time:
            if isinstance(env, _BudgetedSandbox):
                env.check_time = check_time
            try:
                template = env.get_template(name)
                parts: list[str] = []
                size = 0
                generator = template.generate(context)
                try:
                    for part in generator:
                        size += len(part.encode("utf-8", "surrogatepass"))
                        if size > limit:
                            raise _OutOfBudget(f"it wrote more than {limit / 1e6:g} MB")
                        check_time()
                        parts.append(part)
                except _OutOfTime as exc:
                    # Stopped between two pieces of output: the template waits at the line
                    # that made the last one (read once the timer is off, in render()).
                    exc.generator = generator
                    raise
            finally:
                if isinstance(env, _BudgetedSandbox):
                    env.check_time = lambda: None
        return "".join(parts)


def _template_file(env: jinja2.Environment, name: str) -> str:
    try:
        return env.get_template(name).filename or name
    except jinja2.TemplateError:
        return name


def _where_suspended(generator: Any) -> tuple[str, int] | None:
    """The template file and line a suspended render waits at: the innermost generator of
    the chain (includes, blocks, macros) that runs a template's code."""
    where = None
    while generator is not None:
        frame = getattr(generator, "gi_frame", None)
        template = frame.f_globals.get("__jinja_template__") if frame is not None else None
        if template is not None and template.filename:
            where = (template.filename, template.get_corresponding_lineno(frame.f_lineno))
        generator = getattr(generator, "gi_yieldfrom", None)
    return where


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    """The template file and line where ``exc`` was raised: from a traceback Jinja has
    rewritten (its frames carry the template's file and line), or, for one it has not (a
    timer's signal), from the compiled template's own frames and their line map."""
    found: tuple[str, int | None] = (name, None)
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            found = (template.filename, template.get_corresponding_lineno(lineno))
        elif frame.f_code.co_filename.endswith(".j2"):
            found = (frame.f_code.co_filename, lineno)
    return found


def _hint(exc: Exception) -> str | None:
    if isinstance(exc, jinja2.UndefinedError):
        return "the template uses a name the document does not define; check its spelling"
    if type(exc).__name__ == "SecurityError":
        return "templates are sandboxed: they may not reach Python internals"
    return None

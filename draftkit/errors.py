"""Errors that name the input (file and line) and say what to do.

The CLI turns every :class:`DraftkitError` into one line on stderr and exit status 1;
anything else is a bug and keeps its traceback (shown in full with ``--debug``).
"""

from __future__ import annotations

from pathlib import Path


class DraftkitError(Exception):
    """A problem with the user's input or project, reported without a traceback."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.hint = hint

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Errors raised in a worker process (PDF layout, press kits) cross back pickled:
        # keep the file, line and hint, which Exception's own pickling drops.
        return (_rebuild, (type(self), self.message, self.path, self.line, self.hint))

    def location(self, relative_to: Path | None = None) -> str:
        if self.path is None:
            return ""
        path = self.path
        if relative_to is not None:
            # As written first: a path through a symlink (or a symlink loop, which
            # resolve() cannot follow) is named where the user sees it.
            try:
                path = path.absolute().relative_to(relative_to.absolute())
            except ValueError:
                try:
                    path = path.resolve().relative_to(relative_to.resolve())
                except (ValueError, OSError, RuntimeError):
                    pass
        return f"{path}:{self.line}" if self.line else str(path)

    def format(self, relative_to: Path | None = None) -> str:
        where = self.location(relative_to)
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def __str__(self) -> str:
        return self.format()


def _rebuild(
    cls: type[DraftkitError], message: str, path: Path | None, line: int | None, hint: str | None
) -> DraftkitError:
    error = cls.__new__(cls)
    DraftkitError.__init__(error, message, path=path, line=line, hint=hint)
    return error


class InputError(DraftkitError):
    """Malformed or inconsistent content: YAML, clauses, sources, document specs."""


class TemplateError(DraftkitError):
    """A template failed to load or render."""


class RenderError(DraftkitError):
    """A writer could not produce its output (missing system library, denied resource…)."""


class ErrorList(DraftkitError):
    """Several independent problems found in one pass (``draftkit check``)."""

    def __init__(self, errors: list[DraftkitError]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s) found")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (ErrorList, (self.errors,))

    def format(self, relative_to: Path | None = None) -> str:
        return "\n".join(e.format(relative_to) for e in self.errors)

"""What every command module shares: error reporting and finding the project."""

# No ``from __future__ import annotations``: see draftkit/cli/app.py.

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from draftkit.cli.console import err
from draftkit.errors import DraftkitError

state = {"debug": False}


@contextmanager
def reporting(root: Path | None = None) -> Iterator[None]:
    """Turn a :class:`DraftkitError` into ``error: file:line: message`` and exit 1."""
    try:
        yield
    except DraftkitError as exc:
        if state["debug"]:
            raise
        from rich.text import Text

        style = "bold red" if err.is_terminal else ""
        try:
            here = root or Path.cwd()
        except FileNotFoundError:  # the current folder was deleted: paths stay absolute
            here = Path("/")
        for line in exc.format(here).splitlines():
            err.print(Text.assemble(("error:", style), f" {line}"))
        raise typer.Exit(exc.exit_code) from None


def find_project(start: Path | None = None):  # type: ignore[no-untyped-def]
    """The project at or above ``start`` (the current folder by default)."""
    from draftkit.api import open_project

    return open_project(start)


def show_warnings() -> None:
    """Warnings (a language without a locale profile) as ``warning: message`` lines."""
    import warnings

    def show(message, category, filename, lineno, file=None, line=None) -> None:  # type: ignore[no-untyped-def]
        err.print(f"warning: {message}", markup=False, highlight=False)

    warnings.showwarning = show

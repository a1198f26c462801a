"""Terminal output of the command line: rich consoles, made when first used.

Importing rich.console costs about 0.04 s; ``draftkit check`` and ``draftkit --help`` print
plain lines and should not pay it. :data:`out` and :data:`err` behave as rich consoles and
are created on first use.

Both print text exactly as given: no console markup (``[bold]``) and no emoji codes
(``:100:`` in ``messages.po:100:`` would become an emoji). Paths, clause texts and
translations reach these consoles, and none of them is markup; styled output is built as
rich ``Text`` with explicit styles instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


EXACT: dict[str, Any] = {"highlight": False, "markup": False, "emoji": False}


def _stdout() -> Console:
    from rich.console import Console

    console = Console(**EXACT)
    if not console.is_terminal:
        # Piped output is read by scripts and grep: do not cut it to 80 columns.
        console = Console(**EXACT, width=200)
    return console


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, **EXACT)


class LazyConsole:
    """A rich :class:`~rich.console.Console`, made when an attribute is first read."""

    def __init__(self, factory: Callable[[], Console]) -> None:
        self._factory = factory
        self._console: Console | None = None

    def get(self) -> Console:
        """The console itself, for rich objects that use it as a context manager (a live
        progress display does: ``with console:`` finds no ``__enter__`` through
        ``__getattr__``)."""
        if self._console is None:
            self._console = self._factory()
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


out: Console = LazyConsole(_stdout)  # type: ignore[assignment]
err: Console = LazyConsole(_stderr)  # type: ignore[assignment]


def stderr_console() -> Console:
    """The real console behind :data:`err`."""
    return err.get()  # type: ignore[attr-defined]


class _Silent:
    """What :func:`progress` gives when nobody watches: updates cost nothing."""

    def __enter__(self) -> _Silent:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, total: float | None = None) -> int:
        return 0

    def update(self, task: int, **fields: Any) -> None:
        return None

    def advance(self, task: int, advance: float = 1) -> None:
        return None


def _watched() -> bool:
    # The cheap test first: rich (0.07 s with its progress module) only for a terminal,
    # or where rich's own variables say to treat the output as one.
    return (
        sys.stderr.isatty()
        or "FORCE_COLOR" in os.environ
        or os.environ.get("TTY_INTERACTIVE", "") not in ("", "0")
    )


def progress() -> Any:
    """A transient rich progress display on stderr, or a silent stand-in when stderr is
    not a terminal (a script, a pipe, CI)."""
    if not _watched():
        return _Silent()
    from rich.progress import Progress, TextColumn

    # The description names a file and a language ("rendering x.yaml [ru]"): not markup.
    columns = [
        TextColumn("{task.description}", style="progress.description", markup=False),
        *Progress.get_default_columns()[1:],
    ]
    console = stderr_console()
    return Progress(*columns, console=console, transient=True, disable=not console.is_terminal)

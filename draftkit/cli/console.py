"""Terminal output of the command line: rich consoles, made when first used.

Importing rich.console costs about 0.04 s; ``draftkit check`` and ``draftkit --help`` print
plain lines and should not pay it. :data:`out` and :data:`err` behave as rich consoles and
are created on first use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def _stdout() -> Console:
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal:
        # Piped output is read by scripts and grep: do not cut it to 80 columns.
        console = Console(highlight=False, width=200)
    return console


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


class LazyConsole:
    """A rich :class:`~rich.console.Console`, made when an attribute is first read."""

    def __init__(self, factory: Callable[[], Console]) -> None:
        self._factory = factory
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            self._console = self._factory()
        return getattr(self._console, name)


out: Console = LazyConsole(_stdout)  # type: ignore[assignment]
err: Console = LazyConsole(_stderr)  # type: ignore[assignment]


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
    from rich.progress import Progress

    return Progress(console=err, transient=True, disable=not err.is_terminal)

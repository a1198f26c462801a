"""What installed packages add to draftkit's registries, through entry points (as Babel
finds its extractors): writers, document kinds and locale profiles."""

from __future__ import annotations

from typing import TypeVar

from draftkit.errors import DraftkitError

T = TypeVar("T")


def entry_point_values(group: str, expected: type[T]) -> list[T]:
    """The objects the entry points of ``group`` name: instances of ``expected``, or
    subclasses of it, which are instantiated. A package that fails to import, or names
    something else, is one error naming the entry point: never a traceback from inside
    another package."""
    from importlib.metadata import entry_points

    found: list[T] = []
    for point in entry_points(group=group):
        what = f"entry point {point.name!r} in {group} ({point.value})"
        try:
            value = point.load()
            if isinstance(value, type) and issubclass(value, expected):
                value = value()
        except Exception as exc:  # anything a broken package raises while importing
            raise DraftkitError(
                f"{what} could not be loaded: {type(exc).__name__}: {exc}",
                hint="reinstall the package that declares it, or uninstall it",
            ) from exc
        if not isinstance(value, expected):
            raise DraftkitError(
                f"{what} is not a {expected.__name__}",
                hint=f"it must name a {expected.__module__}.{expected.__qualname__}",
            )
        found.append(value)
    return found

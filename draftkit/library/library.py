"""The whole library of a project: every clause and source, cross-checked."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from draftkit.errors import DraftkitError, ErrorList, InputError
from draftkit.library.clauses import Clause, load_clause_file
from draftkit.library.sources import Source, load_sources_file


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


@dataclass
class Library:
    clauses: dict[str, Clause] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)

    def clause(
        self, clause_id: str, *, path: Path | None = None, line: int | None = None
    ) -> Clause:
        try:
            return self.clauses[clause_id]
        except KeyError:
            raise InputError(
                f"unknown clause id '{clause_id}'",
                path=path,
                line=line,
                hint=did_you_mean(clause_id, self.clauses)
                or "run 'draftkit clauses list' to see the library",
            ) from None

    def add_clauses(self, clauses: Iterable[Clause], errors: list[DraftkitError]) -> None:
        _add_unique(self.clauses, clauses, "clause", errors)

    def add_sources(self, sources: Iterable[Source], errors: list[DraftkitError]) -> None:
        _add_unique(self.sources, sources, "source", errors)

    def reference_errors(self) -> list[DraftkitError]:
        """Note references to unknown sources, and sources no clause cites."""
        errors: list[DraftkitError] = []
        cited: set[str] = set()
        for clause in self.clauses.values():
            for ref, line in clause.note_refs():
                cited.add(ref.source)
                if ref.source not in self.sources:
                    errors.append(
                        InputError(
                            f"clause '{clause.id}' cites unknown source '{ref.source}'",
                            path=clause.path,
                            line=line,
                            hint=did_you_mean(ref.source, self.sources) or "add it to sources.yaml",
                        )
                    )
        for source in self.sources.values():
            if source.id not in cited:
                errors.append(
                    InputError(
                        f"source '{source.id}' is not cited by any clause",
                        path=source.path,
                        line=source.line,
                        hint=f"cite it as [^{source.id}] in a clause, or remove it",
                    )
                )
        return errors


def _add_unique(
    into: dict,
    items: Iterable[Clause] | Iterable[Source],
    what: str,
    errors: list[DraftkitError],
) -> None:
    for item in items:
        first = into.get(item.id)
        if first is not None:
            errors.append(
                InputError(
                    f"duplicate {what} id '{item.id}' (first defined at {first.path}:{first.line})",
                    path=item.path,
                    line=item.line,
                    hint="rename one of them",
                )
            )
            continue
        into[item.id] = item


def load_library(
    clause_files: Iterable[Path], source_files: Iterable[Path]
) -> tuple[Library, list[DraftkitError]]:
    """Load everything, collecting independent errors so ``check`` reports them all at once."""
    library = Library()
    errors: list[DraftkitError] = []
    for path in source_files:
        try:
            library.add_sources(load_sources_file(path), errors)
        except DraftkitError as exc:
            errors.append(exc)
    for path in clause_files:
        try:
            library.add_clauses(load_clause_file(path), errors)
        except DraftkitError as exc:
            errors.append(exc)
    return library, errors


def raise_if(errors: list[DraftkitError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ErrorList(errors)

"""Concepts and their terms, as TBX has them: a concept entry holds, per language, terms
with an administrative status (preferred, admitted, deprecated)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PREFERRED = "preferred"
ADMITTED = "admitted"
FORBIDDEN = "forbidden"
STATUSES = (PREFERRED, ADMITTED, FORBIDDEN)


@dataclass(frozen=True)
class Term:
    """One written form. An admitted term counts as the approved one (a synonym, or an
    irregular inflected form the prefix and stem matching cannot reach); a forbidden one
    must not appear. ``unverified``: nobody has confirmed the form yet, so a check on it
    only warns."""

    text: str
    status: str = PREFERRED
    part_of_speech: str | None = None
    note: str | None = None
    unverified: bool = False
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Concept:
    id: str
    terms: dict[str, tuple[Term, ...]]
    note: str | None = None
    path: Path | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)

    def languages(self) -> list[str]:
        return list(self.terms)

    def approved(self, lang: str) -> tuple[Term, ...]:
        """The preferred term first, then the admitted forms."""
        terms = self.terms.get(lang, ())
        return tuple(t for t in terms if t.status == PREFERRED) + tuple(
            t for t in terms if t.status == ADMITTED
        )

    def preferred(self, lang: str) -> Term | None:
        return next((t for t in self.terms.get(lang, ()) if t.status == PREFERRED), None)

    def forbidden(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms.get(lang, ()) if t.status == FORBIDDEN)


@dataclass(frozen=True)
class TermBase:
    concepts: tuple[Concept, ...] = ()

    def get(self, concept_id: str) -> Concept | None:
        return next((c for c in self.concepts if c.id == concept_id), None)

    def __len__(self) -> int:
        return len(self.concepts)

    def __bool__(self) -> bool:
        return bool(self.concepts)

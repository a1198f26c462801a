"""What a translation does with the terms of its source.

A concept is *used* by a source text when one of its approved source-language terms occurs
in it (a match inside a longer match of another concept does not count: "UN Women" in
"UN Women Kyrgyzstan Country Office", if that office is a concept of its own). A used
concept is *kept* when the translation holds one of its approved terms in that language;
a forbidden variant is reported wherever it occurs outside an approved term.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from draftkit.terms.match import Matcher, Words, words
from draftkit.terms.model import Concept, Term, TermBase

MISSING = "missing"
FORBIDDEN_USED = "forbidden"


@dataclass(frozen=True)
class Finding:
    concept: Concept
    kind: str  # MISSING or FORBIDDEN_USED
    message: str
    severity: str = "error"  # "warning" when a term involved is unverified


@dataclass
class Review:
    used: list[Concept] = field(default_factory=list)
    kept: list[Concept] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _inside(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(o[0] <= span[0] and span[1] <= o[1] and o != span for o in others)


class Reviewer:
    """Reviews translations from ``source_lang`` into ``lang`` against a term base."""

    def __init__(self, base: TermBase, source_lang: str, lang: str) -> None:
        self.base = base
        self.lang = lang
        self.source_lang = source_lang
        self._source = Matcher(source_lang)
        self._target = Matcher(lang)
        # What each concept has in the two languages, looked up once, not per entry.
        self._in_source = [(c, c.approved(source_lang)) for c in base.concepts]
        self._in_target = [
            (c, c.approved(lang), c.forbidden(lang)) for c in base.concepts if c.approved(lang)
        ]

    def used(self, source: str) -> list[Concept]:
        text = words(source)
        spans: dict[str, list[tuple[int, int]]] = {}
        for concept, terms in self._in_source:
            for term in terms:
                spans.setdefault(concept.id, []).extend(self._source.find(term.text, text))
        everything = [s for found in spans.values() for s in found]
        return [
            c
            for c in self.base.concepts
            if any(not _inside(s, everything) for s in spans.get(c.id, []))
        ]

    def review(self, source: str, target: str) -> Review:
        result = Review()
        text = words(target)
        used = {c.id for c in self.used(source)}
        for concept, approved, variants in self._in_target:
            kept = [s for t in approved for s in self._target.find(t.text, text)]
            forbidden = self._forbidden(concept, variants, text, kept) if variants else []
            result.findings += forbidden
            if concept.id not in used:
                continue
            result.used.append(concept)
            if kept and not forbidden:
                result.kept.append(concept)
            elif not kept and not forbidden:
                result.findings.append(self._missing(concept, source))
        return result

    def _forbidden(
        self,
        concept: Concept,
        variants: tuple[Term, ...],
        text: Words,
        kept: list[tuple[int, int]],
    ) -> list[Finding]:
        preferred = concept.preferred(self.lang) or concept.approved(self.lang)[0]
        findings = []
        for term in variants:
            for span in self._target.find(term.text, text):
                if any(k[0] <= span[0] and span[1] <= k[1] for k in kept):
                    continue
                findings.append(
                    Finding(
                        concept,
                        FORBIDDEN_USED,
                        f"'{text.quote(*span)}' is a forbidden variant: write "
                        f"'{preferred.text}' ({concept.id}{_why(term)})",
                        _severity(term, preferred),
                    )
                )
        return findings

    def _missing(self, concept: Concept, source: str) -> Finding:
        preferred = concept.preferred(self.lang) or concept.approved(self.lang)[0]
        named = next(
            (
                words(source).quote(*spans[0])
                for t in concept.approved(self.source_lang)
                if (spans := self._source.find(t.text, words(source)))
            ),
            concept.id,
        )
        others = [t.text for t in concept.approved(self.lang) if t is not preferred]
        also = f", or {', '.join(repr(o) for o in others)}" if others else ""
        return Finding(
            concept,
            MISSING,
            f"the source names '{named}': the translation lacks '{preferred.text}'"
            f"{also} ({concept.id}{_why(preferred)})",
            _severity(preferred),
        )


def _why(term: Term) -> str:
    return ", unverified" if term.unverified else ""


def _severity(*terms: Term) -> str:
    return "warning" if any(t.unverified for t in terms) else "error"

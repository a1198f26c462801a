"""A project's term base against its catalogs: ``draftkit terms check`` and the term
coverage ``draftkit i18n status`` shows.

Coverage counts term uses: a catalog entry whose source names a concept that has an
approved term in the locale is one use; it is covered when the translation holds that
term and no forbidden variant. Untranslated entries count as uses not covered; fuzzy ones
count as they stand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from draftkit.i18n.catalogs import catalog_path, read_catalog
from draftkit.i18n.checks import Problem, check_project_catalogs
from draftkit.project import Project
from draftkit.terms.model import TermBase
from draftkit.terms.review import Reviewer


@dataclass(frozen=True)
class Coverage:
    lang: str
    uses: int = 0
    covered: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.uses if self.uses else 100.0


def coverage(project: Project, lang: str, base: TermBase | None = None) -> Coverage | None:
    """None without a term base or a catalog for ``lang``."""
    base = project.termbase() if base is None else base
    path = catalog_path(project.locales_dir, lang)
    if not base or not path.is_file():
        return None
    reviewer = Reviewer(base, project.config.source_locale, lang)
    uses = covered = 0
    for message in read_catalog(path, locale=lang):
        if not message.id:
            continue
        # A plural entry counts once, by its first forms.
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        if not target:
            uses += sum(1 for c in reviewer.used(source) if c.approved(lang))
            continue
        review = reviewer.review(source, target)
        uses += len(review.used)
        covered += len(review.kept)
    return Coverage(lang, uses, covered)


def lint_termbase(base: TermBase, project: Project) -> list[Problem]:
    """Problems of the term base itself: a concept the source language cannot find, a
    project locale without a term, a form both approved and forbidden, an approved term
    two concepts share."""
    problems: list[Problem] = []
    source = project.config.source_locale
    approved_by: dict[tuple[str, str], str] = {}

    def add(concept_path: Path | None, line: int | None, lang: str, text: str, severity: str):  # type: ignore[no-untyped-def]
        problems.append(
            Problem("termbase", concept_path or Path("terms"), line, lang, text, severity)
        )

    for concept in base.concepts:
        if not concept.approved(source):
            add(
                concept.path,
                concept.line,
                source,
                f"concept '{concept.id}' has no approved {source} term: no source finds it",
                "error",
            )
        for lang in project.target_locales:
            if not concept.terms.get(lang):
                add(
                    concept.path,
                    concept.line,
                    lang,
                    f"concept '{concept.id}' has no {lang} term",
                    "warning",
                )
        for lang in concept.languages():
            approved = {t.text.casefold() for t in concept.approved(lang)}
            for term in concept.forbidden(lang):
                if term.text.casefold() in approved:
                    add(
                        concept.path,
                        term.line,
                        lang,
                        f"'{term.text}' is both approved and forbidden in '{concept.id}'",
                        "error",
                    )
            for term in concept.approved(lang):
                key = (lang, term.text.casefold())
                other = approved_by.setdefault(key, concept.id)
                if other != concept.id:
                    add(
                        concept.path,
                        term.line,
                        lang,
                        f"'{term.text}' is an approved term of both '{other}' and '{concept.id}'",
                        "warning",
                    )
    return problems


def check_terms(project: Project, langs: list[str] | None = None) -> list[Problem]:
    """``draftkit terms check``: the term base, then the term check on every catalog."""
    base = project.termbase()
    problems = lint_termbase(base, project)
    problems += [
        p for p in check_project_catalogs(project, langs) if p.check in ("terms", "catalog")
    ]
    return problems

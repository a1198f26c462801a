"""``draftkit check``: everything that can be wrong before rendering, reported at once."""

from __future__ import annotations

from pathlib import Path

from draftkit.assemble.templating import RenderBudget, TemplateSet
from draftkit.errors import DraftkitError
from draftkit.library.library import raise_if
from draftkit.pipeline.core import assemble_spec
from draftkit.pipeline.kinds import BUILTIN, DocumentKind
from draftkit.project import Project


def check_project(project: Project) -> str:
    library, errors = project.library_and_errors
    errors = list(errors)
    if not errors:
        errors.extend(library.reference_errors())
    templates = TemplateSet(project.templates_path, RenderBudget.of(project.config))
    documents = project.document_files()
    if not errors:
        errors += _assemble_all(project, BUILTIN["document"], documents, templates)
    orgs, org_errors = project.organisations_and_errors
    errors.extend(org_errors)
    events = project.event_files()
    if not errors:
        errors += _assemble_all(project, BUILTIN["event"], events, templates)
    raise_if(errors)
    return (
        f"ok: {len(library.clauses)} clauses, {len(library.sources)} sources, "
        f"{len(documents)} documents"
        + (f", {len(orgs)} organisations, {len(events)} events" if orgs or events else "")
    )


def _assemble_all(
    project: Project, kind: DocumentKind, paths: list[Path], templates: TemplateSet
) -> list[DraftkitError]:
    """Every file of ``kind`` loaded and assembled in the source locale (templates and
    references checked; catalogs are ``draftkit i18n check``'s): the errors, one per file."""
    errors = []
    for path in paths:
        try:
            spec = kind.load(project, path)
            lang = project.config.source_locale
            assemble_spec(project, kind, spec, lang=lang, templates=templates)
        except DraftkitError as exc:
            errors.append(exc)
    return errors

"""``draftkit check``: everything that can be wrong before rendering, reported at once."""

from __future__ import annotations

from draftkit.assemble.templating import TemplateSet
from draftkit.errors import DraftkitError
from draftkit.library.library import raise_if
from draftkit.pipeline.core import assemble_spec
from draftkit.pipeline.kinds import BUILTIN
from draftkit.project import Project


def check_project(project: Project) -> str:
    library, errors = project.library_and_errors
    errors = list(errors)
    if not errors:
        errors.extend(library.reference_errors())
    templates = TemplateSet(project.templates_path)
    documents = project.document_files()
    if not errors:
        kind = BUILTIN["document"]
        for path in documents:
            try:
                _assemble_source(project, kind, kind.load(project, path), templates)
            except DraftkitError as exc:
                errors.append(exc)
    orgs, org_errors = project.organisations_and_errors
    errors.extend(org_errors)
    events = project.event_files()
    if not errors:
        kind = BUILTIN["event"]
        for path in events:
            try:
                _assemble_source(project, kind, kind.load(project, path), templates)
            except DraftkitError as exc:
                errors.append(exc)
    raise_if(errors)
    return (
        f"ok: {len(library.clauses)} clauses, {len(library.sources)} sources, "
        f"{len(documents)} documents"
        + (f", {len(orgs)} organisations, {len(events)} events" if orgs or events else "")
    )


def _assemble_source(project: Project, kind, spec, templates: TemplateSet) -> None:  # type: ignore[no-untyped-def]
    """Assemble in the source locale: templates and references are checked; catalogs are
    ``draftkit i18n check``'s."""
    assemble_spec(project, kind, spec, lang=project.config.source_locale, templates=templates)

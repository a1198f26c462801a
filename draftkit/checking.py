"""``draftkit check``: everything that can be wrong before rendering, reported at once."""

from __future__ import annotations

from draftkit.assemble import assemble
from draftkit.assemble.templating import TemplateSet
from draftkit.errors import DraftkitError
from draftkit.library.library import raise_if
from draftkit.project import Project


def check_project(project: Project) -> str:
    library, errors = project.library_and_errors
    errors = list(errors)
    if not errors:
        errors.extend(library.reference_errors())
    templates = TemplateSet(project.templates_path)
    documents = project.document_files()
    if not errors:
        for path in documents:
            try:
                spec = project.load_document(path)
                assemble(
                    spec,
                    library,
                    templates,
                    lang=project.config.source_locale,
                    style=project.config.style,
                )
            except DraftkitError as exc:
                errors.append(exc)
    orgs, org_errors = project.organisations_and_errors
    errors.extend(org_errors)
    events = project.event_files()
    if not errors:
        from draftkit.assemble.press import assemble_event, related_specs

        for path in events:
            try:
                event = project.load_event(path)
                assemble_event(
                    event,
                    orgs,
                    templates,
                    lang=project.config.source_locale,
                    related=related_specs(project, event),
                )
            except DraftkitError as exc:
                errors.append(exc)
    raise_if(errors)
    return (
        f"ok: {len(library.clauses)} clauses, {len(library.sources)} sources, "
        f"{len(documents)} documents"
        + (f", {len(orgs)} organisations, {len(events)} events" if orgs or events else "")
    )

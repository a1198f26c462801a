"""draftkit as a library: everything the command line does, callable from Python.

The CLI (:mod:`draftkit.cli`) only parses arguments, calls these functions and prints
what they return; a script or another tool calls them the same way (docs/api.md)::

    from draftkit import api

    project = api.open_project("path/to/project")
    report = api.build(project, langs=["en", "ru"], formats=["docx", "pdf"])
    for path in report.written:
        print(path)

Errors in the input are raised as :class:`draftkit.errors.DraftkitError`, whose
``format()`` gives the ``file:line: message`` lines the CLI prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftkit.errors import DraftkitError
from draftkit.project import CONFIG_NAME, Project

if TYPE_CHECKING:
    from draftkit.ingest import ImportResult
    from draftkit.model.nodes import Document
    from draftkit.presskit.kit import KitResult, OutputResult
    from draftkit.presskit.plan import KitPlan, Output

__all__ = [
    "BuildReport",
    "Draft",
    "assemble",
    "build",
    "check",
    "import_docx",
    "languages",
    "open_project",
    "press_kit",
    "write",
]


def open_project(start: Path | str | None = None) -> Project:
    """The project whose ``draftkit.toml`` is at or above ``start`` (default: the current
    folder)."""
    return Project.discover(Path(start) if start is not None else None)


def languages(option: str | None, project: Project) -> list[str | None]:
    """The languages a ``--lang`` value names: None (each document's own, or the source
    locale), ``all`` (every locale of the project), or a comma-separated list."""
    if option is None:
        return [None]
    if option.strip() == "all":
        return list(project.config.locales)
    return [part.strip() for part in option.split(",") if part.strip()]


def assemble(
    project: Project, path: Path, *, lang: str | None = None, allow_incomplete: bool = False
) -> Document:
    """The assembled document model of one document spec or event file in one language."""
    from draftkit.pipeline import assemble_document

    return assemble_document(project, path, lang=lang, allow_incomplete=allow_incomplete).document


def write(project: Project, document: Document, fmt: str) -> bytes:
    """One format (any registered writer: docx, pdf, html, json…) of an assembled document."""
    from draftkit.pipeline import write_context
    from draftkit.render.writers import writer

    return writer(fmt).write(document, write_context(project, document.meta.date))


@dataclass
class Draft:
    """A translation built with ``allow_incomplete`` that left texts in the source language."""

    spec: str
    lang: str
    untranslated: int


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)


def same_project(project: Project, path: Path) -> None:
    """Every document of one build belongs to ``project``: another project's clauses,
    templates and locales are not these."""
    for folder in path.resolve().parents:
        if (folder / CONFIG_NAME).is_file():
            if folder != project.root:
                raise DraftkitError(
                    f"{path} belongs to another project ({folder})",
                    hint=f"build it on its own, or in {folder}: one project per command",
                )
            return


def build(
    project: Project,
    documents: Iterable[Path] | None = None,
    *,
    langs: list[str | None] | None = None,
    formats: list[str] | None = None,
    output: Path | None = None,
    allow_incomplete: bool = False,
    force: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildReport:
    """Build ``documents`` (default: every ``documents/*.yaml``) in ``langs`` (default:
    each document's own language) as ``formats`` (default: the project's) into ``output``
    (default: the project's, ``build/``), in ``<output>/<lang>/``.

    Only documents whose inputs changed since their outputs were written are rendered
    (``force`` renders all). Every output is rendered in memory first and published only
    when all succeeded, so a broken document leaves no output of the others behind.
    ``progress(description, done, total)`` is called before each render."""
    from draftkit.fsutil import folder_lock

    folder = (output or project.output_dir).resolve()
    # Outputs go to <folder>/<lang>/, the build record to <folder>.
    written_here = [folder, *(folder / lang for lang in project.config.locales)]
    waiting = f"waiting for another draftkit writing {folder}…"
    with folder_lock(folder, clean=written_here, waiting=waiting):
        return _build(
            project, documents, langs, formats, output, allow_incomplete, force, progress
        )


def _build(
    project: Project,
    documents: Iterable[Path] | None,
    langs: list[str | None] | None,
    formats: list[str] | None,
    output: Path | None,
    allow_incomplete: bool,
    force: bool,
    progress: Callable[[str, int, int], None] | None,
) -> BuildReport:
    from draftkit.fsutil import publish_all
    from draftkit.render.writers import writer
    from draftkit.uptodate import OutputRecord, document_key, project_key

    paths = list(documents or project.document_files())
    if not paths:
        raise DraftkitError(
            "no documents to build",
            path=project.root / "documents",
            hint="add a document spec to documents/ or name one",
        )
    chosen = formats or project.config.formats
    writers = [writer(fmt) for fmt in chosen]
    folder = (output or project.output_dir).resolve()
    record = OutputRecord(folder)
    inputs = project_key(
        project.root,
        project.config.sources,
        f"formats={chosen}",
        f"allow_incomplete={allow_incomplete}",
        f"output={folder}",
    )
    todo: list[tuple[Path, str | None, str]] = []
    report = BuildReport()
    for path in paths:
        if not path.is_file():
            raise DraftkitError(
                "no such document spec", path=path, hint="check the path; specs are in documents/"
            )
        same_project(project, path)
        for language in langs or [None]:
            key = document_key(inputs, path, language)
            entry = None if force else record.fresh(key)
            if entry is None:
                todo.append((path, language, key))
                continue
            report.up_to_date += [folder / relative for relative, _ in entry["outputs"]]
            if entry.get("untranslated"):
                report.drafts.append(
                    Draft(str(entry.get("spec")), str(entry.get("lang")), entry["untranslated"])
                )
    if not todo:
        return report
    from draftkit.pipeline import render_document

    outputs: list[tuple[Path, bytes]] = []
    drafts: list[Draft] = []  # reported before those of documents that were up to date
    with ExitStack() as stack:
        if any(w.paged for w in writers):
            from draftkit.render.pdf import renderer

            stack.enter_context(renderer())
        for number, (path, language, key) in enumerate(todo):
            if progress is not None:
                shown = f" [{language}]" if language else ""  # None: the file's own language
                progress(f"rendering {project.relative(path)}{shown}", number, len(todo))
            rendered = render_document(
                project,
                path,
                lang=language,
                formats=chosen,
                output_dir=output,
                allow_incomplete=allow_incomplete,
            )
            outputs += rendered.outputs
            spec = project.relative(path)
            record.record(
                key,
                rendered.outputs,
                spec=spec,
                lang=rendered.lang,
                untranslated=rendered.untranslated,
            )
            if rendered.untranslated:
                drafts.append(Draft(spec, rendered.lang, rendered.untranslated))
    publish_all(outputs, within=folder)
    record.save()
    report.written = [target for target, _ in outputs]
    report.drafts[:0] = drafts
    return report


def check(project: Project, *, use_cache: bool = True) -> str:
    """Validate the whole project (library, sources, documents, events, templates); the
    one-line summary, or a :class:`DraftkitError` listing every problem. A success is
    remembered while no input changes."""
    from draftkit.render.cssrefs import report_style_sheet
    from draftkit.uptodate import cached_check, project_key, remember_check

    # Warnings are not remembered with a success: said at every check, before it.
    report_style_sheet(project.templates_path)
    key = project_key(project.root, project.config.sources, "check")
    summary = cached_check(project.root, key) if use_cache else None
    if summary is None:
        from draftkit.checking import check_project

        summary = check_project(project)
        remember_check(project.root, key, summary)
    return summary


def import_docx(
    docx: Path,
    *,
    into: Path | None = None,
    lang: str | None = None,
    name: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import a resolution from Word into the project around the current folder, or
    ``into`` (a new or empty folder becomes a project in ``lang``): see
    :mod:`draftkit.ingest` and docs/import.md. Nothing is written with ``dry_run`` or
    when any check fails."""
    from draftkit.ingest import import_docx as run_import

    return run_import(docx, into, lang, name, dry_run=dry_run)


def press_kit(
    project: Project,
    event: Path,
    *,
    langs: list[str] | None = None,
    output: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    allow_incomplete: bool = False,
    on_plan: Callable[[KitPlan], Any] = lambda plan: None,
    on_start: Callable[[list[Output]], Any] = lambda tasks: None,
    on_done: Callable[[OutputResult], Any] = lambda result: None,
) -> KitResult:
    """Build an event's press kit (every locale by default): see :mod:`draftkit.presskit`.
    Failed locales are in the result's ``failures``, not raised: the others are published.
    ``on_plan`` sees what the kit holds before anything renders; ``on_start`` the outputs
    to render; ``on_done`` each output's result as it comes."""
    from draftkit.fsutil import folder_lock
    from draftkit.presskit.kit import build_kit
    from draftkit.presskit.plan import plan_kit

    if not event.is_file():
        raise DraftkitError(f"no such event file: {event}", hint="events live in events/")
    chosen = [code for code in (langs or project.config.locales) if code]
    plan = plan_kit(project, event, chosen, output or project.output_dir)
    on_plan(plan)
    # The kit's own folder: its files, zips, manifest and cache are one set.
    waiting = f"waiting for another draftkit writing {plan.folder}…"
    written_here = [plan.folder, *(plan.folder / lang for lang in chosen)]
    with folder_lock(plan.folder, clean=written_here, waiting=waiting):
        return build_kit(
            project,
            plan,
            jobs=jobs,
            force=force,
            allow_incomplete=allow_incomplete,
            on_start=on_start,
            on_done=on_done,
        )

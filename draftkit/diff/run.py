"""What ``draftkit diff`` compares, resolved from its arguments, and the comparison itself.

The arguments read as git diff's do: two folders or files; two revisions and optional
paths after ``--``; one revision (against the working tree); none (``HEAD`` against the
working tree). ``--document`` compares two assembled resolutions instead of clause sets,
``lang`` compares the translated texts and lists translations that went stale.
"""

from __future__ import annotations

from contextlib import ExitStack, closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from draftkit.diff.clauses import LibraryDiff, Placed, compare_clause_sets, item_texts
from draftkit.diff.documents import DocumentDiff, compare_documents
from draftkit.diff.sides import (
    DiffError,
    Side,
    clause_files,
    folder_side,
    is_revision,
    load_clauses,
    load_sides,
    repo_top,
    revision_side,
)
from draftkit.errors import DraftkitError
from draftkit.library.clauses import Clause, Markup, SubItem
from draftkit.model.nodes import Document


@dataclass
class Request:
    args: list[str]
    paths: list[str]
    document: bool = False
    lang: str | None = None
    ignore_renumbering: bool = False
    labels: tuple[str, str] | None = None  # as a git diff driver: the file's path


@dataclass
class Result:
    diff: LibraryDiff | DocumentDiff
    lang: str
    stale: list[dict[str, Any]] | None
    sides: tuple[Side, Side]
    redline_templates: Any = None  # the new side's template folders, for a redline
    new_document: Any = None
    old_document: Any = None


def _project_root(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / "draftkit.toml").is_file():
            return folder
    return None


def resolve_sides(request: Request, cwd: Path, stack: ExitStack) -> tuple[Side, Side]:
    args, paths = list(request.args), list(request.paths)
    whole_project = request.document or request.lang is not None
    if len(args) == 2 and not paths and all(Path(a).exists() for a in args):
        return folder_side("old", Path(args[0])), folder_side("new", Path(args[1]))
    revs: list[str] = []
    for arg in args:
        if len(revs) < 2 and not paths and Path(arg).exists() and not is_revision(arg, cwd):
            paths.append(arg)
        elif len(revs) < 2 and not (paths and Path(arg).exists()):
            revs.append(arg)
        else:
            paths.append(arg)
    if not revs:
        revs = ["HEAD"]
    project = _project_root(cwd)
    default = [str(_relative(project / "clauses", cwd))] if project else ["."]
    if whole_project and project is not None:
        # A document or a catalog needs the whole project of that revision: its library,
        # templates and locales.
        archive_paths = [str(_relative(project, cwd))]
    else:
        archive_paths = paths or default
    old = stack.enter_context(closing(revision_side("old", revs[0], archive_paths, cwd)))
    if len(revs) > 1:
        new = stack.enter_context(closing(revision_side("new", revs[1], archive_paths, cwd)))
    else:
        new = Side("new", "working tree", cwd, display_root=cwd)
        new.targets = [Path(p) for p in archive_paths]
        for target in new.targets:
            if not target.exists():
                raise DiffError(f"new side (working tree): no such file or folder: {target}")
    if whole_project:
        targets = paths or default
        prefix = archive_paths[0]
        for side in (old, new):
            base = side.root / _git_prefix(cwd) if side.display_prefix else cwd
            side.targets = [base / t for t in targets]
            side.project_root = base / prefix
    return old, new


def _git_prefix(cwd: Path) -> str:
    top = repo_top(cwd)
    return str(cwd.resolve().relative_to(top.resolve())) if top else ""


def _relative(path: Path, cwd: Path) -> Path:
    try:
        return path.resolve().relative_to(cwd.resolve())
    except ValueError:
        return path


# -- comparing -------------------------------------------------------------------------


def _own_project(side: Side) -> Path | None:
    root = side.project_root
    if root is None:
        first = side.targets[0] if side.targets else side.root
        root = _project_root(first if first.exists() else side.root)
    return root if root is not None and (root / "draftkit.toml").is_file() else None


def lend_projects(old: Side, new: Side) -> None:
    """Give each side the project it is read with. A side outside any project (an old
    version saved elsewhere, a copy of the clauses) is read against the other side's
    project: its clauses, sources, templates and catalogs."""
    own = {side.role: _own_project(side) for side in (old, new)}
    old.project_root = own["old"] or own["new"]
    new.project_root = own["new"] or own["old"]


def side_project(side: Side):  # type: ignore[no-untyped-def]
    from draftkit.project import Project

    root = side.project_root
    if root is None or not (root / "draftkit.toml").is_file():
        raise DiffError(
            f"{side.role} side ({side.label}): not inside a draftkit project",
            hint="--document and --lang need a project (draftkit.toml) on at least one side; "
            "a side outside any project is read against the other side's",
        )
    try:
        return Project.load(root)
    except DraftkitError as exc:
        raise side.fail(exc) from None


def translated_clauses(side: Side, placed: list[Placed], lang: str):  # type: ignore[no-untyped-def]
    """The clauses with their texts in ``lang``, and the translator (which records what
    had no translation)."""
    from draftkit.assemble.context import translate_source
    from draftkit.pipeline import translator_for

    project = side_project(side)
    if lang == project.config.source_locale:
        return placed, None
    try:
        translator = translator_for(project, lang)
    except DraftkitError as exc:
        raise side.fail(exc) from None

    def tr(markup: Markup, context: str) -> Markup:
        try:
            return translate_source(translator, markup, context)
        except DraftkitError as exc:
            raise side.fail(exc) from None

    def items(clause: Clause, subs: list[SubItem]) -> list[SubItem]:
        return [SubItem(tr(i.text, clause.id), items(clause, i.items)) for i in subs]

    out = []
    for p in placed:
        c = p.clause
        clause = replace(c, lead=tr(c.lead, c.id), text=tr(c.text, c.id), items=items(c, c.items))
        out.append(Placed(clause, p.file, p.position, p.folder_file))
    return out, translator


def _sources(clause: Clause) -> dict[str, str]:
    """The source text of each translatable field of a clause, named as the reports name
    them: "lead", "text", "item (b)"."""
    fields = {"lead": clause.lead.source, "text": clause.text.source}
    fields |= {f"item {label}": item.text.source for label, item in item_texts(clause.items)}
    return fields


def stale_translations(
    side: Side,
    diff: LibraryDiff,
    translator: Any,
    lang: str,
    sources: tuple[dict[str, Clause], dict[str, Clause]],
) -> list[dict[str, Any]]:
    """Each text of a changed or added clause that has no finished translation, once,
    with the line of its catalog entry; where the catalog has no entry for the new text
    yet (not updated since), the line of the old text's entry, whose translation is the
    one to revise. ``sources``: each side's clauses by id, untranslated."""
    if translator is None:
        return []
    catalog = side.display(Path(translator.path)) if translator.path else None
    out = []
    for change in diff.changes:
        if change.new is None or not (change.modified or change.kind == "added"):
            continue
        clause_id = change.new.clause.id
        new_fields = _sources(sources[1][clause_id])
        old_id = change.old.clause.id if change.old is not None else None
        old_clause = sources[0].get(old_id) if old_id else None
        old_fields = _sources(old_clause) if old_clause is not None else {}
        listed: set[str] = set()
        for field, message in new_fields.items():
            missing = translator.missing.get((clause_id, message))
            if missing is None or message in listed:
                continue
            listed.add(message)  # a text written twice in a clause is one catalog entry
            old_message = old_fields.get(field)
            line = translator.line_of(clause_id, message)
            old_line = (
                translator.line_of(old_id, old_message)
                if line is None and old_message and old_message != message
                else None
            )
            out.append(
                {
                    "clause": clause_id,
                    "field": field,
                    "lang": lang,
                    "state": "fuzzy" if missing.fuzzy else "untranslated",
                    "text": message,
                    "catalog": catalog,
                    "line": line,
                    "old_line": old_line,
                }
            )
    return out


def run(request: Request, cwd: Path, stack: ExitStack) -> Result:
    if request.labels is not None:
        old = folder_side("old", Path(request.args[0]))
        new = folder_side("new", Path(request.args[1]))
        old.label, new.label = request.labels
    else:
        old, new = resolve_sides(request, cwd, stack)
    if request.document or request.lang is not None:
        lend_projects(old, new)
    if request.document:
        return _documents(request, old, new)
    lang = request.lang
    stale = None
    if lang is not None:
        # Translations can change where the source did not: every clause is compared.
        old_placed = load_clauses(old, clause_files(old))
        new_placed = load_clauses(new, clause_files(new))
        sources = (
            {p.clause.id: p.clause for p in old_placed},
            {p.clause.id: p.clause for p in new_placed},
        )
        old_placed, _ = translated_clauses(old, old_placed, lang)
        new_placed, translator = translated_clauses(new, new_placed, lang)
        identical: list = []
    else:
        old_placed, new_placed, identical = load_sides(old, new)
    diff = compare_clause_sets(old_placed, new_placed, old.label, new.label, identical)
    if lang is not None:
        stale = stale_translations(new, diff, translator, lang, sources)
    source = lang or "en"
    return Result(diff, source, stale, (old, new))


def _documents(request: Request, old: Side, new: Side) -> Result:
    specs: list[Path] = []
    for side in (old, new):
        found = [t for t in side.targets if t.is_file()]
        if len(found) != 1:
            raise DiffError(
                f"{side.role} side ({side.label}): --document compares one document spec, "
                f"found {len(found)}",
                hint="name it: draftkit diff v1.yaml v2.yaml --document, "
                "or draftkit diff REV1 REV2 --document -- documents/x.yaml",
            )
        specs.append(found[0])
    documents = []
    templates: list[Path] = []  # the new side's template folders, for a redline
    for side, spec, other in ((old, specs[0], specs[1]), (new, specs[1], specs[0])):
        document, templates = _assemble(side, spec, other, request.lang)
        documents.append(document)
    old_document, new_document = documents
    diff = compare_documents(
        old_document,
        new_document,
        old.label,
        new.label,
        ignore_renumbering=request.ignore_renumbering,
    )
    return Result(
        diff,
        request.lang or new_document.meta.lang,
        None,
        (old, new),
        redline_templates=templates,
        new_document=new_document,
        old_document=old_document,
    )


def _assemble(
    side: Side, spec_path: Path, other: Path, lang: str | None
) -> tuple[Document, list[Path]]:
    """The document (or event) as a build assembles it, translations that are not finished
    standing in the source language as in a draft build; and the side's template folders.
    Its kind is the one its folder says; for a file outside its project (a loose
    version), the kind of the other side's file."""
    from draftkit.pipeline import assemble_spec, kind_for

    project = side_project(side)
    inside = spec_path.resolve().is_relative_to(project.root.resolve())
    try:
        kind = kind_for(project, spec_path if inside else other)
        spec = kind.load(project, spec_path)
        assembled = assemble_spec(project, kind, spec, lang=lang, allow_incomplete=True)
    except DraftkitError as exc:
        raise side.fail(exc) from None
    return assembled.document, project.templates_path

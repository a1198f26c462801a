"""``draftkit``: build, check and browse a clause library from the command line.

Exit status: 0 success, 1 a problem with the input (reported as ``file:line: message``),
2 wrong usage. ``--debug`` shows the traceback behind a reported problem.
"""

# No ``from __future__ import annotations`` in the command modules: Typer reads every
# command's annotations each time the CLI starts, and evaluating them from strings cost
# 15 ms of a 0.16 s ``draftkit --help``.

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated

import typer

from draftkit import __version__
from draftkit.cli.console import err, out, progress
from draftkit.errors import DraftkitError

app = typer.Typer(
    name="draftkit",
    help="Draft and publish resolutions from a clause library, as DOCX and PDF.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
clauses_app = typer.Typer(help="Browse the clause library.", no_args_is_help=True)
app.add_typer(clauses_app, name="clauses")

_state = {"debug": False}


@contextmanager
def reporting(root: Path | None = None) -> Iterator[None]:
    """Turn a :class:`DraftkitError` into ``error: file:line: message`` and exit 1."""
    try:
        yield
    except DraftkitError as exc:
        if _state["debug"]:
            raise
        from rich.markup import escape

        prefix = "[bold red]error:[/]" if err.is_terminal else "error:"
        for line in exc.format(root or Path.cwd()).splitlines():
            err.print(f"{prefix} {escape(line)}")
        raise typer.Exit(exc.exit_code) from None


def _version(value: bool) -> None:
    if value:
        print(f"draftkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks behind errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    _state["debug"] = debug


def _project(start: Path | None = None):  # type: ignore[no-untyped-def]
    from draftkit.project import Project

    return Project.discover(start)


@app.command()
def build(
    documents: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Document specs or event files (events/*.yaml) to build "
            "(default: every documents/*.yaml)."
        ),
    ] = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="docx, pdf or html; repeat or comma-separate (default: the project's).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            "-l",
            help="Language(s) to build: a code, a comma-separated list, or 'all' for every "
            "locale of the project (default: the source locale).",
        ),
    ] = None,
    allow_incomplete: Annotated[
        bool,
        typer.Option(
            "--allow-incomplete",
            help="Build a translation even if texts are missing or fuzzy: they stay in the "
            "source language and the document is marked as a draft translation.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Output folder (default: the project's, usually build/)."
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Render every document, even those that are up to date."),
    ] = False,
) -> None:
    """Build documents as DOCX and PDF (and HTML for a preview) into build/<lang>/.

    Only documents whose inputs changed since their outputs were written are rendered
    again (--force renders all)."""
    from draftkit.fsutil import publish_all
    from draftkit.uptodate import OutputRecord, document_key, project_key

    with reporting(), ExitStack() as stack:
        project = _project(documents[0] if documents else None)
        paths = documents or project.document_files()
        if not paths:
            raise DraftkitError(
                "no documents to build",
                path=project.root / "documents",
                hint="add a document spec to documents/ or name one",
            )
        formats = [f.strip() for item in (fmt or []) for f in item.split(",") if f.strip()] or None
        langs = _languages(lang, project)
        folder = (output or project.output_dir).resolve()
        record = OutputRecord(folder)
        inputs = project_key(
            project.root,
            project.config.sources,
            f"formats={formats or project.config.formats}",
            f"allow_incomplete={allow_incomplete}",
            f"output={folder}",
        )
        todo: list[tuple[Path, str | None, str]] = []
        fresh: list[dict] = []  # type: ignore[type-arg]
        for path in paths:
            if not path.is_file():
                raise DraftkitError(f"no such document spec: {path}")
            _same_project(project, path)
            for language in langs:
                key = document_key(inputs, path, language)
                entry = None if force else record.fresh(key)
                if entry is None:
                    todo.append((path, language, key))
                else:
                    fresh.append(entry)
        if todo and "pdf" in (formats or project.config.formats):
            from draftkit.render.pdf import renderer

            stack.enter_context(renderer())
        # Render every document first and publish only when all succeeded, so a broken
        # document leaves no output of the others behind.
        outputs: list[tuple[Path, bytes]] = []
        drafts = []
        if todo:
            from draftkit.build import render_document

            with progress() as bar:
                task = bar.add_task("building", total=len(todo))
                for path, language, key in todo:
                    bar.update(
                        task, description=f"rendering {project.relative(path)} [{language}]"
                    )
                    rendered = render_document(
                        project,
                        path,
                        lang=language,
                        formats=formats,
                        output_dir=output,
                        allow_incomplete=allow_incomplete,
                    )
                    outputs += rendered.outputs
                    record.record(
                        key,
                        rendered.outputs,
                        spec=project.relative(path),
                        lang=rendered.lang,
                        untranslated=rendered.untranslated,
                    )
                    if rendered.untranslated:
                        spec = project.relative(path)
                        drafts.append((spec, rendered.lang, rendered.untranslated))
                    bar.advance(task)
            publish_all(outputs)
            record.save()
        for target, _ in outputs:
            print(f"wrote {project.relative(target)}")
        for entry in fresh:
            for relative, _ in entry["outputs"]:
                print(f"up to date: {project.relative(folder / relative)}")
            if entry.get("untranslated"):
                drafts.append((entry.get("spec"), entry.get("lang"), entry["untranslated"]))
        for spec, language, count in drafts:
            print(
                f"warning: {spec} [{language}] is a draft translation: "
                f"{count} text(s) left in the source language",
                file=sys.stderr,
            )


def _same_project(project, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every document of one build belongs to the project found from the first: another
    project's clauses, templates and locales are not these."""
    from draftkit.project import CONFIG_NAME

    for folder in path.resolve().parents:
        if (folder / CONFIG_NAME).is_file():
            if folder != project.root:
                raise DraftkitError(
                    f"{path} belongs to another project ({folder})",
                    hint=f"build it on its own, or in {folder}: one project per command",
                )
            return


def _languages(option: str | None, project) -> list[str | None]:  # type: ignore[no-untyped-def]
    if option is None:
        return [None]  # each document's own language, or the project's source locale
    if option.strip() == "all":
        return list(project.config.locales)
    return [part.strip() for part in option.split(",") if part.strip()]


@app.command()
def check(
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Check again even if nothing changed since the last success."
        ),
    ] = False,
) -> None:
    """Validate the whole project: library, sources, documents and templates.

    The result of a successful check is kept (in ~/.cache/draftkit): while no input
    changes, the next check prints it at once."""
    from draftkit.uptodate import cached_check, project_key, remember_check

    with reporting():
        project = _project()
        key = project_key(project.root, project.config.sources, "check")
        summary = None if no_cache else cached_check(project.root, key)
        if summary is None:
            from draftkit.checking import check_project

            summary = check_project(project)
            remember_check(project.root, key, summary)
        print(summary)


@clauses_app.command("list")
def clauses_list(
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag", "-t", help="Only clauses with this tag (repeatable: all must match)."
        ),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="preambular, operative or paragraph.")
    ] = None,
) -> None:
    """List the clauses of the library, optionally filtered by tag and kind."""
    from rich.table import Table

    with reporting():
        library = _project().library
        rows = [
            c
            for c in library.clauses.values()
            if (kind is None or c.kind == kind) and all(t in c.tags for t in tag or [])
        ]
        if kind is not None and kind not in ("preambular", "operative", "paragraph"):
            raise DraftkitError(f"unknown kind '{kind}'", hint="preambular, operative or paragraph")
        table = Table(show_lines=False, box=None, pad_edge=False)
        table.add_column("id", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("title", overflow="fold")
        table.add_column("tags", overflow="fold")
        for clause in sorted(rows, key=lambda c: c.id):
            table.add_row(
                clause.id, clause.kind, clause.title or clause.summary(60), ", ".join(clause.tags)
            )
        out.print(table)
        err.print(f"{len(rows)} clause(s)")


@clauses_app.command("show")
def clauses_show(clause_id: Annotated[str, typer.Argument(help="The clause id.")]) -> None:
    """Show one clause: its text, parameters, sub-paragraphs, notes and where it is defined."""
    from draftkit.cli.show import show_clause

    with reporting():
        project = _project()
        clause = project.library.clause(clause_id)
        out.print(show_clause(project, clause), markup=False, soft_wrap=True)


@app.command()
def new(
    name: Annotated[Path, typer.Argument(help="Folder of the new project.")],
) -> None:
    """Create a new project that builds at once (draftkit.toml, clauses, a document)."""
    from draftkit.scaffold import create_project

    with reporting():
        created = create_project(name)
        out.print(f"created {created}; next: cd {name} && draftkit build")


def main() -> None:
    import draftkit.cli.diff  # noqa: F401  (registers the diff command)
    import draftkit.cli.i18n  # noqa: F401  (registers the i18n commands)
    import draftkit.cli.presskit  # noqa: F401  (registers presskit and orgs)

    app()

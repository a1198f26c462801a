"""``draftkit``: build, check and browse a clause library from the command line.

Exit status: 0 success, 1 a problem with the input (reported as ``file:line: message``),
2 wrong usage. ``--debug`` shows the traceback behind a reported problem.
"""

# No ``from __future__ import annotations`` in the command modules: Typer reads every
# command's annotations each time the CLI starts, and evaluating them from strings cost
# 15 ms of a 0.16 s ``draftkit --help``.

import sys
from pathlib import Path
from typing import Annotated

import typer

from draftkit import __version__
from draftkit.cli.common import find_project, reporting, state
from draftkit.cli.console import err, out, progress
from draftkit.errors import DraftkitError
from draftkit.render.writers import BUILTIN as FORMATS
from draftkit.scaffold import DEFAULT_KIND, KINDS

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
    state["debug"] = debug


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
            help=", ".join(FORMATS) + " (or an installed writer's); repeat or "
            "comma-separate (default: the project's).",
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
    again (--force renders all).

    PDFs are tagged (PDF/UA-1: headings, lists, notes, language) for screen readers; set
    pdf_variant = "none" under [build] in draftkit.toml for an untagged PDF."""
    from draftkit import api

    with reporting():
        project = find_project(documents[0] if documents else None)
        formats = [f.strip() for item in (fmt or []) for f in item.split(",") if f.strip()] or None
        with progress() as bar:
            task = bar.add_task("building", total=None)

            def show(description: str, done: int, total: int) -> None:
                bar.update(task, description=description, completed=done, total=total)

            report = api.build(
                project,
                documents,
                langs=api.languages(lang, project),
                formats=formats,
                output=output,
                allow_incomplete=allow_incomplete,
                force=force,
                progress=show,
            )
        for target in report.written:
            print(f"wrote {project.relative(target)}")
        for target in report.up_to_date:
            print(f"up to date: {project.relative(target)}")
        for draft in report.drafts:
            print(
                f"warning: {draft.spec} [{draft.lang}] is a draft translation: "
                f"{draft.untranslated} text(s) have no {draft.lang} translation "
                "(untranslated or fuzzy) and stay in the source language",
                file=sys.stderr,
            )


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
    from draftkit import api

    with reporting():
        print(api.check(find_project(), use_cache=not no_cache))


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
        library = find_project().library
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
        project = find_project()
        clause = project.library.clause(clause_id)
        out.print(show_clause(project, clause), markup=False, soft_wrap=True)


@app.command()
def new(
    name: Annotated[Path, typer.Argument(help="Folder of the new project.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="forum: a forum resolution (the default); un: a Security Council-style "
            "resolution (symbol, adoption line, organ).",
        ),
    ] = DEFAULT_KIND,
    locales: Annotated[
        str,
        typer.Option(
            "--locales",
            help="The project's languages, comma-separated (English, the source, is always one).",
        ),
    ] = "en,ru,ky",
) -> None:
    """Create a new project that builds at once: draftkit.toml, clauses, a document, an
    event and an organisation, a catalog per language (locales/) and a .gitignore."""
    from draftkit.scaffold import create_project

    if kind not in KINDS:
        raise typer.BadParameter(f"unknown kind '{kind}' (kinds: {', '.join(KINDS)})")
    with reporting():
        codes = [code.strip() for code in locales.split(",") if code.strip()]
        created = create_project(name, codes, kind)
        out.print(f"created {created}; next: cd {name} && draftkit build")


def main() -> None:
    from draftkit.cli.common import show_warnings

    show_warnings()
    import draftkit.cli.diff  # noqa: F401  (registers the diff command)
    import draftkit.cli.i18n  # noqa: F401  (registers the i18n commands)
    import draftkit.cli.ingest  # noqa: F401  (registers the import command)
    import draftkit.cli.presskit  # noqa: F401  (registers presskit and orgs)
    import draftkit.cli.review  # noqa: F401  (registers the review command)
    import draftkit.cli.serve  # noqa: F401  (registers the serve command)
    import draftkit.cli.terms  # noqa: F401  (registers the terms commands)

    app()

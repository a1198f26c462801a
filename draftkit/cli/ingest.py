"""``draftkit import``: a resolution in Word → clauses, sources and a document spec."""

# No ``from __future__ import annotations``: see draftkit/cli/app.py.

from pathlib import Path
from typing import Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import reporting
from draftkit.cli.console import err, out


@app.command("import")
def import_(
    docx: Annotated[Path, typer.Argument(help="The Word file (.docx) of a resolution.")],
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="The project to import into (default: the one around the current folder); "
            "a new or empty folder becomes a project in the imported language.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            "-l",
            help="The language the document is written in (default: the project's source "
            "language; en for a new project). It must be the project's source language.",
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name", help="Name of the document and clause files (default: of the file's name)."
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what the import finds; write nothing.")
    ] = False,
) -> None:
    """Import a resolution from Word: its clauses into clauses/<name>.yaml, its notes into
    the sources file, the document into documents/<name>.yaml.

    Paragraphs equal or nearly equal (similarity 0.9 or more) to a clause of the library
    reuse it; the report lists new, reused and near-miss clauses, and every paragraph the
    import could not place. Existing files are never replaced."""
    from rich.table import Table

    from draftkit import api

    with reporting():
        result = api.import_docx(docx, into=into, lang=lang, name=name, dry_run=dry_run)
    table = Table(box=None, pad_edge=False)
    table.add_column("part", no_wrap=True)
    table.add_column("clause", overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("", overflow="fold")
    for row in result.rows:
        table.add_row(row.part, row.clause_id, row.status, row.detail)
    out.print(table)
    counts = {s: sum(r.status == s for r in result.rows) for s in ("new", "reused", "near-miss")}
    out.print(
        f"{counts['new']} new, {counts['reused']} reused, {counts['near-miss']} near-miss "
        f"clause(s); {len(result.sources_new)} new source(s), "
        f"{len(set(result.sources_reused))} reused",
        markup=False,
    )
    for text in result.unplaced:
        short = text if len(text) <= 100 else text[:99] + "…"
        err.print(f"not placed: {short}", markup=False, highlight=False)
    for text in result.ignored:
        err.print(f"ignored: {text}", markup=False, highlight=False)
    for text in result.remarks:
        err.print(f"note: {text}", markup=False, highlight=False)
    if result.written:
        for path, _ in result.files:
            out.print(f"wrote {path.relative_to(result.root)}", markup=False, highlight=False)
        out.print(f"next: draftkit build {result.document.relative_to(result.root)}", markup=False)
    else:
        out.print("dry run: nothing written", markup=False)

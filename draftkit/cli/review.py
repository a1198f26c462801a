"""``draftkit review``: what reviewers changed in a DOCX, clause by clause; ``--apply``
writes the changes back into the library, the document spec and the catalogs."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import find_project, reporting

FORMATS = ("terminal", "json", "html")
ACCEPT = ("all", "tracked", "none")


@app.command(context_settings={"help_option_names": ["-h", "--help"]})
def review(
    file: Annotated[Path, typer.Argument(help="A DOCX draftkit built, as reviewers edited it.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="terminal, json or html.")
    ] = "terminal",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    apply: Annotated[
        bool,
        typer.Option(
            "--apply",
            help="Write the changes back: clause texts (or, for a translation, the "
            "locale's catalog), new and deleted paragraphs in the document spec, and the "
            "comments to reviews/<document>.yaml.",
        ),
    ] = False,
    accept: Annotated[
        str,
        typer.Option(
            "--accept",
            help="With --apply: 'all' (tracked changes accepted, untracked edits kept), "
            "'tracked' (tracked changes only), 'none' (tracked changes rejected, untracked "
            "edits kept).",
        ),
    ] = "all",
    partial: Annotated[
        bool,
        typer.Option(
            "--partial", help="With --apply: write what can be placed even if some cannot."
        ),
    ] = False,
    context: Annotated[
        int, typer.Option("--context", "-U", help="Unchanged words shown around a change.")
    ] = 8,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour (default: when writing to a terminal)."),
    ] = None,
) -> None:
    """Show each clause's tracked changes, untracked edits and comments in a reviewed DOCX.

    \b
      draftkit review reviewed.docx                    the changes, clause by clause
      draftkit review reviewed.docx -f html -o r.html  a report for the browser
      draftkit review reviewed.docx --apply            write the changes back
    """
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")
    if accept not in ACCEPT:
        raise typer.BadParameter(f"--accept takes {', '.join(ACCEPT)}, not '{accept}'")
    with reporting():
        from draftkit.fsutil import publish_all
        from draftkit.review import report
        from draftkit.review.run import review_file

        project = find_project()
        reviewing = review_file(project, file)
        outcomes: dict[int, str] = {}
        written: list[str] = []
        if apply:
            from draftkit.review.apply import apply_review

            result = apply_review(reviewing, accept=accept, partial=partial)
            outcomes, written = result.outcomes, result.written
        if fmt == "terminal":
            from rich.console import Console

            to_file = output is not None
            console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
            use_color = (console.is_terminal if color is None else color) and not to_file
            lines = list(
                report.render_terminal(
                    reviewing.review, color=use_color, context=context, outcomes=outcomes
                )
            )
            if to_file:
                text = "\n".join(line.plain for line in lines) + "\n"
                publish_all([(output, text.encode("utf-8"))])
            else:
                for line in lines:
                    console.print(line, soft_wrap=True)
        else:
            writer = report.write_json if fmt == "json" else report.write_html
            data = writer(reviewing.review, outcomes).encode("utf-8")
            if output is None:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            else:
                publish_all([(output, data)])
        if output is not None:
            print(f"wrote {output}")
        for path in written:
            print(f"updated {path}", file=sys.stderr if fmt != "terminal" else sys.stdout)

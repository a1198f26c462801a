"""``draftkit diff``: what changed between two clause sets or two versions of a document."""

import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import reporting
from draftkit.errors import DraftkitError

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("terminal", "json", "html", "docx")


def _split_dashdash(args: list[str]) -> tuple[list[str], list[str]]:
    """Click drops ``--`` from the arguments; git's meaning of it (paths follow) is read
    back from the command line."""
    argv = sys.argv[1:]
    if "--" not in argv:
        return args, []
    after = len(argv) - argv.index("--") - 1
    if after <= 0 or after > len(args):
        return args, []
    return args[:-after], args[-after:]


@app.command(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble.",
)
def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            help="Two folders or files; or two git revisions, optionally followed by "
            "'-- PATH…'; or one revision (against the working tree); none: HEAD against "
            "the working tree.",
            show_default=False,
            metavar="A B [-- PATH]",
        ),
    ] = None,
    document: Annotated[
        bool,
        typer.Option(
            "--document", help="Compare two versions of an assembled resolution (document specs)."
        ),
    ] = False,
    stat: Annotated[bool, typer.Option("--stat", help="Counts only.")] = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="terminal, json, html or docx (a redline).")
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (default: stdout) and say what it wrote; the exit "
            "status is still 1 when there are differences.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            "-l",
            help="Compare the texts in this language, and list translations that went stale.",
        ),
    ] = None,
    ignore_renumbering: Annotated[
        bool,
        typer.Option(
            "--ignore-renumbering",
            help="Do not report paragraphs whose only change is their number (--document).",
        ),
    ] = False,
    side_by_side: Annotated[
        bool, typer.Option("--side-by-side", help="HTML: old and new in two columns.")
    ] = False,
    context: Annotated[
        int,
        typer.Option(
            "--context",
            "-U",
            help="Unchanged words shown around a change (terminal; 0: the whole text).",
        ),
    ] = 8,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour (default: when writing to a terminal)."),
    ] = None,
    pager: Annotated[
        bool, typer.Option("--pager/--no-pager", help="Page long terminal output, as git does.")
    ] = True,
    author: Annotated[
        str, typer.Option("--author", help="DOCX redline: the author of the tracked changes.")
    ] = "draftkit",
    git_driver: Annotated[
        bool,
        typer.Option("--git-driver", hidden=True, help="Called by git as a diff driver."),
    ] = False,
) -> None:
    """Show what changed between two clause sets, or two versions of a resolution.

    \b
      draftkit diff clauses-v1/ clauses/            two folders (or two files)
      draftkit diff HEAD~3 HEAD -- clauses/         two git revisions
      draftkit diff v1.yaml v2.yaml --document      two versions of a resolution
      draftkit diff A B --stat                      counts only
      draftkit diff A B -f docx -o redline.docx     a Word redline with tracked changes
      draftkit diff A B --lang ru                   the Russian texts; stale translations

    --document and --lang read each side with its project (draftkit.toml); a side
    outside any project is read against the other side's project: its clauses,
    sources, templates and catalogs.
    """
    from draftkit.diff.run import Request, run

    positional, paths = _split_dashdash(list(args or []))
    labels = None
    if git_driver:
        # git calls: path old-file old-hex old-mode new-file new-hex new-mode
        if len(positional) != 7:
            raise typer.BadParameter("as a git diff driver, draftkit diff takes 7 arguments")
        name = positional[0]
        labels = (f"a/{name}", f"b/{name}")
        positional, paths = [positional[1], positional[4]], []
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")
    if fmt == "docx" and output is None:
        raise typer.BadParameter("a DOCX redline needs --output FILE")
    differs = False
    with reporting(), ExitStack() as stack:
        try:
            request = Request(positional, paths, document, lang, ignore_renumbering, labels)
            result = run(request, Path.cwd(), stack)
        except DraftkitError as exc:
            exc.exit_code = 2  # trouble, as diff(1) says
            raise
        differs = result.diff.differs
        _emit(result, fmt, output, stat, side_by_side, context, color, pager, author)
    if output is not None:
        # Said, as build says what it wrote: exit status 1 alone reads as a failure.
        changes = len(result.diff.changes) + len(getattr(result.diff, "notes", []))
        counted = f"{changes} change{'' if changes == 1 else 's'}" if changes else "no differences"
        print(f"wrote {output} ({counted})")
    # As a git driver, a non-zero status would make git stop ("external diff died").
    raise typer.Exit(0 if git_driver else int(differs))


def _emit(result, fmt, output, stat, side_by_side, context, color, pager, author) -> None:  # type: ignore[no-untyped-def]
    from draftkit.fsutil import publish_all

    if fmt == "terminal":
        from draftkit.diff.terminal import render
        from draftkit.diff.terminal import stat as stat_lines

        console = _console(output, color)
        lines = list(
            stat_lines(result.diff)
            if stat
            else render(
                result.diff,
                color=console.is_terminal and not console.no_color,
                context=context,
                stale=result.stale,
            )
        )
        if output is not None:
            text = "\n".join(line.plain for line in lines) + "\n"
            publish_all([(output, text.encode("utf-8"))])
            return
        if pager and console.is_terminal and len(lines) > console.height:
            os.environ.setdefault("LESS", "FRX")  # as git: quit if one screen, keep colour
            with console.pager(styles=True):
                for line in lines:
                    console.print(line, soft_wrap=True)
        else:
            for line in lines:
                console.print(line, soft_wrap=True)
        return
    if fmt == "json":
        from draftkit.diff.json_report import write_json

        data = write_json(result.diff, lang=result.lang, stale=result.stale).encode("utf-8")
    elif fmt == "html":
        from draftkit.diff.html_report import write_html

        data = write_html(
            result.diff, lang=result.lang, stale=result.stale, side_by_side=side_by_side
        ).encode("utf-8")
    else:
        from draftkit.diff.redline import write_redline

        data = write_redline(result, author=author)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        publish_all([(output, data)])


def _console(output: Path | None, color: bool | None) -> "Console":
    from rich.console import Console

    if output is not None:
        return Console(file=open(os.devnull, "w"), no_color=True, width=200)  # noqa: SIM115
    if color is None:
        console = Console(highlight=False)
        return console if console.is_terminal else Console(highlight=False, width=200)
    return Console(
        highlight=False, force_terminal=color, no_color=not color, width=None if color else 200
    )

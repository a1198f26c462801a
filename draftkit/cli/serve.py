"""``draftkit serve``: the live preview (draftkit.serve)."""

# No ``from __future__ import annotations``: see draftkit/cli/app.py.

import threading
from pathlib import Path
from typing import Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import find_project, reporting
from draftkit.cli.console import err


@app.command()
def serve(
    documents: Annotated[
        list[Path] | None,
        typer.Argument(help="Document specs to show (default: every documents/*.yaml)."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            "-l",
            help="Language(s) to show side by side: a code, a comma-separated list "
            "(en,ru,ky), or 'all' (default: each document's own).",
        ),
    ] = None,
    port: Annotated[
        int,
        typer.Option("--port", "-p", help="Port on 127.0.0.1 (default: a free one).", min=0),
    ] = 0,
    allow_incomplete: Annotated[
        bool,
        typer.Option(
            "--allow-incomplete",
            help="Show a translation even if texts are missing or fuzzy (they stay in the "
            "source language), as build --allow-incomplete does.",
        ),
    ] = False,
    diff: Annotated[
        str | None,
        typer.Option(
            "--diff",
            metavar="REV",
            help="Also show each document's changes since this git revision, as "
            "'draftkit diff REV --document -f html' reports them.",
        ),
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the preview in the web browser.")
    ] = False,
) -> None:
    """Preview documents in the browser, rendered again whenever a clause, source, spec,
    template, style or catalog changes.

    The server listens on 127.0.0.1 only and prints its URL; an input error shows in the
    page above the last good render, and the server keeps running. Ctrl+C stops it."""
    from draftkit.serve import Preview, PreviewServer
    from draftkit.serve.diffview import check_revision

    with reporting():
        project = find_project(documents[0] if documents else None)
        if diff is not None:
            check_revision(diff, project.root)
        preview = Preview(
            project.root, documents, lang, allow_incomplete=allow_incomplete, diff=diff
        )
        try:
            server = PreviewServer(preview, port)
        except OSError as exc:
            raise typer.BadParameter(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from None
    server.start()
    print(f"Previewing at {server.url} (Ctrl+C to stop)", flush=True)
    if server.preview.state.error:
        err.print(f"error: {server.preview.state.error}", markup=False, highlight=False)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()

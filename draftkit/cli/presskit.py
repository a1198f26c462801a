"""``draftkit presskit`` and ``draftkit orgs``: press kits and the organisations library."""


from pathlib import Path
from typing import Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import find_project, reporting
from draftkit.cli.console import err, out, stderr_console
from draftkit.errors import DraftkitError

orgs_app = typer.Typer(help="Browse the organisations library.", no_args_is_help=True)
app.add_typer(orgs_app, name="orgs")


@orgs_app.command("list")
def orgs_list() -> None:
    """List the organisations (organisers, partners, funders of events)."""
    from rich.table import Table

    with reporting():
        project = find_project()
        orgs = project.organisations
        used: dict[str, list[str]] = {}
        for path in project.event_files():
            from draftkit.library.events import load_event

            event = load_event(path, project.root)
            for ref in event.org_refs():
                if event.name not in used.setdefault(ref.id, []):
                    used[ref.id].append(event.name)
        table = Table(box=None, pad_edge=False)
        table.add_column("id", no_wrap=True)
        table.add_column("name", overflow="fold")
        table.add_column("about", no_wrap=True)
        table.add_column("events", overflow="fold")
        for org in sorted(orgs.values(), key=lambda o: o.id):
            table.add_row(
                org.id,
                org.name,
                "yes" if org.about else "-",
                ", ".join(used.get(org.id, [])) or "-",
            )
        out.print(table)
        err.print(f"{len(orgs)} organisation(s)")


@orgs_app.command("show")
def orgs_show(org_id: Annotated[str, typer.Argument(help="The organisation id.")]) -> None:
    """Show one organisation: names, boilerplate, address and where it is defined."""
    from draftkit.library.library import did_you_mean

    with reporting():
        project = find_project()
        orgs = project.organisations
        org = orgs.get(org_id)
        if org is None:
            raise DraftkitError(
                f"unknown organisation id '{org_id}'",
                hint=did_you_mean(org_id, orgs) or "run 'draftkit orgs list' to see them",
            )
        lines = [org.id, f"defined at {project.relative(org.path)}:{org.line}", f"name: {org.name}"]
        if org.short:
            lines.append(f"short: {org.short}")
        if org.url:
            lines.append(f"url: {org.url}")
        if org.about:
            lines += ["", org.about.source]
        if org.note:
            lines += ["", f"drafting note: {org.note}"]
        out.print("\n".join(lines), markup=False, soft_wrap=True)


@app.command()
def presskit(
    event: Annotated[
        Path, typer.Argument(help="The event file, e.g. events/civic-forum-2025.yaml.")
    ],
    lang: Annotated[
        str,
        typer.Option(
            "--lang", "-l", help="'all' (default: every locale of the project) or a list: en,ru."
        ),
    ] = "all",
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Renders in parallel (default: the number of CPUs)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Render everything, even what is up to date.")
    ] = False,
    allow_incomplete: Annotated[
        bool,
        typer.Option(
            "--allow-incomplete",
            help="Build translations with missing or fuzzy texts as drafts (marked as such).",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output folder (default: the project's, build/)."),
    ] = None,
) -> None:
    """Build an event's press kit: the press release (or advisory) and every related
    document, per locale, as DOCX and PDF, under build/presskit/<event>/<lang>/, with a
    zip per locale, one with everything and manifest.json. Only what changed is rendered."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from draftkit import api

    with reporting():
        project = find_project(event)
        langs = [code for code in api.languages(lang, project) if code]
        progress = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            console=stderr_console(),
            transient=True,
            # no refresh thread: workers are forked while this display is live
            auto_refresh=False,
            disable=not err.is_terminal,
        )
        task = progress.add_task("checking", total=None)

        def planned(plan) -> None:  # type: ignore[no-untyped-def]
            progress.update(task, total=len(plan.outputs))

        def started(tasks: list) -> None:  # type: ignore[type-arg]
            progress.update(task, description=f"rendering {len(tasks)} file(s)", refresh=True)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            progress.advance(task)
            progress.refresh()
            if result.status == "rendered" and err.is_terminal:
                progress.console.log(f"rendered {result.output.relative}", markup=False)

        with progress:
            result = api.press_kit(
                project,
                event,
                langs=langs,
                output=output,
                jobs=jobs,
                force=force,
                allow_incomplete=allow_incomplete,
                on_plan=planned,
                on_start=started,
                on_done=done,
            )
        _summary(project, result)
        if result.failures:
            from draftkit.errors import ErrorList

            problems: list[DraftkitError] = []
            for failure in result.failures:
                problems.append(
                    DraftkitError(
                        f"locale {failure.lang} failed at {failure.output.relative}: "
                        f"nothing of it was published and it has no zip"
                    )
                )
                # the worker's report, already formatted as file:line: message (hint)
                problems += [DraftkitError(line) for line in failure.error.splitlines()]
            raise ErrorList(problems)


def _summary(project, result) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("locale", "file", "kind", "status", "size", "seconds"):
        table.add_column(
            column,
            justify="right" if column in ("size", "seconds") else "left",
            # a path cut short with "…" is no use: fold it onto a second line instead
            overflow="fold" if column == "file" else "ellipsis",
            no_wrap=column != "file",
        )
    for r in result.results:
        table.add_row(
            r.output.lang,
            r.output.relative,
            r.output.kind,
            r.status + (f" (draft: {r.untranslated} untranslated)" if r.untranslated else ""),
            f"{r.size / 1024:.0f} KiB" if r.size else "-",
            f"{r.seconds:.2f}" if r.status == "rendered" else "-",
        )
    out.print(table)
    for name, path in result.archives.items():
        out.print(f"zip [{name}]: {project.relative(path)}", markup=False)
    if result.manifest is not None:
        out.print(f"manifest: {project.relative(result.manifest)}", markup=False)
    if result.rendered == 0 and not result.failures:
        out.print(f"up to date: {result.up_to_date} file(s), nothing rendered", markup=False)
    else:
        out.print(
            f"{result.rendered} rendered, {result.up_to_date} up to date"
            + (f", {len(result.failures)} locale(s) failed" if result.failures else ""),
            markup=False,
        )

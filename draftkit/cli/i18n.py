"""``draftkit i18n``: extract, update, status and check gettext catalogs."""


from typing import Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import find_project, reporting
from draftkit.cli.console import err, out
from draftkit.errors import DraftkitError

i18n_app = typer.Typer(
    help="Translate: gettext catalogs for every locale of the project.", no_args_is_help=True
)
app.add_typer(i18n_app, name="i18n")


@i18n_app.command()
def extract() -> None:
    """Collect every translatable text (clauses, sources, documents, templates) into
    locales/messages.pot."""
    from draftkit.i18n.extract import extract as run

    with reporting():
        project = find_project()
        path, count, written = run(project)
        state = "wrote" if written else "unchanged:"
        out.print(f"{state} {project.relative(path)} ({count} messages)", markup=False)


@i18n_app.command()
def update() -> None:
    """Merge locales/messages.pot into each locale's PO file: new texts come in empty,
    changed ones keep their old translation marked fuzzy, removed ones stay as #~."""
    from draftkit.i18n.update import update as run

    with reporting():
        project = find_project()
        for report in run(project):
            what = "created" if report.created else ("updated" if report.written else "unchanged")
            out.print(
                f"{what} {project.relative(report.path)}: {report.new} new, "
                f"{report.fuzzy} newly fuzzy, {report.obsolete} newly obsolete",
                markup=False,
            )


@i18n_app.command()
def status() -> None:
    """Per locale: translated, fuzzy and untranslated texts, in strings and words; the
    project's content (its catalog) and draftkit's own template words (shipped with
    draftkit, or overridden in the project's catalog) on separate rows."""
    from rich.table import Table

    from draftkit.i18n.status import project_status

    with reporting():
        project = find_project()
        table = Table(box=None, pad_edge=False)
        for column in (
            "locale",
            "messages",
            "translated",
            "fuzzy",
            "untranslated",
            "words to do",
            "obsolete",
            "%",
        ):
            left = column in ("locale", "messages")
            table.add_column(column, justify="left" if left else "right")
        for row in project_status(project):
            if not row.exists:
                table.add_row(row.lang, row.catalog, "-", "-", "-", "-", "-", "no catalog")
                continue
            table.add_row(
                row.lang,
                row.catalog,
                str(row.translated),
                str(row.fuzzy),
                str(row.untranslated),
                str(row.fuzzy_words + row.untranslated_words),
                str(row.obsolete) if row.catalog == "project" else "-",
                f"{row.percent:.0f}",
            )
        out.print(table)
        out.print(
            "project: your content, in locales/<locale>/LC_MESSAGES/messages.po; draftkit: "
            "the built-in templates' words, translated by draftkit (an entry in your "
            "catalog overrides draftkit's)",
            markup=False,
            highlight=False,
        )


@i18n_app.command()
def check(
    lang: Annotated[
        list[str] | None, typer.Option("--lang", "-l", help="Only this locale.")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings (untranslated, fuzzy) as errors too.")
    ] = False,
) -> None:
    """Quality checks: note references, parameters, URLs, numbers, markup, plural forms,
    identical-to-source texts, and msgfmt --check. Exit 1 on errors."""
    from draftkit.i18n.checks import check_project_catalogs

    with reporting():
        project = find_project()
        problems = check_project_catalogs(project, lang)
        errors = [p for p in problems if strict or p.severity == "error"]
        for problem in problems:
            prefix = "error" if problem in errors else "warning"
            err.print(f"{prefix}: {problem.format(project.root)}", markup=False)
        if errors:
            raise DraftkitError(
                f"{len(errors)} translation problem(s)",
                hint="fix them, or flag an entry '#, ignore-<check>'",
            )
        out.print(
            f"ok: {len(project.target_locales)} catalog(s) checked, {len(problems)} warning(s)",
            markup=False,
        )

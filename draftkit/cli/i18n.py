"""``draftkit i18n``: extract, update, status and check gettext catalogs; share a
translation memory (``i18n tm export|import``)."""

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import find_project, reporting
from draftkit.cli.console import err, out
from draftkit.errors import DraftkitError

if TYPE_CHECKING:
    from draftkit.i18n.checks import Problem

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
        out.print(f"{state} {project.relative(path)} ({count} messages)")


@i18n_app.command()
def update(
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            help="How similar (0-1) a translated text must be to be suggested "
            "(default: [i18n] threshold in draftkit.toml, else 0.75).",
        ),
    ] = None,
) -> None:
    """Merge locales/messages.pot into each locale's PO file: removed texts stay as #~;
    a new or changed text gets the translation of the most similar translated text (of
    the catalog, its #~ entries included, and of the [i18n] memories), marked fuzzy, with
    the text it translated as #| and a '# draftkit-tm:' comment saying from where.

    A file is written only when its content changes; entries the merge leaves alone keep
    their text byte for byte (the translator's own line wrapping too)."""
    from draftkit.i18n.update import update as run
    from draftkit.project import valid_threshold

    with reporting():
        if threshold is not None and not valid_threshold(threshold):
            raise DraftkitError(
                f"--threshold must be from 0 to 1, not {threshold:g}", hint="e.g. 0.75"
            )
        project = find_project()
        for report in run(project, threshold):
            what = "created" if report.created else ("updated" if report.written else "unchanged")
            counts = [
                f"{report.new} new",
                f"{report.fuzzy} newly fuzzy",
                f"{report.obsolete} newly obsolete",
                f"{report.unchanged} unchanged",
            ]
            if report.changed:
                counts.append(f"{report.changed} with new references or comments")
            if report.suggested:
                counts.append(f"{report.suggested} suggested by the memory")
            out.print(
                f"{what} {project.relative(report.path)}: {', '.join(counts)}"
                + ("" if report.written else ": nothing written")
            )


@i18n_app.command()
def status() -> None:
    """Per locale: translated, fuzzy and untranslated texts, in strings and words; the
    project's content (its catalog) and draftkit's own template words (shipped with
    draftkit, or overridden in the project's catalog) on separate rows. With a term base
    (terms/*.tbx), a 'terms' column: of the term uses in the sources (an entry naming a
    concept), how many are translated with the approved term."""
    from rich.table import Table

    from draftkit.i18n.status import project_status
    from draftkit.i18n.terms import coverage

    with reporting():
        project = find_project()
        base = project.termbase()
        terms = {lang: coverage(project, lang, base) for lang in project.target_locales}
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
        if base:
            table.add_column("terms", justify="right")
        for row in project_status(project):
            found = terms.get(row.lang) if row.catalog == "project" else None
            extra = [f"{found.covered}/{found.uses}" if found else "-"] if base else []
            if not row.exists:
                table.add_row(row.lang, row.catalog, "-", "-", "-", "-", "-", "no catalog", *extra)
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
                *extra,
            )
        out.print(table)
        out.print(
            "project: your content, in locales/<locale>/LC_MESSAGES/messages.po; draftkit: "
            "the built-in templates' words, translated by draftkit (an entry in your "
            "catalog overrides draftkit's)"
            + (
                "; terms: term uses in the sources translated with the approved term "
                "(draftkit terms check lists the others)"
                if base
                else ""
            ),
            markup=False,
            highlight=False,
        )


@i18n_app.command()
def check(
    lang: Annotated[
        list[str] | None, typer.Option("--lang", "-l", help="Only this locale.")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Treat untranslated and fuzzy entries as errors too."),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List every untranslated and fuzzy entry."),
    ] = False,
) -> None:
    """Quality checks: note references, parameters, URLs, numbers, markup, plural forms,
    identical-to-source texts, terms (with a term base: approved terms kept, no forbidden
    variant; 'draftkit terms --help'), and msgfmt --check; as warnings, the language's
    typography (a range with a hyphen, quotation marks nested the wrong way).

    Untranslated and fuzzy entries are not errors (a translation is work in progress; a
    strict build refuses them): each locale gets one line counting them, and --verbose
    lists them. Exit status: 0 when no check failed, 1 on errors (with --strict,
    untranslated and fuzzy entries are errors too)."""
    from draftkit.i18n.checks import check_project_catalogs

    with reporting():
        project = find_project()
        problems = check_project_catalogs(project, lang)
        errors = [p for p in problems if strict or p.severity == "error"]
        pending = [p for p in problems if p.check in _PENDING and p not in errors]
        for problem in problems:
            if problem in errors:
                err.print(f"error: {problem.format(project.root)}")
            elif problem not in pending or verbose:
                err.print(f"warning: {problem.format(project.root)}")
        for line in _pending_summary(pending, listed=verbose):
            err.print(line)
        if errors:
            raise DraftkitError(
                f"{len(errors)} translation problem(s)",
                hint="fix them, or flag an entry '#, ignore-<check>'",
            )
        checked = len(lang or project.target_locales)
        warnings = len(problems) - len(pending)
        out.print(
            f"ok: {checked} catalog(s) checked, no errors"
            + (f", {warnings} warning(s)" if warnings else "")
        )


# Entries not done yet, as opposed to done wrong: counted per locale rather than listed.
_PENDING = ("untranslated", "fuzzy")


def _pending_summary(pending: "list[Problem]", *, listed: bool) -> list[str]:
    """``ky: 230 untranslated, 2 fuzzy (...)``: one line per locale with such entries."""
    counts: dict[str, Counter[str]] = {}
    for problem in pending:
        counts.setdefault(problem.lang, Counter())[problem.check] += 1
    where = "draftkit i18n status" + ("" if listed else "; --verbose lists them")
    return [
        f"{code}: "
        + ", ".join(f"{n} {check}" for check in _PENDING if (n := count[check]))
        + f" ({where})"
        for code, count in counts.items()
    ]


tm_app = typer.Typer(
    help="Translation memory: share translations between projects as TMX 1.4b files.",
    no_args_is_help=True,
)
i18n_app.add_typer(tm_app, name="tm")


@tm_app.command("export")
def tm_export(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the TMX file here (default: standard output)."),
    ] = None,
) -> None:
    """Write the project's finished translations as TMX: one unit per message, with a
    variant per locale that translates it."""
    from draftkit.fsutil import publish_all
    from draftkit.i18n.tm import export_tmx

    with reporting():
        project = find_project()
        data, count = export_tmx(project)
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        publish_all([(output, data)])
        out.print(f"wrote {output} ({count} units)", markup=False, highlight=False)


@tm_app.command("import")
def tm_import(
    source: Annotated[Path, typer.Argument(help="A TMX file, e.g. another project's export.")],
) -> None:
    """Merge a TMX file into the project's memory (the first of [i18n] memories in
    draftkit.toml): new units are added, a unit with the same source text and context
    takes the imported translations."""
    from draftkit.i18n.tm import import_tmx

    with reporting():
        project = find_project()
        result = import_tmx(project, source)
        state = "updated" if result.written else "unchanged:"
        out.print(
            f"{state} {project.relative(result.memory)}: {result.units} units read, "
            f"{result.added} added, {result.updated} updated",
            markup=False,
            highlight=False,
        )

"""``draftkit terms``: the project's term bases (terms/*.tbx)."""

from typing import Annotated

import typer

from draftkit.cli.app import app
from draftkit.cli.common import find_project, reporting
from draftkit.cli.console import err, out
from draftkit.errors import DraftkitError

terms_app = typer.Typer(
    help="Terminology: the approved term per concept and language (terms/*.tbx).",
    no_args_is_help=True,
)
app.add_typer(terms_app, name="terms")


@terms_app.command("list")
def terms_list() -> None:
    """Every concept with its preferred term in each locale of the project; '?' after a
    term nobody has verified yet."""
    from rich.table import Table

    with reporting():
        project = find_project()
        base = project.termbase()
        table = Table(box=None, pad_edge=False)
        table.add_column("id", no_wrap=True)
        for lang in project.config.locales:
            table.add_column(lang, overflow="fold")
        table.add_column("forbidden", overflow="fold")
        for concept in base.concepts:
            cells = []
            for lang in project.config.locales:
                term = concept.preferred(lang)
                cells.append("-" if term is None else term.text + (" ?" if term.unverified else ""))
            forbidden = [t.text for lang in concept.languages() for t in concept.forbidden(lang)]
            table.add_row(concept.id, *cells, ", ".join(forbidden), style=None)
        out.print(table)
        err.print(f"{len(base)} concept(s) in {len(project.term_files())} term base(s)")


@terms_app.command("show")
def terms_show(concept_id: Annotated[str, typer.Argument(help="The concept id.")]) -> None:
    """One concept: every term in every language, with its status, part of speech, note
    and where it is defined."""
    with reporting():
        project = find_project()
        concept = project.termbase().get(concept_id)
        if concept is None:
            raise DraftkitError(
                f"no concept '{concept_id}' in the term base",
                hint="'draftkit terms list' shows the ids",
            )
        lines = [concept.id]
        if concept.path is not None:
            lines.append(f"defined at {project.relative(concept.path)}:{concept.line}")
        if concept.note:
            lines.append(f"note: {concept.note}")
        for lang, terms in concept.terms.items():
            lines.append("")
            lines.append(f"{lang}:")
            for term in terms:
                details = [term.status]
                if term.part_of_speech:
                    details.append(term.part_of_speech)
                if term.unverified:
                    details.append("unverified")
                lines.append(f"  {term.text}  ({', '.join(details)})")
                if term.note:
                    lines.append(f"      {term.note}")
        out.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)


@terms_app.command("check")
def terms_check(
    lang: Annotated[
        list[str] | None, typer.Option("--lang", "-l", help="Only this locale.")
    ] = None,
) -> None:
    """Check the term base (a concept without a source term or without a term in a
    project locale, a form both approved and forbidden, an approved term two concepts
    share), then every catalog: a source naming a concept whose translation lacks the
    approved term, and forbidden variants (the 'terms' check of 'draftkit i18n check').

    Exit status: 0 when nothing failed, 1 on errors. A term marked unverified
    (processStatus provisionallyProcessed) only warns."""
    from draftkit.i18n.terms import check_terms

    with reporting():
        project = find_project()
        problems = check_terms(project, lang)
        errors = [p for p in problems if p.severity == "error"]
        for problem in problems:
            kind = "error" if problem in errors else "warning"
            err.print(f"{kind}: {problem.format(project.root)}", markup=False, highlight=False)
        if errors:
            raise DraftkitError(
                f"{len(errors)} terminology problem(s)",
                hint="use the approved term, or flag an entry '#, ignore-terms'",
            )
        warnings = len(problems)
        out.print(
            f"ok: {len(project.termbase())} concept(s), no errors"
            + (f", {warnings} warning(s)" if warnings else "")
        )

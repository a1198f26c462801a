"""``serve --diff REV``: a document's changes since a git revision, as the HTML report of
``draftkit diff REV --document -- SPEC`` shows them (draftkit.diff), made again at each
change like the documents."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from markupsafe import escape

from draftkit.diff.html_report import CSP, write_html
from draftkit.diff.run import Request, run
from draftkit.diff.sides import is_revision, repo_top
from draftkit.errors import DraftkitError


def check_revision(rev: str, root: Path) -> None:
    """Refuse, before the server starts, what git would not read as a commit: a name that
    starts with ``-`` (an option to git) is never one."""
    if repo_top(root) is None:
        raise DraftkitError(
            f"--diff {rev}: {root} is not in a git repository",
            hint="--diff compares with a revision of the project's git history",
        )
    if not is_revision(rev, root):
        raise DraftkitError(
            f"--diff: unknown revision '{rev}'",
            hint="name a commit, branch or tag of the project's git repository (git log)",
        )


def diff_html(root: Path, spec: str, rev: str, lang: str | None) -> str:
    """The HTML report comparing ``spec`` (relative to ``root``) in ``rev`` with the
    working tree; if it cannot be made, a page saying why."""
    request = Request([rev], [spec], document=True, lang=lang)
    try:
        with ExitStack() as stack:
            result = run(request, root, stack)
            return write_html(result.diff, lang=result.lang)
    except DraftkitError as exc:
        message = escape(exc.format(root))
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            "<title>draftkit diff</title></head>"
            f'<body><p class="dk-diff-error">no diff: {message}</p></body></html>\n'
        )

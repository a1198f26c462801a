"""``serve --diff REV``: a document's changes since a git revision, as the HTML report of
``draftkit diff REV --document -- SPEC`` shows them (draftkit.diff), made again at each
change like the documents."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape

from draftkit.diff.documents import compare_documents
from draftkit.diff.html_report import CSP, write_html
from draftkit.diff.run import Request, run
from draftkit.diff.sides import DiffError, commit_of, is_revision, repo_top
from draftkit.errors import DraftkitError

if TYPE_CHECKING:
    from draftkit.model.nodes import Document

NEW_LABEL = "working tree"  # as draftkit diff names the side that is not a revision


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


class DocumentDiffs:
    """The diff reports of the project at ``root`` against ``rev``. The revision's side
    (a git archive, assembled) is made once per commit it names, document and language:
    a save re-assembles only the working tree's side, which the preview has already."""

    def __init__(self, root: Path, rev: str) -> None:
        self.root = root
        self.rev = rev
        self.old: dict[tuple[str, str, str | None], Document] = {}

    def html(self, spec: str, lang: str | None, new: Document) -> str:
        """The report comparing ``spec`` (relative to the root) in the revision with
        ``new``, its working tree's render; if it cannot be made, a page saying why."""
        try:
            commit = commit_of(self.rev, self.root)
            if commit is None:  # deleted or moved away since the server started
                raise DiffError(f"--diff: unknown revision '{self.rev}'")
            key = (commit, spec, lang)
            if key not in self.old:
                request = Request([self.rev], [spec], document=True, lang=lang)
                with ExitStack() as stack:
                    result = run(request, self.root, stack)
                # One commit's: HEAD moves at each commit.
                self.old = {k: v for k, v in self.old.items() if k[0] == commit}
                self.old[key] = result.old_document
            diff = compare_documents(self.old[key], new, self.rev, NEW_LABEL)
            return write_html(diff, lang=lang or new.meta.lang)
        except DraftkitError as exc:
            message = escape(exc.format(self.root))
            return (
                '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
                "<title>draftkit diff</title></head>"
                f'<body><p class="dk-diff-error">no diff: {message}</p></body></html>\n'
            )

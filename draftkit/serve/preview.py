"""What the preview shows: the last good render of each document and language, and the
input error that stopped the latest one, if any."""

from __future__ import annotations

import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from draftkit import api
from draftkit.errors import DraftkitError

if TYPE_CHECKING:
    from draftkit.model.nodes import Document
    from draftkit.project import Project
    from draftkit.serve.diffview import DocumentDiffs

# Shown on hover over every paragraph that came from a clause (the writer marks them).
HOVER_CSS = (
    "[data-clause]{position:relative}"
    "[data-clause]:hover{outline:1px dashed #8a8a8a}"
    "[data-clause]:hover::after{content:attr(data-clause);position:absolute;right:0;top:-1.3em;"
    "font:11px/1.2 monospace;background:#333;color:#fff;padding:1px 4px;white-space:nowrap}"
)


@dataclass(frozen=True)
class Column:
    """One document in one language, as the HTML writer renders it."""

    title: str  # the spec's path in the project, and the language
    lang: str
    html: str
    name: str = ""  # the spec's file name without .yaml: the downloads' name
    kind: str = ""  # resolution, event…; "diff" for a diff view
    # The model and project it was rendered from: downloads are written from them, so
    # they are what the page shows.
    document: Document | None = field(default=None, compare=False, repr=False)
    project: Project | None = field(default=None, compare=False, repr=False)


@dataclass
class State:
    version: int = 0
    columns: list[Column] = field(default_factory=list)
    error: str | None = None


class Preview:
    """Renders ``documents`` (default: every ``documents/*.yaml``) of the project at
    ``root`` in ``langs``; :meth:`refresh` renders again, keeping the last good render
    when the input is broken. Waiters (the event streams) are woken at each refresh."""

    def __init__(
        self,
        root: Path,
        documents: list[Path] | None = None,
        langs: str | None = None,
        *,
        allow_incomplete: bool = False,
        diff: str | None = None,
    ) -> None:
        self.root = root.resolve()
        self.documents = [p.resolve() for p in documents or []]
        self.langs = langs
        self.allow_incomplete = allow_incomplete
        # With a git revision: each document's changes since it, in a column.
        self.diffs: DocumentDiffs | None = None
        if diff is not None:
            from draftkit.serve.diffview import DocumentDiffs

            self.diffs = DocumentDiffs(self.root, diff)
        self.state = State()
        self.changed = threading.Condition()
        self.lock = threading.Lock()  # one render at a time

    def render(self) -> list[Column]:
        # Opened afresh: the project caches its library, catalogs and settings.
        project = api.open_project(self.root)
        paths = self.documents or project.document_files()
        if not paths:
            raise DraftkitError(
                "no documents to preview",
                path=project.root / "documents",
                hint="add a document spec to documents/ or name one",
            )
        columns = []
        for path in paths:
            if not path.is_file():
                raise DraftkitError(
                    "no such document spec",
                    path=path,
                    hint="check the path; specs are in documents/",
                )
            api.same_project(project, path)
            langs = api.languages(self.langs, project)
            first = len(columns)
            for lang in langs:
                document = api.assemble(
                    project, path, lang=lang, allow_incomplete=self.allow_incomplete
                )
                html = api.write(project, document, "html").decode("utf-8")
                html = html.replace("</head>", f"<style>{HOVER_CSS}</style>\n</head>", 1)
                title = f"{project.relative(path)} [{document.meta.lang}]"
                columns.append(
                    Column(
                        title,
                        document.meta.lang,
                        html,
                        path.stem,
                        document.meta.kind,
                        document,
                        project,
                    )
                )
            if self.diffs is not None:
                columns.append(self.diff_column(project, path, langs[0], columns[first]))
        return columns

    def diff_column(
        self, project: Project, path: Path, lang: str | None, shown: Column
    ) -> Column:
        """The document's changes since the revision, as ``draftkit diff REV --document``
        reports them in HTML; a diff that cannot be made (the document is new since the
        revision) says why in its column, the documents are shown all the same."""
        assert self.diffs is not None and shown.document is not None
        relative = project.relative(path)
        title = f"changes since {self.diffs.rev}: {relative}" + (f" [{lang}]" if lang else "")
        html = self.diffs.html(relative, lang, shown.document)
        return Column(title, lang or "", html, kind="diff")

    def refresh(self) -> State:
        with self.lock:
            try:
                columns, error = self.render(), None
            except DraftkitError as exc:
                columns, error = None, exc.format(self.root)
            except Exception as exc:  # a bug: said in the page and on stderr, server kept
                traceback.print_exc(file=sys.stderr)
                columns, error = None, f"internal error: {type(exc).__name__}: {exc}"
            old = self.state
            state = State(old.version + 1, old.columns if columns is None else columns, error)
            with self.changed:
                self.state = state
                self.changed.notify_all()
            return state

    def wait(self, version: int, timeout: float) -> State:
        """The state once it is newer than ``version``, or the same after ``timeout``."""
        with self.changed:
            self.changed.wait_for(lambda: self.state.version > version, timeout)
            return self.state

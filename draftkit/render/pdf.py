"""The PDF writer: the HTML writer's page, laid out by WeasyPrint.

WeasyPrint is imported here only, so commands that do not render PDF start fast.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from draftkit.errors import RenderError
from draftkit.fsutil import BuildClock
from draftkit.model.nodes import Document
from draftkit.render.writers import CSS_NAME, WriteContext

# pdf/ua-1 (tagged) is the default; a project opts out with pdf_variant = "none".
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3b", "pdf/a-3u")


@contextmanager
def _source_date(clock: BuildClock) -> Iterator[None]:
    # fontTools stamps subset fonts with SOURCE_DATE_EPOCH, or with the wall clock.
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(clock.epoch)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


# The process that lays out PDFs while this one assembles (see :func:`renderer`).
_worker: Any = None


def exit_with_parent(parent: int) -> None:
    """A forked worker's first step: end when the process that forked it dies, ``kill -9``
    included. A worker waiting for its next task would otherwise wait for ever: it holds
    the task queue's writing end itself, so its read never sees the end of the pipe."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _warm_up(parent: int) -> None:
    exit_with_parent(parent)
    try:
        import weasyprint  # noqa: F401
    except OSError:
        pass  # reported by write_pdf, with its hint, when a PDF is asked for


@contextmanager
def renderer() -> Iterator[None]:
    """PDFs written inside this block are laid out by a forked process that starts
    importing WeasyPrint (0.6-0.9 s, more than draftkit's own start-up, loading and
    assembling together) at once, on another core, while this process gets the documents
    ready. Where fork is not safe (macOS, Windows) PDFs are written in this process."""
    global _worker
    if _worker is not None or sys.platform != "linux":
        yield
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _worker = ProcessPoolExecutor(
        1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_warm_up,
        initargs=(os.getpid(),),
    )
    try:
        _worker.submit(int)  # fork now, before the caller starts any thread
        yield
    except BaseException:
        # An input error (or Ctrl-C) should be reported now, not after the worker has
        # finished importing WeasyPrint for nothing.
        worker, _worker = _worker, None
        _terminate(worker)
        raise
    else:
        worker, _worker = _worker, None
        worker.shutdown(wait=True)


def _terminate(worker: Any) -> None:
    stop = getattr(worker, "terminate_workers", None)  # Python 3.14
    if stop is not None:
        stop()
        return
    for process in list(getattr(worker, "_processes", {}).values()):
        process.terminate()
    worker.shutdown(wait=True, cancel_futures=True)


def _import_weasyprint():  # type: ignore[no-untyped-def]
    try:
        import weasyprint
        import weasyprint.pdf.fonts
    except OSError as exc:  # Pango/HarfBuzz missing: WeasyPrint fails while loading them
        raise RenderError(
            f"WeasyPrint cannot load its system libraries ({exc})",
            hint="install Pango: 'apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b'",
        ) from exc
    # WeasyPrint subsets fonts with the system's HarfBuzz-Subset where it finds one and with
    # fontTools otherwise, and the two write different font programs: the same build gave
    # another PDF once a package (Chromium) brought libharfbuzz-subset0 along. fontTools is
    # in the lock file, the system library is not: always use it.
    weasyprint.pdf.fonts.harfbuzz_subset = None
    from draftkit.render import pdftags

    pdftags.install(weasyprint)
    return weasyprint


def write_pdf(
    html: str,
    *,
    base_dir: Path,
    allowed_roots: list[Path],
    clock: BuildClock,
    variant: str | None = None,
    reported: frozenset[str] = frozenset(),
) -> bytes:
    """The PDF of a page of the HTML writer, laid out by WeasyPrint: in the
    :func:`renderer` process if one is running, in this one otherwise. ``reported``: the
    URLs the user was warned will not be loaded (render.cssrefs)."""
    if _worker is not None:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _worker.submit(
                _write_pdf_here, html, base_dir, allowed_roots, clock, variant, reported
            ).result()
        except BrokenProcessPool:
            pass  # the worker died (killed, out of memory): lay it out here instead
    return _write_pdf_here(html, base_dir, allowed_roots, clock, variant, reported)


def _write_pdf_here(
    html: str,
    base_dir: Path,
    allowed_roots: list[Path],
    clock: BuildClock,
    variant: str | None,
    reported: frozenset[str] = frozenset(),
) -> bytes:
    weasyprint = _import_weasyprint()
    from draftkit.render.fetcher import DeniedResource, MissingResource, ProjectFetcher
    from draftkit.render.pdftags import finish

    if variant is not None and variant not in PDF_VARIANTS:
        raise RenderError(
            f"unknown PDF variant {variant!r}", hint="one of: " + ", ".join(PDF_VARIANTS)
        )
    fetcher = ProjectFetcher(allowed_roots, reported)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        with _source_date(clock):
            document = weasyprint.HTML(
                string=html, base_url=base_dir.as_uri() + "/", url_fetcher=fetcher
            )
            return document.write_pdf(
                pdf_variant=variant,
                presentational_hints=False,
                uncompressed_pdf=False,
                finisher=_finisher(finish),
            )
    except DeniedResource as exc:
        raise RenderError(
            str(exc), hint="PDFs may only use files from the templates folders"
        ) from exc
    except MissingResource as exc:
        raise RenderError(
            "missing: a file the PDF style sheet uses (a font, an image) is not there",
            path=exc.path,
            hint=_missing_hint(exc.path, allowed_roots),
        ) from exc


def _finisher(tags: Any) -> Any:
    """What draftkit does to WeasyPrint's objects before they are written: complete the
    structure tree (draftkit.render.pdftags), then the text layer's hyphens."""

    def finish(document: Any, pdf: Any) -> None:
        tags(document, pdf)
        soft_hyphens(document, pdf)

    return finish


# A ToUnicode entry of WeasyPrint's: a glyph and the text it stands for, "<0123> <2010>".
_HYPHEN_ENTRY = re.compile(rb"^(<[0-9a-f]+>) <2010>$")
_TO_UNICODE_START = b"/CIDInit /ProcSet findresource begin"


def soft_hyphens(_document: Any, pdf: Any) -> None:
    """The hyphens WeasyPrint adds where it hyphenates a word (hyphenate-character, U+2010)
    are soft hyphens (U+00AD) in the text layer, as ISO 32000-1 14.8.2.2.3 asks: a reader
    that copies or searches the text can drop them and find the word whole
    ("internation\u00ad\nal", not "internation‐al"). The glyph drawn is unchanged. A
    U+2010 typed in the text itself would read as a soft hyphen too: draftkit's sources
    write hyphens as U+002D."""
    for obj in pdf.objects:
        lines = getattr(obj, "stream", None)
        if not isinstance(lines, list) or not lines or lines[0] != _TO_UNICODE_START:
            continue
        for index, line in enumerate(lines):
            if isinstance(line, bytes) and (match := _HYPHEN_ENTRY.match(line)):
                lines[index] = match.group(1) + b" <00ad>"


def _missing_hint(path: Path, allowed_roots: list[Path]) -> str:
    from draftkit.fsutil import builtin_templates_dir

    if path.is_relative_to(builtin_templates_dir().resolve()):
        return "draftkit's installation is incomplete: reinstall draftkit"
    return "add the file to templates/, or correct the url() in templates/pdf/document.css"


def pdf_writer(doc: Document, context: WriteContext) -> bytes:
    """The ``pdf`` format: the HTML writer's paged page (footnotes floated to the page
    foot), laid out with the project's style sheet and fonts."""
    from draftkit.render.cssrefs import report_dropped
    from draftkit.render.html import write_html

    css_path = context.find(CSS_NAME)
    reported = report_dropped(css_path, context.search_path)
    html = write_html(doc, context.css, paged=True, clock=context.clock)
    return write_pdf(
        html,
        base_dir=css_path.parent,
        allowed_roots=context.search_path,
        clock=context.clock,
        variant=context.options.get("pdf_variant"),
        reported=reported,
    )

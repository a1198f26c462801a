"""The PDF writer: the HTML writer's page, laid out by WeasyPrint.

WeasyPrint is imported here only, so commands that do not render PDF start fast.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from draftkit.errors import RenderError
from draftkit.fsutil import BuildClock

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


def _import_weasyprint():  # type: ignore[no-untyped-def]
    try:
        import weasyprint
    except OSError as exc:  # Pango/HarfBuzz missing: WeasyPrint fails while loading them
        raise RenderError(
            f"WeasyPrint cannot load its system libraries ({exc})",
            hint="install Pango: 'apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b'",
        ) from exc
    return weasyprint


def write_pdf(
    html: str,
    *,
    base_dir: Path,
    allowed_roots: list[Path],
    clock: BuildClock,
    variant: str | None = None,
) -> bytes:
    weasyprint = _import_weasyprint()
    from draftkit.render.fetcher import DeniedResource, MissingResource, ProjectFetcher

    if variant is not None and variant not in PDF_VARIANTS:
        raise RenderError(
            f"unknown PDF variant {variant!r}", hint="one of: " + ", ".join(PDF_VARIANTS)
        )
    fetcher = ProjectFetcher(allowed_roots)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        with _source_date(clock):
            document = weasyprint.HTML(
                string=html, base_url=base_dir.as_uri() + "/", url_fetcher=fetcher
            )
            return document.write_pdf(
                pdf_variant=variant, presentational_hints=False, uncompressed_pdf=False
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


def _missing_hint(path: Path, allowed_roots: list[Path]) -> str:
    from draftkit.project import builtin_templates_dir

    if path.is_relative_to(builtin_templates_dir().resolve()):
        return "draftkit's installation is incomplete: reinstall draftkit"
    return "add the file to templates/, or correct the url() in templates/pdf/document.css"

"""Building documents: assemble once, write every requested format, then publish atomically.

All outputs of a document are rendered in memory first and written only when every one
succeeded, each through a temporary file and a rename: a failed build leaves the previous
outputs as they were and no half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from draftkit.assemble import assemble
from draftkit.assemble.assembler import Assembled
from draftkit.assemble.templating import TemplateSet
from draftkit.errors import DraftkitError
from draftkit.fsutil import BuildClock, publish_all
from draftkit.i18n.catalogs import CatalogTranslator, Translator, catalog_path
from draftkit.i18n.typography import check_language
from draftkit.library.events import EventSpec
from draftkit.project import FORMATS, Project

CSS_NAME = "pdf/document.css"


def render(
    assembled: Assembled, fmt: str, clock: BuildClock, *, pdf_variant: str | None = None
) -> bytes:
    """One format of an assembled document, as bytes."""
    doc = assembled.document
    templates = assembled.templates
    if fmt == "docx":
        from draftkit.render.docx.writer import write_docx

        return write_docx(doc, assembled.styles, clock)
    from draftkit.render.html import write_html

    css_path = templates.find(CSS_NAME)
    css = read_style_sheet(css_path)
    html = write_html(doc, css, paged=(fmt == "pdf"), clock=clock)
    if fmt == "html":
        return html.encode("utf-8")
    from draftkit.render.pdf import write_pdf

    return write_pdf(
        html,
        base_dir=css_path.parent,
        allowed_roots=templates.search_path,
        clock=clock,
        variant=pdf_variant,
    )


def read_style_sheet(path: Path) -> str:
    """The PDF style sheet's text; one error at the line of the first byte that is not
    UTF-8 (a sheet saved as Latin-1 or UTF-16)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from draftkit.errors import TemplateError

        raise TemplateError(
            f"not UTF-8 text ({exc.reason})",
            path=path,
            line=data[: exc.start].count(b"\n") + 1,
            hint="save the style sheet as UTF-8",
        ) from exc


@dataclass
class RenderedDocument:
    spec: Path
    lang: str
    outputs: list[tuple[Path, bytes]]
    untranslated: int = 0  # > 0: a draft translation built with --allow-incomplete


def render_document(
    project: Project,
    spec_path: Path,
    *,
    lang: str | None = None,
    formats: list[str] | None = None,
    output_dir: Path | None = None,
    allow_incomplete: bool = False,
) -> RenderedDocument:
    """Every output of one document (a document spec, or an event's press release or media
    advisory) in one language, rendered in memory."""
    formats = formats or project.config.formats
    for fmt in formats:
        if fmt not in FORMATS:
            raise DraftkitError(
                f"unknown format '{fmt}'", hint="formats are: " + ", ".join(FORMATS)
            )
    assembled, translator, name, when = assemble_input(
        project, spec_path, lang=lang, allow_incomplete=allow_incomplete
    )
    lang = assembled.document.meta.lang
    clock = BuildClock.for_document(when)
    folder = (output_dir or project.output_dir) / lang
    outputs = [
        (
            folder / f"{name}.{fmt}",
            render(assembled, fmt, clock, pdf_variant=project.config.pdf_variant),
        )
        for fmt in formats
    ]
    missing = len(getattr(translator, "missing", {})) if assembled.document.meta.draft else 0
    return RenderedDocument(spec_path, lang, outputs, missing)


def assemble_input(
    project: Project, spec_path: Path, *, lang: str | None = None, allow_incomplete: bool = False
) -> tuple[Assembled, Translator | None, str, date | None]:
    """Assemble a document spec or an event file in one language: the assembled document,
    the translator used, the output name and the date outputs are stamped with."""
    templates = TemplateSet(project.templates_path)
    if project.is_event(spec_path):
        from draftkit.assemble.press import assemble_event, related_specs

        event = project.load_event(spec_path)
        lang = lang or project.config.source_locale
        translator = translator_for(project, lang)
        assembled = assemble_event(
            event,
            project.organisations,
            templates,
            lang=lang,
            related=related_specs(project, event),
            translations=translator,
            allow_incomplete=allow_incomplete,
        )
        # "x-press-release.pdf": never the name of the resolution the event adopted.
        return assembled, translator, output_name(event), event.published
    spec = project.load_document(spec_path)
    lang = lang or spec.lang or project.config.source_locale
    translator = translator_for(project, lang)
    assembled = assemble(
        spec,
        project.library,
        templates,
        lang=lang,
        style=project.config.style,
        translations=translator,
        allow_incomplete=allow_incomplete,
    )
    return assembled, translator, spec.name, spec.date


def output_name(event: EventSpec) -> str:
    return f"{event.name}-{event.template}"


def translator_for(project: Project, lang: str) -> Translator | None:
    """None for the source language; the locale's catalog otherwise."""
    check_language(lang)
    if lang == project.config.source_locale:
        return None
    path = catalog_path(project.locales_dir, lang)
    if not path.is_file():
        raise DraftkitError(
            f"no {lang} catalog",
            path=path,
            hint="run 'draftkit i18n extract' and 'draftkit i18n update', then translate it",
        )
    return CatalogTranslator.load(path, lang)


def build_document(
    project: Project,
    spec_path: Path,
    *,
    lang: str | None = None,
    formats: list[str] | None = None,
    output_dir: Path | None = None,
    allow_incomplete: bool = False,
) -> list[Path]:
    """Render one document and publish its outputs together; returns the written paths."""
    rendered = render_document(
        project,
        spec_path,
        lang=lang,
        formats=formats,
        output_dir=output_dir,
        allow_incomplete=allow_incomplete,
    )
    publish_all(rendered.outputs)
    return [target for target, _ in rendered.outputs]

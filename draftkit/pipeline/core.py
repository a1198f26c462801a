"""The pipeline: load → assemble (template → model → transforms) → write.

Every document kind runs it the same way; the kind (:mod:`draftkit.pipeline.kinds`) says
how its file is loaded and what its template sees, the writer registry
(:mod:`draftkit.render.writers`) what each format is. Outputs are rendered in memory;
:func:`draftkit.api.build` publishes them only when every one succeeded, each through a
temporary file and a rename, so a failed build leaves the previous outputs as they were
and no half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from draftkit.assemble.assembler import assemble
from draftkit.assemble.templating import RenderBudget, TemplateSet
from draftkit.fsutil import BuildClock
from draftkit.i18n import builtin
from draftkit.i18n.catalogs import (
    CatalogTranslator,
    SourceLanguage,
    Translator,
    existing_catalog,
)
from draftkit.locale import check_language, profile
from draftkit.model.nodes import Document, DocumentMeta
from draftkit.pipeline.kinds import DocumentKind, kind_for
from draftkit.project import Project
from draftkit.render.writers import STYLES_NAME, WriteContext, writer


@dataclass
class Assembled:
    """One document assembled in one language, and what the writers need to know of it."""

    document: Document
    kind: DocumentKind
    spec: Any  # the kind's loaded file
    name: str  # the outputs' file stem
    stamp: date | None  # the date outputs are stamped with
    translations: Translator | None

    @property
    def untranslated(self) -> int:
        """Texts left in the source language (a draft built with --allow-incomplete)."""
        if not self.document.meta.draft:
            return 0
        return len(getattr(self.translations, "missing", {}))


def translator_for(project: Project, lang: str) -> Translator | None:
    """None for an English source; for another source language, draftkit's own words in
    it (its templates are written in English); the locale's catalog otherwise."""
    check_language(lang)
    if lang == project.config.source_locale:
        return None if lang == "en" else SourceLanguage(lang, builtin.translator(lang))
    path = existing_catalog(project.locales_dir, lang)
    # draftkit's own translations of its templates' words lie beneath the project's
    return CatalogTranslator.load(path, lang, beneath=builtin.translator(lang))


def assemble_spec(
    project: Project,
    kind: DocumentKind,
    spec: Any,
    *,
    lang: str | None = None,
    translations: Translator | None = None,
    allow_incomplete: bool = False,
    templates: TemplateSet | None = None,
) -> Assembled:
    """Assemble an already loaded spec of ``kind``: in its own language, or ``lang``, or
    the project's source locale; through ``translations``, or the locale's catalog."""
    lang = lang or kind.language(spec) or project.config.source_locale
    locale = profile(lang)
    if translations is None:
        translations = translator_for(project, lang)
    templates = templates or TemplateSet(project.templates_path, RenderBudget.of(project.config))
    from draftkit.render.styles import load_style_sheet

    roles = load_style_sheet(templates.find(STYLES_NAME)).roles
    context = kind.context(spec, project, locale, translations)
    document = assemble(
        templates,
        kind.template(spec),
        context,
        lambda draft: _portable(
            kind.meta(spec, context, lang, draft=draft, project=project), project
        ),
        locale=locale,
        roles=roles,
        translations=translations,
        allow_incomplete=allow_incomplete,
        filters=kind.filters(locale),
    )
    return Assembled(document, kind, spec, kind.output_name(spec), kind.stamp(spec), translations)


def _portable(meta: DocumentMeta, project: Project) -> DocumentMeta:
    # The source as the project names it (documents/x.yaml), so that a model dump is the
    # same in every checkout.
    try:
        meta.source = Path(meta.source).resolve().relative_to(project.root).as_posix()
    except ValueError:
        pass  # a file outside the project keeps the path it was given by
    return meta


def assemble_document(
    project: Project, path: Path, *, lang: str | None = None, allow_incomplete: bool = False
) -> Assembled:
    """Load the file at ``path`` as the kind its folder says, and assemble it."""
    kind = kind_for(project, path)
    spec = kind.load(project, path)
    return assemble_spec(project, kind, spec, lang=lang, allow_incomplete=allow_incomplete)


def write_context(project: Project, stamp: date | None) -> WriteContext:
    return WriteContext(
        project.templates_path,
        BuildClock.for_document(stamp),
        {"pdf_variant": project.config.pdf_variant, "akn_country": project.config.akn_country},
    )


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
    """Every output of one file in one language, rendered in memory."""
    chosen = [writer(fmt) for fmt in formats or project.config.formats]
    assembled = assemble_document(project, spec_path, lang=lang, allow_incomplete=allow_incomplete)
    lang = assembled.document.meta.lang
    context = write_context(project, assembled.stamp)
    folder = (output_dir or project.output_dir) / lang
    outputs = [
        (
            folder / f"{assembled.name}.{chosen_writer.extension}",
            chosen_writer.write(assembled.document, context),
        )
        for chosen_writer in chosen
    ]
    return RenderedDocument(spec_path, lang, outputs, assembled.untranslated)

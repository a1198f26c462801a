"""Assemble one document in one language: the single entry point the writers depend on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit.assemble.context import ContextBuilder
from draftkit.assemble.dkxml import parse_document
from draftkit.assemble.templating import TemplateSet
from draftkit.assemble.transforms import (
    apply_style,
    number_notes,
    number_paragraphs,
    place_note_calls,
)
from draftkit.errors import DraftkitError, ErrorList, InputError
from draftkit.i18n.catalogs import Missing, Translator
from draftkit.i18n.typography import typography
from draftkit.library.documents import DocumentSpec
from draftkit.library.library import Library
from draftkit.library.markup import is_valid_id
from draftkit.model.nodes import Document, DocumentMeta
from draftkit.render.styles import StyleSheet, load_style_sheet


@dataclass
class Assembled:
    document: Document
    templates: TemplateSet
    styles: StyleSheet


def assemble(
    spec: DocumentSpec,
    library: Library,
    templates: TemplateSet,
    *,
    lang: str,
    style: str = "plain",
    translations: Translator | None = None,
    allow_incomplete: bool = False,
) -> Assembled:
    """Assemble ``spec`` in ``lang``. With a catalog, a text the document uses that has no
    translation (or only a fuzzy one) fails the build, unless ``allow_incomplete``: then
    the source text stands in and the document carries a draft-translation mark."""
    name = f"{spec.template}.xml.j2"
    if not is_valid_id(spec.template):
        raise InputError(
            f"template name {spec.template!r} is not a plain name",
            path=spec.path,
            line=spec.template_line,
            hint="write e.g. 'template: resolution'",
        )
    if not templates.has(name):
        raise InputError(
            f"unknown template {spec.template!r}",
            path=spec.path,
            line=spec.template_line,
            hint=f"no {name} in the templates folders; the built-in one is 'resolution'",
        )
    styles = load_style_sheet(templates.find("styles.yaml"))
    typo = typography(lang)
    builder = ContextBuilder(spec, library, typo, translations)
    context = builder.build(lang)
    env = templates.environment(
        translations,
        filters={
            "longdate": typo.long_date,
            "quote": typo.quote,
            "full_stop": full_stop,
        },
    )
    xml, missing = render_translated(
        templates, name, context, env, spec, lang, translations, allow_incomplete
    )
    meta = DocumentMeta(
        title=context["doc"].title,
        lang=lang,
        style=spec.style or style,
        kind=spec.template,
        date=spec.date,
        place=context["doc"].place,
        source=str(spec.path),
        draft=bool(missing),
        item_label=typo.item_label,
    )
    parsed = parse_document(xml, meta, template=name, roles=styles.roles)
    doc = parsed.document
    number_notes(doc, parsed.note_texts, name)
    number_paragraphs(doc)
    apply_style(doc, meta.style)
    place_note_calls(doc)
    return Assembled(doc, templates, styles)


def render_translated(
    templates: TemplateSet,
    name: str,
    context: dict[str, Any],
    env: Any,
    spec: Any,
    lang: str,
    translations: Translator | None,
    allow_incomplete: bool,
) -> tuple[str, list[Missing]]:
    """Render a template in ``lang``. A text without a finished translation fails the
    build, unless ``allow_incomplete``: then the template is rendered again with the
    draft-translation mark (which is only known to be needed after a first rendering)."""
    xml = templates.render(name, {**context, "draft": False}, env)
    missing = list(getattr(translations, "missing", {}).values())
    if missing and not allow_incomplete:
        raise incomplete_translation(spec, lang, missing, translations)
    if missing:
        xml = templates.render(name, {**context, "draft": True}, env)
    return xml, missing


def full_stop(text: str) -> str:
    """End a sentence with one full stop, not a second after an abbreviation's."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def incomplete_translation(
    spec: DocumentSpec, lang: str, missing: list[Missing], translations: Translator | None
) -> ErrorList:
    catalog = translations.path if translations is not None else None
    summary = DraftkitError(
        f"{len(missing)} text(s) of {spec.path.name} have no {lang} translation",
        path=catalog,
        hint="translate them (draftkit i18n status), or build with --allow-incomplete",
    )
    details = [
        DraftkitError(
            f"{'fuzzy' if m.fuzzy else 'untranslated'}"
            f"{f' [{m.context}]' if m.context else ''}: {_short(m.message)!r}",
            path=Path(m.locations[0][0]) if m.locations else catalog,
            line=m.locations[0][1] if m.locations else None,
        )
        for m in missing
    ]
    return ErrorList([summary, *details])


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"

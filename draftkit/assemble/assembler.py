"""Assemble one document in one language: the single entry point the writers depend on."""

from __future__ import annotations

import gettext as gettext_module
from dataclasses import dataclass

from draftkit.assemble.context import ContextBuilder
from draftkit.assemble.dkxml import parse_document
from draftkit.assemble.templating import TemplateSet
from draftkit.assemble.transforms import apply_style, number_notes, number_paragraphs
from draftkit.errors import InputError
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
    translations: gettext_module.NullTranslations | None = None,
    draft: bool = False,
) -> Assembled:
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
        },
    )
    xml = templates.render(name, context, env)
    meta = DocumentMeta(
        title=context["doc"].title,
        lang=lang,
        style=spec.style or style,
        kind=spec.template,
        date=spec.date,
        place=context["doc"].place,
        source=str(spec.path),
        draft=draft,
    )
    parsed = parse_document(xml, meta, template=name, roles=styles.roles)
    doc = parsed.document
    number_notes(doc, parsed.note_texts, name)
    number_paragraphs(doc)
    apply_style(doc, meta.style)
    return Assembled(doc, templates, styles)

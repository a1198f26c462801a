"""Assemble one document in one language: template → draftkit XML → model → transforms.

This is the one assembly every document kind goes through. A kind (see
``draftkit.pipeline.kinds``) supplies only what differs: the template it names, the
context the template sees, and the document's metadata.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit.assemble.dkxml import parse_document
from draftkit.assemble.templating import TemplateSet
from draftkit.assemble.transforms import TransformContext, run_transforms
from draftkit.errors import DraftkitError, ErrorList, InputError
from draftkit.i18n.catalogs import Missing, Translator
from draftkit.library.markup import is_valid_id
from draftkit.locale import LocaleProfile
from draftkit.model.nodes import Document, DocumentMeta


@dataclass(frozen=True)
class TemplateChoice:
    """The template a document names (``template: resolution``), and where it says so."""

    name: str
    path: Path
    line: int | None
    builtin: tuple[str, ...]  # the kind's built-in templates, for the hint

    @property
    def file(self) -> str:
        return f"{self.name}.xml.j2"


def check_template(templates: TemplateSet, choice: TemplateChoice) -> str:
    """The template's file name, or an error at the line that names the template."""
    if not is_valid_id(choice.name):
        raise InputError(
            f"template name {choice.name!r} is not a plain name",
            path=choice.path,
            line=choice.line,
            hint=f"write e.g. 'template: {choice.builtin[0]}'",
        )
    if not templates.has(choice.file):
        names = [f"'{n}'" for n in choice.builtin]
        builtin = (
            f"the built-in one is {names[0]}"
            if len(names) == 1
            else f"the built-in ones are {', '.join(names[:-1])} and {names[-1]}"
        )
        raise InputError(
            f"unknown template {choice.name!r}",
            path=choice.path,
            line=choice.line,
            hint=f"no {choice.file} in the templates folders; {builtin}",
        )
    return choice.file


def typography_filters(locale: LocaleProfile) -> dict[str, Callable[..., Any]]:
    """The filters every template has, each reading the language's profile."""
    return {"longdate": locale.long_date, "quote": locale.quote, "full_stop": full_stop}


def assemble(
    templates: TemplateSet,
    choice: TemplateChoice,
    context: Mapping[str, Any],
    meta: Callable[[bool], DocumentMeta],
    *,
    locale: LocaleProfile,
    roles: set[str],
    translations: Translator | None = None,
    allow_incomplete: bool = False,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> Document:
    """Render ``choice`` with ``context`` in the profile's language, read the result into
    the model and run every transform. ``meta(draft)`` gives the document's metadata once
    it is known whether the translation is a draft. With a catalog, a text the document
    uses that has no translation (or only a fuzzy one) fails the build, unless
    ``allow_incomplete``: then the source text stands in and the document carries a
    draft-translation mark."""
    name = check_template(templates, choice)
    env = templates.environment(
        translations, filters={**typography_filters(locale), **(filters or {})}
    )
    xml, missing = render_translated(
        templates,
        name,
        dict(context),
        env,
        choice.path,
        locale.lang,
        translations,
        allow_incomplete,
    )
    parsed = parse_document(xml, meta(bool(missing)), template=name, roles=roles)
    run_transforms(parsed.document, TransformContext(locale, parsed.note_texts, name))
    return parsed.document


def render_translated(
    templates: TemplateSet,
    name: str,
    context: dict[str, Any],
    env: Any,
    source: Path,
    lang: str,
    translations: Translator | None,
    allow_incomplete: bool,
) -> tuple[str, list[Missing]]:
    """Render a template in ``lang``. A text without a finished translation fails the
    build, unless ``allow_incomplete``: then the template is rendered again with the
    draft-translation mark (which is only known to be needed after a first rendering).

    The texts counted, in either case, are those of the first rendering: the document's
    texts without a finished (untranslated or fuzzy) translation. The draft mark's own
    words, looked up only in the second rendering, are not among them, so that a strict
    build and ``--allow-incomplete`` give the same count."""
    xml = templates.render(name, {**context, "draft": False}, env)
    recorded = getattr(translations, "missing", {})
    missing = list(recorded.values())
    if missing and not allow_incomplete:
        raise incomplete_translation(source, lang, missing, translations)
    if missing:
        counted = set(recorded)
        xml = templates.render(name, {**context, "draft": True}, env)
        for key in set(recorded) - counted:
            del recorded[key]
    return xml, missing


def full_stop(text: str) -> str:
    """End a sentence with one full stop, not a second after an abbreviation's."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def incomplete_translation(
    source: Path, lang: str, missing: list[Missing], translations: Translator | None
) -> ErrorList:
    catalog = translations.path if translations is not None else None
    summary = DraftkitError(
        f"{len(missing)} text(s) of {source.name} have no {lang} translation",
        path=catalog,
        hint="each is untranslated or fuzzy, as listed; translate them (draftkit i18n "
        "status), or build with --allow-incomplete",
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

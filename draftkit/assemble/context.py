"""What a document template sees: the spec, its clauses filled in, the sources it cites.

Clause texts arrive as draftkit-XML markup (escaped), so a template only places them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from draftkit.assemble.dkxml import inlines_to_xml
from draftkit.errors import InputError
from draftkit.i18n.catalogs import SourceLanguage, Translator
from draftkit.i18n.messages import document_context, source_context
from draftkit.library.clauses import Clause, SubItem
from draftkit.library.clauses import Markup as SourceMarkup
from draftkit.library.documents import ClauseUse, DocumentSpec
from draftkit.library.library import Library, did_you_mean
from draftkit.library.markup import MarkupError, note_refs, parse, placeholders, substitute
from draftkit.library.sources import Source
from draftkit.locale import LocaleProfile
from draftkit.model.nodes import Inline


def translation_error(
    translations: Translator, markup: SourceMarkup, context: str, message: str, hint: str | None
) -> InputError:
    """An error in a translator's text, at its line in the catalog."""
    return InputError(
        message,
        path=translations.path,
        line=translations.line_of(context, markup.source),
        hint=hint,
    )


def translate_source(translations: Translator, markup: SourceMarkup, context: str) -> SourceMarkup:
    """A piece of markup in the target language: the translated text, parsed (a msgstr is
    drafter markup too, and as untrusted), at the source's line; the source markup itself,
    the same object, when it is empty or has no translation. Invalid markup in the
    translation is an :class:`InputError` at the msgstr's line in the catalog."""
    if not markup.source:
        return markup
    translated = translations.pgettext(context, markup.source)
    if translated == markup.source:
        return markup
    try:
        return SourceMarkup(translated, parse(translated), markup.line)
    except MarkupError as exc:
        raise translation_error(
            translations,
            markup,
            context,
            f"the {translations.lang} translation is not valid markup: {exc}",
            exc.hint,
        ) from None


def translate_markup(translations: Translator, markup: SourceMarkup, context: str) -> list[Inline]:
    """The inlines of :func:`translate_source`: the source's own inlines, the same object,
    when it has no translation; none for empty markup."""
    if not markup.source:
        return []
    return translate_source(translations, markup, context).inlines


@dataclass
class ItemView:
    text: Markup
    items: list[ItemView] = field(default_factory=list)


@dataclass
class ClauseView:
    id: str
    kind: str
    lead: Markup
    text: Markup
    items: list[ItemView]


@dataclass
class SourceView:
    id: str
    title: str
    publisher: str
    url: str
    date: str


@dataclass
class DocView:
    name: str
    title: str
    forum: str
    date: date | None
    place: str
    city: str
    style: str
    lang: str
    symbol: str = ""  # the same in every language, as UN symbols are
    adoption: str = ""
    organ: str = ""


@dataclass
class SignatureView:
    by: str
    date: date | None
    place: str


class ContextBuilder:
    """Resolves clause uses against the library for one language."""

    def __init__(
        self,
        spec: DocumentSpec,
        library: Library,
        typo: LocaleProfile,
        translations: Translator | None = None,
    ) -> None:
        self.spec = spec
        self.library = library
        self.typo = typo
        self.translations: Translator = translations or SourceLanguage()
        self.cited: dict[str, Source] = {}
        self.doc_context = document_context(spec.name)
        self.builtin_params = {
            "forum": self.text(spec.forum),
            "date": typo.long_date(spec.date),
            "city": self.text(spec.city),
            "place": self.text(spec.place),
        }

    def text(self, value: str, context: str | None = None) -> str:
        """A plain-text value in the target language (document texts by default)."""
        return self.translations.pgettext(context or self.doc_context, value) if value else ""

    def translate(self, markup: SourceMarkup, context: str) -> list[Inline]:
        inlines = translate_markup(self.translations, markup, context)
        if inlines is markup.inlines:
            return inlines
        # Every language version must carry the same notes and parameters as the source.
        for what, found in (
            ("note references", lambda i: sorted((r.series, r.source) for r in note_refs(i))),
            ("parameters", lambda i: sorted(placeholders(i))),
        ):
            if found(inlines) != found(markup.inlines):
                raise translation_error(
                    self.translations,
                    markup,
                    context,
                    f"the {self.translations.lang} translation has other {what} than its source",
                    "keep every [^note] and {parameter} of the source text "
                    "(draftkit i18n check lists them)",
                )
        return inlines

    def _fill(
        self, markup: SourceMarkup, values: dict[str, str], use: ClauseUse, clause: Clause | None
    ) -> Markup:
        """Translate, fill parameters, check citations; errors name the line that is wrong."""
        inlines = self.translate(markup, clause.id if clause else self.doc_context)
        for name in placeholders(inlines):
            if name not in values:
                what = f"clause '{clause.id}'" if clause else "this paragraph"
                raise InputError(
                    f"{what} needs parameter {{{name}}}",
                    path=self.spec.path,
                    line=use.line,
                    hint=f"add '{name}: ...' under 'params:' of the document or of this entry",
                )
        filled = substitute(inlines, values)
        for ref in note_refs(filled):
            source = self.library.sources.get(ref.source)
            if source is None:
                raise InputError(
                    f"unknown source '{ref.source}'"
                    + (f" cited by clause '{clause.id}'" if clause else ""),
                    path=clause.path if clause else self.spec.path,
                    line=markup.line if clause else use.line,
                    hint=did_you_mean(ref.source, self.library.sources) or "add it to sources.yaml",
                )
            self.cited.setdefault(source.id, source)
        return inlines_to_xml(filled)

    def _items(
        self, items: list[SubItem], values: dict[str, str], use: ClauseUse, clause: Clause
    ) -> list[ItemView]:
        return [
            ItemView(
                self._fill(i.text, values, use, clause),
                self._items(i.items, values, use, clause),
            )
            for i in items
        ]

    def clause(self, use: ClauseUse) -> ClauseView:
        if use.clause_id is None:
            assert use.text is not None
            values = {
                **self.builtin_params,
                **{k: self.text(v) for k, v in self.spec.params.items()},
                **{k: self.text(v) for k, v in use.params.items()},
            }
            return ClauseView(
                "",
                use.kind,
                Markup(""),
                self._fill(use.text, values, use, None),
                [],
            )
        clause = self.library.clause(use.clause_id, path=self.spec.path, line=use.line)
        if use.kind in ("preambular", "operative") and clause.kind not in (use.kind, "paragraph"):
            raise InputError(
                f"clause '{clause.id}' is {clause.kind} but is listed under "
                f"{'preamble' if use.kind == 'preambular' else 'operative'}",
                path=self.spec.path,
                line=use.line,
                hint="move it to the other list, or change its kind in the library",
            )
        for name in use.params:
            if name not in clause.params:
                raise InputError(
                    f"clause '{clause.id}' has no parameter '{name}'",
                    path=self.spec.path,
                    line=use.line,
                    hint=did_you_mean(name, clause.params)
                    or (
                        "it takes: " + ", ".join(clause.params)
                        if clause.params
                        else "it takes none"
                    ),
                )
        values = {}
        # Most specific first: this entry, the document, the document's own facts, the
        # clause's default; only the value that is used is looked up in the catalog.
        for name, param in clause.params.items():
            if name in use.params:
                values[name] = self.text(use.params[name])
            elif name in self.spec.params:
                values[name] = self.text(self.spec.params[name])
            elif self.builtin_params.get(name):
                values[name] = self.builtin_params[name]
            elif param.default is not None:
                values[name] = self.text(param.default, clause.id)
        return ClauseView(
            clause.id,
            clause.kind,
            self._fill(clause.lead, values, use, clause),
            self._fill(clause.text, values, use, clause),
            self._items(clause.items, values, use, clause),
        )

    def build(self, lang: str) -> dict[str, Any]:
        spec = self.spec
        ctx: dict[str, Any] = {
            "lang": lang,
            "doc": DocView(
                spec.name,
                self.text(spec.title),
                self.text(spec.forum),
                spec.date,
                self.text(spec.place),
                self.text(spec.city),
                spec.style,
                lang,
                symbol=spec.symbol,
                adoption=self.text(spec.adoption),
                organ=self.text(spec.organ),
            ),
            "opening": self.clause(spec.opening) if spec.opening else None,
            "preamble": [self.clause(u) for u in spec.preamble],
            "chapeau": self.clause(spec.chapeau) if spec.chapeau else None,
            "operative": [self.clause(u) for u in spec.operative],
            "closing": self.clause(spec.closing) if spec.closing else None,
            "signature": SignatureView(
                self.text(spec.signature.by), spec.signature.date, self.text(spec.signature.place)
            ),
        }
        ctx["sources"] = [
            SourceView(
                s.id,
                self.text(s.title, source_context(s.id)),
                self.text(s.publisher, source_context(s.id)),
                s.url,
                self.typo.long_date(s.date) if isinstance(s.date, date) else (s.date or ""),
            )
            for s in self.cited.values()
        ]
        return ctx

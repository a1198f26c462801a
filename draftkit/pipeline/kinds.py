"""The document-kind registry: what draftkit can assemble, and from which files.

A kind declares only what differs between, say, a resolution and a press release: the
folder its files live in, how a file is loaded and checked, the templates it may name,
what its template sees (its fields), and the document's metadata. Loading, translation,
the template run, the transforms and the writers are the same pipeline for every kind
(:mod:`draftkit.pipeline.core`).

draftkit's kinds are ``document`` (``documents/*.yaml``: resolutions and other specs
assembled from the clause library) and ``event`` (``events/*.yaml``: press releases and
media advisories). Other packages add kinds through the ``draftkit.kinds`` entry point
group, each naming a :class:`DocumentKind` (an instance or a class); scripts and tests call
:func:`register_kind`.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftkit.assemble.assembler import TemplateChoice
from draftkit.model.nodes import DocumentMeta

if TYPE_CHECKING:
    from draftkit.i18n.catalogs import Translator
    from draftkit.locale import LocaleProfile
    from draftkit.project import Project

ENTRY_POINT_GROUP = "draftkit.kinds"


class DocumentKind:
    """One kind of document. Subclass it and set or override what your kind needs."""

    name: str = ""
    folder: str = ""  # relative to the project root; files directly in it are this kind
    templates: tuple[str, ...] = ()  # the built-in templates, first the default

    def load(self, project: Project, path: Path) -> Any:
        """The file, loaded and validated into the kind's own typed object (its spec)."""
        raise NotImplementedError

    def template(self, spec: Any) -> TemplateChoice:
        name = getattr(spec, "template", None) or self.templates[0]
        line = getattr(spec, "template_line", None)
        return TemplateChoice(name, spec.path, line, self.templates)

    def language(self, spec: Any) -> str | None:
        """The spec's own language, if it names one (else the project's source locale)."""
        return getattr(spec, "lang", None) or None

    def output_name(self, spec: Any) -> str:
        return str(spec.name)

    def stamp(self, spec: Any) -> date | None:
        """The date the outputs are stamped with (file times, document properties)."""
        return getattr(spec, "date", None)

    def context(
        self,
        spec: Any,
        project: Project,
        locale: LocaleProfile,
        translations: Translator | None,
    ) -> dict[str, Any]:
        """What the template sees."""
        raise NotImplementedError

    def filters(self, locale: LocaleProfile) -> dict[str, Any]:
        """Template filters besides the ones every template has."""
        return {}

    def meta(
        self, spec: Any, context: dict[str, Any], lang: str, *, draft: bool, project: Project
    ) -> DocumentMeta:
        return DocumentMeta(
            title=str(getattr(spec, "title", "")),
            lang=lang,
            kind=self.template(spec).name,
            date=self.stamp(spec),
            source=str(spec.path),
            draft=draft,
        )


class ClauseDocumentKind(DocumentKind):
    """A document spec assembled from the clause library: resolutions, declarations."""

    name = "document"
    folder = "documents"
    templates = ("resolution",)

    def load(self, project: Project, path: Path) -> Any:
        return project.load_document(path)

    def context(
        self,
        spec: Any,
        project: Project,
        locale: LocaleProfile,
        translations: Translator | None,
    ) -> dict[str, Any]:
        from draftkit.assemble.context import ContextBuilder

        return ContextBuilder(spec, project.library, locale, translations).build(locale.lang)

    def meta(
        self, spec: Any, context: dict[str, Any], lang: str, *, draft: bool, project: Project
    ) -> DocumentMeta:
        return DocumentMeta(
            title=context["doc"].title,
            lang=lang,
            style=spec.style or project.config.style,
            kind=spec.template,
            date=spec.date,
            place=context["doc"].place,
            source=str(spec.path),
            draft=draft,
        )


class EventKind(DocumentKind):
    """An event's press release or media advisory, from ``events/*.yaml``."""

    name = "event"
    folder = "events"
    templates = ("press-release", "media-advisory")

    def load(self, project: Project, path: Path) -> Any:
        return project.load_event(path)

    def language(self, spec: Any) -> str | None:
        return None

    def output_name(self, spec: Any) -> str:
        # "x-press-release.pdf": never the name of the resolution the event adopted.
        return f"{spec.name}-{spec.template}"

    def stamp(self, spec: Any) -> date | None:
        return spec.published

    def context(
        self,
        spec: Any,
        project: Project,
        locale: LocaleProfile,
        translations: Translator | None,
    ) -> dict[str, Any]:
        from draftkit.assemble.press import EventContextBuilder

        related = project.related_documents(spec)
        builder = EventContextBuilder(
            spec, project.organisations, locale, translations, project.config.attribution
        )
        return builder.build(locale.lang, related)

    def filters(self, locale: LocaleProfile) -> dict[str, Any]:
        from draftkit.assemble.press import press_filters

        return press_filters(locale)

    def meta(
        self, spec: Any, context: dict[str, Any], lang: str, *, draft: bool, project: Project
    ) -> DocumentMeta:
        return DocumentMeta(
            title=context["event"].title,
            lang=lang,
            kind=spec.template,
            date=spec.published,
            place=context["event"].city,
            source=str(spec.path),
            draft=draft,
        )


BUILTIN: dict[str, DocumentKind] = {k.name: k for k in (ClauseDocumentKind(), EventKind())}
DEFAULT_KIND = "document"  # a file outside every kind's folder is a document spec
_registered: dict[str, DocumentKind] = {}


def register_kind(kind: DocumentKind) -> None:
    """Add (or replace) a kind in this process."""
    _registered[kind.name] = kind
    kinds.cache_clear()


@cache
def _entry_points() -> dict[str, DocumentKind]:
    from draftkit.plugins import entry_point_values

    return {value.name: value for value in entry_point_values(ENTRY_POINT_GROUP, DocumentKind)}


@cache
def kinds() -> dict[str, DocumentKind]:
    """Every kind by name: draftkit's (which a package cannot take over), installed
    packages', then those registered in this process."""
    found = dict(BUILTIN)
    for name, value in _entry_points().items():
        found.setdefault(name, value)
    return {**found, **_registered}


def _in_folder(kind: DocumentKind, root: Path, path: Path) -> bool:
    return bool(kind.folder) and path.resolve().parent == (root / kind.folder).resolve()


def kind_for(project: Project, path: Path) -> DocumentKind:
    """The kind of a file, by the folder it is in."""
    for kind in (*_registered.values(), *BUILTIN.values()):
        if _in_folder(kind, project.root, path):
            return kind
    # Installed packages' kinds are looked up only for a file outside draftkit's folders.
    for kind in kinds().values():
        if _in_folder(kind, project.root, path):
            return kind
    return kinds()[DEFAULT_KIND]

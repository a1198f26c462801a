"""draftkit's own messages: the built-in templates' strings, translated in the package.

As Sphinx ships ``sphinx/locale/<lang>/LC_MESSAGES/sphinx.po``, draftkit ships
``templates/locales/<lang>/LC_MESSAGES/draftkit.po`` beside the templates it translates
("PRESS RELEASE", the dateline, "Organiser: %(names)s.", the draft mark …). A build reads
it beneath the project's catalog (gettext's fallback chain), so a project's entry for the
same message wins and a new project prints no English template words in ru or ky.

A project's catalog carries its content only. It gets a built-in message only when
draftkit ships no finished translation of it for that locale (a locale draftkit does not
translate: the project translates the templates' words too), or when the project already
overrides it there (the entry is kept, not made obsolete).

Maintainers re-extract the catalogs with ``tools/extract_builtin.py`` (``make messages``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from draftkit.fsutil import builtin_templates_dir
from draftkit.i18n.catalogs import CatalogTranslator, finished, read_catalog
from draftkit.i18n.extract import add_template_messages, jinja_messages, new_catalog

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

DOMAIN = "draftkit"
SOURCE_LANG = "en"  # the language of the templates' msgids
SHOWN = "<built-in>"  # how a built-in template is named in locations and messages

Key = tuple[str, str | None]


def locales_dir() -> Path:
    return builtin_templates_dir() / "locales"


def template_path() -> Path:
    return locales_dir() / f"{DOMAIN}.pot"


def catalog_path(lang: str) -> Path:
    return locales_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_locales() -> list[str]:
    """The locales draftkit ships a translation of its own messages for."""
    folder = locales_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if catalog_path(p.name).is_file())


def template_files() -> list[tuple[str, Path]]:
    folder = builtin_templates_dir()
    return [(p.relative_to(folder).as_posix(), p) for p in sorted(folder.rglob("*.j2"))]


def extract_catalog() -> Catalog:
    """The built-in templates' gettext strings, as a fresh POT catalog (what
    ``templates/locales/draftkit.pot`` should hold)."""
    catalog = new_catalog("draftkit", "the built-in templates")
    for name, path in template_files():
        add_template_messages(catalog, jinja_messages(path, f"{SHOWN}/{name}"))
    return catalog


def read_template() -> Catalog:
    return read_catalog(template_path())


def catalog_for(lang: str) -> tuple[Path, Catalog]:
    """draftkit's catalog for ``lang``: the shipped PO file; for English, the template
    with each msgstr its msgid; for any other locale the untranslated template (its
    messages are then the project's to translate)."""
    path = catalog_path(lang)
    if path.is_file():
        return path, read_catalog(path, locale=lang)
    catalog = read_catalog(template_path(), locale=lang)
    if lang.split("_")[0] == SOURCE_LANG:
        for message in catalog:
            if message.id:
                message.string = message.id
    return template_path(), catalog


def translator(lang: str) -> CatalogTranslator:
    path, catalog = catalog_for(lang)
    return CatalogTranslator(lang, path, catalog)


def key(message) -> Key:  # type: ignore[no-untyped-def]
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return msgid, message.context


def project_additions(lang: str, project_catalog: Catalog | None) -> list:  # type: ignore[type-arg]
    """The built-in messages a project's ``lang`` catalog holds: those draftkit does not
    finish for ``lang``, and those the project's catalog translates already (its
    overrides, never made obsolete by an update)."""
    _path, own = catalog_for(lang)
    present = {key(m) for m in (project_catalog or ()) if m.id and any(_forms(m.string))}
    return [
        m
        for m in read_template()
        if m.id and (not finished(own.get(m.id, context=m.context)) or key(m) in present)
    ]


def _forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)

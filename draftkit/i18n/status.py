"""``draftkit i18n status``: how far each locale's translation is, in strings and words.

Two rows per locale: the project's content (its catalog, built-in template messages left
out), and draftkit's own messages (the built-in templates' words) as a build finds them,
in the project's catalog (an override) or in the one draftkit ships.
"""

from __future__ import annotations

from dataclasses import dataclass

from draftkit.i18n import builtin
from draftkit.i18n.catalogs import catalog_path, finished, read_catalog
from draftkit.project import Project

PROJECT = "project"
DRAFTKIT = "draftkit"


@dataclass
class LocaleStatus:
    lang: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0
    obsolete: int = 0
    exists: bool = True
    catalog: str = PROJECT  # whose messages: the project's content, or draftkit's own

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def count(self, message) -> None:  # type: ignore[no-untyped-def]
        words = _words(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy:
            self.fuzzy += 1
            self.fuzzy_words += words
        elif strings and all(strings):
            self.translated += 1
            self.translated_words += words
        else:
            self.untranslated += 1
            self.untranslated_words += words


def _words(msgid: str | tuple[str, ...]) -> int:
    return len((msgid if isinstance(msgid, str) else msgid[0]).split())


def locale_status(project: Project, lang: str) -> LocaleStatus:
    """The project's content in its ``lang`` catalog."""
    path = catalog_path(project.locales_dir, lang)
    if not path.is_file():
        return LocaleStatus(lang, exists=False)
    catalog = read_catalog(path, locale=lang)
    own = {builtin.key(m) for m in builtin.read_template() if m.id}
    status = LocaleStatus(lang, obsolete=len(catalog.obsolete))
    for message in catalog:
        if message.id and builtin.key(message) not in own:
            status.count(message)
    return status


def builtin_status(project: Project, lang: str) -> LocaleStatus:
    """draftkit's own messages in ``lang``: the project's finished override, else the
    shipped translation, else whichever of the two entries exists."""
    path = catalog_path(project.locales_dir, lang)
    project_catalog = read_catalog(path, locale=lang) if path.is_file() else None
    _path, shipped = builtin.catalog_for(lang)
    status = LocaleStatus(lang, catalog=DRAFTKIT)
    for message in builtin.read_template():
        if not message.id:
            continue
        mine = project_catalog.get(message.id, message.context) if project_catalog else None
        theirs = shipped.get(message.id, message.context)
        if finished(mine):
            status.count(mine)
        elif finished(theirs) or mine is None:
            status.count(theirs if theirs is not None else message)
        else:
            status.count(mine)
    return status


def project_status(project: Project) -> list[LocaleStatus]:
    rows = []
    for lang in project.target_locales:
        rows += [locale_status(project, lang), builtin_status(project, lang)]
    return rows

"""``draftkit i18n status``: how far each locale's translation is, in strings and words."""

from __future__ import annotations

from dataclasses import dataclass

from draftkit.i18n.catalogs import catalog_path, read_catalog
from draftkit.project import Project


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

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _words(msgid: str | tuple[str, ...]) -> int:
    return len((msgid if isinstance(msgid, str) else msgid[0]).split())


def locale_status(project: Project, lang: str) -> LocaleStatus:
    path = catalog_path(project.locales_dir, lang)
    if not path.is_file():
        return LocaleStatus(lang, exists=False)
    catalog = read_catalog(path, locale=lang)
    status = LocaleStatus(lang, obsolete=len(catalog.obsolete))
    for message in catalog:
        if not message.id:
            continue
        words = _words(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy:
            status.fuzzy += 1
            status.fuzzy_words += words
        elif strings and all(strings):
            status.translated += 1
            status.translated_words += words
        else:
            status.untranslated += 1
            status.untranslated_words += words
    return status


def project_status(project: Project) -> list[LocaleStatus]:
    return [locale_status(project, lang) for lang in project.target_locales]

"""``draftkit i18n tm export|import``: share a translation memory between projects.

Export makes one TMX unit per message of the project's template that some locale has
finished (translated, not fuzzy), with a variant per such locale. Import merges a TMX
file into the project's memory, the first file of ``[i18n] memories``, written atomically
(a reader sees the old memory or the new one, never half of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.fsutil import publish_all
from draftkit.i18n.catalogs import catalog_path, finished, read_catalog, template_path
from draftkit.i18n.tmx import Unit, merge_units, read_tmx, tmx_bytes
from draftkit.project import Project


def project_units(project: Project) -> list[Unit]:
    """The project's translations, one unit per message, in the template's order."""
    pot = template_path(project.locales_dir)
    if not pot.is_file():
        raise DraftkitError(f"no {pot.name} yet", path=pot, hint="run 'draftkit i18n extract'")
    catalogs = [
        (lang, read_catalog(path, locale=lang))
        for lang in project.target_locales
        if (path := catalog_path(project.locales_dir, lang)).is_file()
    ]
    units = []
    for message in read_catalog(pot):
        if not isinstance(message.id, str) or not message.id:
            continue  # the header; plural messages have no one source text
        unit = Unit(message.context, {project.config.source_locale: message.id})
        for lang, catalog in catalogs:
            entry = catalog.get(message.id, context=message.context)
            if finished(entry) and isinstance(entry.string, str):
                unit.variants[lang] = entry.string
        if len(unit.variants) > 1:
            units.append(unit)
    return units


def export_tmx(project: Project) -> tuple[bytes, int]:
    """The project's translations as a TMX file, and how many units it holds."""
    units = project_units(project)
    return tmx_bytes(units, project.config.source_locale), len(units)


@dataclass(frozen=True)
class Imported:
    memory: Path
    units: int  # in the imported file
    added: int
    updated: int
    written: bool


def import_tmx(project: Project, source: Path) -> Imported:
    """Merge ``source`` into the project's memory file (created if it does not exist)."""
    if not project.memory_files:
        raise DraftkitError(
            "the project lists no translation memory",
            path=project.root / "draftkit.toml",
            hint='add to draftkit.toml: [i18n] memories = ["tm/shared.tmx"]',
        )
    target = project.memory_files[0]
    imported = read_tmx(source)
    existing = read_tmx(target) if target.is_file() else []
    merged = merge_units(existing, imported, project.config.source_locale)
    written = bool(merged.added or merged.updated) or not target.is_file()
    if written:
        publish_all([(target, tmx_bytes(merged.units, project.config.source_locale))])
    return Imported(target, len(imported), merged.added, merged.updated, written)

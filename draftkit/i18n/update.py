"""``draftkit i18n update``: merge the POT into each locale's PO file, losing nothing.

Each locale's catalog also gets the built-in templates' messages that draftkit ships no
translation of for it, and keeps those it overrides (:mod:`draftkit.i18n.builtin`).

Babel's ``Catalog.update`` keeps every translation whose source text is unchanged and
keeps removed messages as obsolete ``#~`` entries; its own fuzzy matching (which fills a
new text silently from the closest message) is off. Instead the translation memory
(:mod:`draftkit.i18n.memory`) fills each untranslated entry from the most similar
translated text of the catalog (a changed text's old translation, now obsolete, included)
and of the project's TMX memories, marked fuzzy with the previous msgid as ``#|`` and a
comment naming where it came from. A file is written only when its content changes, and
then atomically, so a translator's file is never half-written or rewritten for nothing;
entries the merge did not change keep the translator's own text, wrapping included
(:mod:`draftkit.i18n.splice`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftkit.errors import DraftkitError
from draftkit.fsutil import folder_lock, publish_all
from draftkit.i18n.builtin import project_additions
from draftkit.i18n.catalogs import catalog_path, read_catalog, template_path
from draftkit.i18n.extract import serialise
from draftkit.i18n.memory import Memory, catalog_candidates, memory_candidates, prefill
from draftkit.i18n.splice import splice
from draftkit.i18n.tmx import read_tmx
from draftkit.project import Project


@dataclass
class UpdateReport:
    lang: str
    path: Path
    created: bool
    written: bool
    new: int
    fuzzy: int
    obsolete: int
    unchanged: int = 0  # entries (not obsolete) kept exactly as they were written
    total: int = 0  # entries (not obsolete) in the catalog
    suggested: int = 0  # untranslated entries the memory filled (fuzzy)

    @property
    def changed(self) -> int:
        """Entries rewritten for another reason: references, comments, a revived entry."""
        return max(self.total - self.new - self.fuzzy - self.unchanged, 0)


def update(project: Project, threshold: float | None = None) -> list[UpdateReport]:
    """Merge the template into each target locale's catalog, one update of a project at a
    time (a second one waits): each reads the catalogs the first wrote. ``threshold``
    (0-1, default the project's ``[i18n] threshold``) is how similar a translated text
    must be to be suggested."""
    folders = [catalog_path(project.locales_dir, lang).parent for lang in project.target_locales]
    waiting = f"waiting for another draftkit updating {project.locales_dir}…"
    with folder_lock(project.locales_dir, clean=folders, waiting=waiting):
        return _update(project, project.config.threshold if threshold is None else threshold)


def _update(project: Project, threshold: float) -> list[UpdateReport]:
    pot = template_path(project.locales_dir)
    if not pot.is_file():
        raise DraftkitError(f"no {pot.name} yet", path=pot, hint="run 'draftkit i18n extract'")
    memories = [
        (project.relative(path), read_tmx(path))
        for path in project.memory_files
        if path.is_file()  # listed before the first 'i18n tm import' made it
    ]
    merged = []
    memory = Memory()
    for lang in project.target_locales:
        path = catalog_path(project.locales_dir, lang)
        created = not path.is_file()
        current = None if created else read_catalog(path, locale=lang)
        template = template_for(pot, lang, current)
        state = _Merged(lang, path, created)
        if created:
            catalog = template_for(pot, lang, None)
            catalog.locale = lang  # type: ignore[assignment]
            catalog.fuzzy = False
        else:
            state.before = path.read_bytes()
            catalog = current
            state.old_ids = {(_key(m.id), m.context) for m in catalog if m.id}
            state.old_fuzzy = {(_key(m.id), m.context) for m in catalog if m.id and m.fuzzy}
            revive_obsolete(catalog, template)
            state.old_obsolete = len(catalog.obsolete)
            was_obsolete = set(catalog.obsolete)
            merge(catalog, template)
            state.newly_obsolete = set(catalog.obsolete) - was_obsolete
        state.catalog = catalog
        memory.add(lang, catalog_candidates(catalog))
        for origin, units in memories:
            source = project.config.source_locale
            memory.add(lang, memory_candidates(units, source, lang, origin))
        merged.append(state)
    # Every catalog is merged before any is filled: the memory compares each new text
    # once, for all locales.
    reports = []
    outputs: list[tuple[Path, bytes]] = []
    for state in merged:
        catalog = state.catalog
        suggested = prefill(catalog, state.lang, memory, threshold, state.newly_obsolete)
        data = serialise(catalog)
        unchanged = 0
        if state.before:
            spliced = splice(state.before.decode("utf-8"), data.decode("utf-8"))
            data, unchanged = spliced.text.encode("utf-8"), spliced.kept
        written = data != state.before
        if written:
            outputs.append((state.path, data))
        ids = {(_key(m.id), m.context) for m in catalog if m.id}
        fuzzy = {(_key(m.id), m.context) for m in catalog if m.id and m.fuzzy}
        reports.append(
            UpdateReport(
                state.lang,
                state.path,
                state.created,
                written,
                new=len(ids - state.old_ids) if not state.created else len(ids),
                fuzzy=len(fuzzy - state.old_fuzzy),
                obsolete=max(len(catalog.obsolete) - state.old_obsolete, 0),
                unchanged=unchanged,
                total=len(ids),
                suggested=suggested,
            )
        )
    publish_all(outputs)
    return reports


@dataclass
class _Merged:
    """One locale's catalog between the merge and the memory's suggestions."""

    lang: str
    path: Path
    created: bool
    catalog: Any = None
    before: bytes = b""
    old_ids: set[tuple[str, str | None]] = field(default_factory=set)
    old_fuzzy: set[tuple[str, str | None]] = field(default_factory=set)
    old_obsolete: int = 0
    newly_obsolete: set[object] = field(default_factory=set)


def template_for(pot: Path, lang: str, current):  # type: ignore[no-untyped-def]
    """The project's POT, plus the built-in messages its ``lang`` catalog holds: those
    draftkit ships no translation of for ``lang``, and the project's own overrides."""
    template = read_catalog(pot, locale=lang)
    for message in project_additions(lang, current):
        template[message.id] = message
    return template


def merge(catalog, template) -> None:  # type: ignore[no-untyped-def]
    """Babel's merge of a template into a catalog, as draftkit runs it: new texts come in
    empty (the memory's :func:`prefill` suggests, saying from where); the header and
    translators' comments stay."""
    catalog.update(
        template,
        no_fuzzy_matching=True,
        update_header_comment=False,
        keep_user_comments=True,
        update_creation_date=False,
    )


def revive_obsolete(catalog, template) -> int:  # type: ignore[no-untyped-def]
    """A message that comes back (a clause restored) gets its obsolete translation back, as
    msgmerge does; Babel's update alone would start it empty."""
    revived = 0
    for message in template:
        if not message.id or catalog.get(message.id, context=message.context) is not None:
            continue
        key = catalog._key_for(message.id, message.context)
        old = catalog.obsolete.pop(key, None)
        if old is not None:
            catalog[message.id] = old
            revived += 1
    return revived


def _key(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]

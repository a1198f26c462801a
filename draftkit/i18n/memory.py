"""Translation memory: an untranslated entry gets the translation of the most similar text
already translated, as a fuzzy suggestion that says where it came from.

Candidates are the finished entries of the same locale's catalog (obsolete ``#~`` ones
included: a changed clause's old text is one) and the units of the project's ``.tmx``
memories. Similarity is RapidFuzz's normalised Indel similarity on the whole text (what
``fuzz.ratio`` computes, 0–1), a bit-parallel C loop with a score cut-off (a candidate
too long or too short is skipped on its length): about 2 µs a pair, so 490 new texts
against 10,000 translated ones take some 10 s (``bench/bench_tm.py``) where difflib's
pure-Python ratio would take hours. Each new text is searched once for all locales.

A suggestion is written as msgmerge writes one: ``#, fuzzy``, the text it was made for as
``#| msgctxt``/``#| msgid``, and a translator comment
``# draftkit-tm: 0.86 from clauses/preamble.yaml:recalling-beijing``. Its note references
and parameters are those of the new text: when the old text's differ, a one-to-one rename
(``[^a]`` became ``[^b]``) is carried into the translation; anything else (a reference
added, removed or moved) makes the candidate unusable, and the next one is tried.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from draftkit.i18n.checks import NoteReferences, Placeholders
from draftkit.i18n.previous import is_previous, previous_comments
from draftkit.i18n.tmx import Unit, lang_key

DEFAULT_THRESHOLD = 0.75
COMMENT_PREFIX = "draftkit-tm:"
_TOKEN = re.compile(f"{NoteReferences.pattern.pattern}|{Placeholders.pattern.pattern}")


@dataclass(frozen=True)
class Candidate:
    source: str
    translation: str
    context: str | None
    origin: str  # what the comment names: a clause, a message or a memory file
    obsolete_key: object = None  # the catalog's key of the obsolete entry it came from


@dataclass(frozen=True)
class Suggestion:
    translation: str
    score: float
    candidate: Candidate


def catalog_candidates(catalog) -> list[Candidate]:  # type: ignore[no-untyped-def]
    """The finished singular entries of ``catalog``, active and obsolete."""
    found = []
    entries = [(None, m) for m in catalog if m.id] + list(catalog.obsolete.items())
    for key, message in entries:
        if not isinstance(message.id, str) or message.fuzzy or not message.string:
            continue
        if not isinstance(message.string, str):
            continue
        found.append(Candidate(message.id, message.string, message.context, _origin(message), key))
    return found


def _origin(message) -> str:  # type: ignore[no-untyped-def]
    where = message.locations[0][0] if message.locations else ""
    name = ":".join(part for part in (where, message.context) if part)
    return name or repr(message.id[:40])


def memory_candidates(
    units: list[Unit], source_lang: str, lang: str, origin: str
) -> list[Candidate]:
    source, target = lang_key(source_lang), lang_key(lang)
    return [
        Candidate(unit.variants[source], unit.variants[target], unit.context, origin)
        for unit in units
        if source in unit.variants and target in unit.variants
    ]


def adapt(old_source: str, translation: str, new_source: str) -> str | None:
    """``translation`` (of ``old_source``) with the note references and parameters of
    ``new_source``, or None when they cannot be made right without guessing."""
    new, old = _TOKEN.findall(new_source), _TOKEN.findall(old_source)
    got = _TOKEN.findall(translation)
    if Counter(got) == Counter(new):
        return translation
    if Counter(got) != Counter(old) or len(old) != len(new):
        return None  # the old translation was already off, or a token came or went
    mapping: dict[str, str] = {}
    for was, now in zip(old, new, strict=True):
        if was == now:
            continue
        # Only a rename: the old token is gone and the new one is new, of the same kind.
        if was[0] != now[0] or was in new or now in old or mapping.setdefault(was, now) != now:
            return None
    if len(set(mapping.values())) != len(mapping):
        return None
    adapted = _TOKEN.sub(lambda m: mapping.get(m.group(0), m.group(0)), translation)
    return adapted if Counter(_TOKEN.findall(adapted)) == Counter(new) else None


class Memory:
    """The candidates of every locale, searchable by similarity. Each source text is
    compared once for all locales (a text is queried in every locale's catalog, and the
    locales mostly share their translated source texts)."""

    def __init__(self) -> None:
        self._by_lang: dict[str, dict[str, list[Candidate]]] = {}
        self._seen: set[tuple[str, str, str]] = set()
        self._sources: list[str] = []
        self._known: set[str] = set()
        self._hits: dict[tuple[str, float], list[tuple[str, float]]] = {}

    def add(self, lang: str, candidates: list[Candidate]) -> None:
        """Candidates for ``lang``; of equal (source, translation) pairs the first added
        wins, so add the catalog's own before the memories'."""
        pool = self._by_lang.setdefault(lang, {})
        for candidate in candidates:
            pair = (lang, candidate.source, candidate.translation)
            if pair in self._seen:
                continue
            self._seen.add(pair)
            pool.setdefault(candidate.source, []).append(candidate)
            if candidate.source not in self._known:
                self._known.add(candidate.source)
                self._sources.append(candidate.source)
                self._hits.clear()  # a new source may be a better hit

    def _similar(self, msgid: str, threshold: float) -> list[tuple[str, float]]:
        """Every source text at least ``threshold`` similar to ``msgid``, best first."""
        from rapidfuzz import fuzz, process

        key = (msgid, threshold)
        if key not in self._hits:
            found = process.extract(
                msgid, self._sources, scorer=fuzz.ratio, score_cutoff=threshold * 100, limit=None
            )
            self._hits[key] = [(source, score / 100) for source, score, _ in found]
        return self._hits[key]

    def suggest(
        self, lang: str, msgid: str, context: str | None, threshold: float
    ) -> Suggestion | None:
        pool = self._by_lang.get(lang, {})
        ranked = [
            (score, candidate)
            for source, score in self._similar(msgid, threshold)
            for candidate in pool.get(source, ())
        ]
        # best first; of equally similar texts, the same clause's (a stable sort)
        ranked.sort(key=lambda hit: (-hit[0], hit[1].context != context))
        for score, candidate in ranked:
            translation = adapt(candidate.source, candidate.translation, msgid)
            if translation is not None:
                return Suggestion(translation, score, candidate)
        return None


def prefill(  # type: ignore[no-untyped-def]
    catalog, lang: str, memory: Memory, threshold: float, consumable: set[object]
) -> int:
    """Fill every untranslated singular entry of ``catalog`` that has a suggestion; returns
    how many. An obsolete entry in ``consumable`` (made obsolete by this merge) whose
    translation becomes the suggestion for the same context leaves the obsolete list: its
    text lives on in the fuzzy entry, as msgmerge does with a changed message."""
    filled = 0
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or message.string:
            continue
        suggestion = memory.suggest(lang, message.id, message.context, threshold)
        if suggestion is None:
            continue
        candidate = suggestion.candidate
        message.string = suggestion.translation
        message.flags.add("fuzzy")
        kept = [
            c
            for c in message.user_comments
            if not is_previous(c) and not c.startswith(COMMENT_PREFIX)
        ]
        note = f"{COMMENT_PREFIX} {suggestion.score:.2f} from {candidate.origin}"
        message.user_comments = [
            *kept,
            note,
            *previous_comments(candidate.context, candidate.source),
        ]
        key = candidate.obsolete_key
        if key in consumable and candidate.context == message.context:
            catalog.obsolete.pop(key, None)
            consumable.discard(key)
        filled += 1
    return filled

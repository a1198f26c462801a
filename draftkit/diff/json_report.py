"""``--format json``: the diff as data for scripts and CI (schema ``draftkit-diff/1``).

The schema is documented in ``docs/diff.md``. Fields are only ever added within a
schema version; a removal or a change of meaning gets ``draftkit-diff/2``.
"""

from __future__ import annotations

import json
from typing import Any

from draftkit.diff.clauses import ClauseChange, LibraryDiff, Placed, SetChange, TextChange
from draftkit.diff.documents import BlockChange, DocumentDiff, NoteChange, PlacedBlock
from draftkit.diff.words import Span

SCHEMA = "draftkit-diff/1"


def _words(spans: list[Span]) -> list[dict[str, str]]:
    return [{"op": s.op, "text": s.text} for s in spans]


def _text(change: TextChange) -> dict[str, Any]:
    return {
        "field": change.field,
        "old": change.old(),
        "new": change.new(),
        "words": _words(change.spans),
    }


def _value(change: SetChange) -> dict[str, Any]:
    out: dict[str, Any] = {"field": change.field, "old": change.old, "new": change.new}
    if change.added or change.removed:
        out["added"] = change.added
        out["removed"] = change.removed
    return out


def _placed(placed: Placed | None) -> dict[str, Any] | None:
    if placed is None:
        return None
    return {
        "id": placed.clause.id,
        "file": placed.file,
        "line": placed.line,
        "position": placed.position + 1,
        "after": placed.after,
    }


def _clause(change: ClauseChange) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "id": change.id,
        "old": _placed(change.old),
        "new": _placed(change.new),
        "moved": change.moved,
        "similarity": change.similarity,
        "texts": [_text(t) for t in change.texts],
        "values": [_value(v) for v in change.values],
    }


def _block(placed: PlacedBlock | None) -> dict[str, Any] | None:
    if placed is None:
        return None
    return {
        "role": placed.block.role,
        "clause": placed.block.clause_id,
        "number": placed.block.number,
        "position": placed.position + 1,
        "name": placed.name,
    }


def _paragraph(change: BlockChange) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "id": change.id,
        "old": _block(change.old),
        "new": _block(change.new),
        "moved": change.moved,
        "renumbered": (
            {"old": change.renumbered[0], "new": change.renumbered[1]}
            if change.renumbered
            else None
        ),
        "texts": [_text(t) | {"name": change.field_name(t.field)} for t in change.texts],
    }


def _note(change: NoteChange) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "series": change.series,
        "source": change.source,
        "old_label": change.old.label if change.old else None,
        "new_label": change.new.label if change.new else None,
        "words": _words(change.spans),
    }


def to_data(
    diff: LibraryDiff | DocumentDiff, *, lang: str, stale: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    if isinstance(diff, LibraryDiff):
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "mode": "library",
            "lang": lang,
            "old": {"label": diff.old_label, "clauses": diff.old_count},
            "new": {"label": diff.new_label, "clauses": diff.new_count},
            "summary": diff.summary(),
            "changes": [_clause(c) for c in diff.changes],
        }
    else:
        data = {
            "schema": SCHEMA,
            "mode": "document",
            "lang": lang,
            "old": {"label": diff.old_label, "paragraphs": diff.old_count},
            "new": {"label": diff.new_label, "paragraphs": diff.new_count},
            "summary": diff.summary(),
            "changes": [_paragraph(c) for c in diff.changes],
            "notes": [_note(n) for n in diff.notes],
        }
    if stale is not None:
        data["stale_translations"] = stale
    return data


def write_json(
    diff: LibraryDiff | DocumentDiff, *, lang: str, stale: list[dict[str, Any]] | None = None
) -> str:
    return json.dumps(to_data(diff, lang=lang, stale=stale), ensure_ascii=False, indent=2) + "\n"

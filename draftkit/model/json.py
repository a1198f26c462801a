"""The assembled document as versioned JSON (``draftkit build -f json``), like pandoc's
``-t json``: for scripts and other tools, and for seeing what a template produced.

Every node is an object whose ``type`` is its class name in :mod:`draftkit.model` and
whose other keys are that class's fields, under the same names. A note call carries its
note's number; the note itself is written once, in ``footnotes`` or ``endnotes``, and
reading links the call back to that very object. ``docs/model-json.md`` describes the
format and its version rule.
"""

from __future__ import annotations

# This module is draftkit.model.json: the alias keeps the standard library's json apart
# from it for a reader of the code (the import itself is absolute and always stdlib).
import json as _json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from draftkit.errors import DraftkitError
from draftkit.model.nodes import (
    SERIES,
    Change,
    Document,
    DocumentMeta,
    Emph,
    Inline,
    Link,
    Note,
    NoteRef,
    Paragraph,
    Strong,
    SubParagraph,
    Text,
)

# Readers check the major version and refuse any other. A minor version only adds
# fields: a reader ignores keys it does not know, so an older draftkit still reads the
# output of a newer one of the same major version.
MAJOR = 1
MINOR = 1  # 1.1: SubParagraph.change
SCHEMA_VERSION: tuple[int, int] = (MAJOR, MINOR)
VERSION_KEY = "draftkit-model"

CHANGE_KINDS = ("ins", "del", "moveFrom", "moveTo")

T = TypeVar("T")

# -- writing -------------------------------------------------------------------------------


def dumps(doc: Document) -> bytes:
    """The document as UTF-8 JSON, the same bytes for the same document."""
    # Key order is the order the writer functions below build each object in (type
    # first), not sorted: fixed by the code, and it reads top-down like the model.
    text = _json.dumps(to_data(doc), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def to_data(doc: Document) -> dict[str, Any]:
    """The document as plain dicts, lists, strings, numbers, booleans and None."""
    notes = {"footnote": _numbered(doc.footnotes), "endnote": _numbered(doc.endnotes)}
    writer = _Writer(notes)
    meta = doc.meta
    return {
        VERSION_KEY: list(SCHEMA_VERSION),
        "meta": {
            "title": meta.title,
            "lang": meta.lang,
            "style": meta.style,
            "kind": meta.kind,
            "date": meta.date.isoformat() if meta.date is not None else None,
            "place": meta.place,
            "source": meta.source,
            "draft": meta.draft,
            "item_label": meta.item_label,
        },
        "blocks": [writer.paragraph(block) for block in doc.blocks],
        "footnotes": [writer.note(note) for note in doc.footnotes],
        "endnotes": [writer.note(note) for note in doc.endnotes],
    }


def _numbered(notes: list[Note]) -> dict[int, Note]:
    by_number: dict[int, Note] = {}
    for note in notes:
        if note.number in by_number:
            # A call names its note by number: two notes with one number would make the
            # dump ambiguous, so a broken model is refused rather than written wrongly.
            raise ValueError(f"two {note.series}s numbered {note.number}")
        by_number[note.number] = note
    return by_number


class _Writer:
    def __init__(self, notes: dict[str, dict[int, Note]]) -> None:
        self.notes = notes

    def paragraph(self, block: Paragraph) -> dict[str, Any]:
        return {
            "type": "Paragraph",
            "role": block.role,
            "number": block.number,
            "numbered": block.numbered,
            "clause_id": block.clause_id,
            "change": self.inline(block.change) if block.change is not None else None,
            "lead": self.inlines(block.lead),
            "content": self.inlines(block.content),
            "items": [self.sub_paragraph(item) for item in block.items],
        }

    def sub_paragraph(self, item: SubParagraph) -> dict[str, Any]:
        return {
            "type": "SubParagraph",
            "level": item.level,
            "label": item.label,
            "change": self.inline(item.change) if item.change is not None else None,
            "content": self.inlines(item.content),
            "children": [self.sub_paragraph(child) for child in item.children],
        }

    def note(self, note: Note) -> dict[str, Any]:
        return {
            "type": "Note",
            "series": note.series,
            "number": note.number,
            "label": note.label,
            "source": note.source,
            "content": self.inlines(note.content),
        }

    def inlines(self, inlines: list[Inline]) -> list[dict[str, Any]]:
        return [self.inline(node) for node in inlines]

    def inline(self, node: Inline) -> dict[str, Any]:
        if isinstance(node, Text):
            return {"type": "Text", "text": node.text}
        if isinstance(node, Emph | Strong):
            return {"type": type(node).__name__, "children": self.inlines(node.children)}
        if isinstance(node, Link):
            return {"type": "Link", "url": node.url, "children": self.inlines(node.children)}
        if isinstance(node, NoteRef):
            return {
                "type": "NoteRef",
                "source": node.source,
                "series": node.series,
                "note": self.note_number(node),
            }
        if isinstance(node, Change):
            return {
                "type": "Change",
                "kind": node.kind,
                "author": node.author,
                "date": node.date,
                "name": node.name,
                "children": self.inlines(node.children),
            }
        raise TypeError(f"not a node of the document model: {node!r}")

    def note_number(self, ref: NoteRef) -> int | None:
        if ref.note is None:
            return None  # a model dumped before notes are numbered
        number = ref.note.number
        if self.notes.get(ref.series, {}).get(number) is not ref.note:
            # Only the number is written: a note outside the document's lists would
            # come back as whichever note has that number, or not at all.
            raise ValueError(
                f"the call to note source '{ref.source}' links a {ref.series} numbered "
                f"{number} that is not in the document's {ref.series}s"
            )
        return number


# -- reading -------------------------------------------------------------------------------


def loads(data: bytes | str) -> Document:
    """A document from JSON written by :func:`dumps`."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DraftkitError(
                f"model JSON: not UTF-8 (byte {error.start}: {error.reason})"
            ) from None
    try:
        parsed = _json.loads(data, object_pairs_hook=_no_duplicate_keys)
    except _json.JSONDecodeError as error:
        raise DraftkitError(
            f"model JSON: not JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise DraftkitError("model JSON: nested too deeply") from None
    return from_data(parsed)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # The json module keeps the last of two equal keys; a hand-edited file with two
    # "text" keys would lose one without a word.
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DraftkitError(f"model JSON: the key {_shown(key)} appears twice in one object")
        out[key] = value
    return out


def from_data(data: Any) -> Document:
    """A document from the plain data :func:`to_data` returns (or ``json.loads`` of
    :func:`dumps`). Bad data raises :class:`DraftkitError` naming where it is."""
    try:
        return _Reader().document(data)
    except RecursionError:
        raise DraftkitError("model JSON: nested too deeply") from None


class _Reader:
    def __init__(self) -> None:
        # Note calls are linked once every note is read: a note's own text may call a
        # note that comes later.
        self.calls: list[tuple[NoteRef, int, str]] = []

    def fail(self, where: str, message: str, hint: str | None = None) -> DraftkitError:
        return DraftkitError(f"model JSON: {where}: {message}", hint=hint)

    def document(self, data: Any) -> Document:
        if not isinstance(data, dict):
            raise DraftkitError(f"model JSON: the top level is {_kind(data)}, not an object")
        self.version(data)
        meta = self.meta(self.field(data, "meta", dict, ""))
        footnotes = self.notes(data, "footnotes")
        endnotes = self.notes(data, "endnotes")
        blocks = self.each(data, "blocks", "", self.paragraph)
        numbered = {"footnote": footnotes, "endnote": endnotes}
        for ref, number, where in self.calls:
            note = numbered[ref.series].get(number)
            if note is None:
                raise self.fail(
                    where,
                    f"the note call names {ref.series} {number}, which is not in {ref.series}s",
                )
            ref.note = note
        return Document(meta, blocks, list(footnotes.values()), list(endnotes.values()))

    def version(self, data: dict[str, Any]) -> None:
        if VERSION_KEY not in data:
            raise DraftkitError(
                f"model JSON: no '{VERSION_KEY}' version: not a document written by draftkit"
            )
        version = data[VERSION_KEY]
        if not (
            isinstance(version, list)
            and len(version) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in version)
        ):
            raise DraftkitError(
                f"model JSON: '{VERSION_KEY}' is {_json.dumps(version)}, "
                "not [major, minor] (two whole numbers)"
            )
        major, minor = version
        if major != MAJOR:
            raise DraftkitError(
                f"model JSON: version {major}.{minor} is not supported: "
                f"this draftkit reads version {MAJOR}.x",
                hint="upgrade draftkit to read it" if major > MAJOR else None,
            )

    def meta(self, data: dict[str, Any]) -> DocumentMeta:
        where = "meta"
        raw_date = self.field(data, "date", (str, type(None)), where)
        try:
            when = date.fromisoformat(raw_date) if raw_date is not None else None
        except ValueError:
            raise self.fail(
                where, f"date {_shown(raw_date)} is not an ISO date (YYYY-MM-DD)"
            ) from None
        return DocumentMeta(
            title=self.field(data, "title", str, where),
            lang=self.field(data, "lang", str, where),
            style=self.field(data, "style", str, where),
            kind=self.field(data, "kind", str, where),
            date=when,
            place=self.field(data, "place", str, where),
            source=self.field(data, "source", str, where),
            draft=self.field(data, "draft", bool, where),
            item_label=self.field(data, "item_label", str, where),
        )

    def notes(self, data: dict[str, Any], key: str) -> dict[int, Note]:
        out: dict[int, Note] = {}
        for index, note in enumerate(self.each(data, key, "", self.note)):
            if note.number in out:
                raise self.fail(f"{key}[{index}]", f"a second {key[:-1]} numbered {note.number}")
            out[note.number] = note
        return out

    # -- nodes -----------------------------------------------------------------------------

    def node(self, data: Any, where: str, expected: tuple[str, ...]) -> str:
        """The node's type, checked to be one of ``expected`` here."""
        if not isinstance(data, dict):
            raise self.fail(where, f"{_kind(data)} where a node (an object) belongs")
        kind = self.field(data, "type", str, where)
        if kind not in expected:
            allowed = ", ".join(expected)
            if kind in ALL_TYPES:
                raise self.fail(where, f"a {kind} node cannot stand here (only {allowed})")
            raise self.fail(where, f"unknown node type {_shown(kind)} (known here: {allowed})")
        return kind

    def paragraph(self, data: Any, where: str) -> Paragraph:
        self.node(data, where, ("Paragraph",))
        change_data = self.field(data, "change", (dict, type(None)), where)
        change = None
        if change_data is not None:
            change = self.change(change_data, f"{where}.change")
        return Paragraph(
            role=self.field(data, "role", str, where),
            content=self.inlines(data, "content", where),
            lead=self.inlines(data, "lead", where),
            number=self.field(data, "number", (int, type(None)), where),
            items=self.each(data, "items", where, self.sub_paragraph),
            clause_id=self.field(data, "clause_id", (str, type(None)), where),
            numbered=self.field(data, "numbered", bool, where),
            change=change,
        )

    def sub_paragraph(self, data: Any, where: str) -> SubParagraph:
        self.node(data, where, ("SubParagraph",))
        change = None
        # Added in 1.1: a 1.0 file has no such key.
        if "change" in data:
            change_data = self.field(data, "change", (dict, type(None)), where)
            if change_data is not None:
                change = self.change(change_data, f"{where}.change")
        return SubParagraph(
            content=self.inlines(data, "content", where),
            level=self.field(data, "level", int, where),
            label=self.field(data, "label", str, where),
            children=self.each(data, "children", where, self.sub_paragraph),
            change=change,
        )

    def note(self, data: Any, where: str) -> Note:
        self.node(data, where, ("Note",))
        return Note(
            series=self.series(data, where),
            number=self.field(data, "number", int, where),
            label=self.field(data, "label", str, where),
            content=self.inlines(data, "content", where),
            source=self.field(data, "source", str, where),
        )

    def inlines(self, data: dict[str, Any], key: str, where: str) -> list[Inline]:
        return self.each(data, key, where, self.inline)

    def inline(self, data: Any, where: str) -> Inline:
        kind = self.node(data, where, INLINE_TYPES)
        if kind == "Text":
            return Text(self.field(data, "text", str, where))
        if kind == "Emph":
            return Emph(self.inlines(data, "children", where))
        if kind == "Strong":
            return Strong(self.inlines(data, "children", where))
        if kind == "Link":
            return Link(self.field(data, "url", str, where), self.inlines(data, "children", where))
        if kind == "NoteRef":
            ref = NoteRef(self.field(data, "source", str, where), self.series(data, where))
            number = self.field(data, "note", (int, type(None)), where)
            if number is not None:
                self.calls.append((ref, number, where))
            return ref
        return self.change(data, where)

    def change(self, data: Any, where: str) -> Change:
        self.node(data, where, ("Change",))
        kind = self.field(data, "kind", str, where)
        if kind not in CHANGE_KINDS:
            raise self.fail(
                where, f"change kind {_shown(kind)} is not one of {', '.join(CHANGE_KINDS)}"
            )
        return Change(
            kind,  # type: ignore[arg-type]
            self.inlines(data, "children", where),
            author=self.field(data, "author", str, where),
            date=self.field(data, "date", str, where),
            name=self.field(data, "name", str, where),
        )

    # -- fields ----------------------------------------------------------------------------

    def series(self, data: dict[str, Any], where: str) -> Any:
        series = self.field(data, "series", str, where)
        if series not in SERIES:
            raise self.fail(where, f"series {_shown(series)} is not one of {', '.join(SERIES)}")
        return series

    def field(self, data: dict[str, Any], key: str, types: Any, where: str) -> Any:
        if key not in data:
            kind = data.get("type")
            what = f"{kind} has no" if isinstance(kind, str) else "no"
            raise self.fail(where or "top level", f"{what} '{key}'")
        value = data[key]
        wanted = types if isinstance(types, tuple) else (types,)
        # JSON true and false are Python bools, which are ints too: a number field must
        # not take them.
        if isinstance(value, bool) and bool not in wanted:
            ok = False
        else:
            ok = isinstance(value, wanted)
        if not ok:
            raise self.fail(
                where or "top level",
                f"'{key}' is {_kind(value)}, not {' or '.join(_NAMES[t] for t in wanted)}",
            )
        return value

    def each(
        self, data: dict[str, Any], key: str, where: str, read: Callable[[Any, str], T]
    ) -> list[T]:
        items = self.field(data, key, list, where)
        prefix = f"{where}.{key}" if where else key
        return [read(item, f"{prefix}[{i}]") for i, item in enumerate(items)]


INLINE_TYPES = ("Text", "Emph", "Strong", "Link", "NoteRef", "Change")
ALL_TYPES = (*INLINE_TYPES, "Paragraph", "SubParagraph", "Note")

_NAMES = {
    str: "a string",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def _kind(value: Any) -> str:
    """What a JSON value is, in the words of an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    for kind, name in _NAMES.items():
        if isinstance(value, kind):
            return name
    if isinstance(value, float):
        return "a fractional number"
    return type(value).__name__


def _shown(text: str) -> str:
    """A string from the data, quoted for a message: escapes keep the message on one
    line, and a runaway value is cut short."""
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."

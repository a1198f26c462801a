"""``review --apply``: the reviewers' changes written back where they belong.

- A changed clause paragraph: the clause's lead, text or sub-paragraph in its YAML file
  (source language), or the clause's message in the locale's catalog (a translation);
  never the English clause from a translated file.
- A new paragraph: an inline paragraph of the document spec, after the clause it follows.
- A deleted paragraph: its use leaves the document spec; the clause stays in the library.
- Comments: ``reviews/<document>.yaml``.

Every change is placed first; nothing is written if one cannot be placed, unless
``partial``. YAML files are rewritten through ruamel.yaml's round trip, which keeps the
comments, key order and formatting of what is not changed; catalogs through Babel, with
every entry not changed kept as the translator wrote it (``i18n.splice``). All files are
published together (``fsutil.publish_all``): one temporary file and rename each.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftkit.errors import InputError
from draftkit.fsutil import publish_all
from draftkit.library.clauses import Clause
from draftkit.model.origins import Origin
from draftkit.review.compare import ParagraphReview, normal
from draftkit.review.placing import Edit, Unplaced, char_edits, escape_text, place
from draftkit.review.run import Reviewing

_WRAP = 96  # the library's line width: a rewritten folded text wraps as the files do


@dataclass
class ApplyResult:
    outcomes: dict[int, str] = field(default_factory=dict)  # entry index → what was done
    written: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def target_text(entry: ParagraphReview, accept: str) -> str:
    """The paragraph's text as ``accept`` takes it: every change (``all``), the tracked
    changes on the text as built (``tracked``), or the untracked edits alone (``none``)."""
    if accept == "all":
        return entry.accepted
    if accept == "none":
        return entry.original
    # The tracked changes are edits of the original text; replayed on the text as built.
    built, original = entry.built, entry.original
    untracked = char_edits(built, original)
    result = built
    for edit in reversed(char_edits(original, entry.accepted)):
        start = _to_built(edit.start, untracked)
        end = _to_built(edit.end, untracked)
        if start is None or end is None:
            raise Unplaced("a tracked change overlaps an untracked edit")
        result = result[:start] + edit.text + result[end:]
    return normal(result)


def _to_built(position: int, untracked: list[Edit]) -> int | None:
    """A position in the original text as a position in the text as built, if it lies
    outside every untracked edit (``untracked``: the edits of the built text that give
    the original)."""
    shift = 0
    for edit in untracked:
        start = edit.start + shift  # where the edit's text lies in the original
        end = start + len(edit.text)
        if position <= start:
            break
        if position < end:
            return None
        shift += len(edit.text) - (edit.end - edit.start)
    return position - shift


class _Yaml:
    """Round-trip YAML files, loaded once each and dumped at the end."""

    def __init__(self) -> None:
        from ruamel.yaml import YAML

        self.yaml = YAML(typ="rt")
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # never re-wrap a line the drafter wrapped
        self.yaml.indent(mapping=2, sequence=4, offset=2)
        self.files: dict[Path, Any] = {}

    def load(self, path: Path) -> Any:
        if path not in self.files:
            self.files[path] = self.yaml.load(path.read_text(encoding="utf-8"))
        return self.files[path]

    def dump(self, path: Path) -> bytes:
        out = io.StringIO()
        self.yaml.dump(self.files[path], out)
        return out.getvalue().encode("utf-8")


def _styled(old: Any, text: str, indent: int) -> Any:
    """``text`` in the scalar style of the value it replaces, a folded text wrapped."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(old, FoldedScalarString):
        new = FoldedScalarString(text)
        folds, width, line = [], _WRAP - indent, 0
        for i, ch in enumerate(text):
            if ch == " " and i - line > width:
                previous = text.rfind(" ", line, line + width + 1)
                at = previous if previous > line else i
                folds.append(at)
                line = at + 1
        new.fold_pos = folds  # type: ignore[attr-defined]
        return new
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(text)
    return type(old)(text) if isinstance(old, str) and type(old) is not str else text


def _clause_node(yaml: _Yaml, clause: Clause) -> Any:
    data = yaml.load(clause.path)
    for node in data.get("clauses", []) if hasattr(data, "get") else []:
        if hasattr(node, "get") and node.get("id") == clause.id:
            return node
    raise Unplaced(f"clause '{clause.id}' not found in {clause.path.name}")


def _item_parent(node: Any, part: str) -> tuple[Any, Any]:
    """The container and key of a sub-paragraph's text: (list, index) or (mapping, "text")."""
    items, container, key = node.get("items"), None, None
    for depth, number in enumerate(part.split(".")):
        index = int(number) - 1
        if items is None or index >= len(items):
            raise Unplaced(f"sub-paragraph {part} is not in the clause")
        element = items[index]
        last = depth == len(part.split(".")) - 1
        if last:
            container, key = (items, index) if isinstance(element, str) else (element, "text")
        else:
            items = element.get("items") if hasattr(element, "get") else None
    return container, key


@dataclass
class _Plan:
    yaml: _Yaml = field(default_factory=_Yaml)
    catalogs: dict[str, Any] = field(default_factory=dict)  # path → Babel catalog
    touched: set[Path] = field(default_factory=set)
    spec_edits: list[Callable[[Any], None]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)


def _source_fields(clause: Clause, part: str) -> list[str]:
    if not part:
        return [clause.lead.source, clause.text.source]
    items = clause.items
    for depth, number in enumerate(part.split(".")):
        item = items[int(number) - 1]
        if depth == len(part.split(".")) - 1:
            return [item.text.source]
        items = item.items
    raise Unplaced(f"sub-paragraph {part} is not in the clause")


def _clause_text(plan: _Plan, reviewing: Reviewing, origin: Origin, target: str, built: str) -> str:
    clause_id = (origin.clause_id or "").split("#")[0]
    clause = reviewing.project.library.clauses.get(clause_id)
    if clause is None:
        raise Unplaced(f"clause '{clause_id}' is not in the library")
    english = _source_fields(clause, origin.part)
    source_lang = reviewing.project.config.source_locale
    if reviewing.lang == source_lang:
        new = place(english, built, target)
        node = _clause_node(plan.yaml, clause)
        if not origin.part:
            for name, old, value in zip(("lead", "text"), english, new, strict=True):
                if value != old:
                    node[name] = _styled(node.get(name), value, 6)
        else:
            container, key = _item_parent(node, origin.part)
            container[key] = _styled(container[key], new[0], 8 + 2 * origin.part.count("."))
        plan.touched.add(clause.path)
        return f"{clause.path.name}: clause '{clause.id}'" + (
            f" sub-paragraph {origin.part}" if origin.part else ""
        )
    return _catalog_text(plan, reviewing, clause, english, target, built)


def _catalog_text(
    plan: _Plan, reviewing: Reviewing, clause: Clause, english: list[str], target: str, built: str
) -> str:
    from draftkit.i18n.catalogs import catalog_path

    path = catalog_path(reviewing.project.locales_dir, reviewing.lang)
    catalog = _catalog(plan, reviewing, path)
    messages = []
    for text in english:
        if not text:
            messages.append(None)
            continue
        message = catalog.get(text, context=clause.id)
        if message is None or not message.string or message.fuzzy:
            raise Unplaced(
                f"clause '{clause.id}' has no finished {reviewing.lang} translation in "
                f"{path.name}: the document shows the source text"
            )
        messages.append(message)
    sources = [m.string if m is not None else "" for m in messages]
    new = place(sources, built, target)
    for message, value in zip(messages, new, strict=True):
        if message is not None and value != message.string:
            message.string = value
    plan.touched.add(path)
    return f"{path.name}: clause '{clause.id}' ({reviewing.lang})"


def _use_lists(spec: Any) -> list[tuple[str, Any]]:
    return [(key, spec.get(key)) for key in ("preamble", "operative") if spec.get(key) is not None]


def _use_id(element: Any) -> str | None:
    if isinstance(element, str):
        return element.strip()
    if hasattr(element, "get"):
        return element.get("clause")
    return None


def _locate(spec: Any, clause_id: str) -> tuple[Any, Any] | None:
    """Where a clause is used in the spec: (list, index) or (spec, "opening")."""
    for key in ("opening", "chapeau", "closing"):
        if _use_id(spec.get(key)) == clause_id:
            return spec, key
    for _, uses in _use_lists(spec):
        for index, element in enumerate(uses):
            if _use_id(element) == clause_id:
                return uses, index
    return None


def _new_paragraph(spec: Any, after: Origin | None, text: str) -> str:
    from ruamel.yaml.comments import CommentedMap

    if after is None or after.clause_id is None:
        raise Unplaced("a new paragraph outside the preamble and operative part")
    clause_id = after.clause_id.split("#")[0]
    where = _locate(spec, clause_id)
    if where is None:
        raise Unplaced(f"clause '{clause_id}' is not in the document spec")
    container, key = where
    entry = CommentedMap(text=text)
    if container is spec:
        follows = {"opening": "preamble", "chapeau": "operative"}.get(key)
        if follows is None or spec.get(follows) is None:
            raise Unplaced(f"a new paragraph after the {key}")
        spec[follows].insert(0, entry)
        return f"new paragraph at the start of {follows}"
    container.insert(key + 1, entry)
    return f"new paragraph after '{clause_id}'"


def _delete_use(spec: Any, origin: Origin) -> str:
    if origin.clause_id is None or origin.part:
        raise Unplaced("only a whole clause paragraph can leave the document spec")
    clause_id = origin.clause_id.split("#")[0]
    where = _locate(spec, clause_id)
    if where is None:
        raise Unplaced(f"clause '{clause_id}' is not in the document spec")
    container, key = where
    del container[key]
    return f"'{clause_id}' removed from the document spec"


def _apply_entry(
    plan: _Plan, reviewing: Reviewing, entry: ParagraphReview, accept: str
) -> str | None:
    tracked_only = accept == "tracked"
    if entry.status == "new":
        if (accept == "none" and entry.tracked_whole) or (tracked_only and not entry.tracked_whole):
            return "left out (--accept)"
        if reviewing.lang != reviewing.project.config.source_locale:
            # The spec's inline paragraphs are written in the source language.
            raise Unplaced(
                f"a new paragraph in the {reviewing.lang} text: add it to the document spec "
                "in the source language, then translate it"
            )
        text = normal(entry.accepted if accept != "none" else entry.original)
        if "\ufffc" in text:
            raise Unplaced("the new paragraph has a note call: add it by hand")
        escaped = escape_text(text)
        plan.spec_edits.append(lambda spec: _new_paragraph(spec, entry.after, escaped))
        return "new paragraph in the document spec"
    if entry.status == "deleted":
        if (accept == "none" and entry.tracked_whole) or (tracked_only and not entry.tracked_whole):
            return "kept (--accept)"
        assert entry.origin is not None
        origin = entry.origin
        plan.spec_edits.append(lambda spec: _delete_use(spec, origin))
        return "removed from the document spec"
    if entry.status != "changed":
        return None
    assert entry.origin is not None
    target = target_text(entry, accept)
    if target == entry.built:
        return "nothing to apply (--accept)"
    if entry.origin.clause_id is None:
        return _field_text(plan, reviewing, entry.origin.part, target, entry.built)
    return _clause_text(plan, reviewing, entry.origin, target, entry.built)


# The document fields written back: the paragraph's role → the spec's key (plain text).
_FIELDS = {"title": "title", "subtitle": "forum"}


def _field_text(plan: _Plan, reviewing: Reviewing, part: str, target: str, built: str) -> str:
    key = _FIELDS.get(part)
    spec = reviewing.spec
    old = getattr(spec, key, None) if key else None
    if key is None or not isinstance(old, str):
        raise Unplaced(f"a document field ({part}): edit the document spec by hand")
    if reviewing.lang == reviewing.project.config.source_locale:
        if normal(old) != built:
            raise Unplaced(f"the {key} as built does not read as the spec's")
        data = plan.yaml.load(reviewing.spec_path)
        data[key] = _styled(data.get(key), target, 2)
        plan.touched.add(reviewing.spec_path)
        return f"{reviewing.spec_path.name}: {key}"
    from draftkit.i18n.catalogs import catalog_path
    from draftkit.i18n.messages import document_context

    path = catalog_path(reviewing.project.locales_dir, reviewing.lang)
    message = _catalog(plan, reviewing, path).get(old, context=document_context(spec.name))
    if message is None or not message.string or message.fuzzy or normal(message.string) != built:
        raise Unplaced(f"the document's {key} has no finished {reviewing.lang} translation")
    message.string = target
    plan.touched.add(path)
    return f"{path.name}: the document's {key} ({reviewing.lang})"


def _catalog(plan: _Plan, reviewing: Reviewing, path: Path) -> Any:
    from draftkit.i18n.catalogs import read_catalog

    if path not in plan.catalogs:
        if not path.is_file():
            raise Unplaced(f"no catalog for {reviewing.lang}")
        plan.catalogs[path] = read_catalog(path, locale=reviewing.lang)
    return plan.catalogs[path]


def _review_notes(reviewing: Reviewing) -> list[dict[str, str]]:
    out = []
    for entry in reviewing.review.paragraphs:
        for comment in entry.comments:
            out.append(
                {
                    "author": comment.author,
                    "date": comment.date,
                    "origin": entry.origin.key if entry.origin else "new paragraph",
                    "anchored": comment.anchored,
                    "text": comment.text,
                }
            )
    return out


def apply_review(
    reviewing: Reviewing, *, accept: str = "all", partial: bool = False
) -> ApplyResult:
    result = ApplyResult()
    plan = _Plan()
    spec_path = reviewing.spec_path
    for index, entry in enumerate(reviewing.review.paragraphs):
        try:
            outcome = _apply_entry(plan, reviewing, entry, accept)
        except Unplaced as exc:
            where = entry.origin.key if entry.origin else "new paragraph"
            result.unplaced.append(f"{where}: {exc}")
            result.outcomes[index] = f"not placed: {exc}"
            continue
        if outcome:
            result.outcomes[index] = outcome
    for note in reviewing.review.notes:
        # A note is built from its source's title, publisher, date and address: an edit
        # of its text has no one place to go.
        result.unplaced.append(
            f"{note.series} {note.number}: a note's text is not written back "
            "(edit its source in sources.yaml)"
        )
    if plan.spec_edits:
        spec = plan.yaml.load(spec_path)
        for edit in plan.spec_edits:
            try:
                edit(spec)
            except Unplaced as exc:
                result.unplaced.append(f"document spec: {exc}")
        plan.touched.add(spec_path)
    if result.unplaced and not partial:
        raise InputError(
            f"{len(result.unplaced)} change(s) cannot be placed, nothing written:\n  "
            + "\n  ".join(result.unplaced),
            path=reviewing.review.path,
            hint="edit those by hand, or --partial to write the others",
        )
    outputs: list[tuple[Path, bytes]] = []
    for path in sorted(plan.touched):
        if path in plan.catalogs:
            outputs.append((path, _catalog_bytes(path, plan.catalogs[path])))
        else:
            outputs.append((path, plan.yaml.dump(path)))
    notes = _review_notes(reviewing)
    if notes:
        outputs.append(_notes_file(reviewing, notes))
    publish_all(outputs)
    root = reviewing.project.root
    result.written = [_relative(p, root) for p, _ in outputs]
    return result


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _catalog_bytes(path: Path, catalog: Any) -> bytes:
    from draftkit.i18n.extract import serialise
    from draftkit.i18n.splice import splice

    before = path.read_text(encoding="utf-8")
    return splice(before, serialise(catalog).decode("utf-8")).text.encode("utf-8")


def _notes_file(reviewing: Reviewing, notes: list[dict[str, str]]) -> tuple[Path, bytes]:
    """``reviews/<document>.yaml``: the comments of every review of the document, the new
    ones appended (the same comment read twice is kept once)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    path = reviewing.project.root / "reviews" / f"{reviewing.spec_path.stem}.yaml"
    data: Any = {"reviews": []}
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8")) or {"reviews": []}
    reviews = data.setdefault("reviews", [])
    seen = {(r.get("author"), r.get("date"), r.get("text")) for r in reviews}
    for note in notes:
        key = (note["author"], note["date"], note["text"])
        if key not in seen:
            reviews.append({**note, "file": reviewing.review.path.name, "lang": reviewing.lang})
            seen.add(key)
    out = io.StringIO()
    yaml.dump(data, out)
    return path, out.getvalue().encode("utf-8")

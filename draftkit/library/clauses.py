"""Clauses: reusable paragraphs of a resolution, loaded from ``clauses/*.yaml``.

A clause file holds a list under ``clauses:``::

    clauses:
      - id: recognize-women-role
        kind: preambular              # preambular | operative | paragraph
        lead: Recognizing             # optional lead phrase
        text: the key role of women in {country} ...
        tags: [gender, sdg]
        params:
          country: {help: "country name", default: "the Kyrgyz Republic"}
        items:                        # optional lettered sub-paragraphs
          - text: first point
          - text: second point
            items: [{text: nested (i)}]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from draftkit.errors import InputError
from draftkit.library.markup import MarkupError, is_valid_id, note_refs, parse, placeholders
from draftkit.model.nodes import Inline, NoteRef
from draftkit.yamlfile import Node, load_yaml

KINDS = ("preambular", "operative", "paragraph")
CLAUSE_FIELDS = {"id", "kind", "lead", "text", "tags", "params", "items", "title", "note"}
MAX_DEPTH = 2

REFERENCE = 'README.md, "Writing clauses"'


@dataclass(slots=True)
class Param:
    name: str
    help: str = ""
    default: str | None = None


@dataclass(slots=True)
class Markup:
    """A piece of drafter-written markup: its source text and its parsed inlines."""

    source: str
    inlines: list[Inline]
    line: int

    @classmethod
    def from_node(cls, node: Node, what: str) -> Markup:
        source = node.text(what).strip()
        try:
            return cls(source, parse(source), node.line)
        except MarkupError as exc:
            raise node.error(f"{what}: {exc}", hint=exc.hint) from None

    @classmethod
    def empty(cls, line: int = 0) -> Markup:
        return cls("", [], line)


@dataclass(slots=True)
class SubItem:
    text: Markup
    items: list[SubItem] = field(default_factory=list)


@dataclass(slots=True)
class Clause:
    id: str
    kind: str
    text: Markup
    lead: Markup
    path: Path
    line: int
    tags: list[str] = field(default_factory=list)
    params: dict[str, Param] = field(default_factory=dict)
    items: list[SubItem] = field(default_factory=list)
    title: str = ""
    note: str = ""

    def markups(self) -> list[Markup]:
        """Every translatable piece, in reading order."""
        out = [self.lead, self.text] if self.lead.source else [self.text]
        stack = list(reversed(self.items))
        while stack:
            item = stack.pop()
            out.append(item.text)
            stack.extend(reversed(item.items))
        return out

    def note_refs(self) -> list[tuple[NoteRef, int]]:
        return [(ref, m.line) for m in self.markups() for ref in note_refs(m.inlines)]

    def summary(self, width: int = 80) -> str:
        from draftkit.model.nodes import plain_text

        text = " ".join(
            filter(None, [plain_text(self.lead.inlines), plain_text(self.text.inlines)])
        )
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _load_items(node: Node, depth: int, clause_id: str) -> list[SubItem]:
    if node.value is None:
        return []
    if not node.is_sequence():
        raise node.error(f"'items' of clause '{clause_id}' must be a list")
    if depth > MAX_DEPTH:
        raise node.error(
            f"clause '{clause_id}' nests sub-paragraphs deeper than (a) → (i)",
            hint="two levels of sub-paragraphs are supported",
        )
    items = []
    for element in node.elements():
        if isinstance(element.value, str):
            items.append(SubItem(Markup.from_node(element, "sub-paragraph")))
            continue
        if not element.is_mapping():
            raise element.error("a sub-paragraph is text or a mapping with 'text:'")
        element.check_keys({"text", "items"}, "a sub-paragraph")
        text = Markup.from_node(element.require("text", "sub-paragraph"), "sub-paragraph")
        children = element.get("items")
        items.append(SubItem(text, _load_items(children, depth + 1, clause_id) if children else []))
    return items


def _load_params(node: Node | None, clause_id: str) -> dict[str, Param]:
    if node is None or node.value is None:
        return {}
    if not node.is_mapping():
        raise node.error(
            f"'params' of clause '{clause_id}' must be a mapping of name: {{help, default}}"
        )
    params: dict[str, Param] = {}
    for name, spec in node.items():
        if spec.value is None:
            params[name] = Param(name)
        elif isinstance(spec.value, str):
            params[name] = Param(name, help=spec.value)
        elif spec.is_mapping():
            spec.check_keys({"help", "default"}, f"parameter '{name}'")
            default = spec.get("default")
            help_ = spec.get("help")
            params[name] = Param(
                name,
                help=help_.text("help") if help_ and help_.value is not None else "",
                default=default.text("default") if default and default.value is not None else None,
            )
        else:
            raise spec.error(f"parameter '{name}' must be a help text or {{help, default}}")
    return params


def load_clause(node: Node) -> Clause:
    if not node.is_mapping():
        raise node.error("each clause must be a mapping with at least 'id', 'kind' and 'text'")
    node.check_keys(CLAUSE_FIELDS, "a clause")
    clause_id = node.require("id", "a clause").text("clause id")
    if not is_valid_id(clause_id):
        raise node.require("id", "a clause").error(
            f"clause id {clause_id!r} is not a valid id",
            hint="use lower-case letters, digits, '-', '_' and '.', e.g. recognize-women-role",
        )
    kind_node = node.require("kind", f"clause '{clause_id}'")
    kind = kind_node.text("kind")
    if kind not in KINDS:
        raise kind_node.error(
            f"clause '{clause_id}' has unknown kind {kind!r}",
            hint="kind is one of: " + ", ".join(KINDS),
        )
    text = Markup.from_node(node.require("text", f"clause '{clause_id}'"), f"clause '{clause_id}'")
    lead_node = node.get("lead")
    lead = (
        Markup.from_node(lead_node, f"lead of clause '{clause_id}'")
        if lead_node is not None and lead_node.value is not None
        else Markup.empty(node.line)
    )
    tags_node = node.get("tags")
    items_node = node.get("items")
    clause = Clause(
        id=clause_id,
        kind=kind,
        text=text,
        lead=lead,
        path=node.path,
        line=node.line,
        tags=tags_node.text_list("tags") if tags_node else [],
        params=_load_params(node.get("params"), clause_id),
        items=_load_items(items_node, 1, clause_id) if items_node else [],
        title=(node.get("title").text("title") if node.get("title") else ""),  # type: ignore[union-attr]
        note=(node.get("note").text("note") if node.get("note") else ""),  # type: ignore[union-attr]
    )
    _check_placeholders(clause)
    return clause


def _check_placeholders(clause: Clause) -> None:
    for markup in clause.markups():
        for name in placeholders(markup.inlines):
            if name not in clause.params:
                raise InputError(
                    f"clause '{clause.id}' uses parameter {{{name}}} but does not declare it",
                    path=clause.path,
                    line=markup.line,
                    hint=f"add it under 'params:' (e.g. {name}: {{help: ..., default: ...}})",
                )


def load_clause_file(path: Path, text: str | None = None) -> list[Clause]:
    root = load_yaml(path, text, REFERENCE)
    if root.value is None:
        return []
    if not root.is_mapping() or root.get("clauses") is None:
        raise root.error(
            "a clause file holds a list under 'clauses:'",
            hint="start the file with 'clauses:' and list the clauses below it",
        )
    root.check_keys({"clauses"}, "a clause file")
    clauses_node = root.require("clauses", "a clause file")
    if not clauses_node.is_sequence():
        raise clauses_node.error("'clauses' must be a list of clauses")
    return [load_clause(element) for element in clauses_node.elements()]

"""Document specs (``documents/*.yaml``): which clauses, in which order, for which forum.

::

    template: resolution            # templates/resolution.xml.j2
    style: plain                    # plain | un
    symbol: S/RES/2467 (2019)       # optional: a UN document symbol, printed at the top right
    title: Final joint resolution of the forum participants
    adoption: Adopted by the Security Council at its 8514th meeting, on 23 April 2019
                                    # optional: the adoption line, under the title
    organ: The Security Council,    # optional: the line before the preambular paragraphs
    forum: Civic Forum “For Women’s Rights and Gender Inclusion”
    date: 2025-03-04                # optional; a line of its own unless there is an adoption line
    place: Bellagio Business Center, Bishkek
    city: Bishkek
    params: {country: the Kyrgyz Republic}
    opening: participants-declare-solidarity       # a clause id …
    preamble:
      - recognize-women-role
      - clause: women-decision-making                # … with its own parameters
        params: {school: Bir Duino KR}
      - text: An inline paragraph, written here.      # … or inline text
    chapeau: {text: "The participants of the forum:"}
    operative: [...]
    closing: collective-commitment
    signature: {by: Participants of the Civil Forum, date: 2025-03-04, place: Bishkek}

docs/document-spec.md describes every field; a test keeps it in step with ``DOC_FIELDS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from draftkit.library.clauses import Markup
from draftkit.library.formatting import STYLES
from draftkit.library.markup import is_valid_id
from draftkit.yamlfile import Node, load_yaml

REFERENCE = "docs/document-spec.md"
SLOTS = ("opening", "chapeau", "closing")
LISTS = ("preamble", "operative")
# The lines of a UN heading: the document symbol, the adoption line and the organ.
UN_HEADING = ("symbol", "adoption", "organ")
DOC_FIELDS = {
    "template",
    "style",
    "title",
    *UN_HEADING,
    "forum",
    "date",
    "place",
    "city",
    "lang",
    "params",
    "signature",
    *SLOTS,
    *LISTS,
}
PARAGRAPH_FIELDS = {"clause", "params", "text"}
SIGNATURE_FIELDS = {"by", "date", "place"}


@dataclass(slots=True)
class ClauseUse:
    """One paragraph of a document: a library clause (with parameters) or inline text."""

    line: int
    clause_id: str | None = None
    text: Markup | None = None
    params: dict[str, str] = field(default_factory=dict)
    kind: str = "paragraph"


@dataclass(slots=True)
class Signature:
    by: str = ""
    date: date | None = None
    place: str = ""


@dataclass(slots=True)
class DocumentSpec:
    path: Path
    name: str
    template: str
    style: str
    title: str
    symbol: str = ""
    adoption: str = ""
    organ: str = ""
    forum: str = ""
    date: date | None = None
    place: str = ""
    city: str = ""
    lang: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    opening: ClauseUse | None = None
    chapeau: ClauseUse | None = None
    closing: ClauseUse | None = None
    preamble: list[ClauseUse] = field(default_factory=list)
    operative: list[ClauseUse] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    lines: dict[str, int] = field(default_factory=dict)  # "title", "params.x", "signature.by"…

    @property
    def template_line(self) -> int:
        return self.lines.get("template", 1)

    def uses(self) -> list[tuple[str, ClauseUse]]:
        """Every clause use with the part of the document it sits in, in reading order."""
        out: list[tuple[str, ClauseUse]] = []
        if self.opening:
            out.append(("opening", self.opening))
        out += [("preamble", u) for u in self.preamble]
        if self.chapeau:
            out.append(("chapeau", self.chapeau))
        out += [("operative", u) for u in self.operative]
        if self.closing:
            out.append(("closing", self.closing))
        return out


def _string_map(node: Node | None, what: str) -> dict[str, str]:
    if node is None or node.value is None:
        return {}
    if not node.is_mapping():
        raise node.error(f"{what} must be a mapping of name: value")
    return {key: value.text(f"{what} '{key}'") for key, value in node.items()}


def _date(node: Node | None, what: str) -> date | None:
    if node is None or node.value is None:
        return None
    if isinstance(node.value, date):
        return node.value
    raise node.error(
        f"{what} {node.value!r} is not a date", hint="write it as YYYY-MM-DD, e.g. 2025-03-04"
    )


def _clause_use(node: Node, default_kind: str) -> ClauseUse:
    if isinstance(node.value, str):
        clause_id = node.value.strip()
        if not is_valid_id(clause_id):
            raise node.error(
                f"{clause_id!r} is not a clause id",
                hint="for a paragraph written here, use '- text: ...'",
            )
        return ClauseUse(node.line, clause_id=clause_id, kind=default_kind)
    if not node.is_mapping():
        raise node.error("a paragraph is a clause id, {clause: id, params: ...} or {text: ...}")
    node.check_keys(PARAGRAPH_FIELDS, "a paragraph")
    clause = node.get("clause")
    text = node.get("text")
    if (clause is None) == (text is None):
        raise node.error("a paragraph needs exactly one of 'clause:' or 'text:'")
    params = _string_map(node.get("params"), "params")
    if clause is not None:
        return ClauseUse(
            node.line, clause_id=clause.text("clause id").strip(), params=params, kind=default_kind
        )
    return ClauseUse(
        node.line,
        text=Markup.from_node(text, "paragraph"),
        params=params,  # type: ignore[arg-type]
        kind=default_kind,
    )


def load_document_spec(path: Path, text: str | None = None) -> DocumentSpec:
    root = load_yaml(path, text, REFERENCE)
    if not root.is_mapping():
        raise root.error("a document spec is a mapping with 'title', 'preamble', 'operative'…")
    root.check_keys(DOC_FIELDS, "a document spec")

    def text(key: str, default: str = "") -> str:
        node = root.get(key)
        return node.text(key).strip() if node is not None and node.value is not None else default

    style = text("style", "")
    if style and style not in STYLES:
        raise root.get("style").error(  # type: ignore[union-attr]
            f"unknown formatting style {style!r}", hint="style is one of: " + ", ".join(STYLES)
        )
    lang_node = root.get("lang")
    if lang_node is not None and lang_node.value is not None:
        from draftkit.errors import DraftkitError
        from draftkit.locale import check_language

        try:
            check_language(lang_node.text("lang"))
        except DraftkitError as exc:
            raise lang_node.error(exc.message, hint=exc.hint) from None
    spec = DocumentSpec(
        path=path,
        name=path.stem,
        template=text("template", "resolution"),
        style=style,
        title=root.require("title", "the document").text("title").strip(),
        symbol=text("symbol"),
        adoption=text("adoption"),
        organ=text("organ"),
        forum=text("forum"),
        date=_date(root.get("date"), "date"),
        place=text("place"),
        city=text("city"),
        lang=text("lang") or None,
        params=_string_map(root.get("params"), "params"),
    )
    spec.lines = {key: node.line for key, node in root.items()}
    params_node = root.get("params")
    if params_node is not None and params_node.is_mapping():
        spec.lines.update({f"params.{k}": v.line for k, v in params_node.items()})
    kinds = {
        "opening": "paragraph",
        "chapeau": "paragraph",
        "closing": "paragraph",
        "preamble": "preambular",
        "operative": "operative",
    }
    for slot in SLOTS:
        node = root.get(slot)
        if node is not None and node.value is not None:
            setattr(spec, slot, _clause_use(node, kinds[slot]))
    for part in LISTS:
        node = root.get(part)
        if node is None or node.value is None:
            continue
        if not node.is_sequence():
            raise node.error(f"'{part}' must be a list of clause ids or paragraphs")
        setattr(spec, part, [_clause_use(e, kinds[part]) for e in node.elements()])
    sig = root.get("signature")
    if sig is not None and sig.value is not None:
        if not sig.is_mapping():
            raise sig.error("'signature' is a mapping with 'by', 'date' and 'place'")
        sig.check_keys(SIGNATURE_FIELDS, "the signature")
        by = sig.get("by")
        place = sig.get("place")
        spec.lines.update({f"signature.{k}": v.line for k, v in sig.items()})
        spec.signature = Signature(
            by=by.text("by") if by is not None and by.value is not None else "",
            date=_date(sig.get("date"), "signature date") or spec.date,
            place=place.text("place") if place is not None and place.value is not None else "",
        )
    return spec

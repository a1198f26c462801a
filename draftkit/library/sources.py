"""Footnote sources: what a note reference ``[^id]`` points to (``sources.yaml``)::

sources:
  - id: sdg-goals
    title: Sustainable Development Goals
    publisher: United Nations
    url: https://www.un.org/sustainabledevelopment/
    date: 2015-09-25          # optional: a date, a year or text
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from draftkit.library.markup import (
    ALLOWED_LINK_SCHEMES,
    MarkupError,
    check_url_length,
    is_valid_id,
)
from draftkit.yamlfile import Node, load_yaml

SOURCE_FIELDS = {"id", "title", "publisher", "url", "date", "note"}

REFERENCE = 'README.md, "Writing clauses"'


@dataclass(slots=True)
class Source:
    id: str
    path: Path
    line: int
    title: str = ""
    publisher: str = ""
    url: str = ""
    date: date | str | None = None
    note: str = ""


def load_source(node: Node) -> Source:
    if not node.is_mapping():
        raise node.error("each source must be a mapping with at least 'id' and 'url' or 'title'")
    node.check_keys(SOURCE_FIELDS, "a source")
    source_id = node.require("id", "a source").text("source id")
    if not is_valid_id(source_id):
        raise node.error(
            f"source id {source_id!r} is not a valid id",
            hint="use lower-case letters, digits, '-', '_' and '.'",
        )

    def text(key: str) -> str:
        child = node.get(key)
        return child.text(key).strip() if child is not None and child.value is not None else ""

    url = text("url")
    try:
        check_url_length(url)
    except MarkupError as exc:
        raise node.get("url").error(str(exc), hint=exc.hint) from None  # type: ignore[union-attr]
    if url and not url.lower().startswith(ALLOWED_LINK_SCHEMES):
        raise node.get("url").error(  # type: ignore[union-attr]
            f"source '{source_id}' has url {url!r}, which is not an http(s) address",
            hint="sources point to web pages; local files are not embedded",
        )
    title = text("title")
    if not url and not title:
        raise node.error(f"source '{source_id}' has neither 'title' nor 'url'")
    date_node = node.get("date")
    when: date | str | None = None
    if date_node is not None and date_node.value is not None:
        when = date_node.value if isinstance(date_node.value, date) else date_node.text("date")
    return Source(
        source_id,
        node.path,
        node.line,
        title=title,
        publisher=text("publisher"),
        url=url,
        date=when,
        note=text("note"),
    )


def load_sources_file(path: Path, text: str | None = None) -> list[Source]:
    root = load_yaml(path, text, REFERENCE)
    if root.value is None:
        return []
    if not root.is_mapping() or root.get("sources") is None:
        raise root.error("a sources file holds a list under 'sources:'")
    root.check_keys({"sources"}, "a sources file")
    seq = root.require("sources", "a sources file")
    if not seq.is_sequence():
        raise seq.error("'sources' must be a list")
    return [load_source(element) for element in seq.elements()]

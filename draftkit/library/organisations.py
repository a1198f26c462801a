"""Organisations (``organisations/*.yaml``): who organises, partners or funds an event.

A file holds a list under ``organisations:``::

    organisations:
      - id: un-women
        name: UN Women                 # the official name, translated through the catalogs
        short: UN Women                # optional short form used in running text
        about: >-                      # the "about" boilerplate of a press release
          UN Women is the United Nations entity dedicated to gender equality ...
        url: https://eca.unwomen.org/en

Names and boilerplates are translated like clauses (``msgctxt`` ``organisation:<id>``), so an
organisation with an official Russian or Kyrgyz name has it once, in the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from draftkit.errors import DraftkitError, InputError
from draftkit.library.clauses import Markup
from draftkit.library.markup import (
    ALLOWED_LINK_SCHEMES,
    MarkupError,
    check_url_length,
    is_valid_id,
    note_refs,
    placeholders,
)
from draftkit.yamlfile import Node, load_yaml

REFERENCE = "docs/events.md#organisations"
ORGANISATION_FIELDS = {"id", "name", "short", "about", "url", "note"}


@dataclass(slots=True)
class Organisation:
    id: str
    name: str
    path: Path
    line: int
    short: str = ""
    about: Markup | None = None
    url: str = ""
    note: str = ""
    lines: dict[str, int] | None = None

    @property
    def label(self) -> str:
        return self.short or self.name


def plain_markup(node: Node, what: str) -> Markup:
    """Inline markup for press texts: emphasis and links, but no notes or {parameters}
    (a press text cites nothing and is not filled in by a document)."""
    markup = Markup.from_node(node, what)
    if any(True for _ in note_refs(markup.inlines)):
        raise node.error(
            f"{what} has a note reference", hint="press texts have no notes: remove the [^...]"
        )
    names = list(placeholders(markup.inlines))
    if names:
        raise node.error(
            f"{what} has a parameter {{{names[0]}}}",
            hint="press texts take no parameters; write the value, or escape the brace as \\{",
        )
    return markup


def check_url(node: Node, what: str) -> str:
    url = node.text(what).strip()
    try:
        check_url_length(url)
    except MarkupError as exc:
        raise node.error(str(exc), hint=exc.hint) from None
    if not url.lower().startswith(ALLOWED_LINK_SCHEMES[:2]):
        raise node.error(
            f"{what} {url!r} is not an http(s) address",
            hint="write the full address, e.g. https://example.org/",
        )
    return url


def load_organisation(node: Node) -> Organisation:
    if not node.is_mapping():
        raise node.error("each organisation is a mapping with at least 'id' and 'name'")
    node.check_keys(ORGANISATION_FIELDS, "an organisation")
    org_id = node.require("id", "an organisation").text("organisation id").strip()
    if not is_valid_id(org_id):
        raise node.error(
            f"organisation id {org_id!r} is not a valid id",
            hint="use lower-case letters, digits, '-', '_' and '.'",
        )
    name = node.require("name", f"organisation '{org_id}'").text("name").strip()
    short = node.get("short")
    about = node.get("about")
    url = node.get("url")
    note = node.get("note")
    return Organisation(
        org_id,
        name,
        node.path,
        node.line,
        short=short.text("short").strip() if short is not None and short.value else "",
        about=plain_markup(about, "about") if about is not None and about.value else None,
        url=check_url(url, "url") if url is not None and url.value else "",
        note=note.text("note").strip() if note is not None and note.value else "",
        lines={key: child.line for key, child in node.items()},
    )


def load_organisation_file(path: Path, text: str | None = None) -> list[Organisation]:
    root = load_yaml(path, text, REFERENCE)
    if root.value is None:
        return []
    if not root.is_mapping() or root.get("organisations") is None:
        raise root.error("an organisations file holds a list under 'organisations:'")
    root.check_keys({"organisations"}, "an organisations file")
    seq = root.require("organisations", "an organisations file")
    if not seq.is_sequence():
        raise seq.error("'organisations' must be a list")
    return [load_organisation(element) for element in seq.elements()]


def load_organisations(
    paths: Iterable[Path],
) -> tuple[dict[str, Organisation], list[DraftkitError]]:
    """Every organisation of the project by id, collecting independent errors."""
    found: dict[str, Organisation] = {}
    errors: list[DraftkitError] = []
    for path in paths:
        try:
            orgs = load_organisation_file(path)
        except DraftkitError as exc:
            errors.append(exc)
            continue
        for org in orgs:
            first = found.get(org.id)
            if first is not None:
                errors.append(
                    InputError(
                        f"duplicate organisation id '{org.id}' "
                        f"(first defined at {first.path}:{first.line})",
                        path=org.path,
                        line=org.line,
                        hint="rename one of them",
                    )
                )
                continue
            found[org.id] = org
    return found, errors

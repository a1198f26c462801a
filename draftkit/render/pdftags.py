"""What WeasyPrint 70's PDF tagging leaves to draftkit (PDF/UA-1, the default variant).

WeasyPrint maps HTML elements to structure types (``h1`` to H1, ``ol``/``li`` to L/LI/LBody,
``p`` to P) but has no mapping to Note, gives list labels (Lbl) only to ``li::marker``, and
leaves the text of page margin boxes (the page numbers) as marked content of structure
elements that it keeps out of the tree. The HTML writer marks the operative and
sub-paragraph numbers as ``<dk-lbl>``; :func:`install` maps that element to Lbl, and
:func:`finish` (a ``write_pdf`` finisher, run on WeasyPrint's objects before they are
written) completes the tree:

- a Lbl at the start of a list item's paragraph moves up to the list item, before its
  LBody (``LI > Lbl, LBody``);
- footnotes (the children of WeasyPrint's footnote area, the only page-level box without
  an element) and the paragraphs of the endnotes ``<section>`` become Note, with the
  unique ID PDF/UA asks of a Note;
- content that no element of the tree reaches (the margin boxes: page numbers) becomes an
  Artifact, as PDF/UA-1 asks of page furniture. Borders (the footnote separator) are
  artifacts already.

Nothing here changes what is drawn, so tagged and untagged PDFs look alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Custom HTML elements of the paged HTML, and the structure type each stands for.
HTML_TO_PDF_TAGS = {"dk-lbl": "Lbl"}


def install(weasyprint: Any) -> None:
    """Teach WeasyPrint's HTML-to-structure mapping the elements of HTML_TO_PDF_TAGS."""
    import weasyprint.pdf.tags as tags

    original = tags._get_pdf_tag
    if getattr(original, "draftkit", False):
        return  # installed already (a forked worker inherits the patched module)

    def pdf_tag(tag: str | None) -> str:
        return HTML_TO_PDF_TAGS.get(tag or "") or original(tag)

    pdf_tag.draftkit = True  # type: ignore[attr-defined]
    tags._get_pdf_tag = pdf_tag


class _Tree:
    """WeasyPrint's structure elements, found through their ``N 0 R`` references."""

    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf

    def get(self, reference: Any) -> Any:
        if isinstance(reference, (bytes, str)):
            text = reference.decode() if isinstance(reference, bytes) else reference
            parts = text.split()
            if len(parts) == 3 and parts[2] == "R":
                return self.pdf.objects[int(parts[0])]
        return None

    def kids(self, element: Any) -> Iterator[Any]:
        for kid in element.get("K", ()):
            found = self.get(kid)
            if found is not None and "S" in found:
                yield found

    def walk(self, element: Any) -> Iterator[Any]:
        yield element
        for kid in list(self.kids(element)):
            yield from self.walk(kid)


def _role(element: Any) -> str:
    return str(element.get("S", ""))


def finish(document: Any, pdf: Any) -> None:
    """Complete the structure tree of a tagged PDF (see the module's docstring)."""
    root_reference = pdf.catalog.get("StructTreeRoot")
    if root_reference is None:
        return  # an untagged variant
    tree = _Tree(pdf)
    root = tree.get(root_reference)
    top = tree.get(root["K"][0])
    _lift_labels(tree, top)
    _mark_notes(tree, top)
    _mark_artifacts(tree, pdf, root, top)


def _lift_labels(tree: _Tree, top: Any) -> None:
    for item in [e for e in tree.walk(top) if _role(e) == "/LI"]:
        bodies = [k for k in tree.kids(item) if _role(k) == "/LBody"]
        if not bodies:
            continue
        paragraphs = list(tree.kids(bodies[0]))
        if not paragraphs or _role(paragraphs[0]) != "/P":
            continue
        paragraph = paragraphs[0]
        first = tree.get(paragraph["K"][0]) if len(paragraph["K"]) else None
        if first is None or _role(first) != "/Lbl":
            continue
        del paragraph["K"][0]
        item["K"].insert(0, first.reference)
        first["P"] = item.reference


def _mark_notes(tree: _Tree, top: Any) -> None:
    notes = []
    for block in tree.kids(top):
        if _role(block) == "/NonStruct":  # a page's footnote area
            notes.extend(k for k in tree.kids(block) if _role(k) == "/Span")
        elif _role(block) == "/Sect":  # the endnotes
            notes.extend(k for k in tree.kids(block) if _role(k) == "/P")
    import pydyf

    for number, note in enumerate(notes, 1):
        note["S"] = "/Note"
        note["ID"] = pydyf.String(f"note-{number}")


def _mark_artifacts(tree: _Tree, pdf: Any, root: Any, top: Any) -> None:
    reached = {id(e) for e in tree.walk(top)}
    parent_tree = tree.get(root["ParentTree"])
    nums = parent_tree["Nums"]
    pages = pdf.page_references
    for index in range(0, len(nums), 2):
        page = nums[index]
        if not isinstance(page, int) or page >= len(pages) or not isinstance(nums[index + 1], list):
            continue  # annotations: one element each, not a page's content
        mapping = nums[index + 1]
        stray = {
            mcid
            for mcid, reference in enumerate(mapping)
            if (element := tree.get(reference)) is not None and id(element) not in reached
        }
        if not stray:
            continue
        stream = tree.get(tree.get(pages[page])["Contents"])
        _artifacts(stream.stream, stray)
        for mcid in stray:
            mapping[mcid] = b"null"


def _artifacts(operations: list[Any], mcids: set[int]) -> None:
    """``/Tag <</MCID n>> BDC`` becomes ``/Artifact BMC`` for each n in mcids."""
    kept: list[Any] = []
    for operation in operations:
        if operation == b"BDC" and len(kept) >= 2:
            props = kept[-1]
            if isinstance(props, dict) and props.get("MCID") in mcids:
                kept[-2:] = ["/Artifact", b"BMC"]
                continue
        kept.append(operation)
    operations[:] = kept

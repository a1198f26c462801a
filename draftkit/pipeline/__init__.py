"""The one pipeline every document goes through, and the registry of document kinds."""

from draftkit.pipeline.core import (
    Assembled,
    RenderedDocument,
    assemble_document,
    assemble_spec,
    render_document,
    translator_for,
    write_context,
)
from draftkit.pipeline.kinds import DocumentKind, kind_for, kinds, register_kind

__all__ = [
    "Assembled",
    "DocumentKind",
    "RenderedDocument",
    "assemble_document",
    "assemble_spec",
    "kind_for",
    "kinds",
    "register_kind",
    "render_document",
    "translator_for",
    "write_context",
]

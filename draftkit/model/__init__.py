"""The document model: the one contract between assembly and the writers.

Like pandoc's AST, it is a short, closed set of block and inline kinds. Templates assemble a
document into it; transforms number paragraphs and notes and apply a formatting style; the
DOCX, HTML and PDF writers only read it. No writer knows about YAML, templates or catalogs.
"""

from draftkit.model.nodes import (
    Block,
    Change,
    Document,
    DocumentMeta,
    Emph,
    Inline,
    Link,
    Note,
    NoteRef,
    Paragraph,
    Series,
    Strong,
    SubParagraph,
    Text,
    plain_text,
)

__all__ = [
    "Block",
    "Change",
    "Document",
    "DocumentMeta",
    "Emph",
    "Inline",
    "Link",
    "Note",
    "NoteRef",
    "Paragraph",
    "Series",
    "Strong",
    "SubParagraph",
    "Text",
    "plain_text",
]

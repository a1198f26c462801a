"""The HTML writer: the document model as one standalone HTML page.

For PDF, footnotes are written inline where they are called and floated to the page foot
by CSS (``float: footnote``); for the browser preview they are collected at the end. Every
text is escaped: content never becomes markup.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from draftkit.fsutil import BuildClock
from draftkit.model.inline_markup import inlines_to_markup
from draftkit.model.nodes import (
    Document,
    Inline,
    NoteRef,
    Paragraph,
    SubParagraph,
)
from draftkit.render.writers import WriteContext


class HtmlWriter:
    def __init__(self, doc: Document, css: str, *, paged: bool, clock: BuildClock) -> None:
        self.doc = doc
        self.css = css
        self.paged = paged
        self.clock = clock

    def inlines(self, inlines: list[Inline]) -> str:
        return str(inlines_to_markup(inlines, self.note_call))

    def note_call(self, ref: NoteRef) -> str:
        note = ref.note
        if note is None:  # a call the numbering pass did not reach (e.g. inside a note)
            return ""
        if ref.series == "footnote" and self.paged:
            return (
                f'<span class="dk-footnote" id="fn-{note.number}">'
                f"{self.inlines(note.content)}</span>"
            )
        prefix = "fn" if ref.series == "footnote" else "en"
        return (
            f'<sup class="dk-{ref.series}-call" id="{prefix}ref-{note.number}">'
            f'<a href="#{prefix}-{note.number}">{escape(note.label)}</a></sup>'
        )

    def paragraph(self, block: Paragraph) -> str:
        parts = []
        if block.numbered and block.number is not None:
            parts.append(f'<span class="dk-num">{block.number}.</span>')
        if block.lead:
            parts.append(f'<span class="dk-lead">{self.inlines(block.lead)}</span> ')
        parts.append(self.inlines(block.content))
        attrs = f' class="dk-{escape(block.role)}"'
        if block.clause_id:
            attrs += f' data-clause="{escape(block.clause_id)}"'
        html = [f"<p{attrs}>{''.join(parts)}</p>"]
        html.extend(self.sub_paragraph(item) for item in block.items)
        return "\n".join(html)

    def sub_paragraph(self, item: SubParagraph) -> str:
        html = [
            f'<p class="dk-subparagraph{item.level}"><span class="dk-label">'
            f"{escape(item.label)}</span>{self.inlines(item.content)}</p>"
        ]
        html.extend(self.sub_paragraph(child) for child in item.children)
        return "\n".join(html)

    def notes_section(self, css_class: str, prefix: str, notes: list) -> str:
        if not notes:
            return ""
        rows = [
            f'<p id="{prefix}-{n.number}"><span class="dk-note-label">'
            f'<a href="#{prefix}ref-{n.number}">{escape(n.label)}</a></span>'
            f"{self.inlines(n.content)}</p>"
            for n in notes
        ]
        return f'<section class="{css_class}">\n' + "\n".join(rows) + "\n</section>"

    def write(self) -> str:
        meta = self.doc.meta
        body = [self.paragraph(b) for b in self.doc.blocks]
        if not self.paged:
            body.append(self.notes_section("dk-footnotes-preview", "fn", self.doc.footnotes))
        body.append(self.notes_section("dk-endnotes", "en", self.doc.endnotes))
        stamp = self.clock.iso()
        head = [
            '<meta charset="utf-8">',
            f"<title>{escape(meta.title)}</title>",
            '<meta name="generator" content="draftkit">',
            f'<meta name="dcterms.created" content="{stamp}">',
            f'<meta name="dcterms.modified" content="{stamp}">',
            f"<style>\n{safe_css(self.css)}\n</style>",
        ]
        from draftkit.locale import profile

        locale = profile(meta.lang)
        # A language without a hyphenation dictionary is set ragged right (document.css).
        ragged = ' class="dk-unhyphenated"' if locale.ragged_right else ""
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(locale.pdf_tag)}"{ragged}>\n<head>\n'
            + "\n".join(head)
            + f'\n</head>\n<body class="dk-{escape(meta.kind)} dk-style-{escape(meta.style)}">\n'
            + "\n".join(part for part in body if part)
            + "\n</body>\n</html>\n"
        )


def write_html(doc: Document, css: str, *, paged: bool, clock: BuildClock) -> str:
    return HtmlWriter(doc, css, paged=paged, clock=clock).write()


def html_writer(doc: Document, context: WriteContext) -> bytes:
    """The ``html`` format: the browser preview, notes collected at the end."""
    return write_html(doc, context.css, paged=False, clock=context.clock).encode("utf-8")


def safe_css(css: str) -> Markup:
    # CSS goes inside <style>; a "</style" in it would end the element early.
    return Markup(css.replace("</", "<\\/"))

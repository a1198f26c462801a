"""The HTML writer: the document model as one standalone HTML page.

For PDF, footnotes are written inline where they are called and floated to the page foot
by CSS (``float: footnote``); for the browser preview they are collected at the end. Every
text is escaped: content never becomes markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from draftkit.fsutil import BuildClock
from draftkit.model.inline_markup import inlines_to_markup
from draftkit.model.nodes import (
    Document,
    Inline,
    NoteRef,
    Paragraph,
    SubParagraph,
    Text,
)
from draftkit.render.writers import WriteContext

# Roles written as headings rather than <p>: a tagged PDF (render/pdftags.py) and a screen
# reader see the title as H1. document.css makes them look like the <p> of their role.
BLOCK_ELEMENTS = {"title": "h1", "headline": "h1", "heading": "h2"}


def _operative_list(items: list[str]) -> str:
    return '<ol class="dk-operative-list">\n' + "\n".join(items) + "\n</ol>"


# Punctuation that follows a note call on the same line ("2030¹." in Russian and Kyrgyz).
_GLUED = ".,;:!?)]»”’…"
# A URL may break after these, and nowhere else (no hyphen is ever added: document.css).
_URL_BREAK_AFTER = re.compile(r"(?<=[/.\-?&=])(?=.)")


def _last_word(text: str) -> tuple[str, str]:
    """``"in the KR."`` → ``("in the ", "KR.")``; a text ending in a space has no last word."""
    stripped = text.rstrip()
    if stripped != text:
        return text, ""
    cut = max(text.rfind(ch) for ch in (" ", "\u00a0", "\n", "\t")) + 1
    return text[:cut], text[cut:]


# A stretch longer than this between those (an encoded file name, "UN%20Women%20CO…")
# would not fit a line: it may break before a %-escape too.
_LONG_STRETCH = 30
_PERCENT_ESCAPE = re.compile(r"(?<=.)(?=%[0-9A-Fa-f]{2})")


def breakable_url(text: str) -> str:
    """The text of a link, escaped; if it is a URL (no spaces), with a <wbr> after each
    / . - ? & = so that it breaks there and only there (and before a %-escape inside an
    overlong stretch). A <wbr> adds no character: the URL copies whole."""
    if not text or any(ch.isspace() for ch in text):
        return str(escape(text))
    pieces = []
    for piece in _URL_BREAK_AFTER.split(text):
        if len(piece) > _LONG_STRETCH:
            pieces.extend(_PERCENT_ESCAPE.split(piece))
        else:
            pieces.append(piece)
    return "<wbr>".join(str(escape(piece)) for piece in pieces)


class HtmlWriter:
    def __init__(self, doc: Document, css: str, *, paged: bool, clock: BuildClock) -> None:
        self.doc = doc
        self.css = css
        self.paged = paged
        self.clock = clock

    def inlines(self, inlines: list[Inline]) -> str:
        """The inlines as markup; a word and the note calls after it (with the punctuation
        that follows them) are one unbreakable span."""
        parts: list[str] = []
        held = ""  # the last word of a text, until we know whether calls follow it
        nodes = list(inlines)
        i = 0
        while i < len(nodes):
            node = nodes[i]
            if isinstance(node, NoteRef):
                j = i + 1
                calls = self.note_call(node)
                while j < len(nodes):
                    # calls one after another, or parted by a space only ("KR.ⁱ ⁱⁱ")
                    gap = nodes[j]
                    if isinstance(gap, Text) and not gap.text.strip() and j + 1 < len(nodes):
                        if not isinstance(nodes[j + 1], NoteRef):
                            break
                        calls += str(escape(gap.text))
                        j += 1
                        continue
                    if not isinstance(gap, NoteRef):
                        break
                    calls += self.note_call(gap)
                    j += 1
                after = ""
                if j < len(nodes) and isinstance(nodes[j], Text):
                    text = nodes[j].text  # type: ignore[union-attr]
                    after = text[: len(text) - len(text.lstrip(_GLUED))]
                    nodes[j] = Text(text[len(after) :])
                parts.append(
                    f'<span class="dk-nobreak">{escape(held)}{calls}{escape(after)}</span>'
                )
                held = ""
                i = j
                continue
            parts.append(str(escape(held)))
            held = ""
            if isinstance(node, Text):
                head, held = _last_word(node.text)
                parts.append(str(escape(head)))
            else:
                parts.append(str(inlines_to_markup([node], self.note_call, breakable_url)))
            i += 1
        parts.append(str(escape(held)))
        return "".join(parts)

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
        """A block as the element whose structure a tagged PDF keeps (see BLOCK_ELEMENTS):
        a numbered paragraph is the <p> of a list item (its sub-paragraphs a nested list),
        its number a <dk-lbl> that the PDF tags as the item's label."""
        parts = []
        numbered = block.numbered and block.number is not None
        if numbered:
            parts.append(f'<dk-lbl class="dk-num">{block.number}.</dk-lbl>')
        if block.lead:
            parts.append(f'<span class="dk-lead">{self.inlines(block.lead)}</span> ')
        parts.append(self.inlines(block.content))
        tag = BLOCK_ELEMENTS.get(block.role, "p")
        attrs = f' class="dk-{escape(block.role)}"'
        if block.clause_id:
            attrs += f' data-clause="{escape(block.clause_id)}"'
        html = f"<{tag}{attrs}>{''.join(parts)}</{tag}>" + self.sub_list(block.items)
        return f'<li class="dk-item">{html}</li>' if numbered else html

    def sub_list(self, items: list[SubParagraph]) -> str:
        if not items:
            return ""
        rows = "\n".join(self.sub_paragraph(item) for item in items)
        return f'\n<ol class="dk-sublist">\n{rows}\n</ol>'

    def sub_paragraph(self, item: SubParagraph) -> str:
        return (
            f'<li class="dk-item"><p class="dk-subparagraph{item.level}"><dk-lbl class="dk-label">'
            f"{escape(item.label)}</dk-lbl>{self.inlines(item.content)}</p>"
            f"{self.sub_list(item.children)}</li>"
        )

    def blocks(self) -> list[str]:
        """The blocks, each run of numbered paragraphs one list."""
        html: list[str] = []
        run: list[str] = []
        for block in self.doc.blocks:
            if block.numbered and block.number is not None:
                run.append(self.paragraph(block))
                continue
            if run:
                html.append(_operative_list(run))
                run = []
            html.append(self.paragraph(block))
        if run:
            html.append(_operative_list(run))
        return html

    def notes_section(self, css_class: str, prefix: str, notes: list) -> str:
        # <section> holds notes only: a tagged PDF makes each of its paragraphs a Note.
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
        body = self.blocks()
        if not self.paged:
            body.append(self.notes_section("dk-footnotes-preview", "fn", self.doc.footnotes))
        body.append(self.notes_section("dk-endnotes", "en", self.doc.endnotes))
        stamp = self.clock.iso()
        head = [
            '<meta charset="utf-8">',
            # A browser showing the preview fetches nothing a style sheet names (a shared
            # template set's CSS may point anywhere): styles inline, nothing else.
            '<meta http-equiv="Content-Security-Policy"'
            ' content="default-src \'none\'; style-src \'unsafe-inline\'">',
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

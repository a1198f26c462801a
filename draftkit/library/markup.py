"""The inline markup drafters write in clause, source and document files.

It is CommonMark's inline subset, parsed by markdown-it-py with raw HTML and entities off,
plus note references and parameters::

    *emphasis*  **strong**  [link text](https://example.org)  \\* literal star
    [^sdg-goals]       a footnote citing source ``sdg-goals`` (numbered 1, 2, 3)
    [^en:nap-1325]     an endnote citing source ``nap-1325`` (numbered i, ii, iii)
    {country}          a parameter, filled in by the document

Anything else, ``<script>`` included, is literal text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from draftkit.model.nodes import Emph, Inline, Link, NoteRef, Series, Strong, Text, walk

ID_PATTERN = r"[a-z0-9][a-z0-9._-]*"
_ID_RE = re.compile(rf"^{ID_PATTERN}$")
# No '[' inside a reference: "[^[^[^…" was a scan to the line's end from each "[^",
# quadratic in the text's length.
_NOTE_RE = re.compile(r"\[\^(?:(fn|en):)?([^\][\n]*)\]")
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:")


class MarkupError(ValueError):
    """Raised with a message a drafter understands; callers add file and line."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def is_valid_id(value: str) -> bool:
    return bool(_ID_RE.match(value))


# An address longer than this is refused. Nothing on the web answers at one (the sitemap
# protocol caps addresses at 2,048 characters, browsers and servers stop between 2,000
# and 8,000), and the PDF's line breaker took minutes over an address of 100,000
# characters with a break point after every '/'.
MAX_URL_LENGTH = 2048


def check_url_length(url: str) -> None:
    """Raise :class:`MarkupError` if ``url`` is longer than :data:`MAX_URL_LENGTH`."""
    if len(url) > MAX_URL_LENGTH:
        raise MarkupError(
            f"address {url[:40]}… is {len(url):,} characters long, more than the "
            f"{MAX_URL_LENGTH:,} an address may have",
            hint="link to a shorter address of the page: its home or a permanent link",
        )


def _note_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[^", state.pos):
        return False
    match = _NOTE_RE.match(state.src, state.pos)
    if match is None:
        # "[^" that is no reference ("[^a[b]", "[^ at the end") is a mistake to report,
        # never text to print; "\[^" writes the characters.
        if not silent:
            token = state.push("dk_noteref", "", 0)
            token.meta = {"malformed": state.src[state.pos : state.pos + 30]}
        state.pos += 2
        return True
    if not silent:
        token = state.push("dk_noteref", "", 0)
        token.meta = {
            "series": "endnote" if match.group(1) == "en" else "footnote",
            "source": match.group(2),
        }
    state.pos = match.end()
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False}).enable(
        ["emphasis", "link", "escape", "newline", "autolink"]
    )
    md.inline.ruler.before("link", "dk_noteref", _note_rule)
    # markdown-it silently drops links it finds unsafe; we want to tell the drafter instead.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def parse(source: str) -> list[Inline]:
    """Parse inline markup into model inlines; raise :class:`MarkupError` on bad links/notes."""
    if not source:
        return []
    tokens = _parser().parseInline(source)
    children = tokens[0].children or [] if tokens else []
    result, _ = _build(children, 0, None)
    return _merge_text(result)


# Emphasis, strong and links inside each other: a drafter needs two or three levels; a
# few hundred overflowed Python's stack in the writers and lxml's depth limit.
MAX_NESTING = 16


def _build(
    tokens: list[Token], pos: int, closing: str | None, depth: int = 0
) -> tuple[list[Inline], int]:
    if depth > MAX_NESTING:
        raise MarkupError(
            f"emphasis and links are nested more than {MAX_NESTING} deep",
            hint="close each * or _ before opening the next; two or three levels are plenty",
        )
    out: list[Inline] = []
    while pos < len(tokens):
        tok = tokens[pos]
        kind = tok.type
        if closing is not None and kind == closing:
            return out, pos + 1
        if kind == "text":
            out.append(Text(tok.content))
        elif kind in ("softbreak", "hardbreak"):
            out.append(Text(" "))
        elif kind == "em_open":
            inner, pos = _build(tokens, pos + 1, "em_close", depth + 1)
            out.append(Emph(inner))
            continue
        elif kind == "strong_open":
            inner, pos = _build(tokens, pos + 1, "strong_close", depth + 1)
            out.append(Strong(inner))
            continue
        elif kind == "link_open":
            url = str(tok.attrs.get("href", ""))
            check_url_length(url)
            if not url.lower().startswith(ALLOWED_LINK_SCHEMES):
                raise MarkupError(
                    f"link target {url!r} is not an http(s) or mailto: address",
                    hint="links may point to web pages or e-mail addresses only",
                )
            inner, pos = _build(tokens, pos + 1, "link_close", depth + 1)
            out.append(Link(url, inner))
            continue
        elif kind == "dk_noteref":
            if "malformed" in tok.meta:
                raise MarkupError(
                    f"'{tok.meta['malformed']}' is not a note reference",
                    hint="write [^source-id] for a footnote or [^en:source-id] for an endnote,"
                    " or \\[^ for the characters themselves",
                )
            source = tok.meta["source"]
            if not is_valid_id(source):
                raise MarkupError(
                    f"note reference [^{source}] does not name a source id",
                    hint="write [^source-id] for a footnote or [^en:source-id] for an endnote",
                )
            series: Series = tok.meta["series"]
            out.append(NoteRef(source, series))
        else:
            out.append(Text(tok.content))
        pos += 1
    return out, pos


def _merge_text(inlines: list[Inline]) -> list[Inline]:
    merged: list[Inline] = []
    for node in inlines:
        if isinstance(node, Emph | Strong | Link):
            node.children = _merge_text(node.children)
        if isinstance(node, Text) and not node.text:
            continue
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return merged


def note_refs(inlines: list[Inline]) -> Iterator[NoteRef]:
    for node in walk(inlines):
        if isinstance(node, NoteRef):
            yield node


def placeholders(inlines: list[Inline]) -> Iterator[str]:
    for node in walk(inlines):
        if isinstance(node, Text):
            for m in PLACEHOLDER_RE.finditer(node.text):
                yield m.group(1)


def substitute(inlines: list[Inline], values: Mapping[str, str]) -> list[Inline]:
    """Fill ``{name}`` placeholders with plain-text values (never parsed as markup)."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(
                Text(PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), node.text))
            )
        elif isinstance(node, Emph):
            out.append(Emph(substitute(node.children, values)))
        elif isinstance(node, Strong):
            out.append(Strong(substitute(node.children, values)))
        elif isinstance(node, Link):
            out.append(Link(node.url, substitute(node.children, values)))
        else:
            out.append(NoteRef(node.source, node.series))
    return _merge_text(out)

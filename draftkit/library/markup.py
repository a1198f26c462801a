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
# "\{" and "\}" write a brace, never a parameter. markdown-it turns "\{" into "{" before
# we see the text, so they travel as two Unicode noncharacters (meant for a program's
# internal use) until the parameters are filled, and become braces there.
_LITERAL_BRACES = {"\\{": "\ufdd0", "\\}": "\ufdd1"}
_BRACES_BACK = str.maketrans({"\ufdd0": "{", "\ufdd1": "}"})
# Explicit embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI):
# one left open reorders everything after it in the paragraph, other clauses included.
_BIDI_OPENERS = {"\u202a", "\u202b", "\u202d", "\u202e"}
_BIDI_ISOLATES = {"\u2066", "\u2067", "\u2068"}
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class MarkupError(ValueError):
    """Raised with a message a drafter understands; callers add file and line."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def is_valid_id(value: str) -> bool:
    return bool(_ID_RE.match(value))


# A paragraph longer than this is refused: some 150,000 words, far beyond any clause, and
# the parser's time grows with the text (2 MB of "[^" took 20 s to be found wrong; a
# clause of 20,000 links, 460,000 characters, must still build).
MAX_TEXT_LENGTH = 1_000_000

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
    if len(source) > MAX_TEXT_LENGTH:
        raise MarkupError(
            f"the text is {len(source):,} characters long, more than the "
            f"{MAX_TEXT_LENGTH:,} one paragraph may have",
            hint="split it into paragraphs (or clauses)",
        )
    if "\ufdd0" in source or "\ufdd1" in source:
        raise MarkupError(
            "the text holds a Unicode noncharacter (U+FDD0 or U+FDD1)",
            hint="remove it; it is invisible and no font shows it",
        )
    for escaped, stand_in in _LITERAL_BRACES.items():
        source = source.replace(escaped, stand_in)
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
            out.append(Text(_close_bidi(tok.content)))
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


def _close_bidi(text: str) -> str:
    """``text`` with every direction control it opens closed at its end.

    The controls stay (a name may need them), but their effect ends with the text that
    holds them: an unclosed U+202E cannot reverse the rest of the paragraph.
    """
    if not _BIDI_CONTROLS.search(text):
        return text
    stack: list[str] = []
    for char in _BIDI_CONTROLS.findall(text):
        if char in _BIDI_OPENERS or char in _BIDI_ISOLATES:
            stack.append(char)
        elif char == "\u202c":  # PDF closes the innermost embedding or override
            if stack and stack[-1] in _BIDI_OPENERS:
                stack.pop()
        else:  # PDI closes the innermost isolate and whatever it holds
            while stack:
                if stack.pop() in _BIDI_ISOLATES:
                    break
    closing = "".join("\u2069" if c in _BIDI_ISOLATES else "\u202c" for c in reversed(stack))
    return text + closing


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
    """Fill ``{name}`` placeholders with plain-text values (never parsed as markup).

    Escaped braces become braces here, so every parsed text goes through this function
    (with no values for texts that take no parameters) before a writer sees it.
    """
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            filled = PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), node.text)
            out.append(Text(filled.translate(_BRACES_BACK)))
        elif isinstance(node, Emph):
            out.append(Emph(substitute(node.children, values)))
        elif isinstance(node, Strong):
            out.append(Strong(substitute(node.children, values)))
        elif isinstance(node, Link):
            out.append(Link(node.url, substitute(node.children, values)))
        else:
            out.append(NoteRef(node.source, node.series))
    return _merge_text(out)

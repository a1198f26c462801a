"""``--format html``: one standalone file for a reviewer's browser.

No script and no external asset: the style sheet (``templates/diff/report.css``) is
inlined and a Content-Security-Policy forbids the page from loading anything, so the
report opens the same offline and cannot call out. Every text is escaped.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from draftkit.diff.clauses import ClauseChange, LibraryDiff, SetChange, TextChange
from draftkit.diff.documents import BlockChange, DocumentDiff, NoteChange
from draftkit.diff.terminal import (
    NOT_IN_CATALOG,
    block_field,
    block_title,
    moved_text,
    placement_text,
    stale_by_clause,
    stale_count,
    stale_state,
    stale_where,
)
from draftkit.diff.words import Span, Token
from draftkit.fsutil import builtin_templates_dir

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page_head(title: str, lang: str, css: str) -> str:
    """A report page up to its ``<body>``: charset, the CSP that keeps it from fetching
    anything, and its own style sheet inline."""
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="generator" content="draftkit">
<title>{escape(title)}</title>
<style>
{css}</style>
</head>
<body>"""


def _tokens(tokens: tuple[Token, ...]) -> Markup:
    out: list[str] = []
    for token in tokens:
        text = str(escape(token.display()))
        if token.note is not None:
            text = f"<sup>{text}</sup>"
        if "strong" in token.marks:
            text = f"<strong>{text}</strong>"
        if "em" in token.marks:
            text = f"<em>{text}</em>"
        out.append(text)
    return Markup("".join(out))


def spans_html(spans: list[Span], which: str = "both") -> Markup:
    """Inline: deletions and insertions together; or one side of them (side by side)."""
    parts: list[str] = []
    for span in spans:
        body = _tokens(span.tokens)
        if span.op == "equal":
            parts.append(body)
        elif span.op == "delete" and which in ("both", "old"):
            parts.append(f"<del>{body}</del>")
        elif span.op == "insert" and which in ("both", "new"):
            parts.append(f"<ins>{body}</ins>")
    return Markup("".join(parts))


def anchor(kind: str, name: str) -> str:
    return f"{kind}-" + "".join(c if c.isalnum() or c in "-_." else "_" for c in name)


def _field(change: TextChange, side_by_side: bool, label: str | None = None) -> str:
    name = escape(label or change.field)
    if not side_by_side:
        body = spans_html(change.spans)
        return f'<div class="field"><span class="name">{name}</span><p>{body}</p></div>'
    return (
        f'<div class="field"><span class="name">{name}</span><div class="cols">'
        f"<div><p>{spans_html(change.spans, 'old')}</p></div>"
        f"<div><p>{spans_html(change.spans, 'new')}</p></div></div></div>"
    )


def _value(change: SetChange) -> str:
    if change.added or change.removed:
        body = " ".join(
            [f"<ins>+{escape(x)}</ins>" for x in change.added]
            + [f"<del>−{escape(x)}</del>" for x in change.removed]
        )
    else:
        body = f"<del>{escape(change.old)}</del> → <ins>{escape(change.new)}</ins>"
    return f'<div class="field"><span class="name">{escape(change.field)}</span><p>{body}</p></div>'


def _section(
    kind: str, ident: str, title: str, where: str, info: list[str], body: list[str]
) -> str:
    lines = [
        f'<section class="change {kind}" id="{ident}">',
        f'<h2><a href="#{ident}"><span class="kind">{kind}</span> {escape(title)}</a></h2>',
    ]
    if where:
        lines.append(f'<p class="where">{escape(where)}</p>')
    lines += [f'<p class="info">{escape(line)}</p>' for line in info]
    lines += body
    lines.append("</section>")
    return "\n".join(lines)


def _clause(change: ClauseChange, side_by_side: bool) -> tuple[str, str, str]:
    placed = change.new or change.old
    assert placed is not None
    title = change.id
    info = []
    if change.kind == "renamed" and change.old is not None:
        title = f"{change.old.clause.id} → {change.id}"
        info.append(f"similarity {change.similarity:.0%}" if change.similarity is not None else "")
    if change.moved and change.old and change.new:
        info.append(f"moved: {moved_text(change)}")
    body = [_field(t, side_by_side) for t in change.texts] + [_value(v) for v in change.values]
    ident = anchor("clause", change.id)
    section = _section(change.kind, ident, title, f"{placed.file}:{placed.line}", info, body)
    return ident, f"{change.kind} {title}", section


def _block(change: BlockChange, side_by_side: bool, index: int) -> tuple[str, str, str]:
    placement = placement_text(change)
    info = [placement] if placement else []
    label = block_field(change)
    body = [_field(t, side_by_side, label(t.field)) for t in change.texts]
    ident = anchor("paragraph", f"{index}-{change.id}")
    title = block_title(change)
    return ident, f"{change.kind} {title}", _section(change.kind, ident, title, "", info, body)


def _note(change: NoteChange, index: int) -> tuple[str, str, str]:
    label = (change.new or change.old).label  # type: ignore[union-attr]
    title = f"{change.series} [{label}] ({change.source})"
    ident = anchor("note", f"{index}-{change.source}")
    body = [f'<div class="field"><p>{spans_html(change.spans)}</p></div>']
    return ident, f"{change.kind} {title}", _section(change.kind, ident, title, "", [], body)


def write_html(
    diff: LibraryDiff | DocumentDiff,
    *,
    lang: str,
    stale: list[dict[str, Any]] | None = None,
    side_by_side: bool = False,
) -> str:
    css = (builtin_templates_dir() / "diff" / "report.css").read_text(encoding="utf-8")
    if isinstance(diff, LibraryDiff):
        entries = [_clause(c, side_by_side) for c in diff.changes]
    else:
        entries = [_block(c, side_by_side, i) for i, c in enumerate(diff.changes)]
        entries += [_note(n, i) for i, n in enumerate(diff.notes)]
    summary = "".join(
        f"<tr><th>{escape(kind)}</th><td>{n}</td></tr>" for kind, n in diff.summary().items()
    )
    nav = "".join(f'<li><a href="#{i}">{escape(label)}</a></li>' for i, label, _ in entries)
    stale_html = ""
    if stale:
        rows = "".join(
            f"<tr><td>{escape(clause) if n == 0 else ''}</td><td>{escape(s['field'])}</td>"
            f"<td>{escape(stale_state(s))}</td><td>{escape(stale_where(s))}</td>"
            f"<td>{escape(s['text'])}</td></tr>"
            for clause, entries in stale_by_clause(stale).items()
            for n, s in enumerate(entries)
        )
        note = f"<p>{escape(NOT_IN_CATALOG)}</p>" if any(s["line"] is None for s in stale) else ""
        stale_html = (
            f'<h2 id="stale">Stale translations ({stale_count(stale)})</h2>'
            '<table class="summary stale"><tr><th>clause</th><th>text</th><th>state</th>'
            f"<th>catalog</th><th>source text</th></tr>{rows}</table>{note}"
        )
    title = f"draftkit diff {diff.old_label} → {diff.new_label}"
    return f"""{page_head(title, lang, css)}
<h1>draftkit diff</h1>
<p class="sides"><del>{escape(diff.old_label)}</del> → <ins>{escape(diff.new_label)}</ins></p>
<table class="summary" id="summary">{summary}</table>
<nav><ul>{nav}</ul></nav>
{stale_html}
<main>
{chr(10).join(section for _, _, section in entries)}
</main>
</body>
</html>
"""

"""The preview page: one column per document and language, each the HTML writer's page in
an iframe (its style sheet applies to it alone), and an error banner above them.

Updates arrive as server-sent events carrying the whole state as JSON; the script puts each
new render into its frame's existing document, so the scroll position stays and nothing
flickers as a reload would."""

from __future__ import annotations

import json
from urllib.parse import quote

from markupsafe import escape

from draftkit.serve.preview import Column, State

# What each document shown can be downloaded as (server: /download/<lang>/<name>.<format>).
DOWNLOADS = ("docx", "pdf", "akn")

PAGE_CSS = """
html,body{margin:0;height:100%;font-family:system-ui,sans-serif}
body{display:flex;flex-direction:column}
#dk-error{margin:0;padding:.6em 1em;background:#fde8e8;color:#8a1010;border-bottom:2px solid #c33;
white-space:pre-wrap;font:13px/1.4 monospace}
#dk-error[hidden]{display:none}
#dk-columns{flex:1;display:flex;min-height:0}
.dk-column{flex:1;display:flex;flex-direction:column;min-width:0;border-left:1px solid #ccc}
.dk-column h2{margin:0;padding:.3em .8em;font-size:12px;font-weight:normal;background:#f2f2f2;
display:flex;gap:1em}
.dk-column h2 nav{margin-left:auto;display:flex;gap:.6em}
.dk-column iframe{flex:1;border:0;width:100%}
"""

# The frames are same-origin (srcdoc): their head and body are replaced in place.
SCRIPT = """
"use strict";
function show(state) {
  const banner = document.getElementById("dk-error");
  banner.hidden = !state.error;
  banner.textContent = state.error || "";
  const frames = document.querySelectorAll("#dk-columns iframe");
  if (frames.length !== state.columns.length) { location.reload(); return; }
  const titles = document.querySelectorAll("#dk-columns .dk-title");
  const navs = document.querySelectorAll("#dk-columns nav");
  state.columns.forEach((column, i) => {
    titles[i].textContent = column.title;
    navs[i].replaceChildren(...column.downloads.map(([label, href]) => {
      const link = document.createElement("a");
      link.href = href;
      link.download = "";
      link.textContent = label;
      return link;
    }));
    const doc = frames[i].contentDocument;
    if (!doc || !doc.body) { frames[i].srcdoc = column.html; return; }
    const fresh = new DOMParser().parseFromString(column.html, "text/html");
    doc.documentElement.className = fresh.documentElement.className;
    doc.documentElement.lang = fresh.documentElement.lang;
    doc.head.replaceChildren(...fresh.head.childNodes);
    doc.body.className = fresh.body.className;
    doc.body.replaceChildren(...fresh.body.childNodes);
  });
  document.documentElement.dataset.version = state.version;
}
const events = new EventSource("/events");
events.addEventListener("render", (event) => show(JSON.parse(event.data)));
"""


def state_json(state: State) -> str:
    return json.dumps(
        {
            "version": state.version,
            "error": state.error,
            "columns": [
                {"title": c.title, "lang": c.lang, "html": c.html, "downloads": downloads(c)}
                for c in state.columns
            ],
        },
        ensure_ascii=False,
    )


def downloads(column: Column) -> list[tuple[str, str]]:
    """The download links of a column: label and address (none for a diff)."""
    if column.kind == "diff":
        return []
    # A press release has no Akoma Ntoso form (the akn writer refuses it).
    formats = [f for f in DOWNLOADS if f != "akn" or column.kind == "resolution"]
    base = f"/download/{quote(column.lang)}/{quote(column.name)}"
    return [(f.upper(), f"{base}.{f}") for f in formats]


def _links(column: Column) -> str:
    return "".join(
        f'<a href="{escape(href)}" download>{escape(label)}</a>'
        for label, href in downloads(column)
    )


def page(state: State, nonce: str) -> str:
    columns = "\n".join(
        f'<section class="dk-column"><h2><span class="dk-title">{escape(c.title)}</span>'
        f'<nav aria-label="download">{_links(c)}</nav></h2>'
        f'<iframe title="{escape(c.title)}" srcdoc="{escape(c.html)}"></iframe></section>'
        for c in state.columns
    )
    hidden = "" if state.error else " hidden"
    return (
        '<!DOCTYPE html>\n<html lang="en" data-version="'
        f'{state.version}">\n<head>\n<meta charset="utf-8">\n'
        "<title>draftkit preview</title>\n"
        f"<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
        f'<pre id="dk-error" role="alert"{hidden}>{escape(state.error or "")}</pre>\n'
        f'<main id="dk-columns">\n{columns}\n</main>\n'
        f'<script nonce="{nonce}">{SCRIPT}</script>\n</body>\n</html>\n'
    )

"""A note's text → a source entry: its address, title, publisher and year.

draftkit prints a source as "Title. Publisher, date. https://…"; other notes are free text
with a link somewhere. The address is the note's first link (or a bare address in its
text); the rest splits at its last ". " into title and publisher, so the note prints as it
read."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from draftkit.ingest.reader import Note
from draftkit.ingest.words import slug
from draftkit.library.markup import ALLOWED_LINK_SCHEMES, MAX_URL_LENGTH

_BARE_URL = re.compile(r"https?://[^\s<>\"]+")
_YEAR_END = re.compile(r",\s*((?:1[89]|20)\d\d)$")


def note_source(note: Note) -> dict[str, object]:
    """The fields of a ``sources.yaml`` entry for ``note`` (without its id)."""
    runs = [r for r in note.runs if r.note is None]
    text = re.sub(r"\s+", " ", "".join(r.text for r in runs)).strip()
    url = next((r.url for r in runs if r.url), "")
    if url:
        link_text = "".join(r.text for r in runs if r.url == url).strip()
        head = text.replace(link_text, "", 1).strip() if link_text else text
    else:
        found = _BARE_URL.search(text)
        url = found.group(0).rstrip(".,;)") if found else ""
        head = (text[: found.start()] + text[found.start() + len(url) :]).strip() if found else text
    if url and (not url.lower().startswith(ALLOWED_LINK_SCHEMES) or len(url) > MAX_URL_LENGTH):
        head, url = text, ""
    head = head.strip().rstrip(".").strip()
    entry: dict[str, object] = {}
    title, publisher = head, ""
    if ". " in head:
        title, publisher = head.rsplit(". ", 1)
    year = _YEAR_END.search(publisher)
    if year:
        publisher = publisher[: year.start()].strip()
    if title:
        entry["title"] = title
    if publisher:
        entry["publisher"] = publisher
    if year:
        entry["date"] = int(year.group(1))
    if url:
        entry["url"] = url
    if not entry:
        entry["title"] = text or "(empty note)"
    return entry


def source_slug(entry: dict[str, object]) -> str:
    """A readable id: of the title, else of the address (host and last path segment)."""
    if entry.get("title"):
        return slug(str(entry["title"]), words=5)
    parts = urlsplit(str(entry.get("url", "")))
    host = parts.netloc.removeprefix("www.").split(".")[0]
    tail = [p for p in unquote(parts.path).split("/") if p][-1:] or [""]
    return slug(f"{host} {tail[0].rsplit('.', 1)[0]}", words=5)

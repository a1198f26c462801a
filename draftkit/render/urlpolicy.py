"""What the PDF's URL fetcher allows, without WeasyPrint: shared by the fetcher
(render.fetcher) and the style sheet pass that tells the user beforehand what it will refuse
(render.cssrefs), so that the two cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Verdict:
    """One URL judged: ``file`` to read, or why it is ``refused``, or the ``missing`` file
    a template folder should hold; all None for a ``data:`` URL (it carries its bytes)."""

    file: Path | None = None
    refused: str | None = None
    missing: Path | None = None


def judge(url: str, roots: list[Path]) -> Verdict:
    """``roots``: the template folders, resolved, project first."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "data":
        return Verdict()
    if scheme != "file":
        return Verdict(refused="draftkit renders without network access")
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return Verdict(refused="it names a file on another host")
    path = Path(unquote(parts.path)).resolve()
    relative = next((path.relative_to(root) for root in roots if path.is_relative_to(root)), None)
    if relative is None:
        return Verdict(refused="it is outside the project's template folders")
    # Found as templates are, by its name relative to its folder, project first.
    for root in roots:
        candidate = (root / relative).resolve()
        # resolve() again: a symlink in a folder must not lead out of it
        if candidate.is_relative_to(root) and candidate.is_file():
            return Verdict(file=candidate)
    return Verdict(missing=path)


def url_key(url: str) -> str:
    """A URL as both draftkit and WeasyPrint spell it (WeasyPrint %-encodes what the
    style sheet wrote in plain characters)."""
    return unquote(url)

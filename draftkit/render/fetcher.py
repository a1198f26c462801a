"""The one URL fetcher WeasyPrint may use: deny by default.

Allowed: ``data:`` URLs, and ``file:`` URLs that resolve (symlinks followed) inside the
project's or the built-in template folders. Everything else (network, other local files,
redirects) stops the render with a clear error, so nothing outside the project can be
pulled into a PDF, whichever channel (clause, source, catalog, template) asked for it.

Inside the template folders a file is found as templates are, by its name relative to its
folder, project first: ``url(../fonts/NotoSerif-Regular.ttf)`` in a project's own
``templates/pdf/document.css`` finds the built-in font when the project has none of its
own, and a project's ``templates/fonts/`` file shadows the built-in one.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse


class DeniedResource(FatalURLFetchingError):
    pass


class MissingResource(FatalURLFetchingError):
    """A file the templates name is not there: a broken install or a typo in a template.

    Fatal, as WeasyPrint would otherwise only log a missing font and quietly set the text
    in whatever system font fontconfig offers."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"missing: {path}")
        self.path = path


class ProjectFetcher(URLFetcher):
    def __init__(self, allowed_roots: list[Path]) -> None:
        super().__init__(
            allowed_protocols={"data", "file"},
            allow_redirects=False,
            fail_on_errors=True,
            timeout=5,
        )
        self.allowed_roots = [root.resolve() for root in allowed_roots]
        self.fetched: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        self.fetched.append(url)
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise DeniedResource(f"denied: {url} (remote file host)")
            path = Path(unquote(parts.path)).resolve()
            found = self.find(path)
            if found is not None:
                return URLFetcherResponse(url, body=found.read_bytes())
            raise DeniedResource(f"denied: {url} is outside the project's template folders")
        raise DeniedResource(f"denied: {url} (draftkit renders without network access)")

    def find(self, path: Path) -> Path | None:
        """The file ``path`` names on the template search path; None when ``path`` is
        outside every template folder. Raises MissingResource when it is inside one but no
        folder has the file."""
        relative = next(
            (path.relative_to(root) for root in self.allowed_roots if path.is_relative_to(root)),
            None,
        )
        if relative is None:
            return None
        for root in self.allowed_roots:
            candidate = (root / relative).resolve()
            # resolve() again: a symlink in a folder must not lead out of it
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        raise MissingResource(path)

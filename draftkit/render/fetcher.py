"""The one URL fetcher WeasyPrint may use: deny by default.

Allowed: ``data:`` URLs, and ``file:`` URLs that resolve (symlinks followed) inside the
project's or the built-in template folders. Everything else (network, other local files,
redirects) stops the render with a clear error, so nothing outside the project can be
pulled into a PDF, whichever channel (clause, source, catalog, template) asked for it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse


class DeniedResource(FatalURLFetchingError):
    pass


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
            if any(path.is_relative_to(root) for root in self.allowed_roots) and path.is_file():
                return URLFetcherResponse(url, body=path.read_bytes())
            raise DeniedResource(f"denied: {url} is outside the project's template folders")
        raise DeniedResource(f"denied: {url} (draftkit renders without network access)")

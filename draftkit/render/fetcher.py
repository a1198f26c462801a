"""The one URL fetcher WeasyPrint may use: deny by default.

Allowed: ``data:`` URLs, and ``file:`` URLs that resolve (symlinks followed) inside the
project's or the built-in template folders. Everything else (network, other local files,
redirects) stops the render with a clear error, so nothing outside the project can be
pulled into a PDF, whichever channel (clause, source, catalog, template) asked for it;
only the URLs of the style sheet that the user was warned about beforehand
(render.cssrefs) are answered with nothing instead, and the render goes on.

Inside the template folders a file is found as templates are, by its name relative to its
folder, project first: ``url(../fonts/NotoSerif-Regular.ttf)`` in a project's own
``templates/pdf/document.css`` finds the built-in font when the project has none of its
own, and a project's ``templates/fonts/`` file shadows the built-in one.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from draftkit.render.urlpolicy import judge, url_key


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
    """``reported``: the URLs (:func:`url_key`) of the style sheet that the user has been
    warned will not be loaded (render.cssrefs): they are answered with nothing, so the rule
    is dropped and the PDF is built. Any other refused URL stops the render."""

    def __init__(self, allowed_roots: list[Path], reported: frozenset[str] = frozenset()) -> None:
        super().__init__(
            allowed_protocols={"data", "file"},
            allow_redirects=False,
            fail_on_errors=True,
            timeout=5,
        )
        self.allowed_roots = [root.resolve() for root in allowed_roots]
        self.reported = reported
        self.fetched: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        self.fetched.append(url)
        verdict = judge(url, self.allowed_roots)
        if verdict.refused is not None:
            if url_key(url) in self.reported:
                return URLFetcherResponse(url, body=b"")
            raise DeniedResource(f"denied: {url} ({verdict.refused})")
        if verdict.missing is not None:
            raise MissingResource(verdict.missing)
        if verdict.file is not None:
            return URLFetcherResponse(url, body=verdict.file.read_bytes())
        return super().fetch(url, headers)

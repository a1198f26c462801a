"""The HTML preview, opened in a browser, fetches nothing its style sheet names.

A project's style sheet may come from another organisation and name any address; the PDF
renderer refuses such addresses, and the preview's Content-Security-Policy keeps the
browser from fetching them. A local server stands in for the remote one and counts the
requests it gets while headless Chromium loads the page.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tests.cli.helpers import REPO, make_project

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_the_browser_fetches_no_address_of_the_style_sheet(tmp_path: Path) -> None:
    requests: list[str] = []

    class Counter(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        css = (REPO / "templates" / "pdf" / "document.css").read_text(encoding="utf-8")
        css += (
            f"\nbody {{ background: url({base}/tracker.png); }}\n"
            f'@font-face {{ font-family: "X"; src: url({base}/font.ttf); }}\n'
            'p { font-family: "X"; }\n'
        )
        project = make_project(tmp_path / "p", {"templates/pdf/document.css": css})
        result = project.run("build", "-f", "html")
        assert result.returncode == 0, result.stderr
        (page,) = (project.root / "build" / "en").glob("*.html")
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        assert "RESOLUTION" in done.stdout  # the page itself loaded
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []

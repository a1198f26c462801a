"""The HTTP side of the preview: fixed routes (the page, its event stream, the downloads),
a Host check, a strict CSP, and a thread that re-renders when a file of the project
changes."""

from __future__ import annotations

import re
import secrets
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote, urlsplit

from draftkit.errors import DraftkitError
from draftkit.serve.page import DOWNLOADS, page, state_json
from draftkit.serve.preview import Column, Preview

HOST = "127.0.0.1"
# An idle event stream gets a comment this often: a closed page is noticed, and proxies
# or the browser do not time the stream out.
KEEPALIVE = 15.0
# How long to wait for the file watch to start (inotify: milliseconds).
WATCH_START = 5.0
# Folders whose changes are not inputs: outputs, caches, version control.
IGNORED_DIRS = {".git", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "akn": "application/akn+xml",
}


def csp(nonce: str | None) -> str:
    """Nothing from elsewhere: the page's own script (by nonce), inline styles (the
    writer's), its event stream, and frames holding its own renders."""
    script = f"'nonce-{nonce}'" if nonce else "'none'"
    return (
        f"default-src 'none'; script-src {script}; style-src 'unsafe-inline'; "
        "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet: the terminal shows the URL and errors, not every request

    def host_allowed(self) -> bool:
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in (f"127.0.0.1:{port}", f"localhost:{port}")

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if not self.host_allowed():
            self.reply(403, "forbidden: this preview answers to 127.0.0.1 and localhost only")
            return
        path = urlsplit(self.path).path
        if path == "/":
            nonce = secrets.token_urlsafe(16)
            body = page(self.server.preview.state, nonce)
            self.reply(200, body, "text/html; charset=utf-8", nonce)
        elif path == "/events":
            self.stream()
        elif path.startswith("/download/"):
            self.download(path)
        else:
            self.reply(404, "not found")

    def download(self, path: str) -> None:
        """``/download/<lang>/<name>.<format>``: one of the documents shown, in one of
        :data:`DOWNLOADS`, written from the model the page shows (nothing of the request
        reaches a path: it only selects among the columns)."""
        parts = [unquote(part) for part in path.split("/")]
        name, _, fmt = parts[-1].rpartition(".") if len(parts) == 4 else ("", "", "")
        state = self.server.preview.state
        column = next(
            (c for c in state.columns if c.kind != "diff" and (c.lang, c.name) == (parts[2], name)),
            None,
        )
        if column is None or fmt not in DOWNLOADS:
            self.reply(404, "not found: no such document, language or format in this preview")
            return
        if state.error:
            self.reply(409, f"not downloadable while the input has an error:\n{state.error}")
            return
        try:
            data, extension = self.server.rendered(state.version, column, fmt)
        except DraftkitError as exc:
            self.reply(422, exc.format(self.server.preview.root))
            return
        except Exception as exc:  # a bug: a line here, the traceback on stderr
            traceback.print_exc(file=sys.stderr)
            self.reply(500, f"internal error: {type(exc).__name__}: {exc}")
            return
        filename = f"{column.name}.{extension}"
        fallback = re.sub(r"[^A-Za-z0-9._-]", "_", filename)
        self.send_response(200)
        self.send_header("Content-Type", MEDIA_TYPES[fmt])
        self.send_header("Content-Length", str(len(data)))
        self.send_header(
            "Content-Disposition",
            f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}",
        )
        self.headers_common()
        self.end_headers()
        self.wfile.write(data)

    def headers_common(self, nonce: str | None = None) -> None:
        self.send_header("Content-Security-Policy", csp(nonce))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")

    def reply(
        self,
        status: int,
        text: str,
        kind: str = "text/plain; charset=utf-8",
        nonce: str | None = None,
    ) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.headers_common(nonce)
        self.end_headers()
        self.wfile.write(data)

    def stream(self) -> None:
        """The state now, then at each change, until the page goes or the server stops."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.headers_common()
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        preview = self.server.preview
        state = preview.state
        try:
            self.send_event(state_json(state))
            while not self.server.stopping.is_set():
                fresh = preview.wait(state.version, KEEPALIVE)
                if fresh.version == state.version:
                    self.wfile.write(b": keepalive\n\n")
                    self.wfile.flush()
                    continue
                state = fresh
                self.send_event(state_json(state))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def send_event(self, data: str) -> None:
        self.wfile.write(b"event: render\ndata: " + data.encode("utf-8") + b"\n\n")
        self.wfile.flush()


class PreviewServer(ThreadingHTTPServer):
    """The preview on 127.0.0.1:``port`` (0: a free one), watching the project's folder."""

    daemon_threads = True

    def __init__(self, preview: Preview, port: int = 0) -> None:
        self.preview = preview
        self.stopping = threading.Event()
        self.watching = threading.Event()
        # Downloads of the current render: written once each, forgotten at the next.
        self.downloads: dict[tuple[int, str, str, str], tuple[bytes, str]] = {}
        self.downloading = threading.Lock()
        super().__init__((HOST, port), Handler)

    def rendered(self, version: int, column: Column, fmt: str) -> tuple[bytes, str]:
        """The bytes of ``column``'s document as ``fmt``, and their file extension."""
        from draftkit.api import write
        from draftkit.render.writers import writer

        assert column.document is not None and column.project is not None
        key = (version, column.name, column.lang, fmt)
        with self.downloading:  # one at a time: a PDF takes a core
            if key not in self.downloads:
                data = write(column.project, column.document, fmt)
                self.downloads = {k: v for k, v in self.downloads.items() if k[0] == version}
                self.downloads[key] = (data, writer(fmt).extension)
            return self.downloads[key]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def watch(self) -> None:
        """Re-render at each change of a file under the project (outputs excepted)."""
        from watchfiles import DefaultFilter, watch

        from draftkit.api import open_project

        root = self.preview.root
        try:
            outputs = str(open_project(root).output_dir.resolve())
        except Exception:  # a broken draftkit.toml: the render says so; build/ is the default
            outputs = str(root / "build")

        class Inputs(DefaultFilter):
            ignore_dirs = (*DefaultFilter.ignore_dirs, *IGNORED_DIRS)

            def __call__(self, change: object, path: str) -> bool:
                return not path.startswith(outputs) and super().__call__(change, path)

        # step: how long to wait for more changes of the same save; debounce: at most.
        for changes in watch(
            root,
            watch_filter=Inputs(),
            stop_event=self.stopping,
            step=30,
            debounce=300,
            rust_timeout=200,
            yield_on_timeout=True,
        ):
            # The first (empty) yield says the watch is on: no save is missed after it.
            self.watching.set()
            if changes:
                self.preview.refresh()

    def start(self) -> list[threading.Thread]:
        """Watch, render once, then serve, in background threads: a file saved once this
        returns is seen."""
        watcher = threading.Thread(target=self.watch, name="watch", daemon=True)
        watcher.start()
        self.watching.wait(WATCH_START)
        self.preview.refresh()
        server = threading.Thread(target=self.serve_forever, name="serve", daemon=True)
        server.start()
        return [watcher, server]

    def stop(self) -> None:
        self.stopping.set()
        with self.preview.changed:
            self.preview.changed.notify_all()
        self.shutdown()
        self.server_close()

"""Running ``draftkit serve`` as a user does: a subprocess on a free port, read with
http.client. Every read has a timeout: a hung server fails the test."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser

from tests.cli.helpers import Project, env

TIMEOUT = 10.0  # any single read; an update is expected within ~2 s


class Server:
    def __init__(self, project: Project, *args: str) -> None:
        self.project = project
        self.connections: list[http.client.HTTPConnection] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "draftkit", "serve", *args],
            cwd=project.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, (line, self.process.poll())
        self.port = int(match.group(1))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def connect(self) -> http.client.HTTPConnection:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        self.connections.append(connection)
        return connection

    def get(self, path: str, host: str | None = None) -> http.client.HTTPResponse:
        connection = self.connect()
        headers = {"Host": host} if host else {}
        connection.request("GET", path, headers=headers)
        return connection.getresponse()

    def page(self) -> str:
        response = self.get("/")
        assert response.status == 200
        return response.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)
        for pipe in (self.process.stdout, self.process.stderr):
            pipe.close()  # type: ignore[union-attr]
        for connection in self.connections:
            connection.close()


class Events:
    """The page's event stream: each ``render`` event's JSON."""

    def __init__(self, server: Server) -> None:
        self.connection = server.connect()
        self.connection.request("GET", "/events")
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.headers["Content-Type"].startswith("text/event-stream")

    def next(self) -> dict:
        data = []
        while True:
            line = self.response.fp.readline().decode("utf-8").rstrip("\n")
            if line.startswith("data: "):
                data.append(line[len("data: ") :])
            elif not line and data:
                return json.loads("\n".join(data))

    def until(self, test, seconds: float = TIMEOUT) -> dict:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            state = self.next()
            if test(state):
                return state
        raise AssertionError("no matching update in time")


class Frames(HTMLParser):
    """The documents a page shows: its iframes' srcdoc, the writer's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.documents: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.documents.append(dict(attrs)["srcdoc"] or "")


def frames(page: str) -> list[str]:
    parser = Frames()
    parser.feed(page)
    return parser.documents

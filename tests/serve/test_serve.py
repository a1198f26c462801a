"""``draftkit serve`` as a user runs it: a subprocess on a free port against a small
project, read with http.client. Every read has a timeout: a hung server fails the test."""

from __future__ import annotations

import html
import http.client
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli.helpers import Project, env, make_project

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


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "p")


@pytest.fixture
def server(project: Project) -> Iterator[Server]:
    running = Server(project)
    yield running
    running.stop()


def test_the_page_shows_the_document_escaped(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    project.edit("clauses/x.yaml", "all partners to act", "all <b>partners</b> & allies to act")
    running = Server(project)
    try:
        page = running.page()
    finally:
        running.stop()
    [document] = frames(page)
    assert "RESOLUTION OF THE FORUM" in document
    assert "all &lt;b&gt;partners&lt;/b&gt; &amp; allies to act" in document
    assert "<b>partners" not in document
    assert 'data-clause="calls-upon"' in document  # named on hover ([data-clause]:hover)


def test_locales_side_by_side(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    project.write(
        "draftkit.toml",
        project.read("draftkit.toml").replace('locales = ["en"]', 'locales = ["en", "ru"]'),
    )
    for step in ("extract", "update"):
        assert project.run("i18n", step).returncode == 0
    running = Server(project, "--lang", "en,ru", "--allow-incomplete")
    try:
        documents = frames(running.page())
    finally:
        running.stop()
    assert [re.search(r'<html lang="(\w+)', d).group(1) for d in documents] == ["en", "ru"]


def test_an_edit_is_sent_to_the_page(project: Project, server: Server) -> None:
    events = Events(server)
    first = events.next()
    assert "all partners to act" in first["columns"][0]["html"]
    project.edit("clauses/x.yaml", "all partners to act", "every partner to act")
    state = events.until(lambda s: "every partner to act" in s["columns"][0]["html"], 2.0)
    assert state["error"] is None
    assert "every partner to act" in frames(server.page())[0]


def test_an_input_error_shows_above_the_last_good_render(project: Project, server: Server) -> None:
    events = Events(server)
    events.next()
    good = project.read("clauses/x.yaml")
    project.write("clauses/x.yaml", good + "  - id: [broken\n")
    state = events.until(lambda s: s["error"] is not None)
    assert re.match(r"clauses/x\.yaml:\d+: ", state["error"]), state["error"]
    page = server.page()
    assert re.search(r'<pre id="dk-error" role="alert">clauses/x\.yaml:\d+: ', page)
    assert "all partners to act" in frames(page)[0]  # the last good render stays
    assert server.process.poll() is None
    project.write("clauses/x.yaml", good.replace("all partners", "all the partners"))
    state = events.until(lambda s: s["error"] is None)
    assert "all the partners" in state["columns"][0]["html"]
    assert '<pre id="dk-error" role="alert" hidden></pre>' in server.page()


def test_an_error_at_start_is_shown_and_the_server_runs(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"documents/d.yaml": "template: resolution\n  bad: [\n"})
    running = Server(project)
    try:
        page = running.page()
    finally:
        running.stop()
    assert re.search(r'<pre id="dk-error" role="alert">documents/d\.yaml:\d+: ', page)
    assert frames(page) == []


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1", "localhost:1"])
def test_other_hosts_are_refused(server: Server, host: str) -> None:
    for path in ("/", "/events"):
        response = server.get(path, host=host)
        assert response.status == 403
        assert "RESOLUTION" not in response.read().decode()


def test_localhost_is_served(server: Server) -> None:
    response = server.get("/", host=f"localhost:{server.port}")
    assert response.status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/index.html",
        "/clauses/x.yaml",
        "/draftkit.toml",
        "/../draftkit.toml",
        "/..%2f..%2fetc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
        "/link/x.yaml",
        "/clauses/",
        "/build/",
    ],
)
def test_nothing_else_is_served(project: Project, server: Server, path: str) -> None:
    os.symlink(project.root / "clauses", project.root / "link")
    response = server.get(path)
    assert response.status == 404
    body = response.read().decode()
    assert "calls-upon" not in body and "[project]" not in body and "root:" not in body


def test_the_page_allows_its_own_script_only(server: Server) -> None:
    response = server.get("/")
    policy = response.headers["Content-Security-Policy"]
    page = response.read().decode()
    nonce = re.search(r"<script nonce=\"([^\"]+)\">", page).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == f"'nonce-{nonce}'"
    assert directives["connect-src"] == "'self'"
    assert page.count("<script") == 1
    assert "http://" not in html.unescape(page).replace(f"127.0.0.1:{server.port}", "")
    assert server.get("/").headers["Content-Security-Policy"] != policy  # a fresh nonce

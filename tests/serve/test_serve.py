"""``draftkit serve`` as a user runs it: a subprocess on a free port against a small
project, read with http.client (tests/serve/helpers.py). Tests that only read share one
server (a start costs seconds); those that edit the project have their own."""

from __future__ import annotations

import html
import io
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from tests.cli.helpers import Project, make_project
from tests.serve.helpers import Events, Server, frames

WORD = "wordprocessingml"


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return " ".join("".join(p.itertext()) for p in body.iter(f"{w}p"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "p")


@pytest.fixture
def server(project: Project) -> Iterator[Server]:
    running = Server(project)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server the tests only read from: markup in a clause, a symlink in the project."""
    project = make_project(tmp_path_factory.mktemp("shared") / "p")
    project.edit("clauses/x.yaml", "all partners to act", "all <b>partners</b> & allies to act")
    os.symlink(project.root / "clauses", project.root / "link")
    running = Server(project)
    yield running
    running.stop()


def test_the_page_shows_the_document_escaped(shared: Server) -> None:
    [document] = frames(shared.page())
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
    response = server.get("/download/en/d.docx")  # not the last good render: the input's
    assert response.status == 409
    assert re.search(r"clauses/x\.yaml:\d+: ", response.read().decode())
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
def test_other_hosts_are_refused(shared: Server, host: str) -> None:
    for path in ("/", "/events", "/download/en/d.docx"):
        response = shared.get(path, host=host)
        assert response.status == 403
        assert "RESOLUTION" not in response.read().decode()


def test_localhost_is_served(shared: Server) -> None:
    response = shared.get("/", host=f"localhost:{shared.port}")
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
        "/download/",
        "/download/en/",
        "/download/en/x.yaml",
        "/download/en/../../draftkit.toml",
        "/download/en/%2e%2e%2fclauses%2fx.yaml",
        "/download/en/link/x.yaml",
        "/download/en/d.yaml",
        "/download/en/d.html",
        "/download/ru/d.docx",
        "/download/en/d.docx/x",
    ],
)
def test_nothing_else_is_served(shared: Server, path: str) -> None:
    response = shared.get(path)
    assert response.status == 404
    body = response.read().decode()
    assert "calls-upon" not in body and "[project]" not in body and "root:" not in body


def test_the_page_allows_its_own_script_only(shared: Server) -> None:
    response = shared.get("/")
    policy = response.headers["Content-Security-Policy"]
    page = response.read().decode()
    nonce = re.search(r"<script nonce=\"([^\"]+)\">", page).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == f"'nonce-{nonce}'"
    assert directives["connect-src"] == "'self'"
    assert page.count("<script") == 1
    assert "http://" not in html.unescape(page).replace(f"127.0.0.1:{shared.port}", "")
    assert shared.get("/").headers["Content-Security-Policy"] != policy  # a fresh nonce


@pytest.mark.slow
def test_downloads_of_what_is_shown(shared: Server) -> None:
    [document] = frames(shared.page())
    assert '<a href="/download/en/d.docx" download>DOCX</a>' in shared.page()
    files = {}
    for fmt, name, kind in [
        ("docx", "d.docx", f"application/vnd.openxmlformats-officedocument.{WORD}.document"),
        ("pdf", "d.pdf", "application/pdf"),
        ("akn", "d.akn.xml", "application/akn+xml"),
    ]:
        response = shared.get(f"/download/en/d.{fmt}")
        assert response.status == 200, response.read()
        assert response.headers["Content-Type"] == kind
        disposition = response.headers["Content-Disposition"]
        assert disposition == f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
        files[fmt] = response.read()
    assert "all <b>partners</b> & allies to act" in docx_text(files["docx"])
    pdf = pypdf.PdfReader(io.BytesIO(files["pdf"]))
    assert "all <b>partners</b> & allies to act" in " ".join(
        p.extract_text() for p in pdf.pages
    ).replace("\n", " ")
    akn = etree.fromstring(files["akn"])
    assert "all <b>partners</b> & allies to act" in "".join(akn.itertext())
    assert shared.get("/download/en/d.docx").read() == files["docx"]  # the same render

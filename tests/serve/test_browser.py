"""The live preview in a real browser: Playwright driving the system's Chromium (Debian's
``chromium``, installed by .ci/run; no browser download), headless, against ``draftkit
serve --lang en,ru,ky --diff HEAD`` on a copy of the example project in a git repository.

One server, one browser and one page for the module, as a user keeps one tab open: the
tests run in order and each leaves the project as it found it. Screenshots go to the
temporary folder (``DRAFTKIT_SCREENSHOTS`` names another) for a person to look at; they
are not compared with anything."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.helpers import Project
from tests.conftest import REPO
from tests.serve.helpers import Server

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get chromium)"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]
expect = sync_api.expect
WAIT = 10_000  # ms: an update takes well under a second; a slow shared machine, more
CLAUSE = "clauses/gender-equality.yaml"
WORDS = "sustainable development, we reaffirm"
SHOTS = Path(os.environ.get("DRAFTKIT_SCREENSHOTS", tempfile.gettempdir()))


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("browser") / "example"
    for name in ("clauses", "documents", "locales", "organisations", "templates"):
        shutil.copytree(REPO / name, root / name)
    for name in ("draftkit.toml", "sources.yaml"):
        shutil.copy(REPO / name, root / name)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "the example")
    return Project(root)


@pytest.fixture(scope="module")
def server(project: Project) -> Iterator[Server]:
    # An edit leaves its text untranslated: shown in English in the ru and ky columns.
    running = Server(project, "--lang", "en,ru,ky", "--allow-incomplete", "--diff", "HEAD")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[sync_api.Page]:
    with sync_api.sync_playwright() as playwright:
        # As root (CI containers), Chromium's sandbox cannot start.
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        tab = browser.new_page(viewport={"width": 1600, "height": 900}, accept_downloads=True)
        tab.goto(server.url)
        yield tab
        browser.close()


def frame(page: sync_api.Page, n: int) -> sync_api.FrameLocator:
    return page.frame_locator("#dk-columns iframe").nth(n)


def shoot(page: sync_api.Page, name: str) -> None:
    page.screenshot(path=SHOTS / f"draftkit-serve-{name}.png")


def test_the_locales_side_by_side_and_the_diff(page: sync_api.Page) -> None:
    expect(page.locator(".dk-title")).to_have_text(
        [
            "documents/civic-forum-2025.yaml [en]",
            "documents/civic-forum-2025.yaml [ru]",
            "documents/civic-forum-2025.yaml [ky]",
            "changes since HEAD: documents/civic-forum-2025.yaml [en]",
        ]
    )
    titles = {
        0: ("en", "FINAL JOINT RESOLUTION OF THE FORUM PARTICIPANTS"),
        1: ("ru", "ИТОГОВАЯ СОВМЕСТНАЯ РЕЗОЛЮЦИЯ УЧАСТНИКОВ ФОРУМА"),
        2: ("ky", "ФОРУМДУН КАТЫШУУЧУЛАРЫНЫН ЖЫЙЫНТЫКТООЧУ"),
    }
    for n, (lang, title) in titles.items():
        expect(frame(page, n).locator("html")).to_have_attribute("lang", lang)
        expect(frame(page, n).locator("body")).to_contain_text(title)
    expect(frame(page, 3).locator("#summary")).to_contain_text("modified0")
    expect(page.locator("#dk-error")).to_be_hidden()
    shoot(page, "locales")


def test_an_edit_appears_without_a_reload(project: Project, page: sync_api.Page) -> None:
    page.evaluate("window.notReloaded = true")
    original = project.read(CLAUSE)
    project.edit(CLAUSE, WORDS, WORDS + " LIVE-EDIT")
    try:
        for n in range(3):
            expect(frame(page, n).locator("body")).to_contain_text(
                WORDS + " LIVE-EDIT", timeout=WAIT
            )
        expect(frame(page, 3).locator("main ins")).to_have_text("LIVE-EDIT ")
        assert page.evaluate("window.notReloaded") is True
        shoot(page, "edit")
    finally:
        project.write(CLAUSE, original)
    expect(frame(page, 0).locator("body")).not_to_contain_text("LIVE-EDIT", timeout=WAIT)


def test_a_yaml_error_shows_and_its_fix_shows_the_document(
    project: Project, page: sync_api.Page
) -> None:
    original = project.read(CLAUSE)
    project.write(CLAUSE, original + "  - id: [broken\n")
    banner = page.locator("#dk-error")
    try:
        expect(banner).to_be_visible(timeout=WAIT)
        expect(banner).to_have_text(re.compile(r"^clauses/gender-equality\.yaml:\d+: \S"))
        # The last good render stays under it.
        expect(frame(page, 1).locator("body")).to_contain_text("ИТОГОВАЯ СОВМЕСТНАЯ")
        shoot(page, "error")
    finally:
        project.write(CLAUSE, original.replace(WORDS, WORDS + " FIXED"))
    expect(banner).to_be_hidden(timeout=WAIT)
    expect(frame(page, 2).locator("body")).to_contain_text(WORDS + " FIXED", timeout=WAIT)
    project.write(CLAUSE, original)
    expect(frame(page, 2).locator("body")).not_to_contain_text("FIXED", timeout=WAIT)


def test_a_download_link(page: sync_api.Page, tmp_path: Path) -> None:
    column = page.locator(".dk-column").nth(2)  # ky
    with page.expect_download(timeout=WAIT * 3) as download:
        column.get_by_role("link", name="DOCX").click()
    assert download.value.suggested_filename == "civic-forum-2025.docx"
    saved = tmp_path / "ky.docx"
    download.value.save_as(saved)
    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "ФОРУМДУН" in body
    assert page.locator(".dk-column").nth(3).get_by_role("link").count() == 0  # the diff

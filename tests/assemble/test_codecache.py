"""Compiled templates: once per process, reused across processes, never stale."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from draftkit.assemble import codecache
from draftkit.checking import check_project
from draftkit.project import Project
from tests.cli.helpers import BASE, builtin_template, run
from tests.cli.helpers import Project as CliProject

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTKIT_CACHE_DIR", str(folder))
    monkeypatch.setattr(codecache, "_caches", {})
    return folder


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The names of the templates Jinja2 compiles from source."""
    names: list[str | None] = []
    real = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        names.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_check_compiles_each_template_once(cache_dir: Path, compiled: list[str | None]) -> None:
    # The example assembles one resolution and five press texts: twelve template loads.
    check_project(Project.discover(REPO))
    assert compiled, "nothing was compiled: the test does not see Jinja2"
    assert len(compiled) == len(set(compiled))


def test_a_new_process_loads_compiled_templates(
    cache_dir: Path, compiled: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    check_project(Project.discover(REPO))
    first = list(compiled)
    assert list(cache_dir.rglob("*.cache")), "no compiled template was written to the cache"
    compiled.clear()
    monkeypatch.setattr(codecache, "_caches", {})  # as a new process starts
    check_project(Project.discover(REPO))
    assert first and compiled == []


def test_damaged_cache_files_are_compiled_again(
    cache_dir: Path, compiled: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    check_project(Project.discover(REPO))
    files = list(cache_dir.rglob("*.cache"))
    for path in files:
        path.write_bytes(b"j2 not a code object")
    compiled.clear()
    monkeypatch.setattr(codecache, "_caches", {})
    check_project(Project.discover(REPO))
    assert len(compiled) == len(files)


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DRAFTKIT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(codecache, "_caches", {})
    check_project(Project.discover(REPO))


def test_an_edited_template_is_used_at_once(tmp_path: Path) -> None:
    """The CLI, twice, with one cache: the second build shows the edited project template."""
    project = CliProject(tmp_path / "p")
    for name, text in BASE.items():
        project.write(name, text)
    template = builtin_template().replace("{{ doc.title }}", "{{ doc.title }} (first)", 1)
    assert "(first)" in template
    project.write("templates/resolution.xml.j2", template)
    assert project.run("build", "-f", "html").returncode == 0
    assert "(first)" in next((project.root / "build").rglob("*.html")).read_text("utf-8")

    project.write("templates/resolution.xml.j2", template.replace("(first)", "(second)"))
    result = project.run("build", "-f", "html")
    assert result.returncode == 0, result.stderr
    html = next((project.root / "build").rglob("*.html")).read_text("utf-8")
    assert "(second)" in html and "(first)" not in html
    assert list(Path(os.environ["DRAFTKIT_CACHE_DIR"]).rglob("*.cache"))


def test_cli_run_uses_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTKIT_CACHE_DIR", str(folder))
    result = run("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert len(list(folder.rglob("*.cache"))) >= 3

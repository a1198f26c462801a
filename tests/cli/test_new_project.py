"""``draftkit new`` from the user's side: what the new project holds and what works in it
at once (its languages' catalogs, an event, a .gitignore), with no placeholder left."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.cli.helpers import assert_fails_cleanly, run


def test_new_project_has_its_languages_catalogs_and_an_event(tmp_path) -> None:
    assert run("new", "x", cwd=tmp_path).returncode == 0
    root = tmp_path / "x"
    assert 'locales = ["en", "ru", "ky"]' in (root / "draftkit.toml").read_text()
    for lang in ("ru", "ky"):
        assert (root / "locales" / lang / "LC_MESSAGES" / "messages.po").is_file()

    status = run("i18n", "status", cwd=root)
    assert status.returncode == 0, status.stderr
    # a row per locale and catalog, then the legend ("project: your content, …")
    rows = {
        line.split()[0]: line.split()
        for line in status.stdout.splitlines()[1:]
        if not line.startswith("project:")
    }
    assert set(rows) == {"ru", "ky"} and "no catalog" not in status.stdout
    # the catalogs are what the project's own extract and update make: nothing to redo
    assert run("i18n", "extract", cwd=root).stdout.startswith("unchanged:")
    update = run("i18n", "update", cwd=root).stdout.splitlines()
    assert len(update) == 2 and all(line.endswith(": nothing written") for line in update)

    listed = run("orgs", "list", cwd=root)
    assert listed.returncode == 0 and "my-organisation" in listed.stdout
    (event,) = (root / "events").glob("*.yaml")
    built = run("build", f"events/{event.name}", "-f", "html", cwd=root)
    assert built.returncode == 0, built.stderr
    assert built.stdout == f"wrote build/en/{event.stem}-press-release.html\n"
    assert run("check", cwd=root).returncode == 0


def test_new_project_has_no_placeholder_links(tmp_path) -> None:
    assert run("new", "x", cwd=tmp_path).returncode == 0
    for path in (tmp_path / "x").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "README of draftkit" not in text, path
            assert not re.search(r"https?://github\.com/?[\s)]", text), path


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_new_project_ignores_what_draftkit_writes(tmp_path) -> None:
    assert run("new", "x", cwd=tmp_path).returncode == 0
    root = tmp_path / "x"
    assert run("build", "-f", "html", cwd=root).returncode == 0
    (root / "build" / "presskit").mkdir()
    (root / "build" / "presskit" / ".presskit-cache.json").write_text("{}")
    (root / "kit").mkdir()
    (root / "kit" / ".presskit-cache.json").write_text("{}")  # presskit -o kit
    (root / "plugins" / "__pycache__").mkdir(parents=True)
    (root / "plugins" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"")
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    status = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=all"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    untracked = sorted(line[3:] for line in status.splitlines())
    assert ".gitignore" in untracked and "locales/ru/LC_MESSAGES/messages.po" in untracked
    assert not [p for p in untracked if "build" in p or "cache" in p], untracked


def test_new_project_with_chosen_locales(tmp_path) -> None:
    result = run("new", "x", "--locales", "ru,fr", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "x"
    assert 'locales = ["en", "ru", "fr"]' in (root / "draftkit.toml").read_text()
    assert sorted(p.name for p in (root / "locales").iterdir()) == ["fr", "messages.pot", "ru"]

    lines = assert_fails_cleanly(run("new", "y", "--locales", "ru,xx", cwd=tmp_path))
    assert lines[0].startswith("error: unknown language 'xx'"), lines
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]

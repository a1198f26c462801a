"""The URL fetcher finds template files as templates are found: by name, project first."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.render.fetcher import DeniedResource, MissingResource, ProjectFetcher


@pytest.fixture
def roots(tmp_path: Path) -> tuple[Path, Path]:
    own, builtin = tmp_path / "project" / "templates", tmp_path / "builtin"
    for root in (own, builtin):
        (root / "pdf").mkdir(parents=True)
        (root / "fonts").mkdir()
    (builtin / "fonts" / "Serif.ttf").write_bytes(b"built-in")
    return own, builtin


def fetch(roots: tuple[Path, Path], path: Path) -> bytes:
    return ProjectFetcher(list(roots)).fetch(path.as_uri()).read()


def test_a_project_style_sheet_finds_the_built_in_font(roots: tuple[Path, Path]) -> None:
    own, _ = roots
    assert fetch(roots, own / "pdf" / ".." / "fonts" / "Serif.ttf") == b"built-in"


def test_a_project_font_shadows_the_built_in_one(roots: tuple[Path, Path]) -> None:
    own, builtin = roots
    (own / "fonts" / "Serif.ttf").write_bytes(b"project")
    assert fetch(roots, builtin / "fonts" / "Serif.ttf") == b"project"


def test_a_font_in_no_template_folder_is_missing_by_its_name(roots: tuple[Path, Path]) -> None:
    _, builtin = roots
    with pytest.raises(MissingResource) as caught:
        fetch(roots, builtin / "fonts" / "Sans.ttf")
    assert caught.value.path == builtin / "fonts" / "Sans.ttf"


def test_the_search_does_not_follow_a_symlink_out_of_a_folder(
    roots: tuple[Path, Path], tmp_path: Path
) -> None:
    own, builtin = roots
    secret = tmp_path / "secret.ttf"
    secret.write_bytes(b"secret")
    (builtin / "fonts" / "Leak.ttf").symlink_to(secret)
    with pytest.raises(MissingResource):
        fetch(roots, own / "fonts" / "Leak.ttf")
    with pytest.raises(DeniedResource):
        fetch(roots, builtin / "fonts" / "Leak.ttf")

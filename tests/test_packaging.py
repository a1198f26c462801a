"""The wheel carries the built-in templates, so `pip install .` projects build at once."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from tests.conftest import PYTHON, REPO


def test_wheel_ships_builtin_templates(tmp_path: Path) -> None:
    subprocess.run(
        [
            PYTHON,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("draftkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "resolution.xml.j2",
        "macros.xml.j2",
        "new-project-un/documents/resolution.yaml",  # draftkit new --kind un
        "styles.yaml",
        "pdf/document.css",
        "new-project/draftkit.toml",
        "new-project/documents/resolution.yaml",
        "fonts/NotoSerif-Regular.ttf",
        "fonts/NotoSerif-Italic.ttf",
        "fonts/NotoSerif-Bold.ttf",
        "fonts/NotoSerif-BoldItalic.ttf",
        "fonts/NotoSans-Bold.ttf",
        "fonts/OFL.txt",
        # draftkit's own messages, translated (read beneath a project's catalog)
        "locales/draftkit.pot",
        "locales/ru/LC_MESSAGES/draftkit.po",
        "locales/ky/LC_MESSAGES/draftkit.po",
    ):
        assert f"draftkit/templates/{name}" in names
    assert not any(n.startswith(("clauses/", "tests/", "documents/")) for n in names)

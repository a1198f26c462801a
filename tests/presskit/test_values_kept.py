"""A value is printed as it was written: YAML's number forms do not reach the text.

YAML would read ``0312654321`` as an octal number (53172433), ``+996312654321`` as a number
without its plus, ``0x1F`` as 31 and ``1e3`` as 1000.0; a field that holds text keeps the
characters of the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.presskit.conftest import copy_example

EVENT = "events/what-works-forum-2022.yaml"


@pytest.mark.parametrize(
    "written",
    ["0312654321", "+996312654321", "0555662228", "0312 65 43 21", "00996312654321"],
)
def test_a_phone_number_is_printed_as_written(tmp_path: Path, written: str) -> None:
    root = copy_example(tmp_path / "p")
    event = root / EVENT
    text = event.read_text(encoding="utf-8")
    assert 'phone: "0555662228"' in text
    event.write_text(text.replace('phone: "0555662228"', f"phone: {written}"), "utf-8")
    result = run("build", EVENT, "-f", "html", cwd=root)
    assert result.returncode == 0, result.stderr
    html = next((root / "build" / "en").glob("*.html")).read_text(encoding="utf-8")
    assert f"Phone: {written}<" in html


def test_number_forms_in_a_quote_stay_text(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    event = root / EVENT
    text = event.read_text(encoding="utf-8")
    assert "    role: communications consultant\n" in text
    event.write_text(
        text.replace("    role: communications consultant\n", "    role: 0x1F\n"), "utf-8"
    )
    result = run("build", EVENT, "-f", "html", cwd=root)
    assert result.returncode == 0, result.stderr
    html = next((root / "build" / "en").glob("*.html")).read_text(encoding="utf-8")
    assert "0x1F" in html and ">31<" not in html

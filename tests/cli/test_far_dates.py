"""Dates far from today: outputs are written, or the error says which setting is wrong."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable

from tests.cli.helpers import Project, assert_fails_cleanly, env


def _build(p: Project, **extra: str) -> subprocess.CompletedProcess[str]:
    run_env = {k: v for k, v in env().items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [sys.executable, "-m", "draftkit", "build", "-f", "docx,pdf"],
        cwd=p.root,
        capture_output=True,
        text=True,
        env={**run_env, **extra},
        timeout=120,
        check=False,
    )


def test_a_document_dated_9999_builds(project: Callable[..., Project]) -> None:
    """Without SOURCE_DATE_EPOCH outputs are stamped with the document's date, and ZIP
    cannot hold a year after 2107."""
    p = project()
    p.edit("documents/d.yaml", "date: 2026-01-15", "date: 9999-12-31")
    result = _build(p)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(p.root / "build/en/d.docx") as docx:
        assert {i.date_time for i in docx.infolist()} == {(2107, 12, 31, 23, 59, 58)}
        assert "9999-12-31" in docx.read("docProps/core.xml").decode()


def test_a_source_date_epoch_out_of_range_is_named(project: Callable[..., Project]) -> None:
    p = project()
    result = _build(p, SOURCE_DATE_EPOCH="99999999999999999")
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1 and "SOURCE_DATE_EPOCH=99999999999999999" in lines[0]
    assert not (p.root / "build").exists()

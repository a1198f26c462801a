"""Same input, same bytes: two builds more than 3 s apart, under two time zones."""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
import zipfile
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import EXAMPLE, PYTHON, REPO


def build(out: Path, **env: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    subprocess.run(
        [PYTHON, "-m", "draftkit", "build", str(EXAMPLE), "-f", "docx,pdf", "-o", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
        env={**base, **env},
    )
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (out / "en").iterdir()}


def test_two_builds_give_identical_bytes(tmp_path: Path) -> None:
    first = build(tmp_path / "a", TZ="UTC", PYTHONHASHSEED="1")
    time.sleep(3.2)  # past a 2-second ZIP time bucket
    second = build(tmp_path / "b", TZ="Asia/Bishkek", PYTHONHASHSEED="2")
    assert set(first) == {"civic-forum-2025.docx", "civic-forum-2025.pdf"}
    assert first == second


def test_source_date_epoch_sets_every_timestamp(tmp_path: Path) -> None:
    build(tmp_path, SOURCE_DATE_EPOCH="1700000000")
    docx = tmp_path / "en" / "civic-forum-2025.docx"
    with zipfile.ZipFile(docx) as z:
        assert {info.date_time for info in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert z.namelist()[0] == "[Content_Types].xml"
        # made on MS-DOS, on any machine (zipfile's default is the writing machine's)
        assert {info.create_system for info in z.infolist()} == {0}
        core = z.read("docProps/core.xml").decode()
    assert "2023-11-14T22:13:20Z" in core
    info = PdfReader(tmp_path / "en" / "civic-forum-2025.pdf").metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20231114221320Z"


def test_without_epoch_the_document_date_is_used(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run(
        [PYTHON, "-m", "draftkit", "build", str(EXAMPLE), "-f", "docx", "-o", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
        env=env,
    )
    with zipfile.ZipFile(tmp_path / "en" / "civic-forum-2025.docx") as z:
        assert "2025-03-04T00:00:00Z" in z.read("docProps/core.xml").decode()

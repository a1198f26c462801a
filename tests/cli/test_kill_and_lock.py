"""Faults: killed at any moment, run twice at once, a full disk, a read-only folder.

Every output is then the old version or the new one, never a mixture or half a file; the
files a killed run staged are gone after the next run; two runs at once end with the right
files; a disk that fills up or a folder that cannot be written is one error and no file.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.helpers import env, run
from tests.presskit.conftest import copy_example

pytestmark = pytest.mark.slow
RESOLUTION = "documents/civic-forum-2025.yaml"
CLAUSE = "clauses/gender-equality.yaml"
OUTPUT_SUFFIXES = (".docx", ".pdf", ".zip", ".json")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in OUTPUT_SUFFIXES and not p.name.startswith(".")
    }


def staged(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*.tmp")]


def start(root: Path, *args: str, capture: bool = False) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "draftkit", *args],
        cwd=root,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
    )


def change_the_library(root: Path) -> None:
    clause = root / CLAUSE
    text = clause.read_text(encoding="utf-8")
    clause.write_text(text.replace("Helsinki Values", "Helsinki values", 1), encoding="utf-8")


def old_and_new(root: Path, command: list[str], folder: str) -> tuple[dict, dict, float]:
    """The outputs in ``folder`` (under build/), and those the changed library gives, built
    into another folder; and how long one run takes."""
    assert run(*command, cwd=root).returncode == 0
    old = snapshot(root / folder)
    change_the_library(root)
    began = time.monotonic()
    result = run(*command, "-o", str(root / "other"), cwd=root)
    took = time.monotonic() - began
    assert result.returncode == 0, result.stderr
    new = snapshot(root / folder.replace("build", "other", 1))
    assert new != old  # the change reaches the outputs
    return old, new, took


def kill_repeatedly(root: Path, command: list[str], folder: str, old: dict, new: dict,
                    took: float, times: int) -> None:  # fmt: skip
    chance = random.Random(20261201)
    for attempt in range(times):
        process = start(root, *command, "--force")
        time.sleep(chance.uniform(0, took))
        process.kill()
        process.wait()
        now = snapshot(root / folder)
        for name, digest in now.items():
            assert digest in (old.get(name), new.get(name)), f"attempt {attempt}: {name} is half"
        for name in now:
            if name.endswith(".json"):
                json.loads((root / folder / name).read_bytes())  # whole, never cut


def processes_in(folder: Path) -> list[int]:
    """Processes still working in ``folder`` (Linux: their current folder)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if Path(entry / "cwd").resolve() == folder.resolve():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def no_processes_left_in(folder: Path) -> None:
    """A killed run's forked workers end with it (they used to wait for ever)."""
    if not Path("/proc/self/cwd").exists():
        return
    deadline = time.monotonic() + 10
    while processes_in(folder) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_in(folder) == []


def test_a_build_killed_at_any_moment_leaves_old_or_new_files(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    command = ["build", RESOLUTION, "-f", "docx,pdf"]
    old, new, took = old_and_new(root, command, "build")
    kill_repeatedly(root, command, "build", old, new, took, times=12)
    no_processes_left_in(root)
    result = run(*command, cwd=root)
    assert result.returncode == 0, result.stderr
    assert snapshot(root / "build") == new
    assert staged(root / "build") == []


def test_a_press_kit_killed_at_any_moment_leaves_old_or_new_files(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    command = ["presskit", "events/civic-forum-2025.yaml", "--lang", "en"]
    folder = "build/presskit/civic-forum-2025"
    old, new, took = old_and_new(root, command, folder)
    kill_repeatedly(root, command, folder, old, new, took, times=8)
    no_processes_left_in(root)
    result = run(*command, cwd=root)
    assert result.returncode == 0, result.stderr
    assert snapshot(root / folder) == new
    assert staged(root / folder) == []


def test_a_catalog_update_killed_at_any_moment_leaves_old_or_new_files(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    catalogs = root / "locales"

    def pos() -> dict[str, str]:
        return {
            str(p.relative_to(catalogs)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(catalogs.rglob("*.po"))
        }

    old = pos()
    change_the_library(root)
    assert run("i18n", "extract", cwd=root).returncode == 0
    spare = tmp_path / "spare"
    shutil.copytree(catalogs, spare)
    began = time.monotonic()
    assert run("i18n", "update", cwd=root).returncode == 0
    took = time.monotonic() - began
    new = pos()
    assert new != old
    chance = random.Random(1201)
    for attempt in range(10):
        shutil.rmtree(catalogs)
        shutil.copytree(spare, catalogs)  # the old catalogs, the new template
        process = start(root, "i18n", "update")
        time.sleep(chance.uniform(0, took))
        process.kill()
        process.wait()
        for name, digest in pos().items():
            assert digest in (old[name], new[name]), f"attempt {attempt}: {name} is half"
    assert run("i18n", "update", cwd=root).returncode == 0
    assert pos() == new
    assert staged(catalogs) == []


def test_two_builds_at_once_end_with_the_right_files(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    command = ["build", RESOLUTION, "--lang", "en", "-f", "docx,pdf", "--force"]
    assert run(*command, cwd=root).returncode == 0
    expected = snapshot(root / "build")
    first, second = start(root, *command, capture=True), start(root, *command, capture=True)
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    assert snapshot(root / "build") == expected
    assert staged(root / "build") == []


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 96 KB tmpfs: room for the build record, not for a PDF. Needs root."""
    mount = tmp_path / "disk"
    mount.mkdir()

    def make(options: str) -> Path:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        return mount

    yield make
    subprocess.run(["umount", str(mount)], capture_output=True)


@pytest.mark.parametrize(
    ("options", "message"),
    [("size=96k", "No space left on device"), ("ro,size=1m", "Read-only file system")],
    ids=["full-disk", "read-only"],
)
def test_a_folder_that_cannot_take_the_outputs_is_one_error(
    tmp_path: Path, small_disk, options: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    root = copy_example(tmp_path / "p")
    out = small_disk(options)
    result = run("build", RESOLUTION, "-f", "docx,pdf", "-o", str(out), cwd=root)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines
    assert "Traceback" not in result.stderr
    left = [p for p in out.rglob("*") if p.is_file()]
    assert left == [], left

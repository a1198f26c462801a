"""The example press kit (3 locales x 2 documents x 2 formats): cold, warm with no change,
after one clause changed, each as a fresh ``draftkit presskit`` process; and a cold build
in parallel (default --jobs) against ``--jobs 1`` as a ratio, in the same run.

    .venv/bin/python bench/bench_presskit.py [--repeat 3]

The project is copied to a temporary folder, so the repository's build/ is not touched.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PARTS = (
    "draftkit.toml",
    "sources.yaml",
    "clauses",
    "documents",
    "events",
    "organisations",
    "locales",
)
EVENT = "events/civic-forum-2025.yaml"
CLAUSE_FILE = "clauses/forum-frame.yaml"
OLD, NEW = "equality and justice.", "equality and justice!"


def copy_project(target: Path) -> None:
    target.mkdir(parents=True)
    for part in PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)


def presskit(root: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "draftkit", "presskit", EVENT, *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"presskit failed:\n{done.stderr}")
    return seconds, done.stdout


def rendered(stdout: str) -> str:
    found = re.search(r"^(\d+) rendered, (\d+) up to date$", stdout, re.M)
    if found:
        return f"{found.group(1)} rendered, {found.group(2)} up to date"
    return "nothing rendered" if "nothing rendered" in stdout else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    jobs = os.cpu_count() or 1
    print(f"press kit of {EVENT}: en, ru, ky x press release + resolution x DOCX + PDF")
    print(f"cpu count {jobs}; median of {args.repeat} fresh processes per figure\n")
    with tempfile.TemporaryDirectory() as tmp:
        cold, cold_serial, warm, changed = [], [], [], []
        outcome = {}
        for n in range(args.repeat):
            root = Path(tmp) / f"p{n}"
            copy_project(root)
            seconds, out = presskit(root)
            cold.append(seconds)
            outcome["cold"] = rendered(out)
            seconds, out = presskit(root)
            warm.append(seconds)
            outcome["warm"] = rendered(out)
            clause = root / CLAUSE_FILE
            text = clause.read_text(encoding="utf-8")
            clause.write_text(text.replace(OLD, NEW if n % 2 == 0 else OLD + " "), "utf-8")
            # the changed English text has no translation yet: ru and ky build as drafts
            seconds, out = presskit(root, "--allow-incomplete")
            changed.append(seconds)
            outcome["changed"] = rendered(out)
            serial_root = Path(tmp) / f"s{n}"
            copy_project(serial_root)
            seconds, _ = presskit(serial_root, "--jobs", "1")
            cold_serial.append(seconds)
        rows = [
            (f"cold, --jobs {jobs} (default)", cold, outcome["cold"]),
            ("cold, --jobs 1", cold_serial, "12 rendered, 0 up to date"),
            ("warm, no change", warm, outcome["warm"]),
            ("one clause changed", changed, outcome["changed"]),
        ]
        for label, values, what in rows:
            print(f"{label:<30} {statistics.median(values):6.2f} s   ({what})")
        ratio = statistics.median(cold_serial) / statistics.median(cold)
        print(f"\nparallel speed-up: --jobs 1 / --jobs {jobs} = {ratio:.2f}x")
        target = statistics.median(warm)
        print(f"no-change target < 0.5 s: {'met' if target < 0.5 else 'NOT met'} ({target:.2f} s)")


if __name__ == "__main__":
    main()

"""Live preview benchmark: time from saving a clause file to the page's update.

Copies the example project (clauses, documents, sources, templates, locales…) to a
temporary folder, starts ``draftkit serve --lang LANGS`` there as a user does, listens to
its event stream, and appends a comment to a clause file ``--runs`` times; each time, the
time from the write to the end of the next ``render`` event (re-render included). Target:
≤ 0.5 s for the example. Then the same for the generated resolution of 500 clauses of
bench_build.py (one language: it has no translations), unless ``--no-big``.

    .venv/bin/python bench/bench_serve.py [--runs 5] [--lang en] [--no-big]
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_build import BIG_CLAUSES, generate_project  # noqa: E402

SKIP = shutil.ignore_patterns(".git", ".venv", "build", "bench", "tests", "tools", "__pycache__")


def next_event(response: http.client.HTTPResponse) -> None:
    seen_data = False
    while True:
        line = response.fp.readline()
        if not line:
            raise SystemExit("the event stream closed")
        if line.startswith(b"data: "):
            seen_data = True
        elif line == b"\n" and seen_data:
            return


def save_to_update(project: Path, clause: Path, lang: str, runs: int) -> list[float]:
    """Seconds from each save of ``clause`` to the end of the page's next update."""
    process = subprocess.Popen(
        [sys.executable, "-m", "draftkit", "serve", "--lang", lang],
        cwd=project,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()  # type: ignore[union-attr]
        port = int(re.search(r"127\.0\.0\.1:(\d+)", line).group(1))  # type: ignore[union-attr]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("GET", "/events")
        response = connection.getresponse()
        next_event(response)  # the current render
        times = []
        for run in range(runs):
            time.sleep(0.3)  # apart: one save, one update
            start = time.perf_counter()
            with clause.open("a", encoding="utf-8") as file:
                file.write(f"# edit {run}\n")
            next_event(response)
            times.append(time.perf_counter() - start)
        connection.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return times


def report(name: str, times: list[float], target: str = "") -> None:
    print(
        f"serve {name}: save → update, median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f}, {len(times)} runs{target})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--no-big", action="store_true", help="the example only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "example"
        shutil.copytree(ROOT, project, ignore=SKIP)
        clause = project / "clauses" / "gender-equality.yaml"
        times = save_to_update(project, clause, args.lang, args.runs)
        report(f"example [{args.lang}]", times, "; target ≤ 0.5 s")
        if not args.no_big:
            big = Path(tmp) / "big"
            generate_project(big)
            times = save_to_update(big, big / "clauses" / "gen.yaml", "en", args.runs)
            report(f"{BIG_CLAUSES} clauses [en]", times)


if __name__ == "__main__":
    main()

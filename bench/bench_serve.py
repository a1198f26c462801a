"""Live preview benchmark: time from saving a clause file to the page's update.

Copies the example project (clauses, documents, sources, templates, locales…) to a
temporary folder, starts ``draftkit serve --lang LANGS`` there as a user does, listens to
its event stream, and appends a comment to a clause file ``--runs`` times; each time, the
time from the write to the end of the next ``render`` event (re-render included). Target:
≤ 0.5 s for the example.

    .venv/bin/python bench/bench_serve.py [--runs 5] [--lang en]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "example"
        shutil.copytree(ROOT, project, ignore=SKIP)
        clause = project / "clauses" / "gender-equality.yaml"
        process = subprocess.Popen(
            [sys.executable, "-m", "draftkit", "serve", "--lang", args.lang],
            cwd=project,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            line = process.stdout.readline()  # type: ignore[union-attr]
            port = int(re.search(r"127\.0\.0\.1:(\d+)", line).group(1))  # type: ignore[union-attr]
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/events")
            response = connection.getresponse()
            next_event(response)  # the current render
            times = []
            for run in range(args.runs):
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
    print(
        f"serve [{args.lang}]: save → update, median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f}, {args.runs} runs; target ≤ 0.5 s)"
    )


if __name__ == "__main__":
    main()

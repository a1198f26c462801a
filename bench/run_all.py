"""``make bench``: run every benchmark of this folder, one after the other, and print their output.

Each runs in its own process (so that one's imports and memory do not colour the other's)
with the interpreter running this script. Extra arguments are passed to bench_build.py.

    .venv/bin/python bench/run_all.py [--no-profile] [bench_build options]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    build_args = [a for a in argv if a != "--no-profile"]
    if "--no-profile" not in argv:
        build_args.append("--profile")
    started = time.perf_counter()
    status = 0
    for script, args in (
        ("bench_process.py", []),
        ("bench_startup.py", []),
        ("bench_build.py", build_args),
        ("bench_i18n.py", []),
        ("bench_tm.py", ["--clauses", "5000"]),
        ("bench_diff.py", []),
        ("bench_import.py", []),
        ("bench_presskit.py", []),
        ("bench_serve.py", []),
        ("bench_worst_cases.py", []),
    ):
        print(f"\n######## {script} {' '.join(args)}".rstrip(), flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *args], check=False)
        if done.returncode:
            print(f"!! {script} exited with status {done.returncode}", flush=True)
            status = 1
    print(f"\nall benchmarks finished in {time.perf_counter() - started:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Startup benchmark: wall time of ``draftkit --help`` and ``draftkit check``, and what they import.

Each command runs as a subprocess of the venv's ``draftkit`` script in the repository root
(the example project), once untimed to warm the disk cache, then ``--runs`` times (median
and minimum printed), in two set-ups:

* **no bytecode cache**: ``PYTHONDONTWRITEBYTECODE=1``. Installed packages use the ``.pyc``
  files pip wrote, but draftkit itself (an editable install) is compiled from source at
  every start, as in this environment and in CI;
* **bytecode cache**: ``PYTHONPYCACHEPREFIX`` pointing at a temporary folder, warmed by the
  untimed run, as on a developer's machine after the first run (nothing is written into
  the repository).

Then ``python -X importtime -m draftkit ...`` tells whether the heavy renderers (WeasyPrint,
python-docx) are imported on these paths, and which imports cost most.

    .venv/bin/python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
TARGET = 0.3  # seconds, for both commands
HEAVY = (
    "weasyprint",
    "docx",
    "lxml",
    "pypdf",
    "PIL",
    "fontTools",
    "markdown_it",
    "yaml",
    "babel",
)
# --no-cache: the whole check, not the remembered result of an unchanged project.
COMMANDS = {"draftkit --help": ["--help"], "draftkit check --no-cache": ["check", "--no-cache"]}


def _python() -> str:
    candidate = BIN / "python"
    return str(candidate) if candidate.exists() else sys.executable


def _draftkit() -> list[str]:
    script = BIN / "draftkit"
    return [str(script)] if script.exists() else [_python(), "-m", "draftkit"]


def _env(pycache: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    env["COLUMNS"] = "100"
    return env


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done


def timings(argv: list[str], env: dict[str, str], runs: int) -> tuple[list[float], str]:
    _seconds, done = run_once(argv, env)  # warm-up: disk cache, and .pyc files if cached
    status = f"rc {done.returncode}"
    if done.returncode != 0:
        status += f": {(done.stderr or done.stdout).strip().splitlines()[-1:]}"
    elif done.stdout.strip():
        status += f": {done.stdout.strip().splitlines()[0][:70]}"
    return [run_once(argv, env)[0] for _ in range(runs)], status


def imports(args: list[str], env: dict[str, str]) -> tuple[set[str], list[tuple[int, str]]]:
    """Top-level packages imported by ``python -m draftkit ARGS``, and the costliest
    non-standard-library packages (the largest cumulative import time of any of their
    modules, which is the outermost import of the package)."""
    done = subprocess.run(
        [_python(), "-X", "importtime", "-m", "draftkit", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    costs: dict[str, int] = {}
    pattern = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s*(\S+)")
    for line in done.stderr.splitlines():
        match = pattern.match(line)
        if match:
            root = match.group(3).split(".")[0]
            costs[root] = max(costs.get(root, 0), int(match.group(2)))
    top = sorted(
        (
            (us, root)
            for root, us in costs.items()
            if root not in sys.stdlib_module_names and not root.startswith("_")
        ),
        reverse=True,
    )
    return set(costs), top


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (5)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(
        f"bench_startup: {' '.join(_draftkit())} in {ROOT}, median of {args.runs} runs "
        f"after one untimed run; target {TARGET:.1f} s"
    )

    with tempfile.TemporaryDirectory(prefix="draftkit-pycache-") as pycache:
        setups = {"no bytecode cache": _env(None), "bytecode cache": _env(pycache)}
        print(f"\n   {'command':<20} {'set-up':<18} {'median s':>9} {'min s':>7}  target")
        for label, env in setups.items():
            for name, cmd in COMMANDS.items():
                seconds, status = timings([*_draftkit(), *cmd], env, args.runs)
                med = statistics.median(seconds)
                verdict = "met" if med <= TARGET else "NOT met"
                print(
                    f"   {name:<20} {label:<18} {med:9.3f} {min(seconds):7.3f}  "
                    f"{verdict:<8} ({status})"
                )
        print("\n   for scale (bytecode cache):")
        for name, code in (
            ("bare interpreter", "pass"),
            ("import draftkit.cli.app", "import draftkit.cli.app"),
        ):
            seconds, _status = timings([_python(), "-c", code], setups["bytecode cache"], args.runs)
            print(f"   {name:<39} {statistics.median(seconds):9.3f} {min(seconds):7.3f}")

        for cmd in COMMANDS.values():
            packages, top = imports(cmd, setups["bytecode cache"])
            heavy = ", ".join(f"{p} {'YES' if p in packages else 'no'}" for p in HEAVY)
            print(
                f"\n   python -X importtime -m draftkit {' '.join(cmd)}: "
                f"{len(packages)} top-level packages imported"
            )
            print(f"     imported? {heavy}")
            costly = ", ".join(f"{n} {c / 1000:.0f} ms" for c, n in top[:6])
            print(f"     costliest packages (cumulative import time): {costly}")
    print(f"\nbench_startup finished in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

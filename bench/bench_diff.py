"""Diff benchmark: two generated clause libraries of 10,000 clauses, against git's word diff.

The old library has 100 files of 100 clauses (40-70 words each, one in ten citing a source,
one in eight with sub-paragraphs). The new one changes 5 % of the clauses (a few words
replaced or inserted), moves 1 % (taken out and put back elsewhere in the same file),
renames 1 % (new id, same text) and leaves the rest alone. Both are written into a
temporary folder that is removed afterwards.

In the same run, medians of ``--runs`` runs, alternating:

* ``draftkit diff OLD NEW --stat`` and ``--format json`` as a user runs them (a new
  process each: start-up, loading both libraries, comparing, printing);
* ``git diff --no-index --word-diff OLD NEW`` on the same files (the baseline);
* in this process: loading both sides, and comparing them, apart.

Peak memory: the maximum resident set size of the ``draftkit diff`` process
(``resource.getrusage(RUSAGE_CHILDREN)`` after the runs, i.e. the largest child).

    .venv/bin/python bench/bench_diff.py [--clauses 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "women rights gender equality forum participants support strengthen civil society "
    "development sustainable access justice local national international commitments "
    "government programmes leadership decision-making communities peace security climate "
    "disaster risk reduction labour employment protection violence prevention monitoring"
).split()


def clause_text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def write_library(folder: Path, files: list[list[dict]]) -> None:
    folder.mkdir(parents=True)
    for number, clauses in enumerate(files):
        lines = ["clauses:"]
        for c in clauses:
            lines += [
                f"  - id: {c['id']}",
                f"    kind: {c['kind']}",
                f"    lead: {c['lead']}",
                "    text: >-",
                f"      {c['text']}",
                f"    tags: [{', '.join(c['tags'])}]",
            ]
            if c["items"]:
                lines.append("    items:")
                lines += [f"      - text: {item}" for item in c["items"]]
        (folder / f"part-{number:03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(root: Path, count: int, seed: int = 7) -> tuple[Path, Path, dict[str, int]]:
    rng = random.Random(seed)
    per_file = 100
    files: list[list[dict]] = []
    for start in range(0, count, per_file):
        clauses = []
        for i in range(start, min(start + per_file, count)):
            text = clause_text(rng, rng.randint(40, 70))
            if i % 10 == 0:
                text += ".[^src-1]"
            clauses.append(
                {
                    "id": f"clause-{i:05d}",
                    "kind": "operative" if i % 3 else "preambular",
                    "lead": rng.choice(["Calls upon", "Recognizing", "Urges", "Decides"]),
                    "text": text,
                    "tags": [rng.choice(["gender", "climate", "justice"]), f"t{i % 7}"],
                    "items": [clause_text(rng, 8) for _ in range(3)] if i % 8 == 0 else [],
                }
            )
        files.append(clauses)
    old = root / "old"
    write_library(old, files)
    changed = {"modified": 0, "moved": 0, "renamed": 0}
    new_files = [[dict(c) for c in clauses] for clauses in files]
    flat = [(f, k) for f, clauses in enumerate(new_files) for k in range(len(clauses))]
    picks = rng.sample(flat, k=int(count * 0.07))
    modified = picks[: int(count * 0.05)]
    renamed = picks[int(count * 0.05) : int(count * 0.06)]
    moved = picks[int(count * 0.06) :]
    for f, k in modified:
        words = new_files[f][k]["text"].split(" ")
        for _ in range(rng.randint(1, 3)):
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        words.insert(rng.randrange(len(words)), "especially")
        new_files[f][k]["text"] = " ".join(words)
        changed["modified"] += 1
    for f, k in renamed:
        new_files[f][k]["id"] += "-renamed"
        changed["renamed"] += 1
    for f, k in moved:
        clauses = new_files[f]
        clause = clauses[k]
        clauses.remove(clause)
        clauses.insert(rng.randrange(len(clauses) + 1), clause)
        changed["moved"] += 1
    new = root / "new"
    write_library(new, new_files)
    return old, new, changed


def timed(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="draftkit-bench-diff-"))
    try:
        old, new, changed = generate(root, args.clauses)
        size = sum(p.stat().st_size for p in old.iterdir())
        print(
            f"libraries: {args.clauses} clauses in {len(list(old.iterdir()))} files "
            f"({size / 1e6:.1f} MB per side); changed: {changed}"
        )
        draftkit = [sys.executable, "-m", "draftkit", "diff", "old", "new"]
        git = ["git", "diff", "--no-index", "--word-diff", "old", "new"]
        times: dict[str, list[float]] = {"draftkit --stat": [], "draftkit -f json": [], "git": []}
        summary = ""
        for _ in range(args.runs):
            seconds, result = timed([*draftkit, "--stat"], root)
            assert result.returncode == 1, result.stderr
            summary = result.stdout.strip().splitlines()[-1]
            times["draftkit --stat"].append(seconds)
            seconds, result = timed([*draftkit, "--format", "json"], root)
            times["draftkit -f json"].append(seconds)
            seconds, result = timed(git, root)
            assert result.returncode == 1, result.stderr
            times["git"].append(seconds)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"draftkit found: {summary}")
        base = statistics.median(times["git"])
        for name, values in times.items():
            median = statistics.median(values)
            ratio = f"  ({median / base:.1f}x git)" if name != "git" else ""
            print(f"  {name:<18} {median:7.3f} s{ratio}")
        print(f"  peak RSS of the largest child process: {peak:.0f} MiB")

        # In this process: where the time goes.
        import os

        from draftkit.diff.clauses import compare_clause_sets
        from draftkit.diff.sides import folder_side, load_sides

        os.chdir(root)
        started = time.perf_counter()
        sides = [folder_side(role, Path(name)) for role, name in (("old", "old"), ("new", "new"))]
        old_placed, new_placed, identical = load_sides(*sides)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        result = compare_clause_sets(old_placed, new_placed, identical=identical)
        compared = time.perf_counter() - started
        print(f"  in process: load both sides {loaded:.3f} s, compare {compared:.3f} s")
        print(f"  in process: {result.summary()}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

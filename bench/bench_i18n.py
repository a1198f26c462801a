"""Translation workflow speed: extract + update on a generated 5,000-clause library, against
``pybabel extract`` / ``pybabel update`` on the same files in the same run; and building the
example resolution in all three locales, cold (one fresh process).

    .venv/bin/python bench/bench_i18n.py [--clauses 5000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORDS = (
    "participation of women in decision-making at all levels, including local councils, "
    "national parliaments and peace processes, with adequate funding and data"
).split()


def generate(root: Path, count: int) -> None:
    (root / "clauses").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "draftkit.toml").write_text(
        '[project]\nname = "bench"\nlocales = ["en", "ru", "ky"]\n', encoding="utf-8"
    )
    (root / "sources.yaml").write_text(
        "sources:\n  - id: s1\n    title: A source\n    url: https://example.org/\n",
        encoding="utf-8",
    )
    per_file = 500
    for start in range(0, count, per_file):
        lines = ["clauses:"]
        for n in range(start, min(start + per_file, count)):
            text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(40))
            cite = " [^s1]" if n == 0 else ""
            lines += [
                f"  - id: clause-{n:05d}",
                "    kind: operative",
                "    lead: Calls upon",
                f"    text: all partners to ensure {text} ({n}){cite}",
                "    tags: [gender]",
            ]
        (root / "clauses" / f"part-{start // per_file:02d}.yaml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clauses", type=int, default=5000)
    options = parser.parse_args()
    draftkit = [sys.executable, "-m", "draftkit"]
    pybabel = str(BIN / "pybabel")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "lib"
        generate(root, options.clauses)
        print(
            f"generated {options.clauses} clauses in {len(list((root / 'clauses').iterdir()))}"
            " files"
        )
        extract = timed([*draftkit, "i18n", "extract"], root)
        update_new = timed([*draftkit, "i18n", "update"], root)
        update_same = timed([*draftkit, "i18n", "update"], root)
        # the same files through pybabel, with draftkit's extractor from the mapping
        mapping = root / "babel.cfg"
        mapping.write_text(
            "[draftkit: clauses/**.yaml]\n[draftkit: sources.yaml]\n[jinja2: templates/**.j2]\n",
            encoding="utf-8",
        )
        pot = root / "pybabel.pot"
        b_extract = timed(
            [pybabel, "--quiet", "extract", "-F", str(mapping), "-o", str(pot), "."], root
        )
        out = root / "pb"
        for lang in ("ru", "ky"):
            shutil.copytree(root / "locales" / lang, out / lang)
        b_update = timed([pybabel, "--quiet", "update", "-i", str(pot), "-d", str(out)], root)
        print(f"{'':28}{'draftkit':>10}{'pybabel':>10}{'ratio':>8}")
        print(f"{'extract (s)':28}{extract:10.2f}{b_extract:10.2f}{extract / b_extract:8.2f}")
        print(
            f"{'update, 2 locales (s)':28}{update_same:10.2f}{b_update:10.2f}"
            f"{update_same / b_update:8.2f}"
        )
        print(f"{'update creating catalogs (s)':28}{update_new:10.2f}")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        done = subprocess.run(
            [
                *draftkit,
                "build",
                "documents/civic-forum-2025.yaml",
                "--lang",
                "all",
                "--allow-incomplete",
                "-o",
                tmp,
            ],
            cwd=REPO,
            capture_output=True,
            env=env,
        )
        seconds = time.perf_counter() - started
        files = sorted(p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*.*"))
        print(
            f"build en+ru+ky, DOCX+PDF, one cold process: {seconds:.2f} s "
            f"({len(files)} files, exit {done.returncode})"
        )


if __name__ == "__main__":
    main()

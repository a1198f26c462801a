"""Translation memory speed: ``draftkit i18n update`` with a memory on a generated
10,000-clause library (one text each: 10,000 messages; translated in ru and ky, the
translations exported and imported as the project's TMX memory, then 5 % of the texts
changed by a word), against plain ``msgmerge`` (GNU gettext, fuzzy matching on) on the same
catalogs and the same POT, in the same run; with how many changed texts each filled from
their old translation. About 80 s on the 2-core machine of bench/README.md.

    .venv/bin/python bench/bench_tm.py [--clauses 10000] [--changed 0.05]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LANGS = ("ru", "ky")
VOCABULARY = (
    "women girls participation decision-making local councils national parliaments peace "
    "processes funding data gender equality violence prevention survivors services justice "
    "labour markets care economy pensions education science technology climate disaster "
    "risk reduction rural communities migrants disability youth older persons media "
    "leadership budgets statistics monitoring reporting accountability partners civil "
    "society organisations ministries municipalities courts police health"
).split()


def generate(root: Path, count: int) -> None:
    rng = random.Random(14)
    (root / "clauses").mkdir(parents=True)
    (root / "draftkit.toml").write_text(
        '[project]\nname = "bench"\nlocales = ["en", "ru", "ky"]\n\n'
        '[i18n]\nmemories = ["tm/shared.tmx"]\n',
        encoding="utf-8",
    )
    (root / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    per_file = 1000
    for start in range(0, count, per_file):
        lines = ["clauses:"]
        for n in range(start, min(start + per_file, count)):
            words = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(12, 40)))
            lines += [
                f"  - id: clause-{n:05d}",
                "    kind: operative",
                f"    text: all partners to ensure {words} ({n})",
            ]
        (root / "clauses" / f"part-{start // per_file:02d}.yaml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )


def translate(root: Path) -> None:
    for lang in LANGS:
        path = root / "locales" / lang / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for message in catalog:
            if message.id:
                message.string = f"{lang.upper()} {message.id}"
        with path.open("wb") as fh:
            write_po(fh, catalog, width=79)


def change(root: Path, share: float) -> list[tuple[str, str]]:
    """Insert a word into ``share`` of the clause texts; returns (clause id, old text)."""
    rng = random.Random(5)
    changed = []
    for path in sorted((root / "clauses").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if line.startswith("    text: ") and rng.random() < share:
                old = line.removeprefix("    text: ")
                words = old.split()
                words.insert(rng.randrange(3, len(words)), rng.choice(VOCABULARY))
                lines[i] = "    text: " + " ".join(words)
                clause = next(x for x in reversed(lines[:i]) if x.startswith("  - id: "))
                changed.append((clause.removeprefix("  - id: "), old))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def filled(path: Path, changed: list[tuple[str, str]], lang: str) -> int:
    """How many changed texts got their own old translation, fuzzy."""
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    old = dict(changed)
    return sum(
        1
        for m in catalog
        if m.id and m.fuzzy and m.context in old and m.string == f"{lang.upper()} {old[m.context]}"
    )


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clauses", type=int, default=10000)
    parser.add_argument("--changed", type=float, default=0.05)
    options = parser.parse_args()
    if not shutil.which("msgmerge"):
        sys.exit("msgmerge (GNU gettext) is not installed")
    draftkit = [sys.executable, "-m", "draftkit"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "lib"
        generate(root, options.clauses)
        subprocess.run([*draftkit, "i18n", "extract"], cwd=root, check=True, capture_output=True)
        subprocess.run([*draftkit, "i18n", "update"], cwd=root, check=True, capture_output=True)
        translate(root)
        # the memory: this library's own translations, as another project would share them
        shared = Path(tmp) / "shared.tmx"
        subprocess.run([*draftkit, "i18n", "tm", "export", "-o", str(shared)], cwd=root, check=True)
        subprocess.run([*draftkit, "i18n", "tm", "import", str(shared)], cwd=root, check=True)
        changed = change(root, options.changed)
        subprocess.run([*draftkit, "i18n", "extract"], cwd=root, check=True, capture_output=True)
        pot = root / "locales" / "messages.pot"
        messages = pot.read_text(encoding="utf-8").count("\nmsgid ") - 1
        print(
            f"{options.clauses} clauses ({messages} messages per locale), "
            f"{len(changed)} texts changed ({options.changed:.0%}); "
            f"memory {shared.stat().st_size // 1024} KiB"
        )
        plain = Path(tmp) / "msgmerge"
        for lang in LANGS:
            shutil.copytree(root / "locales" / lang, plain / lang)

        exact = Path(tmp) / "exact"
        shutil.copytree(root, exact)
        ours = timed([*draftkit, "i18n", "update"], root)
        # the same update with threshold 1: what the merge and the writing cost without
        # the similarity search (the length cut-off skips nearly every candidate)
        ours_exact = timed([*draftkit, "i18n", "update", "--threshold", "1"], exact)
        theirs = 0.0
        for lang in LANGS:
            po = plain / lang / "LC_MESSAGES" / "messages.po"
            theirs += timed(["msgmerge", "--quiet", "-o", str(po), str(po), str(pot)], root)
        ours_filled = sum(
            filled(root / "locales" / lang / "LC_MESSAGES" / "messages.po", changed, lang)
            for lang in LANGS
        )
        theirs_filled = sum(
            filled(plain / lang / "LC_MESSAGES" / "messages.po", changed, lang) for lang in LANGS
        )
        print(f"{'':34}{'draftkit':>10}{'msgmerge':>10}{'ratio':>8}")
        print(f"{'update, 2 locales (s)':34}{ours:10.2f}{theirs:10.2f}{ours / theirs:8.2f}")
        print(f"{'update, --threshold 1 (s)':34}{ours_exact:10.2f}")
        print(
            f"{'changed texts filled from old (of ' + str(2 * len(changed)) + ')':34}"
            f"{ours_filled:10d}{theirs_filled:10d}"
        )


if __name__ == "__main__":
    main()

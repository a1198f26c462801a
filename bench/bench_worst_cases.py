"""Worst cases of issue 15, timed: inputs that hung draftkit before their bounds.

Each case is a small project in a temporary folder, run as a user runs it (a new
``draftkit`` process); the figure is the wall time of one run, from start to exit, with
what the command said. Before the fixes each ran past 300 s.

* 20,000 links in one clause, ``build -f docx`` (and ``-f html`` beside it);
* a source URL of 100,000 characters, ``build`` (refused at its line);
* a PO msgstr of 2,000,000 characters, ``i18n check``: plain text, and '[^' repeated
  (the hostile shape for the note-reference patterns and markdown-it's link rule);
* ``diff`` of two 20,000-word clause texts: random words (compared whole, with a
  warning) and one text edited every 50 words (word by word);
* a project template with two nested ``range(100000)`` loops, ``build`` (stopped by the
  time budget, 10 s by default).

    .venv/bin/python bench/bench_worst_cases.py [--only NAME]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.cli.helpers import CLAUSES, SOURCES, builtin_template, env, make_project  # noqa: E402

CLAUSE_TEXT = "text: all partners to act in {city}, in particular"
WORDS = "women rights gender equality forum participants support civil society access".split()


def draftkit(root: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "draftkit", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env(),
        timeout=600,
        check=False,
    )
    seconds = time.perf_counter() - started
    said = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or [""])[0]
    return seconds, f"exit {done.returncode}: {said[:110]}"


def many_links(root: Path) -> list[tuple[str, Path, tuple[str, ...]]]:
    links = " ".join(f"[l{i}](https://e.org/{i})" for i in range(20_000))
    make_project(root, {"clauses/x.yaml": CLAUSES.replace(CLAUSE_TEXT, f"text: 'all {links}'")})
    return [
        ("20,000 links: build -f docx", root, ("build", "-f", "docx")),
        ("20,000 links: build -f html", root, ("build", "-f", "html")),
    ]


def long_url(root: Path) -> list[tuple[str, Path, tuple[str, ...]]]:
    url = "https://e.org/" + "abcdefghi/" * 10_000
    make_project(root, {"sources.yaml": SOURCES.replace("https://sdgs.un.org/goals/goal5", url)})
    return [("source URL of 100,014 characters: build", root, ("build",))]


def huge_msgstr(root: Path) -> list[tuple[str, Path, tuple[str, ...]]]:
    cases = []
    for name, unit in (("plain words", "слово "), ("'[^' repeated", "[^")):
        folder = root / name.replace(" ", "-").replace("'", "")
        project = make_project(folder)
        project.edit("draftkit.toml", 'locales = ["en"]', 'locales = ["en", "ru"]')
        draftkit(folder, "i18n", "extract")
        draftkit(folder, "i18n", "update")
        po = "locales/ru/LC_MESSAGES/messages.po"
        big = (unit * (2_000_000 // len(unit) + 1))[:2_000_000]
        entry = 'msgid "Calls upon"\nmsgstr ""'
        project.write(po, project.read(po).replace(entry, f'msgid "Calls upon"\nmsgstr "{big}"'))
        cases.append(
            (f"msgstr of 2,000,000 characters, {name}: i18n check", folder, ("i18n", "check"))
        )
    return cases


def clause_file(text: str) -> str:
    head = "clauses:\n  - id: c\n    kind: operative\n    lead: Calls upon\n"
    return head + f"    text: >-\n      {text}\n"


def big_diff(root: Path) -> list[tuple[str, Path, tuple[str, ...]]]:
    project = make_project(root)
    old, new = random.Random(1), random.Random(2)
    project.write("a/x.yaml", clause_file(" ".join(old.choice(WORDS) for _ in range(20_000))))
    project.write("b/x.yaml", clause_file(" ".join(new.choice(WORDS) for _ in range(20_000))))
    words = [f"w{int(old.paretovariate(1.0) * 10)}" for _ in range(20_000)]
    edited = ["changed" if i % 50 == 0 else w for i, w in enumerate(words)]
    project.write("c/x.yaml", clause_file(" ".join(words)))
    project.write("d/x.yaml", clause_file(" ".join(edited)))
    return [
        ("diff, two random 20,000-word texts", root, ("diff", "a", "b", "--no-pager")),
        ("diff, 20,000 words edited every 50", root, ("diff", "c", "d", "--no-pager", "--stat")),
    ]


def nested_loops(root: Path) -> list[tuple[str, Path, tuple[str, ...]]]:
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    template = builtin_template().replace("<document>\n", f"<document>\n{loops}\n", 1)
    make_project(root, {"templates/resolution.xml.j2": template})
    return [("template, range(100000) in range(100000): build", root, ("build", "-f", "html"))]


CASES: dict[str, Callable[[Path], list[tuple[str, Path, tuple[str, ...]]]]] = {
    "links": many_links,
    "url": long_url,
    "po": huge_msgstr,
    "diff": big_diff,
    "template": nested_loops,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="draftkit-worst-"))
    try:
        print(f"{'case':<58} {'wall':>8}  what draftkit said")
        for key in args.only or list(CASES):
            for name, root, command in CASES[key](temp / key):
                seconds, said = draftkit(root, *command)
                print(f"{name:<58} {seconds:7.2f}s  {said}", flush=True)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

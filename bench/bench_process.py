"""Whole-process benchmark: draftkit's commands as a user runs them, beside a peer tool.

Every figure is the wall time of a fresh process (``subprocess``), as a user feels it:
interpreter start, imports, work and exit. Bytecode is cached (one untimed run of each
command first writes draftkit's ``__pycache__``, as on any machine after the first run) and
so is the compiled-template cache (``DRAFTKIT_CACHE_DIR`` in a temporary folder). Each
draftkit command and its peer run interleaved, in alternating order, ``--runs`` times;
medians are compared as ratios.

- ``draftkit --help``: no peer; target 0.15 s.
- ``draftkit check``: target 0.3 s, as a user meets it (nothing changed since the last
  check, so its result is remembered); with ``--no-cache`` (the whole check), and with an
  empty template cache as well.
- ``draftkit build <example> -f docx``: up to date (target 0.3 s), and with ``--force``
  (the whole build) beside ``pandoc <the seed resolution> -o x.docx`` (pypandoc-binary's
  pandoc).
- ``draftkit build <example> -f pdf --force``: the ``weasyprint`` CLI on the HTML draftkit
  gives WeasyPrint; target 1.1 times the peer. Twice: the plain CLI (which subsets fonts
  with the system's HarfBuzz-Subset where there is one), and the same CLI subsetting with
  fontTools, as draftkit always does.
- ``draftkit diff old/ new/``: ``git diff --no-index --word-diff old new`` (the example
  clauses, three edits).

    .venv/bin/python bench/bench_process.py [--runs 7]

Nothing is written into the repository: outputs go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
EXAMPLE = "documents/civic-forum-2025.yaml"
SEED = ROOT.parent / "shared" / "seeds" / "003_4952753d7736af85.txt"


# The weasyprint CLI as draftkit runs WeasyPrint: fonts subset by fontTools even where the
# system has HarfBuzz-Subset (see draftkit/render/pdf.py).
_WEASYPRINT_FONTTOOLS = (
    "import sys, weasyprint.pdf.fonts as f; f.harfbuzz_subset = None; "
    "from weasyprint.__main__ import main; sys.argv[0] = 'weasyprint'; main()"
)


@dataclass
class Case:
    name: str
    command: list[str]
    peer: list[str] | None = None
    peer_name: str = ""
    target_seconds: float | None = None
    target_ratio: float | None = None
    fresh_cache: bool = False  # an empty template cache for every run
    times: list[float] = field(default_factory=list)
    peer_times: list[float] = field(default_factory=list)


def _run(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    seconds = time.perf_counter() - started
    # Both diffs exit 1 when the sides differ: that is their success here.
    if done.returncode and not ("diff" in command and done.returncode == 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    return seconds


def _pandoc() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def _pdf_html(folder: Path) -> tuple[Path, Path]:
    """The HTML page draftkit hands WeasyPrint for the example, and its base folder."""
    from draftkit.pipeline import assemble_document, write_context
    from draftkit.project import Project
    from draftkit.render.html import write_html
    from draftkit.render.writers import CSS_NAME

    project = Project.discover(ROOT / EXAMPLE)
    assembled = assemble_document(project, ROOT / EXAMPLE)
    context = write_context(project, assembled.stamp)
    css_path = context.find(CSS_NAME)
    html = write_html(assembled.document, context.css, paged=True, clock=context.clock)
    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    return page, css_path.parent


def _diff_sides(folder: Path) -> tuple[Path, Path]:
    old, new = folder / "old", folder / "new"
    shutil.copytree(ROOT / "clauses", old)
    shutil.copytree(ROOT / "clauses", new)
    edits = 0
    for path in sorted(new.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for before, after in ((" the ", " the said "), (" and ", " as well as ")):
            if before in text and edits < 3:
                path.write_text(text.replace(before, after, 1), encoding="utf-8")
                text = path.read_text(encoding="utf-8")
                edits += 1
    return old, new


def cases(folder: Path) -> list[Case]:
    draftkit = str(BIN / "draftkit")
    out = str(folder / "out")
    page, base = _pdf_html(folder)
    old, new = _diff_sides(folder)
    docx = [draftkit, "build", EXAMPLE, "-f", "docx", "-o", out]
    result = [
        Case("draftkit --help", [draftkit, "--help"], target_seconds=0.15),
        Case("check (inputs unchanged: remembered)", [draftkit, "check"], target_seconds=0.3),
        Case("check --no-cache", [draftkit, "check", "--no-cache"]),
        Case(
            "check --no-cache, empty template cache",
            [draftkit, "check", "--no-cache"],
            fresh_cache=True,
        ),
        Case("build -f docx (up to date)", docx, target_seconds=0.3),
        Case("build -f docx --force", [*docx, "--force"]),
        Case(
            "build -f pdf --force",
            [draftkit, "build", EXAMPLE, "-f", "pdf", "-o", out, "--force"],
            peer=[str(BIN / "weasyprint"), "-u", base.as_uri() + "/", str(page), f"{out}/w.pdf"],
            peer_name="weasyprint CLI, same HTML",
            target_ratio=1.1,
        ),
        Case(
            "build -f pdf --force",
            [draftkit, "build", EXAMPLE, "-f", "pdf", "-o", out, "--force"],
            peer=[
                str(BIN / "python"),
                "-c",
                _WEASYPRINT_FONTTOOLS,
                "-u",
                base.as_uri() + "/",
                str(page),
                f"{out}/w2.pdf",
            ],
            peer_name="weasyprint CLI, same HTML, fonts subset by fontTools as draftkit does",
            target_ratio=1.1,
        ),
        Case(
            "diff old/ new/",
            [draftkit, "diff", str(old), str(new)],
            peer=["git", "diff", "--no-index", "--word-diff", str(old), str(new)],
            peer_name="git diff --no-index --word-diff",
        ),
    ]
    pandoc_input = SEED if SEED.is_file() else page
    docx_case = result[5]
    docx_case.peer = [
        _pandoc(),
        "-f",
        "markdown" if SEED.is_file() else "html",
        str(pandoc_input),
        "-o",
        f"{out}/p.docx",
    ]
    docx_case.peer_name = "pandoc " + ("seed.txt" if SEED.is_file() else "page.html") + " -o x.docx"
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dk-bench-process-") as tmp:
        folder = Path(tmp)
        (folder / "out").mkdir()
        env = dict(os.environ, DRAFTKIT_CACHE_DIR=str(folder / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        all_cases = cases(folder)
        for case in all_cases:  # untimed: bytecode, template cache, disk cache
            _run(case.command, env, ROOT)
            if case.peer:
                _run(case.peer, env, ROOT)
        for round_ in range(args.runs):
            for case in all_cases:
                run_env = env
                if case.fresh_cache:
                    run_env = dict(env, DRAFTKIT_CACHE_DIR=str(folder / f"fresh-{round_}"))
                pair = [("draftkit", case.command, run_env)]
                if case.peer:
                    pair.append(("peer", case.peer, env))
                if round_ % 2:
                    pair.reverse()
                for who, command, cmd_env in pair:
                    if who == "draftkit":
                        case.times.append(_run(command, cmd_env, ROOT))
                    else:
                        case.peer_times.append(_run(command, cmd_env, ROOT))
        print(f"whole-process wall time, median of {args.runs} (min in brackets), interleaved\n")
        print(f"{'command':40} {'draftkit':>16} {'peer':>16} {'ratio':>13}  target")
        for case in all_cases:
            median = statistics.median(case.times)
            mine = f"{median:.3f} ({min(case.times):.3f})"
            peer = ratio = ""
            verdict = ""
            if case.peer_times:
                base = statistics.median(case.peer_times)
                peer = f"{base:.3f} ({min(case.peer_times):.3f})"
                # Medians and, in brackets, minima: on a shared virtual machine the
                # minima are the steadier of the two.
                ratio = f"{median / base:.2f}x ({min(case.times) / min(case.peer_times):.2f}x)"
            if case.target_seconds is not None:
                met = median <= case.target_seconds
                verdict = f"<= {case.target_seconds} s: {'met' if met else 'NOT met'}"
            elif case.target_ratio is not None and case.peer_times:
                met = median / statistics.median(case.peer_times) <= case.target_ratio
                verdict = f"<= {case.target_ratio}x: {'met' if met else 'NOT met'}"
            print(f"{case.name:40} {mine:>16} {peer:>16} {ratio:>13}  {verdict}")
            if case.peer_name:
                print(f"{'':40}   peer: {case.peer_name}")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"\nload average at the end: {load:.2f} (other work on the machine shows here)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Build benchmark: time and peak memory of assembly, DOCX and PDF, against the bare libraries.

Two documents:

* the example resolution of this repository (``documents/civic-forum-2025.yaml``);
* a generated resolution of 500 operative clauses of 60-90 words (one in eight with
  lettered sub-paragraphs), 200 of them citing a source (150 footnotes, 50 endnotes):
  114 pages of PDF, written into a temporary project that is removed afterwards.

Every stage is timed in this process (wall clock, ``time.perf_counter``; CPU time with
``time.process_time`` beside it), medians of ``--runs-small`` runs for the example and
``--runs-big`` for the generated document, draftkit and its baseline interleaved in
alternating order. Peak memory is measured in forked children, one per stage and
document, so that one stage's garbage does not hide the next one's:

* **RSS**: the rise of the peak resident set size during the stage. The child resets the
  kernel's high-water mark (``/proc/self/clear_refs``, Linux) after its setup, then reports
  ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` minus the RSS just before the stage. This
  includes C allocations (Pango, HarfBuzz, lxml).
* **tracemalloc**: the peak of Python-level allocations during the stage
  (``tracemalloc.get_traced_memory()[1]``), in a second child. It does not see C
  allocations, so for PDF it undercounts; it is skipped for the big PDF, where it makes
  WeasyPrint about 8 times slower (60 s instead of 7).

The baselines get exactly the same input: WeasyPrint renders the very HTML string that
draftkit hands to it (``weasyprint.HTML(string=html).write_pdf()``), and python-docx writes
the same paragraphs (``Document()``, ``add_paragraph`` per block and sub-paragraph,
``add_run`` per piece of text, italics for lead phrases and emphasis, no notes, numbering
or styles). WeasyPrint is imported before any timing; its import time is printed apart.

These are figures to read, not tests: nothing here fails on a slow result.

    .venv/bin/python bench/bench_build.py [--runs-small 3] [--runs-big 2] [--profile]
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SPEC = ROOT / "documents" / "civic-forum-2025.yaml"
CSS_NAME = "pdf/document.css"

PDF_TARGET = 1.10  # draftkit PDF / WeasyPrint alone on the same HTML
DOCX_TARGET = 1.5  # draftkit DOCX / python-docx alone on the same paragraphs

BIG_CLAUSES = 500
BIG_NOTES = 200
ENDNOTE_EVERY = 4  # every 4th citation is an endnote: 150 footnotes, 50 endnotes

STAGES = ("assembly", "docx", "pdf", "weasyprint", "python-docx")
STAGE_LABELS = {
    "assembly": "assembly (load project + library + spec, assemble)",
    "docx": "draftkit DOCX (render 'docx')",
    "pdf": "draftkit PDF (render 'pdf': HTML + WeasyPrint)",
    "weasyprint": "baseline: WeasyPrint alone, same HTML",
    "python-docx": "baseline: python-docx alone, same paragraphs",
}


# -- the generated project ------------------------------------------------------------------

LEADS = [
    "Calls upon",
    "Urges",
    "Requests",
    "Encourages",
    "Invites",
    "Recommends",
    "Decides",
    "Emphasizes",
    "Welcomes",
    "Supports",
    "Reaffirms",
    "Stresses",
]
ACTORS = [
    "the Government of the Kyrgyz Republic",
    "local self-government bodies",
    "the Ministry of Labour, Social Security and Migration",
    "the Jogorku Kenesh",
    "civil society organizations",
    "international development partners",
    "the Ombudsman Institute",
    "the private sector and business associations",
    "United Nations agencies and programmes",
    "regional networks of women leaders",
    "universities and educational institutions",
    "independent media and journalists",
    "trade unions and employers' organizations",
    "the courts and law enforcement bodies",
]
VERBS = [
    "to strengthen",
    "to ensure",
    "to develop and adopt",
    "to allocate adequate resources for",
    "to monitor and report on",
    "to expand",
    "to promote",
    "to support",
    "to review",
    "to guarantee",
    "to integrate",
    "to finance",
]
OBJECTS = [
    "gender-responsive budgeting at the national and local levels",
    "the equal participation of women in decision-making processes",
    "access to free legal aid for survivors of gender-based violence",
    "community-based early warning systems in remote mountain areas",
    "the economic empowerment of rural women and women entrepreneurs",
    "programmes for the prevention of early and forced marriage",
    "the protection of women human rights defenders and activists",
    "decent work and social protection for domestic and migrant workers",
    "inclusive education and vocational training for girls and young women",
    "sex-disaggregated data on employment, income and unpaid care work",
    "the implementation of the national action plan on resolution 1325",
    "safe and accessible shelters and crisis centres in every region",
    "the leadership of women in disaster risk reduction commissions",
    "open and inclusive dialogue between state bodies and civil society",
]
CONNECTORS = [
    "in close consultation with",
    "with particular attention to",
    "including through",
    "in line with",
    "taking into account",
    "so as to advance",
    "together with",
    "in cooperation with",
    "on the basis of",
]
TAIL_WORDS = (
    "and to report on progress annually in a transparent and accessible manner, with the "
    "involvement of affected communities, independent experts and the organizations of women "
    "and girls concerned at every stage"
).split()


def _words(text: str) -> int:
    return len(text.split())


def _clause_text(rng: random.Random, target: int, emphasis: bool) -> list[str]:
    """Phrases of a clause text of about ``target`` words (60-90)."""
    phrases = [f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"]
    while True:
        if rng.random() < 0.3:
            a, b, c = rng.sample(OBJECTS, 3)
            phrase = f"including {a}, {b} and {c}"
        else:
            obj = rng.choice(OBJECTS)
            phrase = f"{rng.choice(CONNECTORS)} {f'*{obj}*' if emphasis else obj}"
        if sum(map(_words, phrases)) + _words(phrase) > target:
            break
        phrases.append(phrase)
        emphasis = False
    missing = target - sum(map(_words, phrases))
    if missing > 0:
        phrases.append(" ".join(TAIL_WORDS[:missing]))
    return phrases


def _item_text(rng: random.Random) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.6:
        text += f", {rng.choice(CONNECTORS)} {rng.choice(OBJECTS)}"
    return text


def generate_project(
    folder: Path, clauses: int = BIG_CLAUSES, notes: int = BIG_NOTES, seed: int = 2025
) -> Path:
    """Write a project with ``clauses`` operative clauses, ``notes`` of them citing a source.

    Returns the document spec's path. Strings are written as JSON scalars, which YAML reads.
    """
    rng = random.Random(seed)
    q = json.dumps
    citing = dict(zip(sorted(rng.sample(range(clauses), notes)), range(1, notes + 1), strict=True))
    lines = ["# Generated by bench/bench_build.py.", "clauses:"]
    ids = []
    for n in range(clauses):
        cid = f"gen-{n + 1:04d}"
        ids.append(cid)
        phrases = _clause_text(rng, rng.randint(60, 90), emphasis=(n % 7 == 3))
        if n in citing:
            src = citing[n]
            ref = f"[^en:s{src}]" if src % ENDNOTE_EVERY == 0 else f"[^s{src}]"
            at = rng.randrange(len(phrases))
            phrases[at] += ref
        has_items = n % 8 == 2
        text = ", ".join(phrases) + (", by:" if has_items else ";")
        lines += [
            f"  - id: {cid}",
            "    kind: operative",
            f"    lead: {q(rng.choice(LEADS))}",
            f"    title: {q(f'Generated clause {n + 1}')}",
            f"    text: {q(text)}",
            "    tags: [generated]",
        ]
        if has_items:
            lines.append("    items:")
            count = rng.randint(2, 3)
            for k in range(count):
                end = "." if k == count - 1 else ";"
                lines.append(f"      - text: {q(_item_text(rng) + end)}")
                if n % 32 == 2 and k == 0:
                    lines.append("        items:")
                    lines += [f"          - text: {q(_item_text(rng) + ';')}" for _ in range(2)]
    (folder / "clauses").mkdir(parents=True)
    (folder / "clauses" / "gen.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    src_lines = ["sources:"]
    for s in range(1, notes + 1):
        src_lines += [
            f"  - id: s{s}",
            f"    title: {q(f'Report No. {s} on gender equality and civic participation')}",
            f"    publisher: {q(rng.choice(ACTORS).removeprefix('the ').capitalize())}",
            f"    date: {2000 + s % 25}",
            f"    url: https://example.org/library/reports/{s}",
        ]
    (folder / "sources.yaml").write_text("\n".join(src_lines) + "\n", encoding="utf-8")

    (folder / "draftkit.toml").write_text(
        '[project]\nname = "bench"\nsource_locale = "en"\nlocales = ["en"]\n'
        'output = "build"\nsources = ["sources.yaml"]\n\n'
        '[build]\nformats = ["docx", "pdf"]\nstyle = "plain"\n',
        encoding="utf-8",
    )
    doc = [
        "template: resolution",
        "style: plain",
        "title: GENERATED RESOLUTION OF FIVE HUNDRED OPERATIVE CLAUSES",
        f"forum: {q('Benchmark Forum “For Women’s Rights and Gender Inclusion”')}",
        "date: 2025-03-04",
        "place: Bellagio Business Center, Bishkek",
        "city: Bishkek",
        "chapeau: {text: 'The participants of the forum:'}",
        "operative:",
        *[f"  - {cid}" for cid in ids],
        "signature: {by: Participants of the Benchmark Forum, place: Bishkek}",
    ]
    (folder / "documents").mkdir()
    spec = folder / "documents" / "big.yaml"
    spec.write_text("\n".join(doc) + "\n", encoding="utf-8")
    return spec


# -- the stages -------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    root: Path
    spec_path: Path
    runs: int
    trace_pdf: bool = True  # tracemalloc slows WeasyPrint ~8x: off for the big document
    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    split: dict[str, list[float]] = field(default_factory=dict)
    rss: dict[str, float | None] = field(default_factory=dict)
    traced: dict[str, float | None] = field(default_factory=dict)
    info: dict[str, object] = field(default_factory=dict)


def load_and_assemble(
    root: Path,
    spec_path: Path,  # type: ignore[no-untyped-def]
    split: dict[str, list[float]] | None = None,
):
    """What a build does before rendering: project, library, spec, assemble.

    With ``split``, the seconds of loading (config, clause and source files, spec) and of
    assembling (template, parsing, notes and numbering) are appended to it.
    """
    from types import SimpleNamespace

    from draftkit.fsutil import BuildClock
    from draftkit.pipeline import assemble_spec, kind_for, write_context
    from draftkit.project import Project

    start = time.perf_counter()
    project = Project.load(root)
    kind = kind_for(project, spec_path)
    _library = project.library
    spec = kind.load(project, spec_path)
    loaded = time.perf_counter()
    assembled = assemble_spec(project, kind, spec)
    if split is not None:
        split.setdefault("load", []).append(loaded - start)
        split.setdefault("assemble", []).append(time.perf_counter() - loaded)
    ready = SimpleNamespace(
        document=assembled.document, context=write_context(project, assembled.stamp)
    )
    return ready, BuildClock.for_document(spec.date)


def render(ready, fmt: str, clock) -> bytes:  # type: ignore[no-untyped-def]
    """One format through the writer registry, as a build writes it."""
    from dataclasses import replace

    from draftkit.render.writers import writer

    return writer(fmt).write(ready.document, replace(ready.context, clock=clock))


def paged_html(assembled, clock) -> str:  # type: ignore[no-untyped-def]
    """The HTML string draftkit gives WeasyPrint for a PDF."""
    from draftkit.render.html import write_html

    css = assembled.context.find(CSS_NAME).read_text(encoding="utf-8")
    return write_html(assembled.document, css, paged=True, clock=clock)


def plain_paragraphs(assembled) -> list[list[tuple[str, bool]]]:  # type: ignore[no-untyped-def]
    """The document's paragraphs as (text, italic) runs, for the python-docx baseline."""
    from draftkit.model.nodes import Emph, Link, Strong, Text

    def runs(inlines, italic: bool, out: list[tuple[str, bool]]) -> None:  # type: ignore[no-untyped-def]
        for node in inlines:
            if isinstance(node, Text):
                out.append((node.text, italic))
            elif isinstance(node, Emph):
                runs(node.children, not italic, out)
            elif isinstance(node, Strong | Link):
                runs(node.children, italic, out)

    paragraphs = []
    for block in assembled.document.blocks:
        out: list[tuple[str, bool]] = []
        if block.number is not None:
            out.append((f"{block.number}.\t", False))
        if block.lead:
            runs(block.lead, True, out)
            out.append((" ", False))
        runs(block.content, False, out)
        paragraphs.append(out)
        for item in block.sub_paragraphs():
            out = [(f"{item.label}\t", False)]
            runs(item.content, False, out)
            paragraphs.append(out)
    return paragraphs


def python_docx_alone(paragraphs: list[list[tuple[str, bool]]]) -> bytes:
    import docx

    word = docx.Document()
    for runs in paragraphs:
        p = word.add_paragraph()
        for text, italic in runs:
            run = p.add_run(text)
            if italic:
                run.italic = True
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def weasyprint_alone(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


def stage_runner(case: Case, stage: str) -> Callable[[], object]:
    """Set up what ``stage`` needs (outside the measurement) and return the measured call."""
    if stage == "assembly":
        return lambda: load_and_assemble(case.root, case.spec_path)
    assembled, clock = load_and_assemble(case.root, case.spec_path)
    if stage in ("docx", "pdf"):
        return lambda: render(assembled, stage, clock)
    if stage == "weasyprint":
        html = paged_html(assembled, clock)
        return lambda: weasyprint_alone(html)
    paragraphs = plain_paragraphs(assembled)
    return lambda: python_docx_alone(paragraphs)


# -- memory, in forked children ----------------------------------------------------------------


def _rss_kib() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # reset the peak RSS (VmHWM, ru_maxrss) to the current RSS
        return True
    except OSError:
        return False


def _child_measure(case: Case, stage: str, how: str) -> dict[str, float | None]:
    call = stage_runner(case, stage)
    gc.collect()
    if how == "traced":
        tracemalloc.start()
        call()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return {"mb": peak / 2**20}
    reset = _reset_peak()
    before = _rss_kib() if reset else 0
    call()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mb": (peak - before) / 1024 if reset else None}


def measure_memory(jobs: list[tuple[Case, str, str]], parallel: int = 2) -> None:
    """Run each (case, stage, how) once in a forked child, ``parallel`` at a time."""
    pending = list(jobs)
    running: dict[int, tuple[int, Case, str, str]] = {}
    sys.stdout.flush()
    while pending or running:
        while pending and len(running) < parallel:
            case, stage, how = pending.pop(0)
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # child
                os.close(read_end)
                try:
                    result = _child_measure(case, stage, how)
                except BaseException as exc:  # report, never fall back into the parent's loop
                    result = {"mb": None, "error": f"{type(exc).__name__}: {exc}"}
                os.write(write_end, json.dumps(result).encode())
                os._exit(0)
            os.close(write_end)
            running[pid] = (read_end, case, stage, how)
        pid, _status = os.wait()
        read_end, case, stage, how = running.pop(pid)
        with os.fdopen(read_end, "rb") as fh:
            raw = fh.read()
        result = json.loads(raw) if raw else {"mb": None, "error": "child died"}
        if result.get("error"):
            print(f"  ! {case.name} {stage} ({how}): {result['error']}")
        getattr(case, how)[stage] = result["mb"]


# -- timing in this process ----------------------------------------------------------------------


def timed(
    call: Callable[[], object], case: Case | None = None, stage: str = ""
) -> tuple[float, object]:
    """Wall seconds of ``call()`` and its result; with ``case``, record wall and CPU time."""
    gc.collect()
    cpu = time.process_time()
    start = time.perf_counter()
    result = call()
    wall = time.perf_counter() - start
    if case is not None:
        case.times.setdefault(stage, []).append(wall)
        case.cpu.setdefault(stage, []).append(time.process_time() - cpu)
    return wall, result


def time_case(case: Case) -> None:
    assembled = clock = None
    for _ in range(case.runs):
        _s, (assembled, clock) = timed(  # type: ignore[misc]
            lambda: load_and_assemble(case.root, case.spec_path, case.split), case, "assembly"
        )
    for _ in range(case.runs):
        case.split.setdefault("html", []).append(timed(lambda: paged_html(assembled, clock))[0])
    html = paged_html(assembled, clock)
    paragraphs = plain_paragraphs(assembled)
    out: dict[str, object] = {}
    # Interleave draftkit and its baseline, in alternating order (ABBA…), so that drifts of
    # the machine and order effects hit both alike.
    for ours, base, call, base_call in (
        (
            "docx",
            "python-docx",
            lambda: render(assembled, "docx", clock),
            lambda: python_docx_alone(paragraphs),
        ),
        (
            "pdf",
            "weasyprint",
            lambda: render(assembled, "pdf", clock),
            lambda: weasyprint_alone(html),
        ),
    ):
        for run in range(case.runs):
            pair = [(ours, call), (base, base_call)]
            for stage, fn in pair if run % 2 == 0 else pair[::-1]:
                out[stage] = timed(fn, case, stage)[1]
    docx_bytes, pdf_bytes = cast(bytes, out["docx"]), cast(bytes, out["pdf"])
    doc = assembled.document  # type: ignore[union-attr]
    case.info.update(
        blocks=len(doc.blocks),
        subparagraphs=sum(1 for b in doc.blocks for _ in b.sub_paragraphs()),
        footnotes=len(doc.footnotes),
        endnotes=len(doc.endnotes),
        words=sum(len(text.split()) for p in paragraphs for text, _ in p),
        pages=pdf_pages(pdf_bytes),
        pdf_kb=len(pdf_bytes) / 1024,
        docx_kb=len(docx_bytes) / 1024,
        html_kb=len(html.encode()) / 1024,
    )


def pdf_pages(data: bytes) -> int | str:
    try:
        import pypdf
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page\b", data)) or "?"
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


# -- report ---------------------------------------------------------------------------------------


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def report(case: Case) -> None:
    info = case.info
    print(f"\n== {case.name} ==")
    print(
        f"   {info['blocks']} paragraphs + {info['subparagraphs']} sub-paragraphs, "
        f"{info['words']} words, {info['footnotes']} footnotes, {info['endnotes']} endnotes; "
        f"PDF {info['pages']} pages ({info['pdf_kb']:.0f} KB), DOCX {info['docx_kb']:.0f} KB, "
        f"HTML {info['html_kb']:.0f} KB"
    )
    runs = case.runs
    print(
        f"   time: median of {runs} run{'s' if runs > 1 else ''} in this process (wall; CPU = "
        "process_time); memory: one forked child per stage (RSS = peak ru_maxrss rise, "
        "traced = tracemalloc peak)"
    )
    print(
        f"   {'stage':<52} {'median s':>9} {'min s':>7} {'CPU s':>7} {'RSS MB':>7} {'traced MB':>9}"
    )
    for stage in STAGES:
        t = case.times[stage]
        print(
            f"   {STAGE_LABELS[stage]:<52} {statistics.median(t):9.3f} {min(t):7.3f} "
            f"{statistics.median(case.cpu[stage]):7.3f} "
            f"{_mb(case.rss.get(stage)):>7} {_mb(case.traced.get(stage)):>9}"
        )
    split = {key: statistics.median(values) for key, values in case.split.items()}
    print(
        f"   assembly = load (config, clause + source YAML, spec) {split['load']:.3f} s"
        f" + assemble (template, XML, notes, numbering) {split['assemble']:.3f} s;"
        f" the HTML inside the PDF stage: write_html {split['html']:.3f} s"
    )
    if not case.trace_pdf:
        print("   (tracemalloc skipped for PDF and WeasyPrint here: it makes them ~8x slower)")
    med = {stage: statistics.median(case.times[stage]) for stage in STAGES}
    total = med["assembly"] + med["docx"] + med["pdf"]
    print(f"   whole build (assembly + DOCX + PDF, medians): {total:.3f} s")
    low = {stage: min(case.times[stage]) for stage in STAGES}
    cpu = {stage: statistics.median(case.cpu[stage]) for stage in STAGES}
    for label, ours, base, target in (
        ("PDF : draftkit / WeasyPrint alone ", "pdf", "weasyprint", PDF_TARGET),
        ("DOCX: draftkit / python-docx alone", "docx", "python-docx", DOCX_TARGET),
    ):
        ratio = med[ours] / med[base]
        print(
            f"   {label} = {ratio:5.2f} (minima {low[ours] / low[base]:4.2f}, "
            f"CPU {cpu[ours] / cpu[base]:4.2f})  "
            f"(target <= {target:.2f}: {'met' if ratio <= target else 'NOT met'}; "
            f"overhead {med[ours] - med[base]:+.3f} s)"
        )


def profile_case(case: Case, top: int = 10) -> None:
    """cProfile of draftkit's own work in one build: assembly, DOCX and the PDF's HTML.

    WeasyPrint's layout is left out: the timings above show the PDF stage costs what
    WeasyPrint alone costs, and profiling it takes ~15 s for the big document.
    """
    import cProfile
    import pstats

    import draftkit

    package = str(Path(draftkit.__file__).resolve().parent)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    assembled, clock = load_and_assemble(case.root, case.spec_path)
    render(assembled, "docx", clock)
    paged_html(assembled, clock)
    profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    rows = [
        (ct, tt, nc, file, line, func)
        for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items()  # type: ignore[attr-defined]
        if file.startswith(package)
    ]
    rows.sort(reverse=True)
    print(
        f"\n== cProfile, {case.name}: assembly + DOCX + PDF's HTML (no WeasyPrint), "
        f"{wall:.2f} s under the profiler; top {top} draftkit functions by cumulative time =="
    )
    print(f"   {'cumulative s':>12} {'own s':>8} {'calls':>8}  function")
    for ct, tt, nc, file, line, func in rows[:top]:
        print(f"   {ct:12.3f} {tt:8.3f} {nc:8d}  {_where(file, line, func)}")
    own = sorted(
        (
            (tt, nc, file, line, func)
            for (file, line, func), (_cc, nc, tt, _ct, _callers) in stats.stats.items()
        ),
        reverse=True,
    )  # type: ignore[attr-defined]
    print(f"   and the top {top // 2} functions of any package by own time:")
    for tt, nc, file, line, func in own[: top // 2]:
        print(f"   {'':12} {tt:8.3f} {nc:8d}  {_where(file, line, func)}")


def _where(file: str, line: int, func: str) -> str:
    for marker in ("site-packages/", "/draftkit/"):
        if marker in file:
            file = ("draftkit/" if marker == "/draftkit/" else "") + file.split(marker, 1)[1]
            break
    return f"{file}:{line}({func})" if file != "~" else func


# -- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs-small", type=int, default=3, help="runs of the example (3)")
    parser.add_argument("--runs-big", type=int, default=2, help="runs of the big document (2)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory children")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile one build of the big document with cProfile",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    t0 = time.perf_counter()
    import weasyprint  # noqa: F401  (imported once, before any timing)

    import_weasyprint = time.perf_counter() - t0
    t0 = time.perf_counter()
    import docx  # noqa: F401

    import_docx = time.perf_counter() - t0
    t0 = time.perf_counter()
    import draftkit.pipeline  # noqa: F401
    import draftkit.project  # noqa: F401
    import draftkit.render.docx.writer  # noqa: F401
    import draftkit.render.pdf  # noqa: F401

    import_draftkit = time.perf_counter() - t0
    print(
        f"bench_build: Python {sys.version.split()[0]}, WeasyPrint {weasyprint.__version__}, "
        f"{os.cpu_count()} CPUs, {date.today().isoformat()}"
    )
    print(
        f"load average (1 min) at start: {os.getloadavg()[0]:.2f}; timings are wall clock, "
        "so other work on the machine shows in them"
    )
    print(
        f"imports (first import in this process): weasyprint {import_weasyprint:.3f} s, "
        f"docx {import_docx:.3f} s, draftkit pipeline/render modules on top {import_draftkit:.3f} s"
    )

    with tempfile.TemporaryDirectory(prefix="draftkit-bench-") as tmp:
        t0 = time.perf_counter()
        big_spec = generate_project(Path(tmp) / "big")
        print(
            f"generated project of {BIG_CLAUSES} clauses and {BIG_NOTES} sources in "
            f"{time.perf_counter() - t0:.2f} s ({big_spec.parent.parent})"
        )
        cases = [
            Case("example: documents/civic-forum-2025.yaml", ROOT, EXAMPLE_SPEC, args.runs_small),
            Case(
                f"generated: {BIG_CLAUSES} operative clauses, {BIG_NOTES} notes",
                big_spec.parent.parent,
                big_spec,
                args.runs_big,
                trace_pdf=False,
            ),
        ]
        if not args.no_memory:
            t0 = time.perf_counter()
            measure_memory(
                [
                    (case, stage, how)
                    for case in cases
                    for stage in STAGES
                    for how in ("rss", "traced")
                    if how == "rss" or case.trace_pdf or stage not in ("pdf", "weasyprint")
                ]
            )
            print(f"memory children done in {time.perf_counter() - t0:.1f} s (2 at a time)")
        for case in cases:
            time_case(case)
            report(case)
        if args.profile:
            profile_case(cases[1])
    print(
        f"\nbench_build finished in {time.perf_counter() - started:.1f} s "
        f"(load average at the end: {os.getloadavg()[0]:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Building a press kit: render what is out of date in worker processes, then publish.

Every render is one task (one document, one locale, one format) in a process pool: PDF
layout is CPU-bound, so threads would not help. Workers return bytes; only this process
writes, each locale's files together through :func:`draftkit.fsutil.publish_all`. A locale
whose render fails publishes nothing, and its zip and the all-locales zip are removed
rather than left describing inputs that no longer build.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.fsutil import BuildClock, ensure_within, file_sha256, fixed_time_zip, publish_all
from draftkit.presskit.plan import CACHE_NAME, MANIFEST_NAME, KitPlan, Output
from draftkit.project import Project


@dataclass
class OutputResult:
    output: Output
    status: str  # "rendered", "up to date", "failed" or "discarded" (its locale failed)
    size: int = 0
    sha256: str = ""
    seconds: float = 0.0
    untranslated: int = 0


@dataclass
class LocaleFailure:
    lang: str
    output: Output
    error: str


@dataclass
class KitResult:
    plan: KitPlan
    results: list[OutputResult] = field(default_factory=list)
    failures: list[LocaleFailure] = field(default_factory=list)
    archives: dict[str, Path] = field(default_factory=dict)
    manifest: Path | None = None

    @property
    def rendered(self) -> int:
        return sum(r.status == "rendered" for r in self.results)

    @property
    def up_to_date(self) -> int:
        return sum(r.status == "up to date" for r in self.results)


# -- the worker side -----------------------------------------------------------------------

_projects: dict[str, Project] = {}


def render_one(
    root: str, source: str, lang: str, fmt: str, allow_incomplete: bool
) -> tuple[bytes | None, int, str | None, float]:
    """One output in a worker process: (bytes, texts left untranslated, error text, seconds
    spent rendering)."""
    from draftkit.pipeline import render_document

    begin = time.perf_counter()
    project = _projects.get(root)
    if project is None:
        project = _projects[root] = Project.load(Path(root))
    try:
        rendered = render_document(
            project, Path(source), lang=lang, formats=[fmt], allow_incomplete=allow_incomplete
        )
    except DraftkitError as exc:
        # Errors cross the process boundary as text: the report is all the parent needs.
        return None, 0, exc.format(project.root), time.perf_counter() - begin
    return rendered.outputs[0][1], rendered.untranslated, None, time.perf_counter() - begin


# -- the cache beside the outputs ----------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_cache(folder: Path) -> dict:  # type: ignore[type-arg]
    try:
        data = json.loads((folder / CACHE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_up_to_date(output: Output, folder: Path, cache: dict) -> OutputResult | None:  # type: ignore[type-arg]
    entry = cache.get("outputs", {}).get(output.relative)
    if not isinstance(entry, dict) or entry.get("key") != output.key:
        return None
    # The file must still be the one written: an edited or deleted output is rebuilt.
    if file_sha256(folder / output.relative) != entry.get("sha256"):
        return None
    return OutputResult(
        output,
        "up to date",
        int(entry.get("size", 0)),
        str(entry["sha256"]),
        untranslated=int(entry.get("untranslated", 0)),
    )


# -- archives and manifest -------------------------------------------------------------------


def deterministic_zip(entries: list[tuple[str, bytes]], clock: BuildClock) -> bytes:
    """The same entries give the same bytes: sorted names, one timestamp, fixed modes, made
    on Unix whatever machine writes it."""
    return fixed_time_zip(sorted(entries), clock, create_system=3)


def completeness(project: Project, lang: str) -> dict[str, object]:
    """How far the locale's catalog is translated (the source locale is complete)."""
    if lang == project.config.source_locale:
        return {"source": True, "translated": None, "total": None, "percent": 100.0}
    from draftkit.i18n.status import locale_status

    status = locale_status(project, lang)
    return {
        "source": False,
        "translated": status.translated,
        "fuzzy": status.fuzzy,
        "untranslated": status.untranslated,
        "total": status.total,
        "percent": round(status.percent, 1),
    }


# -- the build -------------------------------------------------------------------------------

Progress = Callable[[OutputResult], None]


def _pool_render(
    project: Project,
    tasks: list[Output],
    jobs: int,
    allow_incomplete: bool,
    done: Callable[[Output, tuple[bytes | None, int, str | None, float]], None],
) -> None:
    args = [(str(project.root), str(o.source), o.lang, o.fmt, allow_incomplete) for o in tasks]
    # the project loaded (and its library parsed) for the plan serves the renders too
    _projects.setdefault(str(project.root), project)
    if any(o.fmt == "pdf" for o in tasks):
        from draftkit.render.cssrefs import report_style_sheet

        report_style_sheet(project.templates_path)  # once, here, not in every worker
    if jobs <= 1 or len(tasks) <= 1:
        for output, arg in zip(tasks, args, strict=True):
            done(output, render_one(*arg))
        return
    import multiprocessing

    # fork where there is one: workers start at once with draftkit imported and the
    # project's library already parsed (spawn re-imports everything in every worker,
    # which costs more than a small kit's renders). The executor forks all workers before
    # it starts its own thread, and the CLI's progress display does not run one
    # (auto_refresh off), so no lock is held across the fork.
    from draftkit.render.pdf import exit_with_parent

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "fork":
        _warm_up()
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(tasks)),
        mp_context=context,
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        begun: dict[Future, Output] = {}
        for output, arg in zip(tasks, args, strict=True):
            begun[pool.submit(render_one, *arg)] = output
        for future in as_completed(begun):
            done(begun[future], future.result())


def _warm_up() -> None:
    """Pay the one-off costs of the writers (imports, Pango's font set-up, WeasyPrint's
    default style sheets) once, before forking, instead of once in every worker."""
    import docx  # noqa: F401

    from draftkit.fsutil import builtin_templates_dir
    from draftkit.render.pdf import write_pdf
    from draftkit.render.writers import CSS_NAME

    # The built-in style sheet, so the warm-up needs no system font either: with none
    # installed, Pango crashes on a family it cannot find.
    builtin = builtin_templates_dir()
    css = (builtin / CSS_NAME).read_text(encoding="utf-8")
    write_pdf(
        f"<style>{css}</style><p>x <b>x</b> <i>x</i></p>",
        base_dir=(builtin / CSS_NAME).parent,
        allowed_roots=[builtin],
        clock=BuildClock.for_document(None),
    )


def build_kit(
    project: Project,
    plan: KitPlan,
    *,
    jobs: int | None = None,
    force: bool = False,
    allow_incomplete: bool = False,
    on_start: Callable[[list[Output]], None] = lambda tasks: None,
    on_done: Progress = lambda result: None,
) -> KitResult:
    folder = plan.folder
    # The kit folder is <output>/presskit/<event>/: nothing of it, a language's folder
    # included, may lead out of the output folder, for writing or for removing strays.
    output_root = folder.parents[1].resolve()
    for lang in plan.langs:
        ensure_within(folder / lang, output_root)
    cache = {} if force else load_cache(folder)
    result = KitResult(plan)
    by_output: dict[Output, OutputResult] = {}
    tasks: list[Output] = []
    for output in plan.outputs:
        fresh = None if force else is_up_to_date(output, folder, cache)
        if fresh is not None:
            by_output[output] = fresh
        else:
            tasks.append(output)
    on_start(tasks)
    for fresh in by_output.values():
        on_done(fresh)

    rendered: dict[Output, bytes] = {}
    failed: dict[str, LocaleFailure] = {}

    def done(output: Output, answer: tuple[bytes | None, int, str | None, float]) -> None:
        data, untranslated, error, seconds = answer
        if data is None:
            failed.setdefault(output.lang, LocaleFailure(output.lang, output, error or "failed"))
            outcome = OutputResult(output, "failed", seconds=seconds)
        else:
            rendered[output] = data
            outcome = OutputResult(
                output, "rendered", len(data), _sha256(data), seconds, untranslated
            )
        by_output[output] = outcome
        on_done(outcome)

    _pool_render(project, tasks, jobs or os.cpu_count() or 1, allow_incomplete, done)
    result.results = [by_output[o] for o in plan.outputs]
    result.failures = sorted(failed.values(), key=lambda f: plan.langs.index(f.lang))

    clock = BuildClock.for_document(plan.event.published)
    kit_name = plan.event.name
    state_outputs = dict(cache.get("outputs", {})) if isinstance(cache.get("outputs"), dict) else {}
    state_archives = (
        dict(cache.get("archives", {})) if isinstance(cache.get("archives"), dict) else {}
    )
    stale: list[Path] = []
    for lang in plan.langs:
        outputs = plan.for_lang(lang)
        archive = folder / f"{kit_name}-{lang}.zip"
        if lang in failed:
            stale.append(archive)
            for o in outputs:  # rendered, but its locale publishes nothing
                if by_output[o].status == "rendered":
                    by_output[o].status = "discarded"
            continue
        new_files = [(folder / o.relative, rendered[o]) for o in outputs if o in rendered]
        publish_all(new_files, within=output_root)
        for o in outputs:
            r = by_output[o]
            state_outputs[o.relative] = {
                "key": o.key,
                "sha256": r.sha256,
                "size": r.size,
                "untranslated": r.untranslated,
            }
        _remove_strays(folder / lang, {folder / o.relative for o in outputs}, state_outputs, lang)
        result.archives[lang] = archive
        recorded = state_archives.get(lang, {})
        members = {o.relative: state_outputs[o.relative]["sha256"] for o in outputs}
        if (
            not new_files
            and recorded.get("members") == members
            and file_sha256(archive) == recorded.get("sha256")
        ):
            continue  # nothing in it changed and it is still the file written
        data = deterministic_zip(
            [(o.relative, (folder / o.relative).read_bytes()) for o in outputs], clock
        )
        publish_all([(archive, data)])
        state_archives[lang] = {"sha256": _sha256(data), "members": members}

    everything = folder / f"{kit_name}-all.zip"
    manifest_path = folder / MANIFEST_NAME
    if failed:
        stale += [everything, manifest_path]
        for path in stale:
            path.unlink(missing_ok=True)
        state_archives = {k: v for k, v in state_archives.items() if k not in failed}
        state_archives.pop("all", None)
        _write_state(folder, state_outputs, state_archives, cache.get("completeness", {}))
        return result

    locales = _completeness(project, plan, cache)
    manifest = {
        "event": kit_name,
        "kind": plan.event.template,
        "title": plan.event.title,
        "locales": locales,
        "files": [
            {
                "file": o.relative,
                "locale": o.lang,
                "kind": o.kind,
                "format": o.fmt,
                "size": state_outputs[o.relative]["size"],
                "sha256": state_outputs[o.relative]["sha256"],
                "translation": locales[o.lang],
                "untranslated_texts": state_outputs[o.relative]["untranslated"],
            }
            for o in plan.outputs
        ],
        "archives": [
            {
                "file": result.archives[lang].name,
                "locale": lang,
                "sha256": state_archives[lang]["sha256"],
                "size": result.archives[lang].stat().st_size,
            }
            for lang in plan.langs
        ],
    }
    manifest_bytes = (
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    ).encode()
    members = {
        **{o.relative: state_outputs[o.relative]["sha256"] for o in plan.outputs},
        MANIFEST_NAME: _sha256(manifest_bytes),
    }
    recorded = state_archives.get("all", {})
    if file_sha256(manifest_path) != _sha256(manifest_bytes):
        publish_all([(manifest_path, manifest_bytes)])
    if not (
        recorded.get("members") == members and file_sha256(everything) == recorded.get("sha256")
    ):
        entries = [(o.relative, (folder / o.relative).read_bytes()) for o in plan.outputs]
        data = deterministic_zip([*entries, (MANIFEST_NAME, manifest_bytes)], clock)
        publish_all([(everything, data)])
        state_archives["all"] = {"sha256": _sha256(data), "members": members}
    result.archives["all"] = everything
    result.manifest = manifest_path
    known = {
        lang: {"catalog": plan.catalog_hashes[lang], "status": locales[lang]} for lang in locales
    }
    _write_state(folder, state_outputs, state_archives, known)
    return result


def _completeness(project: Project, plan: KitPlan, cache: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    # Reading a catalog's status costs a PO parse: keep it with the catalog's hash.
    known = cache.get("completeness", {}) if isinstance(cache.get("completeness"), dict) else {}
    out = {}
    for lang in plan.langs:
        entry = known.get(lang)
        if isinstance(entry, dict) and entry.get("catalog") == plan.catalog_hashes[lang]:
            out[lang] = entry["status"]
        else:
            out[lang] = completeness(project, lang)
    return out


def _remove_strays(
    folder: Path,
    keep: set[Path],
    state: dict,  # type: ignore[type-arg]
    lang: str,
) -> None:
    """Outputs of documents the kit no longer holds (a related document removed from the
    event): the kit folder is draftkit's, and a stray file would look like part of it."""
    from draftkit.render.writers import press_kit_formats, writer

    suffixes = {f".{writer(fmt).extension}" for fmt in press_kit_formats()}
    if folder.is_dir():
        for path in folder.iterdir():
            if path.suffix in suffixes and path not in keep and path.is_file():
                path.unlink()
    for relative in [r for r in state if r.startswith(f"{lang}/")]:
        if folder.parent / relative not in keep:
            del state[relative]


def _write_state(
    folder: Path,
    outputs: dict,  # type: ignore[type-arg]
    archives: dict,  # type: ignore[type-arg]
    completeness: dict,  # type: ignore[type-arg]
) -> None:
    state = {"outputs": outputs, "archives": archives, "completeness": completeness}
    data = (json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
    if file_sha256(folder / CACHE_NAME) != _sha256(data):
        publish_all([(folder / CACHE_NAME, data)])

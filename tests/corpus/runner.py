"""Run the hostile-input corpus: one TOML file per case in ``tests/corpus/cases/``.

A case writes a few files over a small valid project, runs ``draftkit`` as a user would
and states what the user must see in one line (``expect``). Whatever the expectation,
every run must also finish within :data:`TIMEOUT`, print no traceback, write nothing
outside the project (a sibling folder ``outside/`` is watched), leave no staged
``.tmp`` file behind and, when it fails, leave every file of the project as it was.

The format is documented in ``tests/corpus/README.md``. ``python -m tests.corpus.runner``
prints one line per case and the table of outcomes (``--checkout PATH`` runs another
checkout's draftkit, which is how the issue's before/after table was made).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.cli.helpers import BASE, env

CASES = Path(__file__).parent / "cases"
REPO = Path(__file__).resolve().parents[2]
# The example project is the repository's own content; its templates/ folder is draftkit's
# built-in set, found through the package, so it is not copied.
EXAMPLE = (
    "draftkit.toml",
    "clauses",
    "sources.yaml",
    "documents",
    "events",
    "organisations",
    "locales",
)
TIMEOUT = 120
OUTSIDE = "@OUTSIDE@"
PROJECT = "@PROJECT@"
# Outcomes, worst first; "pass" is the expectation met with every rule kept.
OUTCOMES = ("hang", "escape", "lost", "traceback", "wrong", "no-place", "no-hint", "pass")


@dataclass
class Step:
    run: list[str]
    expect: str
    files: dict[str, object] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Case:
    name: str
    about: str
    base: str
    steps: list[Step]
    git: bool
    unchanged: list[str]


@dataclass
class Outcome:
    kind: str
    detail: str = ""


def load(path: Path) -> Case:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    raw_steps = data.get("step") or [data]
    steps = [
        Step(
            run=shlex.split(s["run"]),
            expect=s["expect"],
            files=s.get("files", {}),
            env=s.get("env", {}),
        )
        for s in raw_steps
    ]
    if "step" in data and data.get("files"):
        steps[0].files = {**data["files"], **steps[0].files}
    return Case(
        name=path.stem,
        about=data["about"],
        base=data.get("base", "small"),
        steps=steps,
        git=data.get("git", False),
        unchanged=data.get("unchanged", []),
    )


def all_cases() -> list[Path]:
    return sorted(CASES.glob("*.toml"))


def _subst(text: str, root: Path) -> str:
    return text.replace(OUTSIDE, str(root / "outside")).replace(PROJECT, str(root / "project"))


def _write(project: Path, root: Path, name: str, spec: object, repo: Path = REPO) -> None:
    path = project / _subst(name, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(spec, str):
        path.write_text(_subst(spec, root), encoding="utf-8")
        return
    assert isinstance(spec, dict), f"{name}: a text or a table"
    if spec.get("delete"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
        return
    if "symlink" in spec:  # in place of what the base project has there
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(_subst(spec["symlink"], root))
        return
    if "mkdir" in spec:
        path.mkdir(parents=True, exist_ok=True)
        return
    if "replace" in spec:
        base = repo / spec["from_repo"] if "from_repo" in spec else path
        text = base.read_text(encoding="utf-8")
        for old, new in spec["replace"]:
            assert old in text, f"{name}: {old!r} not in the base file"
            text = text.replace(old, _subst(new, root), 1)
    else:
        text = _subst(spec["text"], root)
    for key, (unit, times) in spec.get("repeat", {}).items():
        text = text.replace("{{" + key + "}}", unit * times)
    path.write_bytes(text.encode(spec.get("encoding", "utf-8")))
    if "mode" in spec:
        path.chmod(int(spec["mode"], 8))


def materialise(case: Case, root: Path, repo: Path = REPO) -> Path:
    """The case's project under ``root``, its example content taken from ``repo``."""
    project = root / "project"
    project.mkdir(parents=True)
    (root / "outside").mkdir()
    (root / "outside" / "canary.txt").write_text("keep me\n", encoding="utf-8")
    if case.base == "example":
        for name in EXAMPLE:
            src = repo / name
            if src.is_dir():
                shutil.copytree(src, project / name)
            else:
                shutil.copy2(src, project / name)
    else:
        for name, text in BASE.items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text(text, encoding="utf-8")
    if case.git:
        _git_commit(project, "base")
    return project


def _git_commit(project: Path, message: str) -> None:
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    if not (project / ".git").exists():
        subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True)


def _snapshot(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if rel.startswith(".git/") or rel == ".git":
            continue
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _expect(step: Step, result: subprocess.CompletedProcess[str], project: Path) -> Outcome:
    """Does the run show what ``step.expect`` says (one line, see the README)?"""
    expect = step.expect
    out = result.stdout + result.stderr
    if expect == "ok" or expect.startswith("ok:"):
        if result.returncode != 0:
            first = (result.stderr.strip().splitlines() or ["?"])[0]
            return Outcome("wrong", f"exit {result.returncode}: {first}")
        if expect.startswith("ok:"):
            target, verb, text = expect[3:].strip().split(" ", 2)
            path = project / target
            if not path.is_file():
                return Outcome("wrong", f"{target} was not written")
            body = path.read_text(encoding="utf-8", errors="replace")
            if (text in body) != (verb == "has"):
                return Outcome("wrong", f"{target} {'lacks' if verb == 'has' else 'has'} {text!r}")
        return Outcome("pass")
    if expect == "differ":  # diff(1)'s status: 1 for differences, no error said
        if result.returncode != 1 or "error: " in result.stderr:
            first = (result.stderr.strip().splitlines() or ["?"])[0]
            return Outcome("wrong", f"exit {result.returncode}: {first}")
        return Outcome("pass")
    kind, _, prefix = expect.partition(": ")
    assert kind in ("error", "warning"), f"unknown expectation {expect!r}"
    # An error exits 1, or 2 from diff, whose 1 means "differences" (as diff(1)).
    exit_ok = result.returncode in (1, 2) if kind == "error" else result.returncode == 0
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{kind}: ")]
    if not exit_ok or not lines:
        first = (out.strip().splitlines() or ["(nothing)"])[0]
        return Outcome("wrong", f"exit {result.returncode}: {first}")
    # "@LINE@" in an expectation stands for any line number (one that moves as the
    # built-in file it is in is edited).
    pattern = re.escape(f"{kind}: {prefix}").replace("@LINE@", r"\d+")
    hits = [line for line in lines if re.match(pattern, line)]
    if not hits:
        placed = [line for line in lines if re.match(rf"{kind}: \S+:\d+: ", line)]
        return Outcome("wrong" if placed else "no-place", lines[0])
    if not all("(hint: " in line for line in hits):
        return Outcome("no-hint", hits[0])
    return Outcome("pass")


def run_case(case: Case, root: Path, checkout: Path | None = None) -> Outcome:
    """Run ``case`` in ``root``, with the draftkit of ``checkout`` if given (else this one)."""
    repo = checkout or REPO
    project = materialise(case, root, repo)
    base_env = env()
    base_env["DRAFTKIT_CACHE_DIR"] = str(root / "cache")
    base_env.pop("PYTHONPATH", None)
    if checkout is not None:
        base_env["PYTHONPATH"] = str(checkout)
    for number, step in enumerate(case.steps, start=1):
        where = f"step {number}: " if len(case.steps) > 1 else ""
        for name, spec in step.files.items():
            _write(project, root, name, spec, repo)
        if case.git and number > 1 and step.files:
            _git_commit(project, f"step {number}")
        before = _snapshot(project)
        outside_before = _snapshot(root / "outside")
        unchanged = {name: before.get(name) for name in case.unchanged}
        try:
            result = subprocess.run(
                [sys.executable, "-m", "draftkit", *(_subst(a, root) for a in step.run)],
                cwd=project,
                capture_output=True,
                text=True,
                errors="replace",
                env={**base_env, **step.env},
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return Outcome("hang", f"{where}killed after {TIMEOUT} s")
        if "Traceback" in result.stdout + result.stderr:
            last = result.stderr.strip().splitlines()[-1:] or ["?"]
            return Outcome("traceback", where + last[0])
        if _snapshot(root / "outside") != outside_before:
            return Outcome("escape", f"{where}the folder beside the project changed")
        after = _snapshot(project)
        staged = [name for name in after if re.search(r"(^|/)\.[^/]+\.tmp$", name)]
        if staged:
            return Outcome("lost", f"{where}staged files left: {staged[:3]}")
        changed = [n for n, digest in unchanged.items() if after.get(n) != digest]
        if changed:
            return Outcome("lost", f"{where}changed: {changed}")
        outcome = _expect(step, result, project)
        if outcome.kind == "pass" and result.returncode != 0:
            inputs = {n: d for n, d in before.items() if not n.startswith("build/")}
            altered = [n for n, d in inputs.items() if after.get(n) != d]
            if altered:
                return Outcome("lost", f"{where}a failed run changed {altered[:3]}")
        if outcome.kind != "pass":
            return Outcome(outcome.kind, where + outcome.detail)
    return Outcome("pass")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, help="run another checkout's draftkit")
    parser.add_argument("names", nargs="*", help="case names (default: all)")
    args = parser.parse_args()
    import tempfile

    counts: Counter[str] = Counter()
    for path in all_cases():
        if args.names and path.stem not in args.names:
            continue
        case = load(path)
        with tempfile.TemporaryDirectory() as tmp:
            try:
                outcome = run_case(case, Path(tmp), args.checkout)
            except AssertionError as exc:  # another checkout's example lacks the text
                outcome = Outcome("n/a", f"case does not apply: {exc}")
        counts[outcome.kind] += 1
        print(f"{outcome.kind:9} {case.name}  {outcome.detail}"[:200], flush=True)
    print(" · ".join(f"{kind} {counts[kind]}" for kind in (*OUTCOMES, "n/a") if counts[kind]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The two sides of a diff: folders, files, or a project as it was at a git revision.

A git revision is read from the object store (``git archive``) into a temporary folder;
the user's working tree is never touched. Errors name the side and the file as the user
knows it (``HEAD~3:clauses/gender.yaml:12``), and exit with status 2, as diff(1) does for
trouble.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from draftkit.diff.clauses import Placed
from draftkit.errors import DraftkitError, ErrorList
from draftkit.library.clauses import Clause, load_clause_file

Role = Literal["old", "new"]


class DiffError(DraftkitError):
    """Trouble reading one side of a diff: diff(1)'s exit status 2."""

    exit_code = 2


@dataclass
class Side:
    """One side of a diff as files on disk, and how to name them to the user."""

    role: Role
    label: str  # as the user wrote it: "clauses-v1/", "HEAD~3", "working tree"
    root: Path  # where the files are (a temporary folder for a revision)
    display_prefix: str = ""  # "HEAD~3:" for a revision
    display_root: Path | None = None  # for a folder: paths are shown relative to this
    targets: list[Path] = field(default_factory=list)  # the files or folders compared
    # The project whose clauses, sources, templates and catalogs --document and --lang
    # read the side with: its own, or the other side's for a loose file (see run.py).
    project_root: Path | None = None
    _tmp: tempfile.TemporaryDirectory | None = field(default=None, repr=False)

    def display(self, path: Path) -> str:
        base = self.root if self.display_prefix else (self.display_root or Path.cwd())
        try:
            rel = path.resolve().relative_to(base.resolve())
        except ValueError:
            rel = path
        return f"{self.display_prefix}{rel.as_posix()}"

    def fail(self, exc: DraftkitError) -> DiffError:
        """The error, with the side named and paths shown as the user knows them."""
        if isinstance(exc, ErrorList):
            exc = exc.errors[0]
        path = self.display(exc.path) if exc.path is not None else None
        error = DiffError(f"{self.role} side ({self.label}): {exc.message}", hint=exc.hint)
        error.path = Path(path) if path else None
        error.line = exc.line
        return error

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


# -- git -----------------------------------------------------------------------------


def _git(args: list[str], cwd: Path, *, binary: bool = False) -> subprocess.CompletedProcess:
    if shutil.which("git") is None:
        raise DiffError("git is not installed", hint="install git to compare revisions")
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=not binary, check=False
    )


def repo_top(cwd: Path) -> Path | None:
    result = _git(["rev-parse", "--show-toplevel"], cwd)
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def commit_of(name: str, cwd: Path) -> str | None:
    """The commit a revision names now (a branch moves), or None if it names none."""
    # A "revision" that starts with "-" would reach git as an option (git archive
    # --output=… writes a file anywhere): never one, and rev-parse is told where its
    # options end.
    if name.startswith("-") or repo_top(cwd) is None:
        return None
    result = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"], cwd
    )
    return result.stdout.strip() if result.returncode == 0 else None


def is_revision(name: str, cwd: Path) -> bool:
    return commit_of(name, cwd) is not None


def revision_side(role: Role, rev: str, paths: list[str], cwd: Path) -> Side:
    """The files under ``paths`` (relative to ``cwd``) as they are in ``rev``."""
    top = repo_top(cwd)
    if top is None:
        raise DiffError(
            f"{role} side: '{rev}' is not a file or folder, and {cwd} is not in a git repository",
            hint="name two folders or files, or run inside a git repository",
        )
    if not is_revision(rev, cwd):
        raise DiffError(
            f"{role} side: unknown revision or path '{rev}'",
            hint="name a commit, branch or tag (git log), or an existing file or folder",
        )
    prefix = _git(["rev-parse", "--show-prefix"], cwd).stdout.strip()
    full = [_join(prefix, p) for p in paths] or ([prefix.rstrip("/")] if prefix else [])
    tmp = tempfile.TemporaryDirectory(prefix="draftkit-diff-")
    # rev passed is_revision, so it cannot start with "-"; git archive would read a "--"
    # after --end-of-options as a path, so the separator alone ends its options here.
    result = _git(["archive", "--format=tar", rev, "--", *full], top, binary=True)
    if result.returncode != 0:
        tmp.cleanup()
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        missing = [p for p in full if f"'{p}'" in " ".join(message)]
        raise DiffError(
            f"{role} side: {missing[0] if missing else ' '.join(full)} does not exist in {rev}"
            if missing or "did not match" in " ".join(message)
            else f"{role} side: git archive {rev} failed: {message[-1] if message else '?'}",
            hint=f"see what {rev} holds with: git ls-tree -r --name-only {rev}",
        )
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        # The "data" filter refuses links and paths that leave the folder.
        archive.extractall(tmp.name, filter="data")
    root = Path(tmp.name)
    return Side(
        role, rev, root, display_prefix=f"{rev}:", targets=[root / p for p in full], _tmp=tmp
    )


def _join(prefix: str, path: str) -> str:
    joined = Path(prefix) / path if prefix else Path(path)
    parts: list[str] = []
    for part in joined.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts) or "."


def folder_side(role: Role, path: Path) -> Side:
    if not path.exists():
        raise DiffError(
            f"{role} side: no such file or folder: {path}",
            hint="name two existing folders or files, or two git revisions",
        )
    return Side(role, str(path), Path.cwd(), display_root=Path.cwd(), targets=[path])


# -- clause sets ---------------------------------------------------------------------


def clause_files(side: Side) -> list[Path]:
    """The clause files of a side: the files named, the ``*.yaml`` in the folders named
    (for a project folder, its ``clauses/``)."""
    files: list[Path] = []
    for root in side.targets:
        if root.is_file():
            files.append(root)
        elif (root / "draftkit.toml").is_file():
            files += sorted((root / "clauses").rglob("*.yaml"))
        elif root.is_dir():
            files += sorted(root.rglob("*.yaml"))
    return files


def load_clauses(side: Side, files: list[Path]) -> list[Placed]:
    placed: list[Placed] = []
    seen: dict[str, Placed] = {}
    for path in files:
        try:
            clauses = load_clause_file(path)
        except DraftkitError as exc:
            raise side.fail(exc) from None
        shown = side.display(path)
        folder_file = _within(path, side.targets)
        for clause in clauses:
            first = seen.get(clause.id)
            if first is not None:
                raise side.fail(
                    DraftkitError(
                        f"duplicate clause id '{clause.id}' (first in {first.file}:{first.line})",
                        path=path,
                        line=clause.line,
                        hint="rename one of them",
                    )
                )
            seen[clause.id] = Placed(clause, shown, len(placed), folder_file)
            placed.append(seen[clause.id])
    return placed


def _within(path: Path, targets: list[Path]) -> str:
    for target in targets:
        if target.is_dir():
            try:
                return path.relative_to(target).as_posix()
            except ValueError:
                continue
    return path.name


# -- the fast path: clauses whose text did not change are not parsed ------------------------

_HEADER = re.compile(r"clauses:[ \t]*(#.*)?\n?")
_ITEM = re.compile(r"( *)- ")
_MARKERS = re.compile(r"^(?:---|\.\.\.)", re.M)
_NODE_PROPERTY = re.compile(r"[&*!]")


def _unsafe(text: str) -> bool:
    """Anything that could make one item's meaning depend on another's, or that the
    splitter does not follow: tabs, document markers, anchors, aliases and tags."""
    if "\t" in text or _MARKERS.search(text):
        return True
    # &, * and ! start an anchor, alias or tag only where a value starts; elsewhere (an
    # *emphasis* inside a text) they are text. The characters are rare: look at each.
    # (A false alarm only costs the fast path for that file.)
    for match in _NODE_PROPERTY.finditer(text):
        j = match.start() - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j < 0 or text[j] in ":[{,-\n":
            return True
    return False


def split_items(text: str) -> list[tuple[int, str]] | None:
    """The items of a clause file in the usual layout, as (first line, text) each; None
    when the file is laid out otherwise (then it is parsed whole).

    In a block sequence an item ends where a line starts with the sequence's own "- " at
    its own indentation: a block or multi-line scalar inside an item is indented deeper,
    so such a line cannot be part of it."""
    if _unsafe(text):
        return None
    lines = text.splitlines(keepends=True)
    k = 0
    while k < len(lines) and (not lines[k].strip() or lines[k].lstrip().startswith("#")):
        k += 1
    if k == len(lines) or not _HEADER.fullmatch(lines[k]):
        return None
    items: list[tuple[int, list[str]]] = []
    indent: str | None = None
    for number, line in enumerate(lines[k + 1 :], start=k + 2):
        stripped = line.strip()
        if indent is None:
            if not stripped or stripped.startswith("#"):
                continue
            match = _ITEM.match(line)
            if match is None:
                return None
            indent = match.group(1)
        if line.startswith(indent + "- "):
            items.append((number, [line]))
        elif stripped and not stripped.startswith("#") and not line.startswith(indent + " "):
            return None  # a line left of the items: not one sequence
        elif items:
            items[-1][1].append(line)
    return [(first, "".join(chunk)) for first, chunk in items]


def _parse_chunk(path: Path, first: int, text: str) -> Clause:
    # Blank lines in front keep the line numbers of the whole file.
    (clause,) = load_clause_file(path, "clauses:\n" + "\n" * (first - 2) + text)
    return clause


def load_sides(
    old: Side, new: Side
) -> tuple[list[Placed], list[Placed], list[tuple[Placed, Placed]]]:
    """Both sides' clauses, and the pairs that are the same text on both sides.

    A clause written the same on both sides is the same clause: those are paired by
    their text and not parsed at all (unless a report asks for one, say because it
    moved); only the rest of each file is parsed, with its line numbers kept."""
    files = {side.role: clause_files(side) for side in (old, new)}
    texts: dict[str, dict[Path, str]] = {"old": {}, "new": {}}
    chunks: dict[str, dict[Path, list[tuple[int, str]] | None]] = {"old": {}, "new": {}}
    for side in (old, new):
        for path in files[side.role]:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
                chunks[side.role][path] = None  # the loader reports it
            else:
                chunks[side.role][path] = split_items(text)
            texts[side.role][path] = text
    pool: dict[str, list[tuple[Path, int]]] = {}
    for path, items in chunks["old"].items():
        for index, (_, text) in enumerate(items or []):
            pool.setdefault(text, []).append((path, index))
    pooled = {key: list(reversed(value)) for key, value in pool.items()}
    twin: dict[tuple[Path, int], tuple[Path, int]] = {}  # new chunk -> old chunk
    for path, items in chunks["new"].items():
        for index, (_, text) in enumerate(items or []):
            if pooled.get(text):
                twin[(path, index)] = pooled[text].pop()
    matched_old = set(twin.values())
    placed: dict[tuple[str, Path, int], Placed] = {}
    result: dict[str, list[Placed]] = {}
    for side in (old, new):
        role = side.role
        matched = set(twin) if role == "new" else matched_old
        out: list[Placed] = []
        seen: dict[str, Placed] = {}
        for path in files[role]:
            items = chunks[role][path]
            shown, folder_file = side.display(path), _within(path, side.targets)
            if items is None:
                parsed = _load_file(side, path)
                for clause in parsed:
                    out.append(_unique(side, seen, Placed(clause, shown, len(out), folder_file)))
                continue
            rest = [
                (first, text) for i, (first, text) in enumerate(items) if (path, i) not in matched
            ]
            parsed = iter(_load_file(side, path, _blanked(texts[role][path], rest)) if rest else [])
            for i, (first, text) in enumerate(items):
                if (path, i) in matched:
                    p = Placed(None, shown, len(out), folder_file, _loader(side, path, first, text))
                    placed[(role, path, i)] = p
                    out.append(p)
                else:
                    clause = next(parsed)
                    out.append(_unique(side, seen, Placed(clause, shown, len(out), folder_file)))
        result[role] = out
    identical = [
        (placed[("old", *old_key)], placed[("new", *new_key)]) for new_key, old_key in twin.items()
    ]
    return result["old"], result["new"], identical


def _blanked(text: str, keep: list[tuple[int, str]]) -> str:
    """The file with only the ``keep`` items left, each on its own lines."""
    lines = ["\n"] * (text.count("\n") + 1)
    lines[0] = "clauses:\n"
    for first, chunk in keep:
        for offset, line in enumerate(chunk.splitlines(keepends=True)):
            lines[first - 1 + offset] = line if line.endswith("\n") else line + "\n"
    return "".join(lines)


def _loader(side: Side, path: Path, first: int, text: str):  # type: ignore[no-untyped-def]
    def load() -> Clause:
        try:
            return _parse_chunk(path, first, text)
        except DraftkitError as exc:
            raise side.fail(exc) from None

    return load


def _load_file(side: Side, path: Path, text: str | None = None) -> list[Clause]:
    try:
        return load_clause_file(path, text)
    except DraftkitError as exc:
        raise side.fail(exc) from None


def _unique(side: Side, seen: dict[str, Placed], placed: Placed) -> Placed:
    clause = placed.clause
    first = seen.get(clause.id)
    if first is not None:
        raise side.fail(
            DraftkitError(
                f"duplicate clause id '{clause.id}' (first in {first.file}:{first.line})",
                path=clause.path,
                line=clause.line,
                hint="rename one of them",
            )
        )
    seen[clause.id] = placed
    return placed

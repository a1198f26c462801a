"""Which outputs are out of date: ``build`` and ``check`` skip work whose inputs did not change.

As Sphinx and make do, a build renders only the documents whose inputs changed since the
outputs were written; ``draftkit check`` reuses the result of the last successful check of
the same inputs. Both decide from a fingerprint taken *before* anything heavy is imported
(Typer, Jinja2, markdown-it, PyYAML, lxml and Babel cost about 0.3 s of a 0.5 s command on
a small machine), so an up-to-date command costs little more than starting Python.

The fingerprint is deliberately wide, so that it can only err towards rebuilding:

- every file of the project's inputs, by content: ``draftkit.toml``, the source files it
  names, and everything under ``clauses/``, ``documents/``, ``events/``,
  ``organisations/``, ``templates/`` and ``locales/``;
- draftkit itself: its version and the size and time of each of its modules and built-in
  templates (an editable install changes without a new version);
- the installed distributions and their versions (a new WeasyPrint or Babel writes other
  bytes), the Python version, and ``SOURCE_DATE_EPOCH`` and fontconfig's variables.

Fonts installed on the machine are not part of it: a project whose own style sheet names a
system font gets the new font after ``--force`` (the built-in design uses only its bundled
fonts).

An output counts as up to date only if it is still the file that was written (its SHA-256
is recorded): an edited or deleted output is rendered again. ``--force`` renders all.
The records live in the cache folder (:func:`draftkit.fsutil.cache_root`), not among the
outputs; deleting them only costs a rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import draftkit

# Bump when the meaning of a recorded key changes, so that old records are ignored.
SCHEMA = "1"
INPUT_FOLDERS = ("clauses", "documents", "events", "organisations", "templates", "locales")


def _files(folder: Path, inside: Path | None = None) -> list[Path]:
    """Every file under ``folder``, through symlinked folders as the loaders go, each real
    folder once (a symlink loop must not hang the fingerprint), and none outside
    ``inside`` (a link to ``/`` would walk the whole disk; the loaders refuse it)."""
    found = []
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        real = os.path.realpath(dirpath)
        if inside is not None and not Path(real).is_relative_to(inside):
            dirnames[:] = []
            continue
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames.sort()
        found.extend(Path(dirpath, name) for name in sorted(filenames))
    return found


def _package_state(digest: hashlib._Hash) -> None:
    here = Path(draftkit.__file__).resolve().parent
    builtin = here / "templates"
    roots = [here] if builtin.is_dir() else [here, here.parent / "templates"]
    for root in roots:
        for path in _files(root):
            if "__pycache__" in path.parts:
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            digest.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    # Installed distributions, by their metadata folders' names (name and version): one
    # directory listing per site folder, where importlib.metadata would read every one.
    for entry in sys.path:
        if not entry.endswith("site-packages"):
            continue
        try:
            names = sorted(n for n in os.listdir(entry) if n.endswith(".dist-info"))
        except OSError:
            continue
        digest.update(("\n".join(names) + "\n").encode())


def project_key(root: Path, sources: list[str], *extra: str) -> str:
    """A SHA-256 over everything a build or check of the project at ``root`` reads, plus
    ``extra`` (the command's own options)."""
    digest = hashlib.sha256()
    digest.update(f"draftkit {draftkit.__version__} schema {SCHEMA} {sys.version}\n".encode())
    # The environment that changes output bytes: the time stamp, and which fonts a project
    # naming system fonts gets.
    for name in ("SOURCE_DATE_EPOCH", "FONTCONFIG_FILE", "FONTCONFIG_PATH"):
        digest.update(f"{name}={os.environ.get(name, '')}\n".encode())
    for item in extra:
        digest.update(f"option {item}\n".encode())
    _package_state(digest)
    inputs = [root / "draftkit.toml", *(root / name for name in sources)]
    for name in INPUT_FOLDERS:
        inputs.extend(_files(root / name, inside=root.resolve()))
    for path in inputs:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0missing"
        digest.update(f"{path.relative_to(root) if path.is_relative_to(root) else path}\0".encode())
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def document_key(inputs: str, spec: Path, language: str | None) -> str:
    """The key of one document's build in one language, from the project's key: the
    spec's own content too, as it may lie outside the folders :func:`project_key` reads."""
    from draftkit.fsutil import file_sha256

    text = f"{inputs}\0{spec.resolve()}\0{file_sha256(spec) or 'missing'}\0{language}"
    return hashlib.sha256(text.encode()).hexdigest()


def _record_path(kind: str, where: Path) -> Path:
    from draftkit.fsutil import cache_root

    name = hashlib.sha256(str(where.resolve()).encode()).hexdigest()[:24]
    return cache_root() / kind / f"{name}.json"


class OutputRecord:
    """What the last builds into an output folder wrote, and from which inputs. Kept in
    the cache folder, not among the outputs: deleting either only costs a rebuild."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.path = _record_path("builds", self.folder)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        entries = data.get("builds") if isinstance(data, dict) else None
        self.entries: dict[str, dict] = entries if isinstance(entries, dict) else {}  # type: ignore[type-arg]

    def fresh(self, key: str) -> dict | None:  # type: ignore[type-arg]
        """The recorded build with ``key`` if every file it wrote is still as written."""
        from draftkit.fsutil import file_sha256

        entry = self.entries.get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("outputs"), list):
            return None
        for item in entry["outputs"]:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                return None
            if file_sha256(self.folder / item[0]) != item[1]:
                return None
        return entry

    def record(self, key: str, outputs: list[tuple[Path, bytes]], **facts: object) -> None:
        written = []
        for target, data in outputs:
            try:
                relative = str(target.resolve().relative_to(self.folder))
            except ValueError:
                return  # an output outside the folder: nothing sensible to record
            written.append([relative, hashlib.sha256(data).hexdigest()])
        # Records of other inputs of the same document stay: switching back is free.
        self.entries[key] = {"outputs": written, **facts}

    def save(self) -> None:
        """Write the record after the outputs were published (a cache that cannot be
        written is no error: the next build renders again)."""
        # Bounded: the newest 200 records are plenty for any folder's documents × options.
        kept = dict(list(self.entries.items())[-200:])
        _save(self.path, {"schema": SCHEMA, "folder": str(self.folder), "builds": kept})


def _save(path: Path, data: object) -> None:
    from draftkit.fsutil import publish_all

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        publish_all([(path, json.dumps(data, indent=1).encode())])
    except Exception:  # noqa: BLE001  (see OutputRecord.save)
        pass


def cached_check(root: Path, key: str) -> str | None:
    """The summary of the last successful check of the project at ``root``, if it was
    made from the inputs ``key`` stands for."""
    try:
        data = json.loads(_record_path("checks", root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("summary"), str):
        return data["summary"]
    return None


def remember_check(root: Path, key: str, summary: str) -> None:
    _save(_record_path("checks", root), {"key": key, "summary": summary})

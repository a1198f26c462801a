"""Writing outputs safely and reproducibly.

Every file draftkit writes goes through :func:`publish_all`: temporary files in the target
folders, flushed and fsynced, then renamed over the targets, so a failed build never leaves a
half-written DOCX, PDF or PO file behind. A process killed between staging and renaming
leaves its staged files; the next run that holds the folder's lock (:func:`folder_lock`)
removes them.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path


def cache_root() -> Path:
    """The folder draftkit keeps its caches in (compiled templates, check results); safe
    to delete at any time. ``$DRAFTKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/draftkit``,
    else ``~/.cache/draftkit``."""
    explicit = os.environ.get("DRAFTKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "draftkit"


def builtin_templates_dir() -> Path:
    """The built-in templates: inside the wheel, or the repository's ``templates/``."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def find_on_path(search_path: list[Path], name: str) -> Path | None:
    """The first file called ``name`` in the folders of ``search_path`` that stays inside
    its folder once symlinks are followed (Sphinx's ``templates_path``, made safe)."""
    for folder in search_path:
        candidate = (folder / name).resolve()
        if candidate.is_file() and candidate.is_relative_to(folder):
            return candidate
    return None


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or None when it cannot be read (an output that was
    deleted, a folder in its place)."""
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _default_mode() -> int:
    # mkstemp creates files 0600; outputs should get the mode any new file would get.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


# What mkstemp makes for publish_all: ".<target name>.<8 random characters>.tmp".
_STAGED = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


@contextmanager
def folder_lock(
    folder: Path, *, clean: Iterable[Path] = (), waiting: str = ""
) -> Iterator[None]:
    """Hold ``folder``'s lock for the block: two draftkit commands writing the same folder
    run one after the other, the second saying it waits (``waiting``, on stderr). The lock
    is the operating system's on a file in draftkit's cache folder, not among the outputs:
    a POSIX record lock (lockf), which a killed process never leaves held and which its
    worker processes (a PDF renderer, press-kit workers) do not inherit, so a worker
    orphaned by ``kill -9`` cannot keep it. Once it is held, the staged files
    a killed run left in the folders ``clean`` (those this command writes into, and no
    other command does) are removed. Where there is no lockf (Windows) or no cache folder
    can be written, nothing is locked and nothing is removed."""
    import hashlib

    try:
        import fcntl

        locks = cache_root() / "locks"
        locks.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]
        handle = open(locks / f"{name}.lock", "a+b")  # noqa: SIM115 - held for the block
    except (ImportError, OSError):
        yield
        return
    with handle:
        try:
            fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # EACCES or EAGAIN: another process holds it
            if waiting:
                print(waiting, file=sys.stderr, flush=True)
            fcntl.lockf(handle.fileno(), fcntl.LOCK_EX)
        try:
            for path in clean:
                remove_stale_staging(path)
            yield
        finally:
            fcntl.lockf(handle.fileno(), fcntl.LOCK_UN)


def remove_stale_staging(folder: Path) -> list[Path]:
    """Remove the staged files a killed run left in ``folder`` (not below it); call it only
    while holding the lock of the command that writes there."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.glob(".*.tmp"):
        if _STAGED.match(path.name) and path.is_file() and not path.is_symlink():
            _discard(path)
            removed.append(path)
    return removed


def ensure_within(path: Path, root: Path) -> None:
    """Refuse ``path`` (a folder that exists or is to be made) if, once symbolic links are
    followed, it lies outside ``root``: a link left in an output folder must not make
    draftkit write, or remove, elsewhere."""
    from draftkit.errors import DraftkitError

    probe, tail = path.absolute(), Path()
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        probe, tail = probe.parent, Path(probe.name) / tail
    real = probe.resolve() / tail  # what is not there yet is made where its parent is
    if not real.is_relative_to(root.resolve()):
        raise DraftkitError(
            f"leads outside the output folder {root} (to {real})",
            path=probe,
            hint="remove the symbolic link; draftkit writes only inside its output folder",
        )


def publish_all(outputs: list[tuple[Path, bytes]], within: Path | None = None) -> None:
    """Write several files as one step: all are staged beside their targets first, and
    renamed into place only when every one was staged. A target that cannot be written
    (a folder in its place, a read-only folder) raises :class:`DraftkitError` and leaves
    every target as it was; so does one whose folder leads outside ``within``."""
    from draftkit.errors import DraftkitError

    if within is not None:
        for folder in {target.parent for target, _ in outputs}:
            ensure_within(folder, within)
    staged: list[tuple[Path, Path]] = []
    target = None
    try:
        for target, data in outputs:
            if target.is_dir():
                raise IsADirectoryError(21, "a folder is in the way", str(target))
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((Path(tmp), target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, _default_mode())
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _ in staged:
            _discard(tmp)
        where = Path(exc.filename) if exc.filename else target
        raise DraftkitError(
            f"cannot write output: {exc.strerror}",
            path=where,
            hint="check that the output folder is a writable folder",
        ) from exc


@dataclass(frozen=True)
class BuildClock:
    """The one timestamp a build stamps into its outputs.

    ``SOURCE_DATE_EPOCH`` wins when set (reproducible-builds.org); otherwise the document's
    own date is used (:meth:`for_document`), so two builds of the same input give the same
    bytes on any day, or the current time where that is what is meant (:meth:`now`).
    """

    timestamp: datetime

    @classmethod
    def from_environment(cls) -> BuildClock | None:
        """``SOURCE_DATE_EPOCH``'s time, or None when it is not set (or not a number); a
        number no date can hold is a :class:`DraftkitError` that names it."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if not (epoch and epoch.strip().isdigit()):
            return None
        try:
            return cls(datetime.fromtimestamp(int(epoch), tz=UTC))
        except (OverflowError, OSError, ValueError) as exc:
            from draftkit.errors import DraftkitError

            raise DraftkitError(
                f"SOURCE_DATE_EPOCH={epoch.strip()} is not a date Python can represent",
                hint="set it to seconds since 1970, e.g. $(git log -1 --format=%ct)",
            ) from exc

    @classmethod
    def for_document(cls, doc_date: date | None) -> BuildClock:
        """``SOURCE_DATE_EPOCH``, else the document's date, else 1980-01-01."""
        clock = cls.from_environment()
        if clock is not None:
            return clock
        if doc_date is not None:
            return cls(datetime(doc_date.year, doc_date.month, doc_date.day, tzinfo=UTC))
        return cls(datetime(1980, 1, 1, tzinfo=UTC))

    @classmethod
    def now(cls) -> BuildClock:
        """``SOURCE_DATE_EPOCH``, else the current time (a redline's changes are dated when
        they were compared)."""
        clock = cls.from_environment()
        return clock if clock is not None else cls(datetime.now(UTC))

    @property
    def epoch(self) -> int:
        return int(self.timestamp.timestamp())

    @property
    def zip_date_time(self) -> tuple[int, int, int, int, int, int]:
        # ZIP (DOS) time runs from 1980 to 2107: a document dated outside keeps its date in
        # its metadata, and its zip entries take the nearest time ZIP can hold.
        ts = min(
            max(self.timestamp, datetime(1980, 1, 1, tzinfo=UTC)),
            datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC),
        )
        return (ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second)

    def iso(self) -> str:
        return self.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def fixed_time_zip(
    entries: Iterable[tuple[str, bytes]], clock: BuildClock, *, create_system: int
) -> bytes:
    """A zip whose bytes depend on its entries only: written in the order given, every
    entry stamped with the clock's time, mode 0644 and deflated at level 6.

    ``create_system`` (0 MS-DOS, 3 Unix) is the caller's: zipfile's own default is the
    writing machine's, which would make the bytes differ between Windows and Unix.
    """
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=clock.zip_date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = create_system
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()

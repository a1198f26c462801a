"""``draftkit new``: a project that builds at once, copied from the built-in starter.

Every kind of starter is the forum starter (``templates/new-project``) with the files of
its kind laid over it (``templates/new-project-<kind>``), so settings are written once."""

from __future__ import annotations

import shutil
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.fsutil import builtin_templates_dir

STARTER = "new-project"
# The kinds of starter project (``draftkit new --kind``); the first is the default.
KINDS = ("forum", "un")
DEFAULT_KIND = KINDS[0]


def create_project(target: Path, kind: str = DEFAULT_KIND) -> Path:
    if kind not in KINDS:
        raise DraftkitError(f"unknown kind of project {kind!r}", hint="one of: " + ", ".join(KINDS))
    if target.is_symlink() and not target.exists():
        raise DraftkitError(
            f"{target} is a link to {target.readlink()}, which does not exist",
            hint="remove the link or choose a new folder name",
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "and is not empty" if target.is_dir() else "and is not a folder"
        raise DraftkitError(f"{target} already exists {what}", hint="choose a new folder name")
    source = builtin_templates_dir() / STARTER
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(source, tmp)
        if kind != DEFAULT_KIND:
            shutil.copytree(source.with_name(f"{STARTER}-{kind}"), tmp, dirs_exist_ok=True)
        if target.exists():
            target.rmdir()
        tmp.rename(target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise DraftkitError(
            f"cannot create {target}: {exc.strerror or exc}",
            hint="choose a folder you can write in",
        ) from exc
    return target

"""``draftkit new``: a project that builds at once, copied from the built-in starter."""

from __future__ import annotations

import shutil
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.project import builtin_templates_dir

STARTER = "new-project"


def create_project(target: Path) -> Path:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "and is not empty" if target.is_dir() else "and is not a folder"
        raise DraftkitError(f"{target} already exists {what}", hint="choose a new folder name")
    source = builtin_templates_dir() / STARTER
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(source, tmp)
    if target.exists():
        target.rmdir()
    tmp.rename(target)
    return target

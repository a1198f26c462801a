"""``draftkit new``: a project that builds at once, copied from the built-in starter.

The copy is finished in a temporary folder (its locales, a ``.gitignore``, a catalog per
target locale made by the project's own ``i18n extract`` and ``i18n update``) and only then
renamed into place, so a failure leaves nothing behind. Every kind of starter is the forum
starter (``templates/new-project``) with the files of its kind laid over it
(``templates/new-project-<kind>``), so settings are written once.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.fsutil import builtin_templates_dir

STARTER = "new-project"
# The kinds of starter project (``draftkit new --kind``); the first is the default.
KINDS = ("forum", "un")
DEFAULT_KIND = KINDS[0]
DEFAULT_LOCALES = ("en", "ru", "ky")

# What draftkit writes inside a project that is not source: outputs (with the press kits'
# .presskit-cache.json), temporary files of an interrupted write, Python's caches of
# plugins. A ".presskit-cache.json" line too, for a kit built with -o inside the project.
GITIGNORE = """\
# Written by draftkit: rebuild with `draftkit build` / `draftkit presskit`.
/build/
.presskit-cache.json
.*.tmp
__pycache__/
"""


def create_project(
    target: Path, locales: Sequence[str] | None = None, kind: str = DEFAULT_KIND
) -> Path:
    """A new project at ``target`` of ``kind`` with ``locales`` (default: en, ru and ky;
    the source locale, en, first) and an empty catalog for each language but English."""
    if kind not in KINDS:
        raise DraftkitError(f"unknown kind of project {kind!r}", hint="one of: " + ", ".join(KINDS))
    codes = checked_locales(locales or DEFAULT_LOCALES)
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
        finish_project(tmp, codes)
        if target.exists():
            target.rmdir()
        tmp.rename(target)
    except DraftkitError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise DraftkitError(
            f"cannot create {target}: {exc.strerror or exc}",
            hint="choose a folder you can write in",
        ) from exc
    return target


def checked_locales(codes: Sequence[str]) -> list[str]:
    """Language codes Babel knows, the source locale (en) first, each once."""
    from babel import Locale, UnknownLocaleError

    result = ["en"]
    for code in codes:
        code = code.strip()
        try:
            Locale.parse(code)
        except (UnknownLocaleError, ValueError) as exc:
            raise DraftkitError(
                f"unknown language {code!r}",
                hint="give language codes such as en, ru, ky, fr, comma-separated",
            ) from exc
        if code not in result:
            result.append(code)
    return result


def finish_project(root: Path, locales: Sequence[str]) -> None:
    """Set the project's locales, write its ``.gitignore``, and make the catalogs
    (``locales/messages.pot`` and a PO file per target locale) as ``draftkit i18n extract``
    and ``draftkit i18n update`` would, so ``draftkit i18n status`` works at once."""
    from draftkit.i18n.extract import extract
    from draftkit.i18n.update import update
    from draftkit.project import Project

    config = root / "draftkit.toml"
    listed = ", ".join(f'"{code}"' for code in locales)
    text, found = re.subn(
        r"^locales = \[[^\]\n]*\]",
        f"locales = [{listed}]",
        config.read_text("utf-8"),
        count=1,
        flags=re.MULTILINE,
    )
    if not found:  # the starter's own file: a test keeps it in this form
        raise DraftkitError("the starter's draftkit.toml has no locales line", path=config)
    config.write_text(text, encoding="utf-8")
    (root / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    project = Project.load(root)
    if project.target_locales:
        extract(project)
        update(project)

"""Running the ``draftkit`` CLI as a user would, and a tiny project to break one thing in.

Every test builds its project in ``tmp_path`` from :data:`BASE` (a minimal project that
checks and builds cleanly), changes one file, runs ``python -m draftkit`` in a subprocess
and checks what the user sees: one ``error: file:line: message (hint: ...)`` line per
problem on stderr, exit status 1, no traceback, nothing written.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CONFIG = """\
[project]
name = "cli test"
source_locale = "en"
locales = ["en"]
output = "build"
sources = ["sources.yaml"]

[build]
formats = ["docx", "pdf"]
style = "plain"
"""

CLAUSES = """\
clauses:
  - id: recognize-role
    kind: preambular
    lead: Recognizing
    title: Role of women
    text: the role of women in {country}[^sdg-5]
    tags: [gender]
    params:
      country: {help: "country name"}

  - id: calls-upon
    kind: operative
    lead: Calls upon
    text: all partners to act in {city}, in particular
    tags: [gender, leadership]
    params:
      city: {help: "filled in from the document"}
    items:
      - text: in local councils
      - text: in national policy-making
"""

SOURCES = """\
sources:
  - id: sdg-5
    title: "Goal 5: Gender equality"
    publisher: United Nations
    url: https://sdgs.un.org/goals/goal5
"""

DOCUMENT = """\
template: resolution
title: RESOLUTION OF THE FORUM
forum: Test Forum
date: 2026-01-15
place: Bishkek
city: Bishkek
preamble:
  - {clause: recognize-role, params: {country: the Kyrgyz Republic}}
chapeau: {text: "The participants of the forum:"}
operative:
  - calls-upon
signature:
  by: Participants of the Forum
  place: Bishkek
"""

BASE = {
    "draftkit.toml": CONFIG,
    "clauses/x.yaml": CLAUSES,
    "sources.yaml": SOURCES,
    "documents/d.yaml": DOCUMENT,
}

# The commands a bad input is run through: validation, and a build that would render
# (HTML keeps it cheap; the error must come before any writer runs).
CHECK = ("check",)
BUILD = ("build", "-f", "html")


def env() -> dict[str, str]:
    """The environment of a CLI run: no forced colours or terminal, one timestamp."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS")
    }
    clean["NO_COLOR"] = "1"
    clean["SOURCE_DATE_EPOCH"] = "1767225600"
    return clean


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "draftkit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
    )


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line number of the ``nth`` line of ``text`` that contains ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not found {nth} time(s) in fixture text"
    return hits[nth - 1]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"fixture edit: {old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


@dataclass
class Project:
    """A project folder under ``tmp_path``: write, edit, run, inspect."""

    root: Path

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def read(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> str:
        """Replace ``old`` (which must occur once) by ``new``; return the new text."""
        text = replace_once(self.read(name), old, new)
        self.write(name, text)
        return text

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run(*args, cwd=self.root)

    def files(self, folder: str = "build") -> dict[str, bytes]:
        base = self.root / folder
        if not base.exists():
            return {}
        return {
            str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()
        }


def make_project(root: Path, files: dict[str, str | None] | None = None) -> Project:
    """:data:`BASE` with ``files`` written over it (``None`` removes a file)."""
    root.mkdir(parents=True, exist_ok=True)
    project = Project(root)
    merged: dict[str, str | None] = {**BASE, **(files or {})}
    for name, text in merged.items():
        if text is not None:
            project.write(name, text)
    return project


def builtin_template(name: str = "resolution.xml.j2") -> str:
    return (REPO / "templates" / name).read_text(encoding="utf-8")


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stderr.splitlines()


def assert_fails_cleanly(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Exit status 1, no traceback, every stderr line an ``error:`` line; return them."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = error_lines(result)
    assert lines, "no error reported on stderr"
    assert all(line.startswith("error: ") for line in lines), lines
    return lines


def assert_one_error(
    result: subprocess.CompletedProcess[str],
    where: str,
    message: str,
    hint: str | None = None,
    *,
    exact: bool = True,
) -> str:
    """Exactly one problem reported, at ``where`` (``file:line``), saying ``message``.

    ``exact``: the message is the whole text between the location and the hint;
    otherwise it need only contain ``message``. ``hint``: the line ends with
    ``(hint: ...)`` and the hint contains this text (wording around it may change);
    ``None`` accepts a line with or without a hint.
    """
    lines = assert_fails_cleanly(result)
    assert len(lines) == 1, lines
    line = lines[0]
    prefix = f"error: {where}: "
    assert line.startswith(prefix), f"expected {prefix!r}, got {line!r}"
    body = line[len(prefix) :]
    found = re.search(r" \(hint: (.*)\)$", body)
    if hint is not None:
        assert found, f"expected a hint in {line!r}"
        assert hint in found.group(1), f"expected hint {hint!r} in {line!r}"
    if found:
        body = body[: found.start()]
    if exact:
        assert body == message, f"expected {message!r}, got {body!r}"
    else:
        assert message in body, f"expected {message!r} in {body!r}"
    return line

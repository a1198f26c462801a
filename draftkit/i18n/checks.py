"""``draftkit i18n check``: quality checks on translations, Weblate-style.

Each check has an id; a translator silences it for one entry with the flag
``#, ignore-<id>`` (e.g. ``ignore-same`` for a name that stays as it is). A PO file is read
strictly first (a syntax error stops everything, with its line), then every translated or
fuzzy entry runs through the checks, and ``msgfmt --check`` runs on the file when GNU
gettext is installed. With a term base, the ``terms`` check reports a source term whose
approved translation is missing, and a forbidden variant (:mod:`draftkit.terms.review`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from draftkit.i18n.catalogs import catalog_path, read_catalog
from draftkit.i18n.typography import RULES
from draftkit.library.markup import MarkupError, parse
from draftkit.locale import profile
from draftkit.model.nodes import Emph, Inline, Link, Strong, walk
from draftkit.project import Project
from draftkit.terms.review import Reviewer

# No '[' inside, as the markup's own rule: linear on "[^[^[^…".
_NOTE = re.compile(r"\[\^[^\][\n]*\]")
_BRACE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_PERCENT = re.compile(r"%(?:\([A-Za-z_][A-Za-z0-9_]*\))?[#0 +-]?\d*(?:\.\d+)?[sdifr%]")
_URL = re.compile(r"(?:https?://|mailto:)[^\s)\]>\"«»]+")
_NUMBER = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Problem:
    check: str
    path: Path
    line: int | None
    lang: str
    message: str
    severity: str = "error"
    hint: str | None = None

    def format(self, root: Path) -> str:
        try:
            shown = self.path.resolve().relative_to(root)
        except ValueError:
            shown = self.path
        where = f"{shown}:{self.line}" if self.line else str(shown)
        text = f"{where}: [{self.lang}] {self.check}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class Check:
    id = ""
    # What the translator does about it; a check may give a closer one per problem.
    hint = ""

    def run(self, source: str, target: str) -> str | None:
        raise NotImplementedError


class SameTokens(Check):
    """The translation carries the same tokens (of one kind) as the source."""

    pattern: re.Pattern[str]
    what = ""

    def run(self, source: str, target: str) -> str | None:
        want, got = Counter(self.pattern.findall(source)), Counter(self.pattern.findall(target))
        if want == got:
            return None
        lost = ", ".join(sorted((want - got).elements()))
        added = ", ".join(sorted((got - want).elements()))
        parts = [f"missing {lost}" if lost else "", f"unexpected {added}" if added else ""]
        return f"{self.what} differ from the source: " + "; ".join(p for p in parts if p)


class NoteReferences(SameTokens):
    id, pattern, what = "noterefs", _NOTE, "note references"
    hint = "keep every [^note] of the source, where it fits the translation"


class Placeholders(SameTokens):
    id, what = "placeholders", "parameters"
    hint = "keep every {parameter} of the source as written: its name is not translated"
    pattern = re.compile(f"{_BRACE.pattern}|{_PERCENT.pattern}")


class Urls(SameTokens):
    id, pattern, what = "urls", _URL, "URLs"
    hint = "keep the source's addresses"


class Numbers(SameTokens):
    id, pattern, what = "numbers", _NUMBER, "numbers"
    hint = "write the source's numbers, or add the flag ignore-numbers if intended"


class Markup(Check):
    id = "markup"
    hint = "write the markup as the source does: *emphasis*, [text](https://…), [^source-id]"

    def run(self, source: str, target: str) -> str | None:
        try:
            translated = parse(target)
        except MarkupError as exc:
            return f"not valid markup: {exc}"
        try:
            original = parse(source)
        except MarkupError:
            return None  # the source's own error is reported at the source
        # An unclosed * or ] is not an error in CommonMark: it prints as itself. Counting
        # what the two texts make shows it.
        want, got = _shapes(original), _shapes(translated)
        if want != got:
            return (
                f"emphasis and links differ from the source ({_describe(want)} in the source,"
                f" {_describe(got)} here); an unclosed * or ] prints as itself"
            )
        return None


def _shapes(inlines: list[Inline]) -> Counter[str]:
    names = {Emph: "emphasis", Strong: "strong", Link: "link"}
    return Counter(names[type(n)] for n in walk(inlines) if type(n) in names)


def _describe(shapes: Counter[str]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in sorted(shapes.items())) or "none"


class Untranslated(Check):
    id = "same"
    hint = "translate it, or add the flag ignore-same if it is the same in this language"

    def run(self, source: str, target: str) -> str | None:
        words = _NOTE.sub("", _URL.sub("", Placeholders.pattern.sub("", source)))
        if target.strip() == source.strip() and _LETTER.search(words):
            return "the translation is identical to the source"
        return None


CHECKS: tuple[Check, ...] = (
    NoteReferences(),
    Placeholders(),
    Urls(),
    Numbers(),
    Markup(),
    Untranslated(),
)


def _forms(value: str | tuple[str, ...] | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _raw_plural_counts(path: Path) -> dict[int, int]:
    """msgstr[N] lines per entry, by the line of its msgid: Babel pads missing plural forms
    when reading, so a translation with 2 of 3 forms is only visible in the file itself."""
    counts: dict[int, int] = {}
    start = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("msgid "):
            start = number
        elif line.startswith("msgstr["):
            counts[start] = counts.get(start, 0) + 1
    return counts


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:49] + "…"


def check_catalog(path: Path, lang: str, terms: Reviewer | None = None) -> Iterator[Problem]:
    catalog = read_catalog(path, locale=lang)
    plurals = _raw_plural_counts(path)
    locale = profile(lang)
    for message in catalog:
        if not message.id:
            continue
        flags = set(message.flags)
        sources = _forms(message.id)
        targets = _forms(message.string)
        line = message.lineno
        if not any(targets):
            if "ignore-untranslated" not in flags:
                yield Problem(
                    "untranslated",
                    path,
                    line,
                    lang,
                    f"no translation yet: {_short(sources[0])!r}",
                    severity="warning",
                )
            continue
        if isinstance(message.id, tuple | list):
            expected = catalog.num_plurals
            found = plurals.get(line or 0, len(targets))
            if found != expected and "ignore-plurals" not in flags:
                yield Problem(
                    "plurals",
                    path,
                    line,
                    lang,
                    f"{found} plural form(s), {lang} needs {expected}",
                    hint="write one msgstr[N] for each of the language's plural forms",
                )
        if message.fuzzy:
            yield Problem(
                "fuzzy",
                path,
                line,
                lang,
                "fuzzy: check the translation and remove the fuzzy flag",
                severity="warning",
            )
        for index, target in enumerate(targets):
            if not target:
                continue
            source = sources[min(index, len(sources) - 1)]
            for check in CHECKS:
                if f"ignore-{check.id}" in flags:
                    continue
                problem = check.run(source, target)
                if problem:
                    yield Problem(check.id, path, line, lang, problem, hint=check.hint or None)
            if terms is not None and "ignore-terms" not in flags:
                for found in terms.review(source, target).findings:
                    yield Problem("terms", path, line, lang, found.message, found.severity)
            for rule_id, rule in RULES.items():
                if f"ignore-{rule_id}" not in flags:
                    for text in rule(target, locale):
                        yield Problem(rule_id, path, line, lang, text, severity="warning")
    for message, errors in catalog.check():
        for error in errors:
            yield Problem("python-format", path, message.lineno, lang, str(error))
    yield from _msgfmt(path, lang)


_MSGFMT_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<message>.*)$")


def _msgfmt(path: Path, lang: str) -> Iterator[Problem]:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    for text in result.stderr.splitlines():
        if "warning:" in text or text.startswith("msgfmt: found"):
            continue
        found = _MSGFMT_LINE.match(text)
        yield Problem(
            "msgfmt",
            path,
            int(found["line"]) if found else None,
            lang,
            found["message"] if found else text,
        )


def check_project_catalogs(project: Project, langs: list[str] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    base = project.termbase()
    source_lang = project.config.source_locale
    for lang in langs or project.target_locales:
        path = catalog_path(project.locales_dir, lang)
        if not path.is_file():
            problems.append(
                Problem("catalog", path, None, lang, "no catalog: run 'draftkit i18n update'")
            )
            continue
        terms = Reviewer(base, source_lang, lang) if base else None
        problems.extend(check_catalog(path, lang, terms))
    return problems

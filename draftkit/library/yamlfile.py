"""Reading YAML content files with line numbers, as data only.

ruamel.yaml's round-trip loader keeps the line of every key and item, which is what lets
every error name ``file:line``. It builds plain mappings, sequences and scalars only: a
``!!python/object`` tag or any other custom tag is rejected, never constructed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from draftkit.errors import InputError


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass(frozen=True)
class Node:
    """A value from a YAML file together with where it came from."""

    value: Any
    path: Path
    line: int

    def error(self, message: str, hint: str | None = None) -> InputError:
        return InputError(message, path=self.path, line=self.line, hint=hint)

    # mapping access --------------------------------------------------------------
    def is_mapping(self) -> bool:
        return isinstance(self.value, CommentedMap)

    def keys(self) -> list[str]:
        return [str(k) for k in self.value] if self.is_mapping() else []

    def get(self, key: str) -> Node | None:
        if not self.is_mapping() or key not in self.value:
            return None
        return Node(self.value[key], self.path, _key_line(self.value, key, self.line))

    def require(self, key: str, what: str) -> Node:
        node = self.get(key)
        if node is None or node.value is None:
            raise self.error(f"{what} has no '{key}'", hint=f"add '{key}:'")
        return node

    def items(self) -> list[tuple[str, Node]]:
        return [(str(k), self.get(k)) for k in self.value] if self.is_mapping() else []  # type: ignore[misc]

    # sequence access -------------------------------------------------------------
    def is_sequence(self) -> bool:
        return isinstance(self.value, CommentedSeq)

    def elements(self) -> list[Node]:
        if not self.is_sequence():
            return []
        seq: CommentedSeq = self.value
        return [Node(v, self.path, _item_line(seq, i, self.line)) for i, v in enumerate(seq)]

    # scalars ---------------------------------------------------------------------
    def text(self, what: str) -> str:
        if isinstance(self.value, bool) or not isinstance(self.value, str | int | float):
            raise self.error(f"{what} must be text, not {_describe(self.value)}")
        return str(self.value)

    def text_list(self, what: str) -> list[str]:
        if self.value is None:
            return []
        if isinstance(self.value, str):
            return [self.value]
        if not self.is_sequence():
            raise self.error(f"{what} must be a list, not {_describe(self.value)}")
        return [e.text(what) for e in self.elements()]

    def check_keys(self, allowed: set[str], what: str) -> None:
        for key in self.keys():
            if key not in allowed:
                raise self.get(key).error(  # type: ignore[union-attr]
                    f"unknown field {key!r} in {what}",
                    hint="allowed: " + ", ".join(sorted(allowed)),
                )


def _key_line(mapping: CommentedMap, key: Any, default: int) -> int:
    try:
        return mapping.lc.key(key)[0] + 1
    except (KeyError, TypeError, AttributeError):
        return default


def _item_line(seq: CommentedSeq, index: int, default: int) -> int:
    try:
        return seq.lc.item(index)[0] + 1
    except (KeyError, TypeError, AttributeError, IndexError):
        return default


def _describe(value: Any) -> str:
    if isinstance(value, CommentedMap):
        return "a mapping"
    if isinstance(value, CommentedSeq):
        return "a list"
    if value is None:
        return "empty"
    return type(value).__name__


def _reject_tags(value: Any, path: Path, line: int = 1) -> None:
    # Round-trip loading never constructs Python objects, but a tag still changes what a
    # value means; content is plain data, so any explicit tag is refused.
    tag = getattr(getattr(value, "tag", None), "value", None)
    if tag is not None or isinstance(value, TaggedScalar):
        raise InputError(
            f"YAML tag {tag or '!'} is not allowed",
            path=path,
            line=line,
            hint="content files are plain data: remove the '!' tag",
        )
    if isinstance(value, CommentedMap):
        for k, v in value.items():
            _reject_tags(v, path, _key_line(value, k, line))
    elif isinstance(value, CommentedSeq):
        for i, v in enumerate(value):
            _reject_tags(v, path, _item_line(value, i, line))


_HINTS = {
    "found duplicate key": "a key may appear once per mapping: remove or rename the repeated one",
    "found character '\\t'": "YAML indents with spaces, not tabs",
}


def _hint_for(problem: str) -> str:
    for start, hint in _HINTS.items():
        if problem.startswith(start):
            return hint
    return "check indentation and quoting; values containing ': ' or starting with '[' need quotes"


_DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:-])")


def _impossible_date(source: str) -> tuple[int | None, str | None]:
    """The first date-shaped value that is no date (ruamel's error does not say where)."""
    for number, text in enumerate(source.splitlines(), start=1):
        for match in _DATE_LIKE.finditer(text.split(" #")[0]):
            try:
                date(*(int(part) for part in match.groups()))
            except ValueError:
                return number, match.group(0)
    return None, None


def load_yaml(path: Path, text: str | None = None) -> Node:
    """Parse one YAML file into a :class:`Node`; malformed YAML raises :class:`InputError`."""
    try:
        source = text if text is not None else path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text ({exc.reason})", path=path, hint="save it as UTF-8"
        ) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from exc
    try:
        data = _yaml().load(source)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and any(
            word in (exc.context or "") for word in ("flow", "quoted")
        ):
            # An unclosed [ { or quote is noticed lines later: point at where it opens.
            mark = exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            f"malformed YAML: {problem}",
            path=path,
            line=line,
            hint=_hint_for(problem),
        ) from exc
    except YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", path=path) from exc
    except ValueError as exc:  # e.g. 2026-02-30 looks like a date but is none
        line, value = _impossible_date(source)
        raise InputError(
            f"{value!r} is not a valid date ({exc})" if value else f"invalid value: {exc}",
            path=path,
            line=line,
            hint="dates are written YYYY-MM-DD and must exist",
        ) from exc
    _reject_tags(data, path)
    return Node(data, path, 1)

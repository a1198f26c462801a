"""Reading YAML content files with line numbers, as data only.

PyYAML's composer (libyaml's C parser when available) gives every node its line, which
is what lets every error name ``file:line``. Nodes become plain mappings, lists and
scalars of YAML 1.2's core schema (``yes``/``no`` stay text, as in YAML 1.2; dates are
dates). Only plain data is accepted: an explicit tag other than a core one (``!!python/…``,
``!custom``), a merge key and an anchor/alias are refused, never constructed, so a content
file cannot build objects or blow up by alias expansion.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from draftkit.errors import InputError
from draftkit.textfile import os_error_hint, read_utf8

try:  # libyaml: about ten times faster than the pure-Python parser
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """YAML 1.2 core schema resolution (PyYAML alone resolves YAML 1.1's)."""


_Loader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
    (
        "tag:yaml.org,2002:timestamp",
        r"^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
        r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
        list("0123456789"),
    ),
):
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)

_PLAIN = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}
# Characters XML 1.0 cannot hold (tab, line feed and carriage return it can).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class WrittenInt(int):
    """A number that prints as the file wrote it.

    A phone number ``0312654321`` is an integer to YAML; PyYAML's constructor would even
    read it as octal (53172433, YAML 1.1), and ``+996…`` or ``0x1F`` would lose their form.
    Where a number is used as text (a phone, a parameter, a role) it must stay exactly what
    the drafter typed; where it is a number (a font size), it is one, by YAML 1.2's rules.
    """

    source: str

    def __new__(cls, source: str) -> WrittenInt:
        digits = source.lstrip("+-")
        if digits.startswith("0o"):
            value = int(digits[2:], 8)
        elif digits.startswith("0x"):
            value = int(digits[2:], 16)
        else:
            value = int(digits, 10)  # YAML 1.2: a leading 0 is not octal
        number = super().__new__(cls, -value if source.startswith("-") else value)
        number.source = source
        return number

    def __str__(self) -> str:
        return self.source


class WrittenFloat(float):
    """A float that prints as the file wrote it (``1e3`` stays ``1e3``, not 1000.0)."""

    source: str

    def __new__(cls, source: str) -> WrittenFloat:
        special = {".inf": "inf", "-.inf": "-inf", "+.inf": "inf", ".nan": "nan"}
        number = super().__new__(cls, float(special.get(source.lower(), source)))
        number.source = source
        return number

    def __str__(self) -> str:
        return self.source


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class LinedMap(dict):
    """A mapping that remembers the line of each key."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}


class LinedList(list):
    """A list that remembers the line of each item."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []


class _Refused(Exception):
    def __init__(self, message: str, line: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.line, self.hint = message, line, hint


class _Builder:
    """Nodes to plain values, refusing anything that is not plain data."""

    def __init__(self) -> None:
        self.constructor = SafeConstructor()
        self.seen: set[int] = set()

    def value(self, node: yaml.Node, line: int | None = None) -> Any:
        """``line``: where the node is used (an alias's node starts at its anchor)."""
        if id(node) in self.seen:
            raise _Refused(
                "YAML anchors and aliases (&name, *name) are not allowed",
                line or node.start_mark.line + 1,
                "write the value out where it is used",
            )
        self.seen.add(id(node))
        line = node.start_mark.line + 1
        if isinstance(node, ScalarNode):
            if node.tag not in _PLAIN:
                raise _tag(node.tag, line)
            if node.tag == _INT:
                return WrittenInt(node.value)
            if node.tag == _FLOAT:
                return WrittenFloat(node.value)
            bad = _NOT_TEXT.search(node.value)
            if bad:
                # Written as an escape ("\x01") in a quoted string: no document can hold it
                # (XML forbids it), and it would surface later blamed on a template.
                raise _Refused(
                    f"a control character (U+{ord(bad.group()):04X}) is not allowed in text",
                    line,
                    "remove the escape; a line break is a new line in the YAML",
                )
            return self.constructor.construct_object(node)
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                raise _tag(node.tag, line)
            mapping = LinedMap()
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or (
                    isinstance(key_node, ScalarNode)
                    and key_node.value == "<<"
                    and not key_node.style
                ):
                    raise _Refused(
                        "YAML merge keys (<<) are not allowed",
                        key_node.start_mark.line + 1,
                        "write the keys out",
                    )
                if not isinstance(key_node, ScalarNode):
                    raise _Refused(
                        "a mapping key must be plain text",
                        key_node.start_mark.line + 1,
                        "write the key as text",
                    )
                # Keys are names (fields, parameters, ids): a key written 1, ~, true or
                # 2025-01-01 is that text, so that it is reported as an unknown field at
                # its line instead of failing every lookup by name.
                self.value(key_node)  # refuses tags and aliases as for any other node
                key = key_node.value
                key_line = key_node.start_mark.line + 1
                if key in mapping:
                    raise _Refused(
                        f'malformed YAML: found duplicate key "{key}"',
                        key_line,
                        "a key may appear once per mapping: remove or rename the repeated one",
                    )
                mapping[key] = self.value(value_node, key_line)
                mapping.lines[key] = key_line
            return mapping
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                raise _tag(node.tag, line)
            seq = LinedList()
            for item in node.value:
                item_line = item.start_mark.line + 1
                seq.append(self.value(item, item_line))
                seq.lines.append(item_line)
            return seq
        raise _Refused("unsupported YAML node", line, "content files are plain data")


def _tag(tag: str, line: int) -> _Refused:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return _Refused(
        f"YAML tag {shown} is not allowed",
        line,
        "content files are plain data: remove the '!' tag",
    )


@dataclass(frozen=True)
class Node:
    """A value from a YAML file together with where it came from."""

    value: Any
    path: Path
    line: int
    # Where the fields of this file are described (e.g. "docs/document-spec.md"): hints
    # for unknown fields point there.
    reference: str = field(default="", compare=False)

    def error(self, message: str, hint: str | None = None) -> InputError:
        # Every error says what to do: at least where the file's fields are described.
        if hint is None and self.reference:
            hint = f"see {self.reference}"
        return InputError(message, path=self.path, line=self.line, hint=hint)

    # mapping access --------------------------------------------------------------
    def is_mapping(self) -> bool:
        return isinstance(self.value, LinedMap)

    def keys(self) -> list[str]:
        return [str(k) for k in self.value] if self.is_mapping() else []

    def get(self, key: str) -> Node | None:
        if not self.is_mapping() or key not in self.value:
            return None
        return Node(
            self.value[key], self.path, _key_line(self.value, key, self.line), self.reference
        )

    def require(self, key: str, what: str) -> Node:
        node = self.get(key)
        if node is None or node.value is None:
            raise self.error(f"{what} has no '{key}'", hint=f"add '{key}:'")
        return node

    def items(self) -> list[tuple[str, Node]]:
        return [(str(k), self.get(k)) for k in self.value] if self.is_mapping() else []  # type: ignore[misc]

    # sequence access -------------------------------------------------------------
    def is_sequence(self) -> bool:
        return isinstance(self.value, LinedList)

    def elements(self) -> list[Node]:
        if not self.is_sequence():
            return []
        seq: LinedList = self.value
        return [
            Node(v, self.path, _item_line(seq, i, self.line), self.reference)
            for i, v in enumerate(seq)
        ]

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
                close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'? " if close else ""
                hint += "allowed: " + ", ".join(sorted(allowed))
                if self.reference:
                    hint += f" (see {self.reference})"
                node = self.get(key)
                assert node is not None
                raise node.error(f"unknown field {key!r} in {what}", hint=hint)


def _key_line(mapping: LinedMap, key: Any, default: int) -> int:
    return mapping.lines.get(key, default)


def _item_line(seq: LinedList, index: int, default: int) -> int:
    return seq.lines[index] if index < len(seq.lines) else default


def _describe(value: Any) -> str:
    if isinstance(value, LinedMap):
        return "a mapping"
    if isinstance(value, LinedList):
        return "a list"
    if value is None:
        return "empty"
    return type(value).__name__


_HINTS = {
    "found duplicate key": "a key may appear once per mapping: remove or rename the repeated one",
    "found character '\\t'": "YAML indents with spaces, not tabs",
    "found a tab character": "YAML indents with spaces, not tabs",
}


def _hint_for(problem: str) -> str:
    for start, hint in _HINTS.items():
        if problem.startswith(start):
            return hint
    return "check indentation and quoting; values containing ': ' or starting with '[' need quotes"


_DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:-])")


def _impossible_date(source: str) -> tuple[int | None, str | None]:
    """The first date-shaped value that is no date (the parser's error does not say where)."""
    for number, text in enumerate(source.splitlines(), start=1):
        for match in _DATE_LIKE.finditer(text.split(" #")[0]):
            try:
                date(*(int(part) for part in match.groups()))
            except ValueError:
                return number, match.group(0)
    return None, None


def load_yaml(path: Path, text: str | None = None, reference: str = "") -> Node:
    """Parse one YAML file into a :class:`Node`; malformed YAML raises :class:`InputError`.
    ``reference``: the document that describes the file's fields, named by hints."""
    try:
        source = text if text is not None else read_utf8(path)
    except OSError as exc:
        raise InputError(
            f"cannot read: {exc.strerror}", path=path, hint=os_error_hint(exc)
        ) from None
    try:
        node = yaml.compose(source, Loader=_Loader)
        data = _Builder().value(node) if node is not None else None
    except _Refused as exc:
        raise InputError(exc.message, path=path, line=exc.line, hint=exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and any(
            word in (exc.context or "") for word in ("flow", "quoted")
        ):
            # An unclosed [ { or quote is noticed lines later: point at where it opens.
            mark = exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        hint = _hint_for(problem)
        if line is not None and "\t" in "".join(source.splitlines()[max(line - 2, 0) : line]):
            hint = _HINTS["found a tab character"]  # libyaml does not always say it was a tab
        raise InputError(f"malformed YAML: {problem}", path=path, line=line, hint=hint) from exc
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (NUL, other C0 controls): its position is a
        # character index, not a mark.
        line = source[: exc.position].count("\n") + 1
        raise InputError(
            f"U+{exc.character:04X} is a control character YAML does not allow"
            if isinstance(exc.character, int)
            else f"malformed YAML: {exc.reason}",
            path=path,
            line=line,
            hint="remove it; it is invisible in most editors",
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", path=path) from exc
    except ValueError as exc:  # e.g. 2026-02-30 looks like a date but is none
        line, value = _impossible_date(source)
        raise InputError(
            f"{value!r} is not a valid date ({exc})" if value else f"invalid value: {exc}",
            path=path,
            line=line,
            hint="dates are written YYYY-MM-DD and must exist",
        ) from exc
    return Node(data, path, 1, reference)

"""The YAML an import writes, laid out as drafters write it: one clause after another with
a blank line between, lists indented under their key, keys in the order of the docs, long
texts folded over lines.

The layout is written here; every scalar is quoted (or not) by libyaml's emitter, which
quotes anything YAML could read as another type (a superset of what YAML 1.2's core
schema needs). PyYAML's pure-Python emitter took 4 s over a 100-page resolution; libyaml
writes the scalars in a tenth of that. Every text is read back by draftkit's loaders
before it is written.
"""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

_WIDTH = 96


def _scalar(value: Any, indent: int) -> str:
    """``value`` as YAML, continuation lines indented under its key."""
    text = yaml.dump(
        value, Dumper=_Dumper, allow_unicode=True, width=max(_WIDTH - indent, 40)
    ).rstrip("\n")
    if text.endswith("\n..."):
        text = text[: -len("\n...")]
    lines = text.split("\n")
    return "\n".join([lines[0], *(" " * (indent + 2) + line.lstrip() for line in lines[1:])])


def _lines(value: Any, indent: int) -> list[str]:
    """The lines of a mapping's body or a list's items at ``indent``."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                out.append(f"{pad}{key}:")
                out += _lines(item, indent + 2)
            else:
                out.append(f"{pad}{key}: {_scalar(item, indent)}")
    else:
        for item in value:
            if isinstance(item, dict) and item:
                body = _lines(item, indent + 2)
                out.append(f"{pad}- {body[0].lstrip()}")
                out += body[1:]
            else:
                out.append(f"{pad}- {_scalar(item, indent + 2)}")
    return out


def _entries(items: list[dict[str, Any]]) -> str:
    return "\n".join("\n".join(_lines([item], 2)) + "\n" for item in items)


def clause_file(clauses: list[dict[str, Any]], origin: str) -> str:
    return f"# {origin}\nclauses:\n" + _entries(clauses)


def source_entries(sources: list[tuple[str, dict[str, Any]]]) -> str:
    return _entries([{"id": sid, **entry} for sid, entry in sources])


def document_file(document: dict[str, Any], origin: str) -> str:
    return f"# {origin}\n" + "\n".join(_lines(document, 0)) + "\n"

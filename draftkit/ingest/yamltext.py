"""The YAML an import writes, laid out as drafters write it: one clause after another with
a blank line between, keys in the order of the docs, long texts as folded blocks.

PyYAML's emitter does the quoting (it quotes anything YAML could read as another type,
a superset of what YAML 1.2's core schema needs); every text is read back by draftkit's
loaders before it is written.
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

_WIDTH = 96


class _Dumper(yaml.SafeDumper):
    """Sequences indented under their key, as in the example project."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=_WIDTH,
        default_flow_style=False,
    )


def _entries(items: list[dict[str, Any]]) -> str:
    return "\n".join(textwrap.indent(_dump([item]), "  ") for item in items)


def clause_file(clauses: list[dict[str, Any]], origin: str) -> str:
    return f"# {origin}\nclauses:\n" + _entries(clauses)


def source_entries(sources: list[tuple[str, dict[str, Any]]]) -> str:
    return _entries([{"id": sid, **entry} for sid, entry in sources])


def document_file(document: dict[str, Any], origin: str) -> str:
    return f"# {origin}\n" + _dump(document)

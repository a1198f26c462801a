"""The import graph of draftkit: one direction, no cycles, no private names across modules.

Layers, lowest first. A module may import from its own package and from lower layers
only; packages side by side in one layer do not import each other. This is the
flow of docs/architecture.md: inputs and model at the bottom, writers beside the content
loaders, the pipeline over them, features over the pipeline, the API over everything and
the CLI on top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "draftkit"

LAYERS: list[set[str]] = [
    {"errors"},
    {"textfile"},  # reading the user's text files
    {"draftkit", "fsutil", "yamlfile", "plugins"},  # version, files, YAML, entry points
    {"model"},  # the document model
    {"locale"},  # locale profiles
    {"library", "render", "terms"},  # content loaders; writers; term bases (TBX, matching)
    {"project"},  # a project's settings, folders and content
    {"i18n"},  # catalogs
    {"assemble"},  # template → model → transforms
    {"pipeline"},  # kinds, load → assemble → write
    {"checking", "uptodate", "presskit", "diff", "scaffold", "syscheck", "ingest"},  # features
    {"review"},  # a reviewed DOCX back into the project: reuses the diff's word diff
    {"api"},  # what the CLI does, for Python callers
    {"serve"},  # the live preview: a caller of the API, as the CLI is
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}
# Lower, but still not to be imported: assembly makes the model and the writers read it,
# and neither knows the other (pandoc's readers and writers meet only in the AST).
# Press kits build documents through the pipeline, as `draftkit build` does, never by
# calling assembly themselves.
APART = {("assemble", "render"), ("render", "assemble"), ("presskit", "assemble")}


def allowed(source: str, target: str) -> bool:
    return RANK[target] < RANK[source] and (source, target) not in APART


def unit(module: str) -> str:
    """``draftkit.render.docx.writer`` → ``render``; ``draftkit`` → ``draftkit``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def imports(path: Path) -> Iterator[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every draftkit import, those under
    ``if TYPE_CHECKING`` and inside functions included: a dependency is a dependency."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] == "draftkit":
                yield node.module, [a.name for a in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "draftkit":
                    yield alias.name, [], node.lineno


def edges() -> list[tuple[str, str, str]]:
    """(importing unit, imported unit, where) for imports between units."""
    found = []
    for module, path in modules():
        for target, _names, line in imports(path):
            if unit(module) != unit(target):
                found.append((unit(module), unit(target), f"{module}:{line}"))
    return found


def test_every_unit_has_a_layer() -> None:
    units = {unit(module) for module, _ in modules()}
    assert units <= set(RANK), f"add {sorted(units - set(RANK))} to LAYERS"


def test_imports_go_down_the_layers_only() -> None:
    wrong = [
        f"{where}: {source} imports {target}"
        for source, target, where in edges()
        if not allowed(source, target)
    ]
    assert not wrong, "\n".join(wrong)


def test_there_is_no_import_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for source, target, _where in edges():
        graph.setdefault(source, set()).add(target)

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    return [*trail, start]
                if nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
        return None

    cycles = [c for c in map(cycle_from, sorted(graph)) if c]
    assert not cycles, " ; ".join(" → ".join(c) for c in cycles)


def test_no_module_imports_another_module_s_private_names() -> None:
    wrong = [
        f"{module}:{line}: {name} from {target}"
        for module, path in modules()
        for target, names, line in imports(path)
        for name in names
        if name.startswith("_") and not name.startswith("__") and target != module
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("render", "library"),
        ("library", "i18n"),
        ("assemble", "render"),
        ("presskit", "assemble"),
        ("render", "project"),
        ("model", "render"),
    ],
)
def test_the_checker_refuses_the_back_edges_a_review_found(source: str, target: str) -> None:
    assert not allowed(source, target)


def test_the_typography_page_shows_the_profiles_as_they_are() -> None:
    from draftkit.locale.builtin import PROFILES
    from draftkit.locale.table import markdown_table

    page = (PACKAGE.parent / "docs" / "typography.md").read_text(encoding="utf-8")
    start = page.index("-->\n", page.index("<!-- generated from the profiles")) + 4
    end = page.index("<!-- end of generated table -->")
    assert page[start:end] == markdown_table(PROFILES), "run python -m draftkit.locale.table"

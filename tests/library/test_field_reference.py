"""docs/document-spec.md and docs/events.md list exactly the fields the loaders accept.

The accepted fields are read from the loaders' own code: every ``check_keys(...)`` call of
the module, its set written out or named by a module constant, so a field added to a loader
without a row in its reference (or a row left for a field no loader takes) fails here."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REFERENCES = {
    "draftkit.library.documents": "docs/document-spec.md",
    "draftkit.library.events": "docs/events.md",
    "draftkit.library.organisations": "docs/events.md",
}
# A field's row in a reference table: "| `name` | type | required | default | example |".
ROW = re.compile(r"^\| `([A-Za-z_]+)` \|(?:[^|\n]*\|){4}\s*$", re.MULTILINE)


def accepted_fields(module_name: str) -> set[str]:
    module = importlib.import_module(module_name)
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))  # type: ignore[arg-type]
    fields: set[str] = set()
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "check_keys"
    ]
    assert calls, f"{module_name} checks no keys"
    for call in calls:
        allowed = call.args[0]
        if isinstance(allowed, ast.Name):
            fields |= set(getattr(module, allowed.id))
        else:
            fields |= set(ast.literal_eval(allowed))
    return fields


def documented_fields(reference: str) -> set[str]:
    return set(ROW.findall((REPO / reference).read_text(encoding="utf-8")))


@pytest.mark.parametrize("reference", sorted(set(REFERENCES.values())))
def test_the_reference_lists_exactly_the_fields_its_loaders_accept(reference: str) -> None:
    accepted = set().union(*(accepted_fields(m) for m, r in REFERENCES.items() if r == reference))
    documented = documented_fields(reference)
    assert accepted - documented == set(), f"fields missing from {reference}"
    assert documented - accepted == set(), f"{reference} lists fields no loader accepts"


def test_the_un_heading_fields_are_accepted() -> None:
    assert {"symbol", "adoption", "organ", "date"} <= accepted_fields("draftkit.library.documents")
    assert "after" in accepted_fields("draftkit.library.events")  # participants: {text, after}


def test_the_readme_links_both_references() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for reference in set(REFERENCES.values()):
        assert f"]({reference})" in readme, reference

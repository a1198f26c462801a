"""Any text given as a content file loads or is one draftkit error, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from draftkit.errors import DraftkitError
from draftkit.library.clauses import load_clause_file
from draftkit.library.documents import load_document_spec
from draftkit.library.events import load_event
from draftkit.library.organisations import load_organisation_file
from draftkit.library.sources import load_sources_file
from draftkit.yamlfile import load_yaml
from tests.property.strategies import REPO, TEXT, damaged_yaml, example_tree

# Each loader with the example file whose shape it expects; paths only name the file in
# messages (the text is given), except for an event's related documents.
LOADERS: dict[str, tuple[Callable[[Path, str], Any], Path]] = {
    "yaml": (lambda path, text: load_yaml(path, text), REPO / "clauses" / "civic-space.yaml"),
    "clauses": (load_clause_file, REPO / "clauses" / "civic-space.yaml"),
    "sources": (load_sources_file, REPO / "sources.yaml"),
    "document": (load_document_spec, REPO / "documents" / "civic-forum-2025.yaml"),
    "organisations": (
        load_organisation_file,
        REPO / "organisations" / "organisations.yaml",
    ),
    "event": (
        lambda path, text: load_event(path, REPO, text),
        REPO / "events" / "civic-forum-2025.yaml",
    ),
}


def loads_or_refuses(load: Callable[[Path, str], Any], path: Path, text: str) -> None:
    try:
        load(path, text)
    except DraftkitError as error:
        assert error.message  # a refusal says something
        str(error)  # and can be printed


@pytest.mark.parametrize("kind", LOADERS)
@given(text=TEXT)
@example(text="1: x\n~: y\ntrue: z\n2025-01-01: w\n")
@example(text="- " * 2000 + "x")  # nesting deep enough to have overflowed Python's stack
@example(text="[" * 2000)
@example(text="{a: " * 2000)
@example(text="a: &x [*x]\n")
@example(text="date: 9999-12-31\nwhen: 2026-02-30\n")
@example(text="\ufeffkey: \x85value\u2028\n")
def test_any_text_loads_or_is_an_error(kind: str, text: str) -> None:
    load, path = LOADERS[kind]
    loads_or_refuses(load, path, text)


@pytest.mark.parametrize("kind", LOADERS)
@given(data=st.data())
def test_damaged_example_loads_or_is_an_error(kind: str, data: st.DataObject) -> None:
    load, path = LOADERS[kind]
    text = data.draw(damaged_yaml(example_tree(path)), label="file")
    loads_or_refuses(load, path, text)


@given(content=st.binary(max_size=200))
@example(content=b"key: \xff\xfe value\n")
@example(content="a: b\n".encode("utf-16"))
def test_any_bytes_read_from_a_file_load_or_are_an_error(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    path = tmp_path_factory.mktemp("yaml") / "clauses.yaml"
    path.write_bytes(content)
    loads_or_refuses(lambda p, _text: load_clause_file(p), path, "")

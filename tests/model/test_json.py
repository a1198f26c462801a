"""The model as versioned JSON: real documents round-trip, the shape is the documented
one, the bytes are stable, and bad input is one clear DraftkitError."""

from __future__ import annotations

import copy
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from draftkit.errors import DraftkitError
from draftkit.model import (
    Change,
    Document,
    DocumentMeta,
    Emph,
    Link,
    Note,
    NoteRef,
    Paragraph,
    Strong,
    SubParagraph,
    Text,
)
from draftkit.model.json import dumps, from_data, loads, to_data
from draftkit.model.nodes import walk

ROOT = Path(__file__).resolve().parents[2]


@cache
def assembled_document(spec: str, lang: str) -> Document:
    """The one place that knows how draftkit assembles a document (the build pipeline's
    API is being reworked). Cached: the tests only read it."""
    from draftkit.pipeline import assemble_document
    from draftkit.project import Project

    project = Project.load(ROOT)
    assembled = assemble_document(project, ROOT / spec, lang=lang)
    return assembled.document


def note_calls(doc: Document) -> list[NoteRef]:
    sequences = [*doc.inline_sequences(), *(n.content for n in doc.footnotes + doc.endnotes)]
    return [node for inlines in sequences for node in walk(inlines) if isinstance(node, NoteRef)]


def assert_calls_linked(doc: Document) -> None:
    """Every call's note is the very object in the document's list, at its number."""
    for ref in note_calls(doc):
        notes = doc.footnotes if ref.series == "footnote" else doc.endnotes
        assert ref.note is not None
        assert ref.note is notes[ref.note.number - 1]


# -- real documents ------------------------------------------------------------------------

REAL = [
    ("documents/civic-forum-2025.yaml", "en"),
    ("documents/civic-forum-2025.yaml", "ru"),
    ("documents/civic-forum-2025.yaml", "ky"),
    ("events/civic-forum-2025.yaml", "en"),
]


@pytest.mark.parametrize(("spec", "lang"), REAL, ids=["resolution-en", "ru", "ky", "press"])
def test_real_documents_round_trip(spec: str, lang: str) -> None:
    doc = assembled_document(spec, lang)
    assert doc.meta.lang == lang
    back = from_data(to_data(doc))
    assert back == doc
    assert back is not doc
    assert_calls_linked(back)
    assert len(note_calls(back)) == len(note_calls(doc))


def test_resolution_calls_are_linked_after_reading() -> None:
    doc = assembled_document("documents/civic-forum-2025.yaml", "ru")
    back = loads(dumps(doc))
    calls = note_calls(back)
    # The example resolution cites footnotes and endnotes: the check is not vacuous.
    assert {ref.series for ref in calls} == {"footnote", "endnote"}
    assert_calls_linked(back)
    assert back.footnotes[0].series == "footnote"
    assert back.endnotes[0].label == "i"


def test_press_release_keeps_its_strong_lede() -> None:
    doc = assembled_document("events/civic-forum-2025.yaml", "en")
    data = to_data(doc)
    assert data["meta"]["kind"] == "press-release"
    lede = next(b for b in data["blocks"] if b["role"] == "lede")
    assert lede["content"][0]["type"] == "Strong"
    assert lede["content"][0]["children"][0]["type"] == "Text"


# -- tracked changes -----------------------------------------------------------------------

WHEN = "2025-03-04T00:00:00Z"


def redline_document() -> Document:
    footnote = Note("footnote", 1, "1", [Text("Source.")], "src")
    moved = [Text("Moved words.")]
    return Document(
        DocumentMeta(title="Redline", lang="en", kind="redline"),
        [
            Paragraph(
                "operative",
                [
                    Text("Calls "),
                    Change("del", [Text("on")], "Ana", WHEN),
                    Change(
                        "ins", [Text("upon"), NoteRef("src", "footnote", footnote)], "Ana", WHEN
                    ),
                    Text(" all."),
                ],
                number=1,
                numbered=True,
                items=[
                    SubParagraph([Text("kept")], label="(a)"),
                    SubParagraph(
                        [Change("del", [Text("gone")], "Ana", WHEN)],
                        label="(b)",
                        change=Change("del", [], "Ana", WHEN),
                    ),
                ],
            ),
            Paragraph(
                "preambular",
                [Change("moveFrom", copy.deepcopy(moved), "Ana", WHEN, "move1")],
                change=Change("moveFrom", [], "Ana", WHEN, "move1"),
            ),
            Paragraph(
                "preambular",
                [Change("ins", [Text("New.")], "Ana", WHEN)],
                change=Change("ins", [], "Ana", WHEN),
            ),
            Paragraph(
                "preambular",
                [Change("moveTo", copy.deepcopy(moved), "Ana", WHEN, "move1")],
                change=Change("moveTo", [], "Ana", WHEN, "move1"),
            ),
        ],
        footnotes=[footnote],
    )


def test_tracked_changes_round_trip() -> None:
    doc = redline_document()
    data = to_data(doc)
    back = from_data(data)
    assert back == doc
    assert_calls_linked(back)
    assert back.blocks[1].change == Change("moveFrom", [], "Ana", WHEN, "move1")
    assert back.blocks[3].content[0].name == "move1"  # type: ignore[union-attr]
    assert back.blocks[0].items[1].change == Change("del", [], "Ana", WHEN)
    assert data["blocks"][0]["items"][0]["change"] is None
    assert data["blocks"][1]["change"] == {
        "type": "Change",
        "kind": "moveFrom",
        "author": "Ana",
        "date": WHEN,
        "name": "move1",
        "children": [],
    }
    assert data["blocks"][0]["content"][2]["children"][1] == {
        "type": "NoteRef",
        "source": "src",
        "series": "footnote",
        "note": 1,
    }


# -- the shape, written out by hand --------------------------------------------------------


def small_document() -> Document:
    footnote = Note(
        "footnote", 1, "1", [Text("See "), Link("https://example.org", [Text("it")])], "ex"
    )
    endnote = Note("endnote", 1, "i", [Text("Video.")], "video")
    return Document(
        DocumentMeta(title="T", lang="en", date=date(2025, 3, 4), place="Bishkek"),
        [
            Paragraph("title", [Text("T")]),
            Paragraph(
                "operative",
                [Text("the plan"), NoteRef("ex", "footnote", footnote), Strong([Text("!")])],
                lead=[Emph([Text("Adopts")])],
                number=1,
                numbered=True,
                clause_id="adopt-plan",
                items=[
                    SubParagraph(
                        [Text("first"), NoteRef("video", "endnote", endnote)],
                        label="(a)",
                        children=[SubParagraph([Text("deeper")], level=2, label="(i)")],
                    )
                ],
            ),
        ],
        footnotes=[footnote],
        endnotes=[endnote],
    )


def text(value: str) -> dict[str, Any]:
    return {"type": "Text", "text": value}


EXPECTED = {
    "draftkit-model": [1, 1],
    "meta": {
        "title": "T",
        "lang": "en",
        "style": "plain",
        "kind": "resolution",
        "date": "2025-03-04",
        "place": "Bishkek",
        "source": "",
        "draft": False,
        "item_label": "({})",
    },
    "blocks": [
        {
            "type": "Paragraph",
            "role": "title",
            "number": None,
            "numbered": False,
            "clause_id": None,
            "change": None,
            "lead": [],
            "content": [text("T")],
            "items": [],
        },
        {
            "type": "Paragraph",
            "role": "operative",
            "number": 1,
            "numbered": True,
            "clause_id": "adopt-plan",
            "change": None,
            "lead": [{"type": "Emph", "children": [text("Adopts")]}],
            "content": [
                text("the plan"),
                {"type": "NoteRef", "source": "ex", "series": "footnote", "note": 1},
                {"type": "Strong", "children": [text("!")]},
            ],
            "items": [
                {
                    "type": "SubParagraph",
                    "level": 1,
                    "label": "(a)",
                    "change": None,
                    "content": [
                        text("first"),
                        {"type": "NoteRef", "source": "video", "series": "endnote", "note": 1},
                    ],
                    "children": [
                        {
                            "type": "SubParagraph",
                            "level": 2,
                            "label": "(i)",
                            "change": None,
                            "content": [text("deeper")],
                            "children": [],
                        }
                    ],
                }
            ],
        },
    ],
    "footnotes": [
        {
            "type": "Note",
            "series": "footnote",
            "number": 1,
            "label": "1",
            "source": "ex",
            "content": [
                text("See "),
                {"type": "Link", "url": "https://example.org", "children": [text("it")]},
            ],
        }
    ],
    "endnotes": [
        {
            "type": "Note",
            "series": "endnote",
            "number": 1,
            "label": "i",
            "source": "video",
            "content": [text("Video.")],
        }
    ],
}


def test_small_document_has_the_documented_shape() -> None:
    assert to_data(small_document()) == EXPECTED


def test_hand_written_json_reads_into_the_document() -> None:
    back = from_data(copy.deepcopy(EXPECTED))
    assert back == small_document()
    assert back.blocks[1].items[0].content[1].note is back.endnotes[0]  # type: ignore[union-attr]
    assert back.blocks[1].content[1].note is back.footnotes[0]  # type: ignore[union-attr]


def test_dumps_is_utf8_indented_with_a_final_newline_and_key_order_kept() -> None:
    doc = assembled_document("documents/civic-forum-2025.yaml", "ky")
    raw = dumps(doc)
    assert raw.endswith(b"}\n")
    assert raw.startswith(b'{\n  "draftkit-model": [\n    1,\n    1\n  ],\n  "meta": {\n')
    assert doc.meta.title.encode("utf-8") in raw  # Cyrillic as itself, not \u escapes
    assert b"\\u04" not in raw
    assert list(json.loads(raw)["blocks"][0]) == [
        "type",
        "role",
        "number",
        "numbered",
        "clause_id",
        "change",
        "lead",
        "content",
        "items",
    ]


def test_null_date_and_unnumbered_call() -> None:
    doc = Document(
        DocumentMeta(title="T", lang="en"), [Paragraph("body", [NoteRef("x", "footnote")])]
    )
    data = to_data(doc)
    assert data["meta"]["date"] is None
    assert data["blocks"][0]["content"][0]["note"] is None
    assert from_data(data) == doc


# -- determinism ---------------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "lang"), [REAL[0], REAL[3]], ids=["resolution", "press"])
def test_dumps_is_deterministic(spec: str, lang: str) -> None:
    doc = assembled_document(spec, lang)
    first = dumps(doc)
    assert dumps(copy.deepcopy(doc)) == first
    assert dumps(loads(first)) == first
    assert loads(first.decode("utf-8")) == doc


def test_redline_dump_is_stable() -> None:
    first = dumps(redline_document())
    assert dumps(redline_document()) == first
    assert dumps(loads(first)) == first


# -- writing a broken model ----------------------------------------------------------------


def test_a_call_to_a_note_outside_the_document_is_refused_on_writing() -> None:
    stray = Note("footnote", 1, "1", [Text("x")], "x")
    doc = small_document()
    doc.blocks[1].content[1] = NoteRef("x", "footnote", stray)
    with pytest.raises(ValueError, match="'x' links a footnote numbered 1 that is not in"):
        to_data(doc)


# -- bad input -----------------------------------------------------------------------------


def bad(data: Any) -> str:
    raw = data if isinstance(data, bytes | str) else json.dumps(data)
    with pytest.raises(DraftkitError) as caught:
        loads(raw)
    message = str(caught.value)
    assert "\n" not in message
    return message


def edited(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXPECTED)
    data.update(changes)
    return data


def test_newer_major_version_asks_for_an_upgrade() -> None:
    message = bad(edited(**{"draftkit-model": [2, 0]}))
    assert message == (
        "model JSON: version 2.0 is not supported: this draftkit reads version 1.x"
        " (hint: upgrade draftkit to read it)"
    )


def test_version_must_be_two_numbers() -> None:
    assert "'draftkit-model' is \"1\", not [major, minor]" in bad(edited(**{"draftkit-model": "1"}))
    assert "not [major, minor]" in bad(edited(**{"draftkit-model": [True, 0]}))


def test_newer_minor_version_with_unknown_fields_is_read() -> None:
    data = edited(**{"draftkit-model": [1, 9], "index": []})
    data["blocks"][0]["content"][0]["colour"] = "red"
    assert loads(json.dumps(data)) == small_document()


def test_version_1_0_without_sub_paragraph_changes_is_read() -> None:
    data = edited(**{"draftkit-model": [1, 0]})
    for item in data["blocks"][1]["items"]:
        del item["change"]
        del item["children"][0]["change"]
    assert loads(json.dumps(data)) == small_document()


def test_json_of_another_tool_is_not_a_draftkit_model() -> None:
    pandoc = {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": []}
    assert "no 'draftkit-model' version: not a document written by draftkit" in bad(pandoc)


def test_unknown_node_type() -> None:
    data = edited()
    data["blocks"][1]["lead"][0]["children"][0]["type"] = "Txt"
    assert bad(data) == (
        "model JSON: blocks[1].lead[0].children[0]: unknown node type 'Txt'"
        " (known here: Text, Emph, Strong, Link, NoteRef, Change)"
    )


def test_node_of_the_wrong_kind_for_its_place() -> None:
    data = edited()
    data["blocks"][0] = text("loose")
    assert bad(data) == "model JSON: blocks[0]: a Text node cannot stand here (only Paragraph)"


def test_missing_field() -> None:
    data = edited()
    del data["blocks"][1]["items"][0]["children"][0]["label"]
    assert bad(data) == "model JSON: blocks[1].items[0].children[0]: SubParagraph has no 'label'"
    data = edited()
    del data["meta"]
    assert bad(data) == "model JSON: top level: no 'meta'"
    data = edited()
    del data["meta"]["lang"]
    assert bad(data) == "model JSON: meta: no 'lang'"
    data = edited()
    del data["blocks"][0]["content"][0]["type"]
    assert bad(data) == "model JSON: blocks[0].content[0]: no 'type'"


def test_field_of_the_wrong_type() -> None:
    data = edited()
    data["footnotes"][0]["content"][0]["text"] = 5
    assert (
        bad(data) == "model JSON: footnotes[0].content[0]: 'text' is a whole number, not a string"
    )
    data = edited()
    data["blocks"][1]["number"] = True
    assert bad(data) == (
        "model JSON: blocks[1]: 'number' is true or false, not a whole number or null"
    )
    data = edited()
    data["meta"]["date"] = "4 March 2025"
    assert bad(data) == "model JSON: meta: date '4 March 2025' is not an ISO date (YYYY-MM-DD)"


def test_call_to_a_missing_note() -> None:
    data = edited()
    data["blocks"][1]["items"][0]["content"][1]["note"] = 3
    assert bad(data) == (
        "model JSON: blocks[1].items[0].content[1]:"
        " the note call names endnote 3, which is not in endnotes"
    )


def test_two_notes_with_one_number() -> None:
    data = edited()
    data["footnotes"].append(copy.deepcopy(data["footnotes"][0]))
    assert bad(data) == "model JSON: footnotes[1]: a second footnote numbered 1"


def test_unknown_series_and_change_kind() -> None:
    data = edited()
    data["endnotes"][0]["series"] = "sidenote"
    assert "endnotes[0]: series 'sidenote' is not one of footnote, endnote" in bad(data)
    data = edited()
    data["blocks"][0]["change"] = {
        "type": "Change",
        "kind": "insert",
        "author": "",
        "date": "",
        "name": "",
        "children": [],
    }
    assert "blocks[0].change: change kind 'insert' is not one of ins, del" in bad(data)


def test_not_json_at_all() -> None:
    assert bad(b"%PDF-1.7 not json") == (
        "model JSON: not JSON (Expecting value at line 1, column 1)"
    )
    assert bad(b"\xff\xfe{}") == "model JSON: not UTF-8 (byte 0: invalid start byte)"
    assert bad("[1, 0]") == "model JSON: the top level is a list, not an object"
    assert bad('{"a": 1, "a": 2}') == "model JSON: the key 'a' appears twice in one object"


def test_strings_from_the_data_keep_the_message_on_one_line() -> None:
    data = edited()
    data["blocks"][0]["content"][0]["type"] = "Text\nand" + "x" * 100
    assert bad(data) == (
        # repr's escape keeps the newline out; 57 characters of it and "..."
        "model JSON: blocks[0].content[0]: unknown node type 'Text\\nand"
        + "x" * 47
        + "... (known here: Text, Emph, Strong, Link, NoteRef, Change)"
    )


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    deep = '{"type": "Emph", "children": [' * 5000 + "]}" * 5000
    raw = json.dumps(edited()).replace('{"type": "Text", "text": "T"}', deep, 1)
    assert bad(raw) == "model JSON: nested too deeply"


def test_deep_data_given_directly_is_an_error_not_a_crash() -> None:
    node: dict[str, Any] = text("T")
    for _ in range(3000):
        node = {"type": "Emph", "children": [node]}
    data = edited()
    data["blocks"][0]["content"] = [node]
    with pytest.raises(DraftkitError, match="^model JSON: nested too deeply$"):
        from_data(data)


def test_build_f_json_writes_the_model_that_reads_back(tmp_path: Path) -> None:
    """As a user runs it: `draftkit build -f json`; the file reads back into the very
    document the pipeline assembles, and names its source as the project does (the same
    bytes in every checkout)."""
    from draftkit.model.json import loads
    from tests.cli.helpers import run

    result = run("build", "-f", "json", "-l", "ky", "-o", str(tmp_path), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "ky" / "civic-forum-2025.json").read_bytes()
    assert str(ROOT).encode() not in data
    read = loads(data)
    assert read.meta.source == "documents/civic-forum-2025.yaml"
    assert read == assembled_document("documents/civic-forum-2025.yaml", "ky")

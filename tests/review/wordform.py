"""Edits of a built DOCX in the form Word writes them, made with lxml: tracked insertions
and deletions carrying ``w:rsid*`` attributes, a move (``w:moveFrom``/``w:moveTo`` inside
named move ranges), a comment (``w:commentRangeStart``/``End``, a reference run and
``word/comments.xml``) and a paragraph deleted with its mark (``w:pPr/w:rPr/w:del``)."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
DATE = "2025-03-05T09:30:00Z"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class WordEdit:
    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.doc = etree.fromstring(self.parts["word/document.xml"])
        self.next_id = 9000
        self.comments: list[etree._Element] = []

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _change(self, kind: str, author: str, **extra: str) -> etree._Element:
        element = etree.Element(w(kind))
        element.set(w("id"), self._id())
        element.set(w("author"), author)
        element.set(w("date"), DATE)
        for key, value in extra.items():
            element.set(w(key), value)
        return element

    def paragraph(self, needle: str, within: str = "") -> etree._Element:
        for p in self.doc.iter(w("p")):
            text = "".join(t.text or "" for t in p.iter(w("t")))
            if needle in text and within in text:
                return p
        raise AssertionError(f"no paragraph holds {needle!r}")

    def runs(self, needle: str, within: str = "") -> list[etree._Element]:
        """The runs that hold exactly ``needle`` (in the paragraph that also holds
        ``within``), splitting runs at its ends."""
        p = self.paragraph(needle, within)
        runs = [r for r in p if r.tag == w("r")]
        text = "".join((r.findtext(w("t")) or "") for r in runs)
        start = text.index(needle)
        end = start + len(needle)
        out, position = [], 0
        for run in runs:
            t = run.find(w("t"))
            length = len(t.text or "") if t is not None else 0
            r_start, r_end = position, position + length
            position = r_end
            if t is None or r_end <= start or r_start >= end:
                continue
            if r_start < start:  # split off the part before
                before = copy.deepcopy(run)
                before.find(w("t")).text = t.text[: start - r_start]
                before.find(w("t")).set(XML_SPACE, "preserve")
                run.addprevious(before)
                t.text = t.text[start - r_start :]
                r_start = start
            if r_end > end:  # and after
                after = copy.deepcopy(run)
                after.find(w("t")).text = t.text[end - r_start :]
                after.find(w("t")).set(XML_SPACE, "preserve")
                run.addnext(after)
                t.text = t.text[: end - r_start]
            t.set(XML_SPACE, "preserve")
            out.append(run)
        return out

    def delete(self, needle: str, author: str = "Word Reviewer") -> None:
        runs = self.runs(needle)
        wrapper = self._change("del", author)
        runs[0].addprevious(wrapper)
        for run in runs:
            run.set(w("rsidDel"), "00A1B2C3")
            for t in run.findall(w("t")):
                t.tag = w("delText")
            wrapper.append(run)

    def insert(self, after: str, text: str, author: str = "Word Reviewer") -> None:
        last = self.runs(after)[-1]
        run = copy.deepcopy(last)
        run.set(w("rsidR"), "00D4E5F6")
        run.find(w("t")).text = text
        wrapper = self._change("ins", author)
        wrapper.append(run)
        last.addnext(wrapper)

    def move(
        self, needle: str, before: str, within: str = "", author: str = "Word Reviewer"
    ) -> None:
        """Cut ``needle`` and paste it before ``before`` (in the same or another paragraph)."""
        runs = self.runs(needle, within)
        target = self.runs(before)[0]
        pasted = [copy.deepcopy(r) for r in runs]
        start = self._change("moveFromRangeStart", author, name="move1")
        end = etree.Element(w("moveFromRangeEnd"))
        end.set(w("id"), start.get(w("id")))
        wrapper = self._change("moveFrom", author)
        runs[0].addprevious(start)
        start.addnext(wrapper)
        for run in runs:
            for t in run.findall(w("t")):
                t.tag = w("delText")
            wrapper.append(run)
        wrapper.addnext(end)
        to_start = self._change("moveToRangeStart", author, name="move1")
        to_end = etree.Element(w("moveToRangeEnd"))
        to_end.set(w("id"), to_start.get(w("id")))
        to = self._change("moveTo", author)
        for run in pasted:
            to.append(run)
        target.addprevious(to_start)
        to_start.addnext(to)
        to.addnext(to_end)

    def comment(self, needle: str, text: str, author: str = "Word Reviewer") -> None:
        runs = self.runs(needle)
        cid = str(len(self.comments))
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), cid)
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), cid)
        runs[0].addprevious(start)
        runs[-1].addnext(end)
        reference = etree.Element(w("r"))
        etree.SubElement(reference, w("commentReference")).set(w("id"), cid)
        end.addnext(reference)
        comment = etree.Element(w("comment"))
        for key, value in (("id", cid), ("author", author), ("date", DATE), ("initials", "WR")):
            comment.set(w(key), value)
        p = etree.SubElement(comment, w("p"))
        etree.SubElement(etree.SubElement(p, w("r")), w("t")).text = text
        self.comments.append(comment)

    def delete_paragraph(self, needle: str, author: str = "Word Reviewer") -> None:
        """The whole paragraph deleted, note calls and mark too (Word's w:pPr/w:rPr/w:del)."""
        p = self.paragraph(needle)
        runs = [r for r in p if r.tag == w("r")]
        wrapper = self._change("del", author)
        runs[0].addprevious(wrapper)
        for run in runs:
            run.set(w("rsidDel"), "00A1B2C3")
            for t in run.findall(w("t")):
                t.tag = w("delText")
            wrapper.append(run)
        ppr = p.find(w("pPr"))
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, w("rPr"))
        rpr.append(self._change("del", author))

    def add_paragraph(self, after: str, text: str, author: str = "Word Reviewer") -> None:
        """A new paragraph, typed with tracking on, after the one holding ``after``."""
        p = self.paragraph(after)
        new = etree.Element(w("p"))
        new.append(copy.deepcopy(p.find(w("pPr"))))
        rpr = new.find(w("pPr")).find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(new.find(w("pPr")), w("rPr"))
        rpr.append(self._change("ins", author))
        wrapper = etree.SubElement(new, w("ins"))
        for key, value in self._change("ins", author).attrib.items():
            wrapper.set(key, value)
        run = etree.SubElement(wrapper, w("r"))
        etree.SubElement(run, w("t")).text = text
        p.addnext(new)

    def retype(self, old: str, new: str) -> None:
        """An edit made with change tracking off."""
        runs = self.runs(old)
        runs[0].find(w("t")).text = new
        for run in runs[1:]:
            run.getparent().remove(run)

    def retype_note(self, old: str, new: str, part: str = "word/footnotes.xml") -> None:
        """A footnote's words retyped with tracking off."""
        root = etree.fromstring(self.parts[part])
        t = next(t for t in root.iter(w("t")) if old in (t.text or ""))
        t.text = t.text.replace(old, new)
        self.parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def save(self, path: Path) -> Path:
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(
            self.doc, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        if self.comments:
            root = etree.Element(w("comments"), nsmap={"w": W})
            root.extend(self.comments)
            parts["word/comments.xml"] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
            rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
            rel = etree.SubElement(rels, f"{{{rels.nsmap[None]}}}Relationship")
            rel.set("Id", "rIdComments")
            rel.set("Type", COMMENTS_RT)
            rel.set("Target", "comments.xml")
            parts["word/_rels/document.xml.rels"] = etree.tostring(
                rels, xml_declaration=True, encoding="UTF-8"
            )
            types = etree.fromstring(parts["[Content_Types].xml"])
            override = etree.SubElement(types, f"{{{types.nsmap[None]}}}Override")
            override.set("PartName", "/word/comments.xml")
            override.set("ContentType", COMMENTS_CT)
            parts["[Content_Types].xml"] = etree.tostring(
                types, xml_declaration=True, encoding="UTF-8"
            )
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                package.writestr(name, data)
        return path

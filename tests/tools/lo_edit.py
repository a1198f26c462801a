"""Edit DOCX files through LibreOffice's UNO API, as a reviewer would in Writer: with
change tracking on, insert, delete and move text, add comments, then save as DOCX.

Run with the system Python (Debian's python3-uno does not load in a venv):

    /usr/bin/python3 tests/tools/lo_edit.py PROFILE_DIR JOBS.json

JOBS.json is a list of {"path": IN.docx, "out": OUT.docx, "author": NAME, "track": true,
"edits": [...]}; each edit is one of
    {"op": "insert", "after": TEXT, "text": TEXT}    typed after the first TEXT found
    {"op": "delete", "find": TEXT}                   the first TEXT found, deleted
    {"op": "move", "find": TEXT, "before": TEXT}     cut, and pasted before another text
    {"op": "comment", "find": TEXT, "text": TEXT}    a comment anchored on TEXT
    {"op": "paragraph", "after": TEXT, "text": TEXT} a new paragraph after the one holding TEXT
    {"op": "drop", "find": TEXT}                     the whole paragraph holding TEXT deleted
Prints "ok" per job; a text not found is an error (exit 1).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).parent))
from lo_changes import prop, start  # noqa: E402


def set_author(context: object, name: str) -> None:
    smgr = context.ServiceManager  # type: ignore[attr-defined]
    provider = smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    access.setPropertyValue("givenname", name)
    access.setPropertyValue("sn", "")
    access.commitChanges()


def find(document: object, text: str) -> object:
    search = document.createSearchDescriptor()  # type: ignore[attr-defined]
    search.SearchString = text
    search.SearchCaseSensitive = True
    found = document.findFirst(search)  # type: ignore[attr-defined]
    if found is None:
        raise SystemExit(f"not found: {text!r}")
    return found


def edit(document: object, change: dict) -> None:
    text = document.getText()  # type: ignore[attr-defined]
    op = change["op"]
    if op == "insert":
        anchor = find(document, change["after"]).getEnd()
        anchor.getText().insertString(anchor, change["text"], False)
    elif op == "delete":
        find(document, change["find"]).setString("")
    elif op == "move":
        found = find(document, change["find"])
        moved = found.getString()
        found.setString("")
        anchor = find(document, change["before"]).getStart()
        anchor.getText().insertString(anchor, moved, False)
    elif op == "comment":
        found = find(document, change["find"])
        note = document.createInstance("com.sun.star.text.textfield.Annotation")  # type: ignore[attr-defined]
        note.Author = change.get("author", "Reviewer")
        note.Content = change["text"]
        # Without a date, LibreOffice 7.4 dies writing the comment to DOCX.
        stamp = uno.createUnoStruct("com.sun.star.util.DateTime")
        stamp.Year, stamp.Month, stamp.Day, stamp.Hours = 2025, 3, 5, 9
        note.DateTimeValue = stamp
        cursor = found.getText().createTextCursorByRange(found)
        found.getText().insertTextContent(cursor, note, True)
    elif op == "paragraph":
        cursor = text.createTextCursorByRange(find(document, change["after"]).getEnd())
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, change["text"], False)
    elif op == "drop":
        cursor = text.createTextCursorByRange(find(document, change["find"]).getStart())
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)  # the paragraph mark too
        cursor.setString("")
    else:
        raise SystemExit(f"unknown edit {op!r}")


def main() -> None:
    profile, jobs_file = Path(sys.argv[1]), Path(sys.argv[2])
    jobs = json.loads(jobs_file.read_text(encoding="utf-8"))
    office, context = start(profile)
    try:
        smgr = context.ServiceManager  # type: ignore[attr-defined]
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for job in jobs:
            set_author(context, job.get("author", "Reviewer"))
            url = uno.systemPathToFileUrl(os.path.abspath(job["path"]))
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                document.RecordChanges = bool(job.get("track", True))
                for change in job["edits"]:
                    edit(document, change)
                out = uno.systemPathToFileUrl(os.path.abspath(job["out"]))
                document.storeToURL(out, (prop("FilterName", "MS Word 2007 XML"),))
            finally:
                document.close(True)
            print("ok")
    finally:
        try:
            smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context).terminate()
        except Exception:  # noqa: BLE001 - the bridge drops as soffice exits
            pass
        office.wait(timeout=60)


if __name__ == "__main__":
    main()

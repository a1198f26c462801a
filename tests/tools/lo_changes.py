"""Read DOCX files through LibreOffice's UNO API: each paragraph's text and list label,
as the file opens, after Accept All or after Reject All tracked changes.

Run with the system Python (Debian's python3-uno does not load in a venv):

    /usr/bin/python3 tests/tools/lo_changes.py PROFILE_DIR JOBS.json

JOBS.json is a list of {"path": ..., "action": "show" | "accept" | "reject"}. One soffice
process serves every job; the answer, on stdout, is a JSON list (one entry per job) of
paragraphs, each {"text": ..., "label": ..., "style": ...}. Only the body text is read
(not notes, headers or footers), without note calls.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start(profile: Path) -> tuple[subprocess.Popen, object]:
    pipe = f"draftkit-{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if office.poll() is not None or time.monotonic() > deadline:
                office.kill()
                raise SystemExit("soffice did not start") from None
            time.sleep(0.2)
    return office, context


def paragraphs(document: object) -> list[dict[str, str]]:
    out = []
    items = document.Text.createEnumeration()  # type: ignore[attr-defined]
    while items.hasMoreElements():
        item = items.nextElement()
        if not item.supportsService("com.sun.star.text.Paragraph"):
            continue  # a table
        # Note calls are left out: a redline shows a deleted note's call as plain text.
        portions = item.createEnumeration()
        text = []
        while portions.hasMoreElements():
            portion = portions.nextElement()
            if portion.getPropertyValue("TextPortionType") != "Footnote":
                text.append(portion.getString())
        out.append(
            {
                "text": "".join(text),
                "label": item.getPropertyValue("ListLabelString"),
                "style": item.getPropertyValue("ParaStyleName"),
            }
        )
    return out


def run(context: object, jobs: list[dict[str, str]]) -> list[list[dict[str, str]]]:
    smgr = context.ServiceManager  # type: ignore[attr-defined]
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
    results = []
    for job in jobs:
        url = uno.systemPathToFileUrl(os.path.abspath(job["path"]))
        document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        try:
            if job["action"] in COMMANDS:
                frame = document.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, COMMANDS[job["action"]], "", 0, ())
            results.append(paragraphs(document))
        finally:
            document.close(True)
    return results


def main() -> None:
    profile, jobs_file = Path(sys.argv[1]), Path(sys.argv[2])
    jobs = json.loads(jobs_file.read_text(encoding="utf-8"))
    office, context = start(profile)
    try:
        results = run(context, jobs)
    finally:
        try:
            context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
                "com.sun.star.frame.Desktop", context
            ).terminate()
        except Exception:  # noqa: BLE001 - the bridge drops as soffice exits
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

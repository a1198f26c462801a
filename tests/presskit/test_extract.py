"""Event and organisation texts in the catalog: contexts, and what is never a message."""

from __future__ import annotations

from draftkit.i18n.builtin import extract_catalog
from draftkit.i18n.extract import babel_extract, build_template_catalog
from draftkit.project import Project
from tests.cli.helpers import REPO


def test_catalog_holds_event_and_organisation_texts_but_not_contacts() -> None:
    catalog = build_template_catalog(Project.load(REPO))
    found = {(m.context, m.id) for m in catalog if m.id}
    assert ("person", "Shakirat Toktosunova") in found
    assert ("city", "Bishkek") in found
    assert ("organisation:un-women", "UN Women") in found
    assert ("event:what-works-forum-2022", "communications consultant") in found
    # the press templates' own words are draftkit's messages, shipped translated
    builtin = {(m.context, m.id) for m in extract_catalog() if m.id}
    for message in ((None, "About the organisers"), (None, "%(city)s, %(date)s —")):
        assert message in builtin and message not in found
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert not [i for i in ids if "0555662228" in i or "@gmail.com" in i]
    entry = catalog.get("Shakirat Toktosunova", context="person")
    # the line of "- speaker: Shakirat Toktosunova" in the event file
    assert entry.locations == [("events/what-works-forum-2022.yaml", 34)]


def test_babel_extractor_reads_event_and_organisation_files() -> None:
    for name, context in (
        ("events/what-works-forum-2022.yaml", "event:what-works-forum-2022"),
        ("organisations/organisations.yaml", "organisation:un-women"),
    ):
        with (REPO / name).open("rb") as fh:
            messages = list(babel_extract(fh, None, None, {}))
        assert any(args[0] == context for _line, _func, args, _comments in messages), name

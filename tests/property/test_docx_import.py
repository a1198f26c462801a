"""``draftkit import`` of generated Word documents: any text, in any formatting, either
imports (and then what it would write reads back with draftkit's loaders, which the import
checks before it returns) or is refused with a :class:`DraftkitError`; never a crash.

Documents are written by python-docx: paragraphs of generated text (the characters that
mean something to markup, YAML and XML among them) with italic or bold runs, Word's list
styles, and hyperlinks in the runs."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.errors import DraftkitError
from draftkit.ingest import plan_import
from tests.property.strategies import TEXT

# XML 1.0 cannot hold these: python-docx refuses them before the importer would see them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
RUN = st.tuples(TEXT.map(lambda t: _NOT_XML.sub("", t)), st.booleans(), st.booleans())
PARAGRAPH = st.tuples(
    st.lists(RUN, min_size=1, max_size=4),
    st.sampled_from([None, "Title", "List Number", "List Bullet", "Subtitle", "Heading 1"]),
)


@settings(max_examples=60)
@given(st.lists(PARAGRAPH, min_size=1, max_size=12))
def test_any_document_imports_or_is_refused(paragraphs: list) -> None:  # type: ignore[type-arg]
    import docx

    document = docx.Document()
    for runs, style in paragraphs:
        p = document.add_paragraph(style=style)
        for text, italic, bold in runs:
            run = p.add_run(text)
            run.italic, run.bold = italic, bold
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.docx"
        document.save(str(path))
        try:
            result = plan_import(path, Path(tmp) / "out", "en")
        except DraftkitError:
            return
        assert result.files
        assert not (Path(tmp) / "out").exists()  # a plan writes nothing

"""Any PO file is read (and looked up in) or is one draftkit error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from draftkit.errors import DraftkitError
from draftkit.i18n.catalogs import CatalogTranslator, read_catalog
from tests.property.strategies import TEXT, near_valid_po


def reads_or_refuses(path: Path) -> None:
    """Read as a build does: strictly, compiled, then every message looked up."""
    try:
        catalog = read_catalog(path, locale="ru")
        translator = CatalogTranslator("ru", path, catalog)
        for message in list(catalog):
            if not message.id:
                continue
            context = message.context
            if isinstance(message.id, tuple):
                for n in (0, 1, 2, 5, 11, 21, 10**6):
                    if context is None:
                        translator.ngettext(message.id[0], message.id[1], n)
                    else:
                        translator.npgettext(context, message.id[0], message.id[1], n)
            elif context is None:
                translator.gettext(message.id)
            else:
                translator.pgettext(context, message.id)
            translator.line_of(
                context, message.id if isinstance(message.id, str) else message.id[0]
            )
        for missing in translator.missing.values():
            missing.describe()
    except DraftkitError as error:
        assert error.message
        str(error)


@pytest.fixture(scope="module")
def po_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("po") / "messages.po"


@given(text=near_valid_po())
# Found by this test; each was a traceback (LookupError, ValueError) when compiled.
@example(text='msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=0\\n"\n\n')
@example(
    text='msgid ""\nmsgstr ""\n"Language: ru\\n"\n'
    "\"Plural-Forms: nplurals=2; plural=__import__('os').system('true');\\n\"\n\n"
)
@example(
    text='msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=iso-8859-1\\n"\n\n\n'
    'msgctxt "Ā"\nmsgid "0"\nmsgstr "0"\n'
)
def test_near_valid_po_reads_or_is_an_error(po_path: Path, text: str) -> None:
    # A lone surrogate cannot be UTF-8: written as its bytes, it makes a file that is not.
    po_path.write_bytes(text.encode("utf-8", "surrogatepass"))
    reads_or_refuses(po_path)


@given(text=TEXT)
@example(text='msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=foo-bar\\n"\n')
@example(
    text='msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=n/0;\\n"\n\n'
    'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[1] "y"\n'
)
def test_any_text_as_po_reads_or_is_an_error(po_path: Path, text: str) -> None:
    # A lone surrogate cannot be UTF-8: written as its bytes, it makes a file that is not.
    po_path.write_bytes(text.encode("utf-8", "surrogatepass"))
    reads_or_refuses(po_path)


@given(content=st.binary(max_size=200))
def test_any_bytes_as_po_read_or_are_an_error(po_path: Path, content: bytes) -> None:
    po_path.write_bytes(content)
    reads_or_refuses(po_path)

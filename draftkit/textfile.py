"""Reading the user's text files: UTF-8, and an error at the line of the first byte that
is not (a file saved as Windows-1251, Latin-1 or UTF-16 is a common slip)."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from draftkit.errors import DraftkitError, InputError

if TYPE_CHECKING:
    from lxml import etree


def decode_utf8(
    data: bytes,
    path: Path,
    *,
    error: type[DraftkitError] = InputError,
    prefix: str = "",
    hint: str = "save it as UTF-8",
) -> str:
    """``data`` as text, or one error at the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(
            f"{prefix}not UTF-8 text (byte 0x{data[exc.start]:02X}: {exc.reason})",
            path=path,
            line=data[: exc.start].count(b"\n") + 1,
            hint=hint,
        ) from None


def read_utf8(path: Path, **kwargs: object) -> str:
    """The text of ``path`` (see :func:`decode_utf8`); ``OSError`` passes through."""
    return decode_utf8(path.read_bytes(), path, **kwargs)  # type: ignore[arg-type]


_OS_HINTS = {
    errno.ELOOP: "a symbolic link leads back to itself: remove it or point it at a file",
    errno.EACCES: "check the file's permissions",
    errno.EISDIR: "a folder is named where a file is expected",
    errno.ENOENT: "check the name; a symbolic link may point to a file that is gone",
}


def os_error_hint(exc: OSError) -> str:
    """What to do about an input file the system would not let us read."""
    return _OS_HINTS.get(exc.errno or 0, "check that the file exists and can be read")


def xml_parser() -> etree.XMLParser:
    """The one parser for XML draftkit did not write (DOCX parts, TBX, TMX, a template's
    output): content is data, so entities stay unexpanded, no DTD is loaded, nothing is
    fetched, trees stay within lxml's normal limits, and comments and processing
    instructions are dropped."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )

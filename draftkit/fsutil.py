"""Writing outputs safely and reproducibly.

Every file draftkit writes goes through :func:`atomic_write`: a temporary file in the same
folder, flushed and fsynced, then renamed over the target, so a failed build never leaves a
half-written DOCX, PDF or PO file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``target``; on success it replaces ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write(target: Path, data: bytes) -> None:
    with atomic_writer(target) as fh:
        fh.write(data)


@dataclass(frozen=True)
class BuildClock:
    """The one timestamp a build stamps into its outputs.

    ``SOURCE_DATE_EPOCH`` wins when set (reproducible-builds.org); otherwise the document's
    own date is used, so two builds of the same input give the same bytes on any day.
    """

    timestamp: datetime

    @classmethod
    def for_document(cls, doc_date: date | None) -> BuildClock:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.strip().isdigit():
            return cls(datetime.fromtimestamp(int(epoch), tz=UTC))
        if doc_date is not None:
            return cls(datetime(doc_date.year, doc_date.month, doc_date.day, tzinfo=UTC))
        return cls(datetime(1980, 1, 1, tzinfo=UTC))

    @property
    def epoch(self) -> int:
        return int(self.timestamp.timestamp())

    @property
    def zip_date_time(self) -> tuple[int, int, int, int, int, int]:
        # ZIP (DOS) time cannot go before 1980.
        ts = max(self.timestamp, datetime(1980, 1, 1, tzinfo=UTC))
        return (ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second)

    def iso(self) -> str:
        return self.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")

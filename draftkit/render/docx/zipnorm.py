"""Reproducible DOCX zips.

python-docx stamps each zip entry with the wall clock (2-second resolution, so two quick
saves usually match and a test comparing them is merely flaky). Rewriting the archive with
one fixed timestamp, a fixed order ([Content_Types].xml first) and fixed attributes makes
the same input give the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from draftkit.fsutil import BuildClock


def normalise_zip(data: bytes, clock: BuildClock, drop: tuple[str, ...] = ()) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if n not in drop]
    names.sort(key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=clock.zip_date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()

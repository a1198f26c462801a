"""``python -m draftkit.syscheck``: are the system libraries and fonts WeasyPrint needs here?

Prints what to install and exits 1 when something is missing, so ``make demo`` fails with
an instruction rather than a traceback from deep inside WeasyPrint.
"""

from __future__ import annotations

import ctypes.util
import shutil
import subprocess
import sys

KYRGYZ = "4a2 4a3 4ae 4af 4e8 4e9"  # Ң ң Ү ү Ө ө


def problems() -> list[str]:
    found = []
    for lib, package in (
        ("pango-1.0", "libpango-1.0-0"),
        ("pangoft2-1.0", "libpangoft2-1.0-0"),
        ("harfbuzz", "libharfbuzz0b"),
        ("fontconfig", "libfontconfig1"),
    ):
        if ctypes.util.find_library(lib) is None:
            found.append(
                f"{lib} is missing: install it with 'apt-get install {package}'"
                " (macOS: 'brew install pango')"
            )
    if shutil.which("fc-list"):
        result = subprocess.run(
            ["fc-list", f":family=DejaVu Serif:charset={KYRGYZ}", "family"],
            capture_output=True,
            text=True,
            check=False,
        )
        if not result.stdout.strip():
            found.append(
                "no DejaVu Serif with Kyrgyz letters: install it with "
                "'apt-get install fonts-dejavu-core'"
            )
    return found


def main() -> int:
    missing = problems()
    for line in missing:
        print(f"draftkit: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

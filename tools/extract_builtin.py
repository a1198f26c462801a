"""Re-extract draftkit's own messages from the built-in templates (``make messages``).

Writes ``templates/locales/draftkit.pot`` from ``templates/*.j2`` (only when its
messages changed), then merges it into each shipped ``<lang>/LC_MESSAGES/draftkit.po``
as ``draftkit i18n update`` does for a project: a changed string keeps its translation
marked fuzzy, a removed one stays as ``#~``. Translate what it reports, then run
``tests/i18n/test_builtin_catalogs.py``.

    python tools/extract_builtin.py             # extract and merge
    python tools/extract_builtin.py --lang uz   # start a new locale as well
    python tools/extract_builtin.py --check     # exit 1 if anything is out of date
"""

from __future__ import annotations

import argparse
import sys

from draftkit.fsutil import publish_all
from draftkit.i18n import builtin
from draftkit.i18n.catalogs import finished, read_catalog
from draftkit.i18n.extract import pot_unchanged, serialise
from draftkit.i18n.memory import DEFAULT_THRESHOLD, Memory, catalog_candidates, prefill
from draftkit.i18n.update import merge, revive_obsolete


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", default=[], help="add a new locale")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args(argv)

    template = builtin.extract_catalog()
    pot = builtin.template_path()
    outputs = [] if pot_unchanged(pot, template) else [(pot, serialise(template))]
    todo = 0
    for lang in sorted(set(builtin.shipped_locales()) | set(args.lang)):
        path = builtin.catalog_path(lang)
        before = path.read_bytes() if path.is_file() else b""
        if before:
            catalog = read_catalog(path, locale=lang)
            revive_obsolete(catalog, template)
            was_obsolete = set(catalog.obsolete)
            merge(catalog, template)
            # the built-in catalogs' own memory: a changed text's old translation, fuzzy
            memory = Memory()
            memory.add(lang, catalog_candidates(catalog))
            newly_obsolete = set(catalog.obsolete) - was_obsolete
            prefill(catalog, lang, memory, DEFAULT_THRESHOLD, newly_obsolete)
        else:
            catalog = builtin.extract_catalog()
            catalog.locale = lang  # type: ignore[assignment]
        catalog.project = "draftkit"
        data = serialise(catalog)
        if data != before:
            outputs.append((path, data))
        for message in catalog:
            if message.id and not finished(message):
                todo += 1
                state = "fuzzy" if message.fuzzy else "untranslated"
                print(f"{path}:{message.lineno or '?'}: {lang}: {state}: {message.id!r}")
    for path, _data in outputs:
        print(("stale: " if args.check else "wrote ") + str(path))
    if not args.check:
        publish_all(outputs)
    return 1 if (args.check and outputs) or todo else 0


if __name__ == "__main__":
    sys.exit(main())

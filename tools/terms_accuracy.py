"""How often is the term check wrong on a project's catalogs?  (numbers for docs/terms.md)

1. Every finding (error or warning) is printed with its source and translation, for a
   person to judge: a real deviation from the term base, or a false positive.
2. Misses, by mutation: for every term use the check counts as covered, every occurrence
   of the approved term is removed from the translation (replaced by "…"), and, where the
   locale has forbidden variants, the first occurrence is replaced by the first of them;
   the check must now report the entry. Both counts are printed, with every mutation it
   failed to report.
3. Source-side misses: entries whose English holds every word of a term (in any order,
   case-insensitive) but where the matcher finds no use of it, printed for a person to
   judge.

    .venv/bin/python tools/terms_accuracy.py [PROJECT]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from draftkit.i18n.catalogs import catalog_path, read_catalog
from draftkit.project import Project
from draftkit.terms.match import Matcher, words
from draftkit.terms.review import Reviewer


def _first(value: str | tuple[str, ...]) -> str:
    return value if isinstance(value, str) else value[0]


def main(root: Path) -> int:
    project = Project.discover(root)
    base = project.termbase()
    source_lang = project.config.source_locale
    for lang in project.target_locales:
        reviewer = Reviewer(base, source_lang, lang)
        matcher = Matcher(lang)
        catalog = read_catalog(catalog_path(project.locales_dir, lang), locale=lang)
        findings = uses = covered = removed = swapped = swaps = 0
        missed: list[str] = []
        loose: list[str] = []
        for message in catalog:
            if not message.id or not _first(message.string):
                continue
            source, target = _first(message.id), _first(message.string)
            review = reviewer.review(source, target)
            for found in review.findings:
                findings += 1
                print(f"{lang}:{message.lineno} {found.severity} {found.kind} {found.concept.id}")
                print(f"    en: {source[:160]}\n    {lang}: {target[:200]}")
            uses += len(review.used)
            covered += len(review.kept)
            text = words(target)
            for concept in review.kept:
                spans = [s for t in concept.approved(lang) for s in matcher.find(t.text, text)]
                # every occurrence goes, last first, so that the offsets stay right
                cuts = sorted({(text.spans[a][0], text.spans[b - 1][1]) for a, b in spans})
                without = target
                for start, end in reversed(cuts):
                    without = without[:start] + "…" + without[end:]
                start, end = cuts[0]
                if any(
                    f.concept.id == concept.id for f in reviewer.review(source, without).findings
                ):
                    removed += 1
                else:
                    missed.append(f"{lang}:{message.lineno} {concept.id} removed: {without[:120]}")
                for variant in concept.forbidden(lang)[:1]:
                    swaps += 1
                    wrong = target[:start] + variant.text + target[end:]
                    if any(f.kind == "forbidden" for f in reviewer.review(source, wrong).findings):
                        swapped += 1
                    else:
                        missed.append(
                            f"{lang}:{message.lineno} {concept.id} swapped: {wrong[:120]}"
                        )
            used = {c.id for c in reviewer.used(source)}
            for concept in base.concepts:
                if concept.id in used or not concept.approved(lang):
                    continue
                for term in concept.approved(source_lang):
                    key = words(term.text).words
                    if all(re.search(rf"\b{re.escape(w)}\b", source, re.I) for w in key):
                        loose.append(f"{lang}:{message.lineno} {concept.id}? {source[:140]}")
                        break
        print(f"\n{lang}: {findings} finding(s); {covered}/{uses} term uses covered")
        print(f"{lang}: approved term removed: {removed}/{covered} reported")
        print(f"{lang}: forbidden variant swapped in: {swapped}/{swaps} reported")
        for line in missed:
            print("  not reported:", line)
        print(f"{lang}: {len(loose)} entries mention a term word without a use found:")
        for line in loose:
            print("  ", line)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))

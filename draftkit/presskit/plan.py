"""What a press kit holds, and the cache key of every output.

An output's key is a SHA-256 over everything it is made from: the event or document spec
file, the library content it uses (organisations; clauses and their cited sources), the
templates, styles and CSS, the locale's catalog, the project settings and draftkit's
version. An output whose key is unchanged (and whose file is still what was written) is
up to date and not rendered again. Keys hash content, not modification times, so a
checkout, a copy or ``touch`` does not invalidate them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftkit import __version__
from draftkit.errors import DraftkitError
from draftkit.i18n.catalogs import existing_catalog
from draftkit.library.documents import DocumentSpec
from draftkit.library.events import EventSpec
from draftkit.project import CONFIG_NAME, Project

CACHE_NAME = ".presskit-cache.json"
MANIFEST_NAME = "manifest.json"
# Bump when the meaning of a key changes, so old caches are ignored.
KEY_SCHEMA = 1


@dataclass(frozen=True)
class Output:
    """One file of the kit: one document, one locale, one format."""

    source: Path  # the event file or document spec it is rendered from
    name: str  # file stem
    kind: str  # press-release, media-advisory, resolution…
    lang: str
    fmt: str
    key: str

    @property
    def relative(self) -> str:
        """Its path inside the kit folder (and inside the zips): ``ru/x.pdf``."""
        from draftkit.render.writers import writer

        return f"{self.lang}/{self.name}.{writer(self.fmt).extension}"


@dataclass
class KitPlan:
    event: EventSpec
    folder: Path  # build/presskit/<event>/
    langs: list[str]
    outputs: list[Output] = field(default_factory=list)
    catalog_hashes: dict[str, str] = field(default_factory=dict)

    def for_lang(self, lang: str) -> list[Output]:
        return [o for o in self.outputs if o.lang == lang]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


def _items(items: list) -> list:  # type: ignore[type-arg]
    return [[i.text.source, _items(i.items)] for i in items]


def _clause_content(clause: Any) -> dict[str, Any]:
    # The clause as the document uses it; not its file or line, which move when a
    # neighbouring clause is edited.
    return {
        "id": clause.id,
        "kind": clause.kind,
        "lead": clause.lead.source,
        "text": clause.text.source,
        "items": _items(clause.items),
        "params": {n: p.default for n, p in clause.params.items()},
    }


def _source_content(source: Any) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "date": str(source.date or ""),
    }


def _org_content(org: Any) -> dict[str, Any]:
    return {
        "id": org.id,
        "name": org.name,
        "short": org.short,
        "about": org.about.source if org.about else "",
        "url": org.url,
    }


def document_inputs(project: Project, spec: DocumentSpec) -> bytes:
    """The library content a document spec uses: its clauses and the sources they cite.
    Unknown ids are reported here, before anything is rendered."""
    library = project.library
    clauses = {}
    for _part, use in spec.uses():
        if use.clause_id is not None:
            clauses[use.clause_id] = library.clause(use.clause_id, path=spec.path, line=use.line)
    cited = sorted({ref.source for clause in clauses.values() for ref, _line in clause.note_refs()})
    sources = [_source_content(library.sources[s]) for s in cited if s in library.sources]
    return _canonical(
        {
            "clauses": [_clause_content(clauses[c]) for c in sorted(clauses)],
            "sources": sources,
        }
    )


def event_inputs(project: Project, event: EventSpec, related: list[DocumentSpec]) -> bytes:
    orgs = project.organisations
    used = sorted({ref.id for ref in event.org_refs()})
    return _canonical(
        {
            "organisations": [_org_content(orgs[o]) for o in used],
            # the release lists related documents by title
            "documents": [_sha(spec.path.read_bytes()) for spec in related],
        }
    )


def shared_inputs(project: Project) -> bytes:
    """Templates, styles and CSS on the search path, settings, and the versions of draftkit
    and of the libraries that write the outputs."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    digest.update(f"draftkit {__version__} schema {KEY_SCHEMA}\n".encode())
    # The writers' own versions: a new WeasyPrint or python-docx writes other bytes.
    for package in ("weasyprint", "python-docx", "babel", "jinja2"):
        digest.update(f"{package} {version(package)}\n".encode())
    digest.update((project.root / CONFIG_NAME).read_bytes())
    seen: set[str] = set()
    for folder in project.templates_path:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if not path.is_file() or name in seen or name.startswith("new-project/"):
                continue
            seen.add(name)  # a project's file shadows the built-in one
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest().encode()


def catalog_hash(project: Project, lang: str) -> str:
    if lang == project.config.source_locale:
        return "source"
    path = existing_catalog(project.locales_dir, lang)
    return _sha(path.read_bytes())


def plan_kit(project: Project, event_path: Path, langs: list[str], output_root: Path) -> KitPlan:
    """Load and check everything the kit needs (bad input fails here, before any render)
    and compute every output's key."""
    from draftkit.locale import check_language
    from draftkit.pipeline.kinds import kind_for
    from draftkit.render.writers import press_kit_formats

    event_kind = kind_for(project, event_path)
    if event_kind.name != "event":
        raise DraftkitError(
            f"{project.relative(event_path)} is not an event",
            path=event_path,
            hint="a press kit is built from an event file in events/",
        )
    event = project.load_event(event_path)
    related = project.related_documents(event)
    shared = shared_inputs(project)
    plan = KitPlan(event, output_root / "presskit" / event.name, langs)
    sources: list[tuple[Path, str, str, bytes]] = [
        (
            event.path,
            event_kind.output_name(event),
            event.template,
            event_inputs(project, event, related),
        )
    ]
    for spec in related:
        sources.append((spec.path, spec.name, spec.template, document_inputs(project, spec)))
    names = [name for _p, name, _k, _i in sources]
    if len(set(names)) != len(names):
        raise DraftkitError(
            "two documents of the press kit have the same file name",
            path=event.path,
            line=event.lines.get("documents"),
            hint="an event and its related documents need different names",
        )
    for lang in langs:
        check_language(lang)
        plan.catalog_hashes[lang] = catalog_hash(project, lang)
    for lang in langs:
        for path, name, kind, inputs in sources:
            for fmt in press_kit_formats():
                digest = hashlib.sha256()
                for part in (shared, path.read_bytes(), inputs):
                    digest.update(_sha(part).encode())
                digest.update(f"{lang}\0{fmt}\0{plan.catalog_hashes[lang]}".encode())
                plan.outputs.append(Output(path, name, kind, lang, fmt, digest.hexdigest()))
    return plan

"""``draftkit import``: a resolution in Word → clauses, sources and a document spec.

The plan is made in memory first: the parts recognised, each paragraph matched against
the library (equal or at least :data:`REUSE_AT` similar: the library's clause is used,
with the parameter values that explain the difference; :data:`NEAR_MISS_AT`: a new clause,
reported beside its near namesake), ids chosen, the YAML written as text and read back
with draftkit's own loaders. Only then are the files published, all together
(:func:`draftkit.fsutil.publish_all`); a file that exists is merged into (``sources.yaml``:
new entries appended, nothing else touched) or refused, never overwritten.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from draftkit.errors import DraftkitError, InputError
from draftkit.ingest.markup import to_markup
from draftkit.ingest.package import open_docx
from draftkit.ingest.reader import read_document
from draftkit.ingest.sources import note_source, source_slug
from draftkit.ingest.structure import Resolution, SubPart, recognise
from draftkit.ingest.words import slug, unique, vocabulary
from draftkit.ingest.yamltext import clause_file, document_file, source_entries
from draftkit.library.clauses import Clause
from draftkit.library.markup import PLACEHOLDER_RE, is_valid_id
from draftkit.locale import profile
from draftkit.project import CONFIG_NAME, Project

REUSE_AT = 0.9
NEAR_MISS_AT = 0.75
_KINDS = {"preambular": "preambular", "operative": "operative"}
_SPEC_PART = {"opening": "opening", "chapeau": "chapeau", "closing": "closing"}


@dataclass
class Row:
    part: str
    clause_id: str
    status: str  # new | reused | near-miss
    detail: str = ""


@dataclass
class ImportResult:
    root: Path
    document: Path
    rows: list[Row] = field(default_factory=list)
    sources_new: list[str] = field(default_factory=list)
    sources_reused: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    files: list[tuple[Path, bytes]] = field(default_factory=list)
    written: bool = False


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _clause_source(clause: Clause) -> str:
    """A clause's whole markup as one line: lead, text, sub-paragraphs."""
    return _normal(" ".join(m.source for m in clause.markups()))


class _Matcher:
    """Finds the library clause a paragraph is, or nearly is.

    Exact markup is a dictionary look-up; a clause with ``{parameters}`` matches when its
    literal pieces occur in order (values between them, found left to right in linear
    time: a regular expression with several lazy groups backtracks without bound over
    a long paragraph); similarity is difflib's ratio over the words, computed only for
    clauses that share at least half their word pairs with the paragraph (the full
    ratio for every pair took minutes over 300 paragraphs and 300 clauses).
    """

    def __init__(self, clauses: dict[str, Clause], kind_of_part: dict[str, set[str]]) -> None:
        self.clauses = clauses
        self.kinds = kind_of_part
        self.sources = {cid: _clause_source(c) for cid, c in clauses.items()}
        self.exact: dict[str, str] = {}
        for cid, source in self.sources.items():
            self.exact.setdefault(source, cid)
        self.templates = {
            cid: _pieces(source)
            for cid, source in self.sources.items()
            if PLACEHOLDER_RE.search(source)
        }
        self.words = {cid: source.split() for cid, source in self.sources.items()}
        self.pairs = {cid: set(zip(w, w[1:], strict=False)) for cid, w in self.words.items()}

    def match(self, markup: str, kind: str) -> tuple[str, float, dict[str, str]] | None:
        """(clause id, similarity, parameter values) of the closest clause of a kind the
        part allows, or None below :data:`NEAR_MISS_AT`."""
        allowed = self.kinds[kind]
        cid = self.exact.get(markup)
        if cid is not None and self.clauses[cid].kind in allowed:
            return cid, 1.0, {}
        for cid, pieces in self.templates.items():
            if self.clauses[cid].kind in allowed:
                values = _fill(pieces, markup)
                if values is not None:
                    return cid, 1.0, values
        words = markup.split()
        pairs = set(zip(words, words[1:], strict=False))
        best: tuple[str, float, dict[str, str]] | None = None
        for cid, their_pairs in self.pairs.items():
            if self.clauses[cid].kind not in allowed:
                continue
            if len(pairs & their_pairs) < 0.5 * max(len(pairs), len(their_pairs), 1):
                continue
            ratio = difflib.SequenceMatcher(None, self.words[cid], words, autojunk=False).ratio()
            if ratio >= NEAR_MISS_AT and (best is None or ratio > best[1]):
                best = (cid, ratio, {})
        return best


def _pieces(source: str) -> list[str]:
    """``"a {x} b {y}"`` → ``["a ", "x", " b ", "y", ""]``: literals at even places."""
    return PLACEHOLDER_RE.split(source)


def _fill(pieces: list[str], text: str) -> dict[str, str] | None:
    """The parameter values that make the clause ``pieces`` read as ``text``, or None.
    Values may make up half the text at most: parameters explain a difference, they are
    not the paragraph (a clause that is all ``{text}`` would match anything)."""
    if sum(len(p) for p in pieces[::2]) * 2 < len(text):
        return None
    if not text.startswith(pieces[0]) or not text.endswith(pieces[-1]):
        return None
    values: dict[str, str] = {}
    pos = len(pieces[0])
    end = len(text) - len(pieces[-1])
    for index in range(1, len(pieces) - 1, 2):
        name, literal = pieces[index], pieces[index + 1]
        if index == len(pieces) - 2:
            at = end  # the last value runs to the closing literal
        elif not literal:
            return None  # two parameters side by side: where one ends is anyone's guess
        else:
            at = text.find(literal, pos + 1, end)
        if at <= pos or values.get(name, text[pos:at]) != text[pos:at]:
            return None
        values[name] = text[pos:at]
        pos = at + len(literal)
    return values if pos == len(text) else None


def plan_import(
    docx: Path,
    into: Path | None = None,
    lang: str | None = None,
    name: str | None = None,
) -> ImportResult:
    """Everything :func:`import_docx` would write, without writing it."""
    package = open_docx(docx)
    root, project = _target(into)
    source_locale = project.config.source_locale if project else (lang or "en")
    lang = lang or source_locale
    if project is not None and lang != source_locale:
        raise DraftkitError(
            f"the project's clauses are in {source_locale!r}; this import reads {lang!r} text",
            path=docx,
            hint=f"import the {source_locale} version of the document, or import this one "
            f"--into a new folder (it becomes a project in {lang}); translations enter a "
            "project through its catalogs (draftkit i18n)",
        )
    profile(lang)  # an unknown language is an error here, before anything is read
    resolution = recognise(read_document(package), vocabulary(lang), lang)
    library = project.library if project is not None else None
    name = name or slug(docx.stem, words=8)
    if not is_valid_id(name):
        raise DraftkitError(f"{name!r} is not a valid document name", hint="use a-z, 0-9 and '-'")
    result = ImportResult(root, root / "documents" / f"{name}.yaml")
    result.ignored = list(package.ignored)
    result.unplaced = list(resolution.unplaced)
    result.remarks = list(resolution.remarks)
    _build(result, resolution, library, project, name, lang, docx.name)
    return result


def _target(into: Path | None) -> tuple[Path, Project | None]:
    if into is None:
        try:
            project = Project.discover()
        except DraftkitError as exc:
            raise DraftkitError(
                exc.message,
                hint="run it inside a project, or give --into FOLDER: a new or empty folder"
                " becomes a project",
            ) from None
        return project.root, project
    if (into / CONFIG_NAME).is_file():
        return into.resolve(), Project.load(into)
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise DraftkitError(
            f"{into} is not a draftkit project (no {CONFIG_NAME}) and not an empty folder",
            hint="import into a project, a new folder, or an empty one",
        )
    return into.resolve(), None


def _build(
    result: ImportResult,
    resolution: Resolution,
    library,  # type: ignore[no-untyped-def]
    project: Project | None,
    name: str,
    lang: str,
    origin: str,
) -> None:
    existing_clauses: dict[str, Clause] = dict(library.clauses) if library else {}
    existing_sources = dict(library.sources) if library else {}
    taken_sources = set(existing_sources)
    by_url = {s.url: s.id for s in existing_sources.values() if s.url}
    source_ids: dict[tuple[str, str], str] = {}
    new_sources: list[tuple[str, dict[str, object]]] = []
    seen_new: dict[tuple[object, ...], str] = {}

    def note_id(key: tuple[str, str]) -> str | None:
        if key not in source_ids:
            note = resolution.notes.get(key)
            if note is None:
                result.remarks.append(
                    f"a call to {key[0]} {key[1]}, which the file lacks: left out"
                )
                return None
            entry = note_source(note)
            signature = tuple(sorted(entry.items()))
            if entry.get("url") in by_url and entry.get("url"):
                sid = by_url[str(entry["url"])]
                result.sources_reused.append(sid)
            elif signature in seen_new:
                sid = seen_new[signature]
            else:
                sid = unique(source_slug(entry), taken_sources)
                seen_new[signature] = sid
                new_sources.append((sid, entry))
                result.sources_new.append(sid)
            source_ids[key] = sid
        sid = source_ids[key]
        return f"[^en:{sid}]" if key[0] == "endnote" else f"[^{sid}]"

    kinds = {
        "preambular": {"preambular", "paragraph"},
        "operative": {"operative", "paragraph"},
        "opening": {"paragraph", "preambular"},
        "chapeau": {"paragraph"},
        "closing": {"paragraph"},
    }
    matcher = _Matcher(existing_clauses, kinds)
    taken_ids = set(existing_clauses)
    new_clauses: list[dict[str, object]] = []
    spec_entries: dict[str, list[object]] = {"preamble": [], "operative": []}
    spec_single: dict[str, object] = {}
    made: dict[str, str] = {}
    doc_date = profile(lang).long_date(resolution.date) if resolution.date else ""
    for part in resolution.parts:
        lead = to_markup(part.lead, note_id)
        text = to_markup(part.runs, note_id)
        items = [_item(i, note_id) for i in part.items]
        whole = _normal(" ".join([lead, text, *_flatten(items)]))
        kind = _KINDS.get(part.role, "paragraph")
        if not text:  # a paragraph of italic words only: its text, not a lead
            lead, text = "", lead
        found = None if whole in made else matcher.match(whole, part.role)
        entry: object
        if whole in made:
            cid = entry = made[whole]
            result.rows.append(Row(part.role, cid, "reused", "equal to an earlier paragraph"))
        elif found is not None and found[1] >= REUSE_AT:
            cid, ratio, params = found
            clause = existing_clauses[cid]
            params = {
                k: v
                for k, v in params.items()
                if v != (clause.params[k].default if k in clause.params else None)
                and not (k == "date" and v == doc_date)
            }
            entry = {"clause": cid, "params": params} if params else cid
            detail = (
                "equal"
                if ratio == 1.0 and not params
                else (
                    f"equal with {', '.join(params)}" if ratio == 1.0 else f"similarity {ratio:.2f}"
                )
            )
            result.rows.append(Row(part.role, cid, "reused", detail))
        else:
            cid = unique(slug(whole, words=5), taken_ids)
            clause_data: dict[str, object] = {"id": cid, "kind": kind}
            if lead:
                clause_data["lead"] = lead
            clause_data["text"] = text
            if items:
                clause_data["items"] = items
            new_clauses.append(clause_data)
            entry = cid
            detail = f"near {found[0]} (similarity {found[1]:.2f})" if found else ""
            result.rows.append(Row(part.role, cid, "near-miss" if found else "new", detail))
            made[whole] = cid
        if part.role in _SPEC_PART:
            if part.role in spec_single:
                result.unplaced.append(_normal(whole))
                result.rows.pop()
                if new_clauses and new_clauses[-1].get("id") == cid:
                    new_clauses.pop()
                continue
            spec_single[part.role] = entry
        else:
            spec_entries["preamble" if part.role == "preambular" else "operative"].append(entry)
    if not resolution.title:
        resolution.title = Path(result.document).stem
        result.remarks.append("no title found: the document is titled after the file")
    document = _document(resolution, spec_single, spec_entries, lang, project)
    _files(result, project, name, lang, new_clauses, new_sources, document, origin)


def _item(item: SubPart, note_id) -> dict[str, object]:  # type: ignore[no-untyped-def]
    data: dict[str, object] = {"text": to_markup(item.runs, note_id)}
    if item.items:
        data["items"] = [_item(i, note_id) for i in item.items]
    return data


def _flatten(items: list[dict[str, object]]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(str(item["text"]))
        out += _flatten(item.get("items", []))  # type: ignore[arg-type]
    return out


def _document(
    r: Resolution,
    single: dict[str, object],
    lists: dict[str, list[object]],
    lang: str,
    project: Project | None,
) -> dict[str, object]:
    doc: dict[str, object] = {"template": "resolution", "style": "plain"}
    for key in ("symbol", "title", "adoption", "organ", "forum"):
        if getattr(r, key):
            doc[key] = getattr(r, key)
    if r.date:
        doc["date"] = r.date
    if r.place:
        doc["place"] = r.place
    if project is not None and lang != project.config.source_locale:
        doc["lang"] = lang
    for key in ("opening",):
        if key in single:
            doc[key] = single[key]
    if lists["preamble"]:
        doc["preamble"] = lists["preamble"]
    if "chapeau" in single:
        doc["chapeau"] = single["chapeau"]
    if lists["operative"]:
        doc["operative"] = lists["operative"]
    if "closing" in single:
        doc["closing"] = single["closing"]
    signature: dict[str, object] = {}
    if r.signature_by:
        signature["by"] = r.signature_by
    if r.signature_date:
        signature["date"] = r.signature_date
    if r.signature_place:
        signature["place"] = r.signature_place
    if signature:
        doc["signature"] = signature
    return doc


def _files(
    result: ImportResult,
    project: Project | None,
    name: str,
    lang: str,
    clauses: list[dict[str, object]],
    sources: list[tuple[str, dict[str, object]]],
    document: dict[str, object],
    docx_name: str,
) -> None:
    from draftkit.library.clauses import load_clause_file
    from draftkit.library.documents import load_document_spec
    from draftkit.library.sources import load_sources_file

    root = result.root
    origin = f"Imported from {docx_name} by draftkit import."
    clause_path = root / "clauses" / f"{name}.yaml"
    sources_path = root / (
        project.config.sources[0] if project and project.config.sources else "sources.yaml"
    )
    for path in (clause_path, result.document):
        if path.exists() and (path != clause_path or clauses):
            raise DraftkitError(
                "this file exists already; an import never replaces a file",
                path=path,
                hint="give the import another name with --name, or remove the file",
            )
    files: list[tuple[Path, str]] = []
    if clauses:
        text = clause_file(clauses, origin)
        load_clause_file(clause_path, text)
        files.append((clause_path, text))
    if sources:
        entries = source_entries(sources)
        if sources_path.exists():
            old = sources_path.read_text(encoding="utf-8")
            if not old.strip():
                text = "sources:\n" + entries
            elif re.search(r"^sources:\s*\[\s*\]\s*$", old, re.MULTILINE):
                text = re.sub(r"^sources:\s*\[\s*\]\s*$", "sources:", old, count=1, flags=re.M)
                text = text.rstrip("\n") + "\n" + entries
            else:
                text = old.rstrip("\n") + "\n\n" + entries
            try:
                loaded = load_sources_file(sources_path, text)
            except InputError as exc:
                raise DraftkitError(
                    f"cannot add the new sources to {sources_path.name} ({exc.message})",
                    path=sources_path,
                    hint="end the file with its 'sources:' list, indented by two spaces",
                ) from None
            if len(loaded) != len(load_sources_file(sources_path, old)) + len(sources):
                raise DraftkitError(
                    f"cannot add the new sources to {sources_path.name}",
                    path=sources_path,
                    hint="end the file with its 'sources:' list, indented by two spaces",
                )
        else:
            text = f"# {origin}\nsources:\n" + entries
            load_sources_file(sources_path, text)
        files.append((sources_path, text))
    text = document_file(document, origin)
    load_document_spec(result.document, text)
    files.append((result.document, text))
    if project is None:
        config = root / CONFIG_NAME
        files.append((config, _config(name, lang)))
    result.files = [(path, text.encode("utf-8")) for path, text in files]


def _config(name: str, lang: str) -> str:
    return (
        f"# A project made by draftkit import: the language of the imported text ({lang})\n"
        "# is its source language; add locales to translate it.\n"
        "[project]\n"
        f'name = "{name}"\n'
        f'source_locale = "{lang}"\n'
        f'locales = ["{lang}"]\n'
        'output = "build"\n'
        'sources = ["sources.yaml"]\n'
        "\n[build]\n"
        'formats = ["docx", "pdf"]\n'
    )


def import_docx(
    docx: Path,
    into: Path | None = None,
    lang: str | None = None,
    name: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import ``docx``; write its files unless ``dry_run``. Nothing is written when any
    check fails."""
    from draftkit.fsutil import publish_all

    result = plan_import(docx, into, lang, name)
    if not dry_run:
        publish_all(result.files)
        result.written = True
    return result

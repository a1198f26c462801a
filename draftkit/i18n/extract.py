"""Message extraction: content files and a project's templates → ``locales/messages.pot``.

Content files (clauses, sources, documents, organisations, events) are read with
draftkit's own loaders (see :mod:`draftkit.i18n.messages`), templates with Jinja2's Babel
extractor. :func:`babel_extract` exposes the content side as a Babel extractor (entry point
``draftkit``), so ``pybabel extract`` with a mapping file such as
``[draftkit: clauses/**.yaml]`` works too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit import __version__
from draftkit.errors import DraftkitError
from draftkit.fsutil import BuildClock, builtin_templates_dir, folder_lock, publish_all
from draftkit.i18n.catalogs import read_catalog, template_path
from draftkit.i18n.messages import (
    Message,
    clause_messages,
    document_messages,
    event_messages,
    organisation_messages,
    source_messages,
)
from draftkit.i18n.previous import split_previous, with_previous
from draftkit.library.clauses import load_clause_file
from draftkit.library.documents import load_document_spec
from draftkit.library.library import raise_if
from draftkit.library.sources import load_sources_file
from draftkit.project import Project
from draftkit.yamlfile import load_yaml

JINJA_OPTIONS = {"trimmed": "true", "extensions": "", "silent": "false"}
TEMPLATE_COMMENT_TAGS = ("Translators:",)


@dataclass(frozen=True)
class Extracted:
    path: str
    line: int
    context: str | None
    text: str | tuple[str, str]
    comments: tuple[str, ...]


def content_messages(project: Project) -> Iterator[Message]:
    library, errors = project.library_and_errors
    raise_if(errors)
    for source in library.sources.values():
        yield from source_messages(source)
    for clause in library.clauses.values():
        yield from clause_messages(clause)
    for path in project.document_files():
        yield from document_messages(project.load_document(path))
    for org in project.organisations.values():
        yield from organisation_messages(org)
    for path in project.event_files():
        yield from event_messages(project.load_event(path))


def template_files(project: Project) -> list[tuple[str, Path]]:
    """Every ``*.j2`` of the project's own template folders, a project's file shadowing
    the built-in one. The built-in templates' strings are draftkit's own messages, shipped
    translated (:mod:`draftkit.i18n.builtin`), so they are not the project's to extract."""
    builtin = builtin_templates_dir().resolve()
    seen: dict[str, Path] = {}
    for folder in project.templates_path:
        if folder.resolve() == builtin:
            continue
        for path in sorted(folder.rglob("*.j2")):
            name = path.relative_to(folder).as_posix()
            seen.setdefault(name, path)
    return sorted(seen.items())


def jinja_messages(path: Path, shown: str) -> Iterator[Extracted]:
    """The gettext calls of one template, located as ``shown``."""
    from babel.messages.extract import extract_from_file

    try:
        results = extract_from_file(
            "jinja2",
            path,
            comment_tags=TEMPLATE_COMMENT_TAGS,
            options=JINJA_OPTIONS,
            strip_comment_tags=True,
        )
    except Exception as exc:  # a template Jinja cannot parse
        raise DraftkitError(f"cannot extract messages: {exc}", path=path) from exc
    for line, text, comments, context in results:
        yield Extracted(shown, line, context, text, tuple(comments))


def template_messages(project: Project) -> Iterator[Extracted]:
    for _name, path in template_files(project):
        yield from jinja_messages(path, project.relative(path))


def new_catalog(name: str, extracted_from: str):  # type: ignore[no-untyped-def]
    """An empty POT catalog with a reproducible header (the build clock's date)."""
    from babel.messages.catalog import Catalog

    clock = BuildClock.for_document(None)
    catalog = Catalog(
        project=name,
        version=None,
        charset="utf-8",
        creation_date=clock.timestamp,
        fuzzy=False,
        msgid_bugs_address="",
        copyright_holder="",
    )
    catalog.header_comment = (
        f"# Translations template for {name}.\n"
        f"# Extracted by draftkit {__version__} from {extracted_from}.\n"
        "#"
    )
    return catalog


def add_template_messages(catalog, items: Iterator[Extracted]) -> None:  # type: ignore[no-untyped-def]
    for item in items:
        flags = (
            ["python-format"]
            if "%(" in (item.text if isinstance(item.text, str) else item.text[0])
            else []
        )
        catalog.add(
            item.text,
            locations=[(item.path, item.line)],
            auto_comments=list(item.comments),
            context=item.context,
            flags=flags,
        )


def build_template_catalog(project: Project):  # type: ignore[no-untyped-def]
    catalog = new_catalog(
        project.config.name, "clauses, sources, documents and the project's templates"
    )
    for message in content_messages(project):
        catalog.add(
            message.text,
            locations=[(project.relative(message.path), message.line)],
            auto_comments=[message.comment],
            context=message.context,
        )
    add_template_messages(catalog, template_messages(project))
    return catalog


def _body(catalog) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    # write_po wraps long comments over several lines: compare them joined.
    return [
        (m.id, m.context, tuple(m.locations), " ".join(m.auto_comments)) for m in catalog if m.id
    ]


_WIDTH = 79


def serialise(catalog) -> bytes:  # type: ignore[no-untyped-def]
    """The catalog as a PO file; a message's ``#|`` lines (held as translator comments
    while in memory, see :mod:`draftkit.i18n.previous`) are written as gettext writes
    them, before its msgctxt. Obsolete entries lose them, as Babel could not read them."""
    from babel.messages.pofile import write_po

    messages = [m for m in catalog if m.id] + list(catalog.obsolete.values())
    saved = [m.user_comments for m in messages]
    previous: list[tuple[str | None, str | None]] = []
    for message in messages:
        others, context, msgid = split_previous(message.user_comments)
        message.user_comments = others
        previous.append((context, msgid))
    buffer = io.BytesIO()
    try:
        # Babel's own "#|" writing wraps a long msgid as comment text, which msgfmt refuses.
        write_po(buffer, catalog, width=_WIDTH, include_previous=False, sort_output=False)
    finally:
        for message, comments in zip(messages, saved, strict=True):
            message.user_comments = comments
    data = buffer.getvalue()
    if not any(msgid is not None for _, msgid in previous):
        return data
    active = len(messages) - len(catalog.obsolete)
    shown = [p if n < active else (None, None) for n, p in enumerate(previous)]
    return with_previous(data.decode("utf-8"), shown, _WIDTH).encode("utf-8")


def pot_unchanged(target: Path, catalog) -> bool:  # type: ignore[no-untyped-def]
    """The POT at ``target`` holds the same messages, locations and comments."""
    return target.is_file() and _body(read_catalog(target)) == _body(catalog)


def extract(project: Project) -> tuple[Path, int, bool]:
    """Write the POT when its messages changed (as Sphinx does, so git stays quiet).
    Returns (path, number of messages, whether it was written)."""
    catalog = build_template_catalog(project)
    target = template_path(project.locales_dir)
    if pot_unchanged(target, catalog):
        return target, len(_body(catalog)), False
    # The catalogs' lock, as i18n update holds it: an update never reads half a change.
    waiting = f"waiting for another draftkit updating {project.locales_dir}…"
    with folder_lock(project.locales_dir, clean=[project.locales_dir], waiting=waiting):
        publish_all([(target, serialise(catalog))])
    return target, len(_body(catalog)), True


# -- Babel extractor entry point ---------------------------------------------------------


def babel_extract(
    fileobj: Any, keywords: Any, comment_tags: Any, options: dict
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """``[draftkit: clauses/**.yaml]`` in a Babel mapping: clause, source, document,
    organisation or event files."""
    name = getattr(fileobj, "name", "content.yaml")
    path = Path(name if isinstance(name, str) else "content.yaml")
    text = fileobj.read()
    text = text.decode("utf-8") if isinstance(text, bytes) else text
    root = load_yaml(path, text)
    if root.get("clauses") is not None:
        messages: Iterator[Message] = (
            m for c in load_clause_file(path, text) for m in clause_messages(c)
        )
    elif root.get("sources") is not None:
        messages = (m for s in load_sources_file(path, text) for m in source_messages(s))
    elif root.get("organisations") is not None:
        from draftkit.library.organisations import load_organisation_file

        messages = (m for o in load_organisation_file(path, text) for m in organisation_messages(o))
    elif root.get("kind") is not None and (root.get("lede") or root.get("body")) is not None:
        from draftkit.library.events import load_event

        messages = event_messages(load_event(path, text=text))
    else:
        messages = document_messages(load_document_spec(path, text))
    for message in messages:
        yield message.line, "pgettext", (message.context, message.text), [message.comment]

"""A draftkit project: ``draftkit.toml`` and the folders beside it.

::

    draftkit.toml       source locale, target locales, output folder, defaults
    clauses/*.yaml      the clause library
    sources.yaml        footnote sources
    documents/*.yaml    document specs
    events/*.yaml       events: press releases and media advisories
    organisations/*.yaml  organisers, partners and funders of events
    templates/          overrides of the built-in templates, file by file
    locales/            gettext catalogs
    terms/*.tbx         term bases (``[i18n] terms`` names others)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from draftkit.errors import DraftkitError, InputError
from draftkit.fsutil import builtin_templates_dir
from draftkit.textfile import read_utf8

if TYPE_CHECKING:  # the content modules load when content is read, not with the config
    from draftkit.library.documents import DocumentSpec
    from draftkit.library.events import EventSpec
    from draftkit.library.library import Library
    from draftkit.library.organisations import Organisation
    from draftkit.terms.model import TermBase

CONFIG_NAME = "draftkit.toml"


@dataclass
class ProjectConfig:
    name: str = "draftkit project"
    source_locale: str = "en"
    locales: list[str] = field(default_factory=lambda: ["en"])
    output: str = "build"
    formats: list[str] = field(default_factory=lambda: ["docx", "pdf"])
    style: str = "plain"
    # Tagged PDF (PDF/UA-1) unless the project says ``pdf_variant = "none"`` (see README).
    pdf_variant: str | None = "pdf/ua-1"
    sources: list[str] = field(default_factory=lambda: ["sources.yaml"])
    # How press releases attribute quotes unless an event says otherwise: "block" or "news".
    attribution: str = "block"
    # A template's budget ([build] template_seconds, template_output_mb): see
    # draftkit.assemble.templating.RenderBudget.
    template_seconds: float = 10.0
    template_output_mb: float = 50.0
    # Term bases ([i18n] terms): glob patterns inside the project.
    terms: list[str] = field(default_factory=lambda: ["terms/*.tbx"])
    # The Akoma Ntoso work's country ([build] akn_country): "un" for a UN body's
    # resolution, else the forum's country as the AKN naming convention writes it.
    akn_country: str = "un"
    # [i18n]: translation memories (TMX files) `i18n update` suggests translations from,
    # and how similar a text must be (0-1) for a suggestion.
    memories: list[str] = field(default_factory=list)
    threshold: float = 0.75


# ISO 3166-1 alpha-2, or a subdivision ("za-wc"), lower case; or a body's code ("un",
# "eu"): what the AKN naming convention allows in a work URI's country part.
AKN_COUNTRY = re.compile(r"[a-z]{2}(-[a-z0-9]{1,3})?")


def _load_config(path: Path) -> ProjectConfig:
    try:
        data = tomllib.loads(read_utf8(path))
    except tomllib.TOMLDecodeError as exc:
        # Python < 3.14 has no exc.lineno: the position is only in the message.
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        message = str(exc).split(" (at line")[0]
        raise InputError(
            f"malformed TOML: {message}",
            path=path,
            line=line,
            hint='text values need double quotes, e.g. name = "My forum"',
        ) from exc
    config = ProjectConfig()
    project = data.get("project", {})
    build = data.get("build", {})
    press = data.get("press", {})
    i18n = data.get("i18n", {})
    for table, value in (("project", project), ("build", build), ("press", press), ("i18n", i18n)):
        if not isinstance(value, dict):
            raise InputError(
                f"[{table}] must be a table",
                path=path,
                line=_setting_line(path, table),
                hint=f"write a '[{table}]' header followed by its settings",
            )
    for table, values, key, example in (
        ("project", project, "locales", '["..."]'),
        ("project", project, "sources", '["..."]'),
        ("i18n", i18n, "memories", '["tm/shared.tmx"]'),
        ("build", build, "formats", '["docx", "pdf"]'),
    ):
        if key in values and not isinstance(values[key], list):
            raise InputError(
                f"'{key}' in [{table}] must be a list",
                path=path,
                line=_setting_line(path, key),
                hint=f"e.g. {key} = {example}",
            )
    if "terms" in i18n and not (
        isinstance(i18n["terms"], list)
        and all(isinstance(x, str) and x.strip() for x in i18n["terms"])
    ):
        raise InputError(
            "'terms' in [i18n] must be a list of file patterns",
            path=path,
            line=_setting_line(path, "terms"),
            hint='e.g. terms = ["terms/*.tbx"]',
        )
    known = {
        "project": {"name", "source_locale", "locales", "output", "sources"},
        "build": {
            "formats",
            "style",
            "pdf_variant",
            "template_seconds",
            "template_output_mb",
            "akn_country",
        },
        "press": {"attribution"},
        "i18n": {"terms", "memories", "threshold"},
    }
    for table, keys in known.items():
        for key in data.get(table, {}):
            if key not in keys:
                raise InputError(
                    f"unknown setting '{key}' in [{table}]",
                    path=path,
                    line=_setting_line(path, key),
                    hint="known: " + ", ".join(sorted(keys)),
                )
    for key in data:
        if key not in known:
            raise InputError(
                f"unknown table [{key}]",
                path=path,
                line=_setting_line(path, f"[{key}]"),
                hint="known: " + ", ".join(f"[{t}]" for t in known),
            )
    config.name = str(project.get("name", config.name))
    config.source_locale = str(project.get("source_locale", config.source_locale))
    config.locales = [str(x) for x in project.get("locales", [config.source_locale])]
    if config.source_locale not in config.locales:
        config.locales.insert(0, config.source_locale)
    config.output = str(project.get("output", config.output))
    config.sources = [str(x) for x in project.get("sources", config.sources)]
    config.memories = [str(x) for x in i18n.get("memories", config.memories)]
    for key, value in [("output", config.output), *(("sources", s) for s in config.sources)]:
        _check_inside(path, key, value)
    for memory in config.memories:
        _check_inside(path, "memories", memory, table="i18n")
    config.terms = list(i18n.get("terms", config.terms))
    for pattern in config.terms:
        _check_inside(path, "terms", pattern, table="i18n")
    config.formats = [str(x) for x in build.get("formats", config.formats)]
    from draftkit.render.writers import format_names, writer

    for fmt in config.formats:
        try:
            writer(fmt)
        except DraftkitError:
            raise InputError(
                f"unknown output format '{fmt}'",
                path=path,
                line=_setting_line(path, "formats"),
                hint="formats are: " + format_names(),
            ) from None
    config.style = str(build.get("style", config.style))
    from draftkit.library.formatting import STYLES

    if config.style not in STYLES:
        raise InputError(
            f"unknown formatting style '{config.style}'",
            path=path,
            line=_setting_line(path, "style"),
            hint="style is one of: " + ", ".join(STYLES),
        )
    config.attribution = str(press.get("attribution", config.attribution))
    from draftkit.library.events import ATTRIBUTIONS

    if config.attribution not in ATTRIBUTIONS:
        raise InputError(
            f"unknown attribution style '{config.attribution}' in [press]",
            path=path,
            line=_setting_line(path, "attribution"),
            hint="attribution is one of: " + ", ".join(ATTRIBUTIONS),
        )
    for key in ("template_seconds", "template_output_mb"):
        value = build.get(key, getattr(config, key))
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise InputError(
                f"'{key}' in [build] must be a number above 0, not {value!r}",
                path=path,
                line=_setting_line(path, key),
                hint=f"e.g. {key} = {getattr(ProjectConfig, key):g}",
            )
        setattr(config, key, float(value))
    threshold = i18n.get("threshold", config.threshold)
    if not valid_threshold(threshold):
        raise InputError(
            f"'threshold' in [i18n] must be a number from 0 to 1, not {threshold!r}",
            path=path,
            line=_setting_line(path, "threshold"),
            hint="e.g. threshold = 0.75 (1 suggests only identical texts)",
        )
    config.threshold = float(threshold)
    variant = str(build.get("pdf_variant", config.pdf_variant))
    config.pdf_variant = None if variant == "none" else variant
    country = build.get("akn_country", config.akn_country)
    if not isinstance(country, str) or not AKN_COUNTRY.fullmatch(country):
        raise InputError(
            f"'akn_country' in [build] must be a country code, not {country!r}",
            path=path,
            line=_setting_line(path, "akn_country"),
            hint='ISO 3166-1 alpha-2 in lower case, e.g. akn_country = "kg"; "un" for the UN',
        )
    config.akn_country = country
    return config


def valid_threshold(value: object) -> bool:
    """A similarity threshold: a number above 0, at most 1."""
    return not isinstance(value, bool) and isinstance(value, int | float) and 0 < value <= 1


def _setting_line(config_path: Path, key: str) -> int | None:
    """The line of setting ``key`` (or of the header ``[key]``); tomllib keeps no lines."""
    text = config_path.read_text(encoding="utf-8")
    if key.startswith("["):
        pattern = rf"^[ \t]*\[[ \t]*{re.escape(key[1:-1])}[ \t]*\]"
    else:
        pattern = rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*="
    found = re.search(pattern, text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _check_inside(config_path: Path, key: str, value: str, *, table: str = "project") -> None:
    """A project received from elsewhere must not read or write outside its folder: paths
    that leave it come only from the command line (``draftkit build -o``)."""
    root = config_path.parent.resolve()
    if Path(value).is_absolute() or not (root / value).resolve().is_relative_to(root):
        raise InputError(
            f"'{key}' in [{table}] leaves the project folder: {value!r}",
            path=config_path,
            line=_setting_line(config_path, key),
            hint="name a path inside the project"
            + (", or write elsewhere with 'draftkit build -o FOLDER'" if key == "output" else ""),
        )


class Project:
    def __init__(self, root: Path, config: ProjectConfig) -> None:
        self.root = root.resolve()
        self.config = config

    @classmethod
    def load(cls, root: Path) -> Project:
        return cls(root, _load_config(root / CONFIG_NAME))

    @classmethod
    def discover(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above ``start`` that holds a ``draftkit.toml``."""
        try:
            here = (start or Path.cwd()).resolve()
        except FileNotFoundError:
            raise DraftkitError(
                "the current folder no longer exists",
                hint="cd into a project folder (it may have been deleted or renamed)",
            ) from None
        if here.is_file():
            here = here.parent
        for folder in (here, *here.parents):
            if (folder / CONFIG_NAME).is_file():
                return cls.load(folder)
        raise DraftkitError(
            f"no {CONFIG_NAME} found in {here} or any folder above it",
            hint="run draftkit inside a project, or create one with 'draftkit new NAME'",
        )

    # folders ---------------------------------------------------------------------
    @property
    def output_dir(self) -> Path:
        return self.root / self.config.output

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def memory_files(self) -> list[Path]:
        """The translation memories ([i18n] memories), in the order listed."""
        return [self.root / m for m in self.config.memories]

    @property
    def target_locales(self) -> list[str]:
        return [lang for lang in self.config.locales if lang != self.config.source_locale]

    def folder(self, name: str) -> Path | None:
        """The project's folder ``name`` if it exists; one that leads outside the project
        (a symbolic link to ``/`` or to another project) is refused, as a project received
        from elsewhere must not make draftkit read wherever the user can."""
        folder = self.root / name
        if not folder.is_dir():
            return None
        real = folder.resolve()
        if not real.is_relative_to(self.root):
            raise InputError(
                f"the folder '{name}' leads outside the project (to {real})",
                path=folder,
                hint="a project's folders stay inside it: copy the files in, or remove the link",
            )
        return folder

    @property
    def templates_path(self) -> list[Path]:
        """Project templates first, then the built-ins (Sphinx's ``templates_path``)."""
        builtin = builtin_templates_dir().resolve()
        own = self.folder("templates")
        if own is None or own.resolve() == builtin:
            return [builtin]
        return [own.resolve(), builtin]

    def clause_files(self) -> list[Path]:
        folder = self.folder("clauses")
        return sorted(folder.rglob("*.yaml")) if folder else []

    def source_files(self) -> list[Path]:
        return [p for p in (self.root / s for s in self.config.sources) if p.is_file()]

    def document_files(self) -> list[Path]:
        folder = self.folder("documents")
        return sorted(folder.glob("*.yaml")) if folder else []

    def term_files(self) -> list[Path]:
        """The term bases ``[i18n] terms`` names, each once, in pattern order."""
        found: dict[Path, None] = {}
        for pattern in self.config.terms:
            for path in sorted(self.root.glob(pattern)):
                # A link out of the project is not followed, as for every other input.
                if path.is_file() and path.resolve().is_relative_to(self.root):
                    found.setdefault(path, None)
        return list(found)

    # content ---------------------------------------------------------------------
    def termbase(self) -> TermBase:
        from draftkit.terms.tbx import read_termbase

        return read_termbase(self.term_files())

    @cached_property
    def library_and_errors(self) -> tuple[Library, list[DraftkitError]]:
        from draftkit.library.library import load_library

        return load_library(self.clause_files(), self.source_files())

    @property
    def library(self) -> Library:
        from draftkit.library.library import raise_if

        library, errors = self.library_and_errors
        raise_if(errors)
        return library

    def load_document(self, path: Path) -> DocumentSpec:
        from draftkit.library.documents import load_document_spec

        return load_document_spec(path)

    # events and organisations (press releases, media advisories, press kits) -----------
    def event_files(self) -> list[Path]:
        folder = self.folder("events")
        return sorted(folder.glob("*.yaml")) if folder else []

    def organisation_files(self) -> list[Path]:
        folder = self.folder("organisations")
        return sorted(folder.rglob("*.yaml")) if folder else []

    @cached_property
    def organisations_and_errors(self) -> tuple[dict[str, Organisation], list[DraftkitError]]:
        from draftkit.library.organisations import load_organisations

        return load_organisations(self.organisation_files())

    @property
    def organisations(self) -> dict[str, Organisation]:
        """Organisations by id, from ``organisations/*.yaml``."""
        from draftkit.library.library import raise_if

        orgs, errors = self.organisations_and_errors
        raise_if(errors)
        return orgs

    def related_documents(self, event: EventSpec) -> list[DocumentSpec]:
        """The document specs an event's press kit includes, loaded (and so checked)."""
        return [self.load_document(ref.path) for ref in event.documents]

    def load_event(self, path: Path) -> EventSpec:
        """An event, its organisation ids checked against the library."""
        from draftkit.library.events import check_organisations, load_event

        event = load_event(path, self.root)
        check_organisations(event, self.organisations)
        return event

    def relative(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)

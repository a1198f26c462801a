"""Gettext catalogs: reading a locale's PO file and looking texts up during a build.

A PO file is read strictly (Babel's ``abort_invalid``: a broken line is an error naming the
file and line, never a printed warning) and compiled in memory; nothing is written. Every
lookup that finds no translation, or only a fuzzy one, is recorded, so a strict build can
list what is missing and ``--allow-incomplete`` can fall back to the source text.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from draftkit.errors import DraftkitError, InputError
from draftkit.textfile import os_error_hint, read_utf8

if TYPE_CHECKING:  # Babel's catalog modules load only when a catalog is read
    from babel.messages.catalog import Catalog

DOMAIN = "messages"


def catalog_path(locales_dir: Path, lang: str) -> Path:
    return locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def existing_catalog(locales_dir: Path, lang: str) -> Path:
    """The ``lang`` catalog's path; one error with what to run when there is none yet."""
    path = catalog_path(locales_dir, lang)
    if not path.is_file():
        raise DraftkitError(
            f"no {lang} catalog",
            path=path,
            hint="run 'draftkit i18n extract' and 'draftkit i18n update', then translate it",
        )
    return path


def template_path(locales_dir: Path) -> Path:
    return locales_dir / f"{DOMAIN}.pot"


_KEYWORD_LINE = re.compile(
    r'^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(?:[^"\\]|\\.)*"\s*$'
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_STRING_LINE = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')


def _check_strings(path: Path, text: str) -> None:
    """Every keyword and continuation line holds one well-quoted string.

    Babel's reader strips a line's first and last character as quotes without looking, so
    an unterminated string would silently lose a letter of the translation; this catches
    such lines (in obsolete ``#~`` entries too) before Babel reads the file.
    """
    # Split at line feeds only, as gettext counts lines: splitlines() would also split
    # at form feeds and other separators, hiding them and shifting every line number.
    for number, line in enumerate(text.split("\n"), start=1):
        control = _CONTROL.search(line)
        if control:
            # XML cannot hold it: it would surface later as a writer's error, blamed on
            # a template, or print as nothing.
            raise InputError(
                f"broken PO file: a control character (U+{ord(control.group()):04X}) "
                "is not allowed",
                path=path,
                line=number,
                hint="remove it; it is invisible in most editors",
            )
        body = line[3:] if line.startswith("#~ ") else line
        body = body.strip()
        if not body or (body.startswith("#") and not line.startswith("#~ ")):
            continue
        if _KEYWORD_LINE.match(body) or _STRING_LINE.match(body):
            continue
        raise InputError(
            f"broken PO file: malformed line {body[:40]!r}",
            path=path,
            line=number,
            hint='each line is a keyword with one "quoted string", a "continuation", '
            "a # comment or empty; check for a missing or unescaped quote",
        )


class DuplicateMessage(ValueError):
    def __init__(self, lineno: int, msgid: object) -> None:
        super().__init__(f"duplicate message {msgid!r}")
        self.lineno = lineno


def _strict_catalog(locale: str | None) -> Catalog:
    """A Catalog that refuses a second definition of a message while a file is read
    (Babel would keep the first and silently drop the second, losing a translation)."""
    from babel.messages.catalog import Catalog

    class StrictCatalog(Catalog):
        reading = True

        def __setitem__(self, id, message):  # type: ignore[no-untyped-def]
            if self.reading and id and self.get(id, context=message.context) is not None:
                raise DuplicateMessage(message.lineno, id)
            super().__setitem__(id, message)

        header_problem: HeaderProblem | None = None

        def _set_mime_headers(self, headers):  # type: ignore[no-untyped-def]
            headers = list(headers)
            if self.reading:
                # Kept, not raised: Babel's reader would wrap it into an error of its own.
                try:
                    _check_headers(headers)
                except HeaderProblem as problem:
                    self.header_problem = problem
                    field = problem.field.rstrip(":").lower()
                    headers = [h for h in headers if h[0].strip().lower() != field]
            super()._set_mime_headers(headers)

    return StrictCatalog(locale=locale)


class HeaderProblem(ValueError):
    def __init__(self, field: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.field = field
        self.hint = hint


_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*\d+\s*;\s*plural\s*=[^;]+;?\s*$")


def _check_headers(headers: list[tuple[str, str]]) -> None:
    """Header values Babel would read past without a word: a Plural-Forms that is no rule
    (it falls back to English's two forms) and a Language that names no language."""
    from babel import Locale, UnknownLocaleError

    for name, value in headers:
        field = name.strip().lower()
        if field == "plural-forms" and not _PLURAL_FORMS.match(value):
            raise HeaderProblem(
                "Plural-Forms:",
                f"the Plural-Forms header {value.strip()!r} is not 'nplurals=N; plural=RULE;'",
                "copy the language's rule from the gettext manual, e.g. for ky: "
                "nplurals=2; plural=(n != 1);",
            )
        if field == "language" and value.strip():
            try:
                Locale.parse(value.strip().replace("-", "_"))
            except (ValueError, UnknownLocaleError):
                raise HeaderProblem(
                    "Language:",
                    f"the Language header {value.strip()!r} names no language",
                    "write the language's code, e.g. Language: ky",
                ) from None


def _header_line(text: str, field: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if field.lower() in line.lower():
            return number
    return None


# Plural rules are checked for these counts (every ending up to 1,000, then a few large).
_PLURAL_SAMPLES = (*range(1000), 10**4, 10**6, 10**9)


def _check_plural_rule(path: Path, text: str, catalog: Catalog) -> None:
    """The Plural-Forms rule compiles and picks one of the file's plural forms for every
    count: gettext would otherwise fail at the first plural lookup of a build (a division
    by zero, a rule it cannot read) or silently print the English form (an index past
    nplurals)."""
    from gettext import c2py

    def refuse(problem: str) -> InputError:
        return InputError(
            f"broken PO file: the Plural-Forms rule {catalog.plural_expr!r} {problem}",
            path=path,
            line=_header_line(text, "Plural-Forms:"),
            hint="copy the language's rule from the gettext manual, e.g. for ru: "
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
            "(n%100<10 || n%100>=20) ? 1 : 2);",
        )

    try:
        rule = c2py(catalog.plural_expr)
    except ValueError as exc:
        raise refuse(f"cannot be read ({exc})") from exc
    plurals = catalog.num_plurals
    for n in _PLURAL_SAMPLES:
        try:
            form = rule(n)
        except ArithmeticError as exc:
            raise refuse(f"fails for n = {n} ({exc})") from exc
        if not 0 <= form < plurals:
            raise refuse(f"gives form {form} for n = {n}, but nplurals is {plurals}")


def _check_language(catalog: Catalog, locale: str | None) -> None:
    """A catalog under locales/ru/ that says Language: ky is the wrong file in that place."""
    said = catalog.locale_identifier
    if locale and said and said.split("_")[0] != locale.split("_")[0]:
        raise HeaderProblem(
            "Language:",
            f"the Language header says {said!r}, but this is the {locale!r} catalog",
            f"write Language: {locale}, or move the file to that language's folder",
        )


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Read a PO/POT file strictly; any syntax problem is an :class:`InputError`."""
    from babel.messages.pofile import PoFileError, PoFileParser

    try:
        text = read_utf8(
            path,
            prefix="broken PO file: ",
            hint="save it as UTF-8 and say so in the Content-Type header",
        )
    except OSError as exc:
        raise InputError(
            f"cannot read catalog: {exc.strerror}", path=path, hint=os_error_hint(exc)
        ) from None
    _check_strings(path, text)
    try:
        catalog = _strict_catalog(locale)
        with path.open("rb") as fh:
            PoFileParser(catalog, ignore_obsolete=False, abort_invalid=True).parse(fh)
        catalog.reading = False  # type: ignore[attr-defined]
        if catalog.header_problem is not None:  # type: ignore[attr-defined]
            raise catalog.header_problem  # type: ignore[attr-defined]
        # A file with no entry after its header is parsed without the charset being used;
        # compiling it would fail on an unknown one.
        codecs.lookup(catalog.charset)
        if codecs.lookup(catalog.charset).name != "utf-8" and not text.isascii():
            # The file is UTF-8 (read above); decoding it as the header says would publish
            # mojibake ("Ð Ñ…" for Cyrillic).
            raise HeaderProblem(
                "Content-Type:",
                f"the Content-Type header says charset={catalog.charset}, but the file is UTF-8",
                "write charset=UTF-8 in the header",
            )
        _check_language(catalog, locale)
        _check_plural_rule(path, text, catalog)
        return catalog
    except HeaderProblem as exc:
        raise InputError(
            f"broken PO file: {exc}",
            path=path,
            line=_header_line(text, exc.field),
            hint=exc.hint,
        ) from None
    except LookupError as exc:  # Babel decodes the lines after the header with its charset
        raise InputError(
            f"broken PO file: unknown charset in the Content-Type header ({exc})",
            path=path,
            line=_header_line(text, "Content-Type:"),
            hint="write charset=UTF-8 and save the file as UTF-8",
        ) from exc
    except DuplicateMessage as exc:
        raise InputError(
            f"broken PO file: {exc}",
            path=path,
            line=exc.lineno,
            hint="a message may be defined once per context; merge the two",
        ) from exc
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        line = line + 1 if isinstance(line, int) else None  # Babel counts from 0
        message = str(exc).split(" on ")[0].split(":", 1)[-1].strip() or str(exc)
        raise InputError(
            f"broken PO file: {message}",
            path=path,
            line=line,
            hint="fix the entry, or run msgfmt --check on the file to see it",
        ) from exc
    except OSError as exc:
        raise InputError(
            f"cannot read catalog: {exc.strerror}", path=path, hint=os_error_hint(exc)
        ) from None
    except ValueError as exc:  # e.g. an unknown Language header
        raise InputError(f"broken PO file: {exc}", path=path) from exc


class Translator(Protocol):
    lang: str
    path: Path | None

    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def pgettext(self, context: str, message: str) -> str: ...
    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str: ...
    def line_of(self, context: str | None, message: str) -> int | None: ...


class SourceLanguage:
    """The source language: every text of the project is already in it.

    ``words``: draftkit's own translations of its templates' words (written in English)
    into that language, for a project whose source language is not English: a Kyrgyz
    project's signature line still needs Kyrgyz order. Looked up quietly: a text they do
    not hold is the project's own, and prints as written."""

    path: Path | None = None

    def __init__(self, lang: str = "en", words: CatalogTranslator | None = None) -> None:
        self.lang = lang
        self._words = words.lookups() if words is not None else None

    def gettext(self, message: str) -> str:
        return self._words.gettext(message) if self._words else message

    def line_of(self, context: str | None, message: str) -> int | None:
        return None

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if self._words:
            return self._words.ngettext(singular, plural, n)
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return self._words.pgettext(context, message) if self._words else message

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        if self._words:
            return self._words.npgettext(context, singular, plural, n)
        return singular if n == 1 else plural


@dataclass(frozen=True)
class Missing:
    context: str | None
    message: str
    fuzzy: bool
    locations: tuple[tuple[str, int], ...] = ()

    def describe(self) -> str:
        where = f"{self.locations[0][0]}:{self.locations[0][1]}" if self.locations else "?"
        what = "fuzzy" if self.fuzzy else "untranslated"
        short = self.message if len(self.message) <= 50 else self.message[:49] + "…"
        ctx = f" [{self.context}]" if self.context else ""
        return f"{where}{ctx}: {what}: {short!r}"


def finished(message) -> bool:  # type: ignore[no-untyped-def]
    """Translated in every plural form and not fuzzy: what a build may use."""
    if message is None or message.fuzzy or not message.string:
        return False
    return all(message.string) if isinstance(message.string, tuple) else True


def compile_catalog(catalog: Catalog):  # type: ignore[no-untyped-def]
    """The finished entries of ``catalog`` as Babel ``Translations``, compiled in memory.

    Only finished entries: Babel's ``write_mo`` drops an empty singular but writes an empty
    plural entry with the English forms, which would hide the catalog beneath."""
    from babel.messages.catalog import Catalog as BabelCatalog
    from babel.messages.mofile import write_mo
    from babel.support import Translations

    kept = BabelCatalog(locale=catalog.locale, charset="utf-8")
    kept.mime_headers = catalog.mime_headers  # the Plural-Forms of the file, if it has one
    # The texts are read already; the header's charset (latin-1, say) could not encode
    # every character Babel read before it knew that charset.
    kept.charset = "utf-8"
    for message in catalog:
        if message.id and finished(message):
            kept[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, kept, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@dataclass
class CatalogTranslator:
    """Lookups in one locale's catalog (compiled in memory), recording what is missing.

    ``beneath`` is a catalog consulted for what this one does not finish (gettext's
    fallback chain): draftkit's own translations of its templates lie beneath a project's
    catalog, so the project's entry for the same message wins."""

    lang: str
    path: Path | None
    catalog: Catalog
    beneath: CatalogTranslator | None = None
    missing: dict[tuple[str | None, str], Missing] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._compiled = compile_catalog(self.catalog)  # fuzzy entries fall back
        if self.beneath is not None:
            self._compiled.add_fallback(self.beneath._compiled)

    @classmethod
    def load(
        cls, path: Path, lang: str, beneath: CatalogTranslator | None = None
    ) -> CatalogTranslator:
        return cls(lang, path, read_catalog(path, locale=lang), beneath)

    def entry(self, context: str | None, message: str):  # type: ignore[no-untyped-def]
        """The entry a lookup uses: this catalog's when finished, else the one beneath's
        when finished, else the closest unfinished one (None when no catalog has it)."""
        own = self.catalog.get(message, context=context)
        if finished(own) or self.beneath is None:
            return own
        below = self.beneath.entry(context, message)
        return below if finished(below) or own is None else own

    def _note(self, context: str | None, message: str) -> None:
        if not message or (context, message) in self.missing:
            return
        entry = self.entry(context, message)
        if not finished(entry):
            self.missing[(context, message)] = Missing(
                context,
                message,
                bool(entry and entry.fuzzy),
                tuple(entry.locations) if entry else (),
            )

    def line_of(self, context: str | None, message: str) -> int | None:
        entry = self.catalog.get(message, context=context)
        return entry.lineno if entry is not None else None

    def lookups(self) -> Any:
        """The compiled catalog (gettext's interface), which records nothing missing."""
        return self._compiled

    def gettext(self, message: str) -> str:
        self._note(None, message)
        return self._compiled.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self._note(None, singular)
        return self._compiled.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        self._note(context, message)
        return self._compiled.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        self._note(context, singular)
        return self._compiled.npgettext(context, singular, plural, n)

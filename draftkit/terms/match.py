"""Finding a term in a text, word by word, the way each language inflects.

A text is cut into words (a hyphenated compound such as «БУУ-Аялдар» stays one word, so
it differs from «БУУ Аялдар»); a term of several words matches the same number of
consecutive words. How one word of the term matches one word of the text depends on the
language:

- English (and any language without a rule below): the same word, case-insensitively, the
  last one also with a plural ``s``/``es``;
- a language Snowball has a stemmer for (Russian, …): the same stem (or one a letter
  longer), so «Пекинскую декларацию» matches «Пекинская декларация»;
- Kyrgyz, and other agglutinative languages Snowball lacks: the term's word begins the
  text's word, so «Жогорку Кеңештин» matches «Жогорку Кеңеш». Stem changes at a suffix
  (китеп → китеби) are not found so: a term base lists such forms as admitted terms.

Note calls (``[^id]``), parameters (``{name}``) and URLs are not words of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

import snowballstemmer

_WORD = re.compile(r"\w+(?:[-‐‑/]\w+)*")
# No '[' inside, as the markup's own rule: linear on "[^[^[^…".
_NOT_WORDS = re.compile(
    r"\[\^[^\][\n]*\]|\{[A-Za-z_][A-Za-z0-9_]*\}|(?:https?://|mailto:)[^\s)\]>\"«»]+"
)
_SNOWBALL = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "uk": "ukrainian",
}
# Agglutinative languages without a Snowball stemmer: a term's word is a prefix.
_PREFIX = {"ky", "kk", "uz", "tk", "tt", "ba", "az", "mn"}


@dataclass(frozen=True)
class Words:
    """A text's words (casefolded) and where each one is in the text."""

    text: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def quote(self, start: int, end: int) -> str:
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]

    @cached_property
    def by_letter(self) -> dict[str, list[int]]:
        """Where the words beginning with each letter are: a term's first word, in every
        mode, begins with the same letter as the word it matches."""
        index: dict[str, list[int]] = {}
        for position, word in enumerate(self.words):
            index.setdefault(word[0], []).append(position)
        return index


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


def words(text: str) -> Words:
    masked = _NOT_WORDS.sub(lambda m: " " * len(m.group()), text)
    found = list(_WORD.finditer(masked))
    return Words(text, tuple(_fold(m.group()) for m in found), tuple(m.span() for m in found))


@cache
def _term_words(term: str) -> tuple[str, ...]:
    return words(term).words


@cache
def _stemmer(lang: str):  # type: ignore[no-untyped-def]
    name = _SNOWBALL.get(lang.split("_")[0].split("-")[0].lower())
    return snowballstemmer.stemmer(name) if name else None


def _mode(lang: str) -> str:
    base = lang.split("_")[0].split("-")[0].lower()
    if base in _PREFIX:
        return "prefix"
    return "stem" if _stemmer(base) else "plain"


def _near(one: str, two: str) -> bool:
    """The same stem, or one longer by a letter: Snowball's Russian stemmer stems the
    cases of one noun unevenly (ассамблея → ассамбле, ассамблеи → ассамбл)."""
    short, long = sorted((one, two), key=len)
    return one == two or (
        len(short) >= 4 and len(long) == len(short) + 1 and long.startswith(short)
    )


class Matcher:
    """Finds the terms of one language in texts of that language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.mode = _mode(lang)
        self._stem = _stemmer(lang) if self.mode == "stem" else None
        self._stems: dict[str, str] = {}

    def _key(self, word: str) -> str:
        if self._stem is None:
            return word
        # A catalog repeats its words: stem each once.
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self._stem.stemWord(word)
        return stem

    def _same(self, term_word: str, text_word: str, *, last: bool) -> bool:
        if self.mode == "prefix":
            return text_word.startswith(term_word)
        if self.mode == "stem":
            return _near(self._key(term_word), self._key(text_word))
        if term_word == text_word:
            return True
        plurals = (term_word + "s", term_word + "es", term_word[:-1] + "ies")
        return last and text_word in plurals[: 3 if term_word.endswith("y") else 2]

    def find(self, term: str, text: Words) -> list[tuple[int, int]]:
        """Where ``term`` occurs in ``text``: (first word, word after the last)."""
        wanted = _term_words(term)
        if not wanted:
            return []
        size = len(wanted)
        found = []
        last_start = len(text.words) - size
        for start in text.by_letter.get(wanted[0][0], ()):
            if start <= last_start and all(
                self._same(w, text.words[start + i], last=i == size - 1)
                for i, w in enumerate(wanted)
            ):
                found.append((start, start + size))
        return found

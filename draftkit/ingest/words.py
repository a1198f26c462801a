"""The words an import recognises a resolution by, read from ``templates/import/``, and
the readable ids it makes of a paragraph's first words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.fsutil import builtin_templates_dir
from draftkit.yamlfile import load_yaml

DATA_FILE = Path("import") / "resolution.yaml"


@dataclass(frozen=True)
class Vocabulary:
    styles: dict[str, str]
    preambular: tuple[str, ...]  # longest first
    operative: tuple[str, ...]

    def style_role(self, style_name: str) -> str | None:
        """The part a paragraph style holds: "Resolution Title" → title."""
        return self.styles.get(re.sub(r"[\W\d_]+", "", style_name.lower()))

    def lead(self, text: str) -> tuple[str, str] | None:
        """(lead phrase as written, "preambular" or "operative") when ``text`` starts with
        a listed lead; a ``,`` or ``:`` right after it is part of the lead."""
        lowered = text.lower()
        best: tuple[str, str] | None = None
        for kind, phrases in (("preambular", self.preambular), ("operative", self.operative)):
            for phrase in phrases:
                if not lowered.startswith(phrase.lower()):
                    continue
                end = len(phrase)
                if end < len(text) and text[end] in ",:":
                    end += 1
                if end < len(text) and (text[end].isalnum() or text[end] in "-'’"):
                    continue
                if best is None or end > len(best[0]):
                    best = (text[:end], kind)
                break  # phrases are longest first: the first match of a kind is its best
        return best


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The vocabulary for ``lang`` (its base language: ``ru_KG`` reads as ``ru``); a
    language the lists lack gets the styles and English's leads."""
    path = builtin_templates_dir() / DATA_FILE
    root = load_yaml(path)
    if not root.is_mapping():
        raise DraftkitError("the import vocabulary is not a mapping", path=path)
    styles = {
        key: node.text("style role") for key, node in root.require("styles", "styles").items()
    }
    base = lang.split("_")[0].split("-")[0]

    def phrases(kind: str) -> tuple[str, ...]:
        table = dict(root.require(kind, kind).items())
        node = table.get(base) or table["en"]
        return tuple(sorted(node.text_list(kind), key=len, reverse=True))

    return Vocabulary(styles, phrases("preambular"), phrases("operative"))


# Cyrillic letters of Russian and Kyrgyz in Latin, for ids (ids are ASCII).
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяөүң",
        [*"a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch".split(), "", "y", ""]
        + "e yu ya o u ng".split(),
        strict=True,
    )
)
_STOP_WORDS = frozenset(
    "a an the of and or in on to for with by at from its their our we it is as be that this"
    " which all".split()
)


def slug(text: str, words: int = 6) -> str:
    """A readable id of a text's first words: "Recognizing the key role of women…" →
    ``recognizing-key-role-women``; Cyrillic is transliterated."""
    latin = "".join(_CYRILLIC.get(ch, ch) for ch in text[: 40 * words].lower())
    tokens = [t for t in re.findall(r"[a-z0-9]+", latin) if t not in _STOP_WORDS]
    return "-".join(tokens[:words]) or "paragraph"


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is not in ``taken``; adds it there."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate

"""Generators of hostile and near-valid input for the property tests.

Plain generated text rarely gets past a parser's first check, so besides it there are
generators that start from something valid (the example project's files, a small PO file,
well-formed markup) and break it a little: those reach the field checks, the markup inside
YAML values and the plural rules inside PO headers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]

# Characters that mean something to YAML, PO, the inline markup or XML, and controls.
SIGNIFICANT = list(
    ":-?[]{},#&*!|>'\"%@`\\/~^_()<>=;.\n\r\t \x00\x01\x08\x0b\x0c\x1b\x7f\x85"
    "\u00a0\u2028\u2029\u202e\u200b\ufeff\ufffe\uffff"
)
TEXT = st.text(alphabet=st.one_of(st.sampled_from(SIGNIFICANT), st.characters()), max_size=80)

# Pieces of inline markup; joined in any order they make markup that is nearly right.
MARKUP_PIECES = [
    "*",
    "**",
    "_",
    "__",
    "***",
    "[",
    "]",
    "(",
    ")",
    "](",
    "[^",
    "[^en:",
    "[^fn:",
    "\\",
    "\\[^",
    "\\{",
    "\\}",
    "{",
    "}",
    "{country}",
    "{x",
    "`",
    "<",
    ">",
    "<script>",
    "&amp;",
    "https://example.org/a_b",
    "http://",
    "mailto:a@b.org",
    "javascript:alert(1)",
    "ftp://x",
    "<https://e.org>",
    "sdg-goals",
    "en:nap-1325",
    "A",
    "word",
    " ",
    "  \n",
    "\n",
    "\t",
    "ң ө ү",
    "«»",
    "—",
    "\x00",
    "\u202e",
    "1.",
    "# ",
    "> ",
]
MARKUP = st.one_of(
    TEXT,
    st.lists(st.one_of(st.sampled_from(MARKUP_PIECES), TEXT), max_size=30).map("".join),
)


def _scalar() -> st.SearchStrategy[Any]:
    return st.one_of(
        TEXT,
        MARKUP,
        st.sampled_from(
            [
                "",
                "~",
                "null",
                "yes",
                "0312654321",
                "+996",
                "0x1F",
                "1e3",
                ".inf",
                "9999-12-31",
                "2026-02-30",
                "2108-01-01",
                "<<",
                "&a",
                "*a",
                "!!python/object",
                "operative",
                "preambular",
                "en",
                "ru",
                "ky",
                "resolution",
                "press-release",
                "a" * 3000,
            ]
        ),
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    )


SCALARS = _scalar()
KEYS = st.one_of(TEXT, st.integers(), st.none(), st.booleans())


# A named function, not a lambda: Hypothesis reads the source of ``extend`` to check that
# it recurses, and a lambda spread over lines is not always found.
def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4))


VALUES = st.recursive(SCALARS, _containers, max_leaves=10)


def example_tree(path: Path) -> Any:
    """An example file's data, long lists cut to three items (each example stays fast)."""

    def cut(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: cut(v) for k, v in value.items()}
        if isinstance(value, list):
            return [cut(v) for v in value[:3]]
        return value

    return cut(yaml.safe_load(path.read_text(encoding="utf-8")))


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_replace(v, rest, new) if k == head else v) for k, v in value.items()}
    return [(_replace(v, rest, new) if i == head else v) for i, v in enumerate(value)]


@st.composite
def damaged_yaml(draw: st.DrawFn, base: Any) -> str:
    """``base`` with a few values replaced by generated ones (or keys added), dumped as
    YAML, then perhaps cut or spliced with generated text."""
    tree = base
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_paths(tree)))
        if draw(st.booleans()):
            tree = _replace(tree, path, draw(VALUES))
        else:
            parent = _paths(tree)
            target = draw(st.sampled_from(parent))
            holder = tree
            for step in target:
                holder = holder[step]
            if isinstance(holder, dict):
                holder = {**holder, draw(st.one_of(TEXT, st.integers())): draw(VALUES)}
                tree = _replace(tree, target, holder)
    text = yaml.safe_dump(tree, allow_unicode=draw(st.booleans()), sort_keys=False)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 20)))
        text = text[:at] + draw(TEXT) + text[end:]
    return text


PLURAL_FORMS = [
    "nplurals=2; plural=(n != 1);",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
    "n%100>=20) ? 1 : 2);",
    "nplurals=1; plural=0;",
    "nplurals=2; plural=n/0;",
    "nplurals=x; plural=n;",
    "nplurals=2; plural=__import__('os').system('true');",
    "nplurals=2; plural=(n != 1",
    "nplurals=0; plural=0;",
    "nplurals=-1; plural=n;",
    "nplurals=2;",
    "plural=n",
    "garbage",
    "",
]
CHARSETS = ["utf-8", "UTF-8", "iso-8859-1", "latin-1", "cp1251", "foo-bar", "", "utf-16"]


def _po_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


@st.composite
def _po_entry(draw: st.DrawFn) -> str:
    words = st.one_of(MARKUP, st.sampled_from(["", "%s", "%(n)d", "{x}", "Hello"]))
    lines = []
    for comment in draw(
        st.lists(
            st.sampled_from(
                [
                    "#, fuzzy",
                    "#, python-format",
                    "#, fuzzy, no-c-format",
                    "#: clauses/a.yaml:3",
                    "#. note",
                    '#| msgid "old"',
                    '#| msgctxt "c"',
                    "# translator",
                    "#,",
                    "#:",
                ]
            ),
            max_size=3,
        )
    ):
        lines.append(comment)
    if draw(st.booleans()):
        lines.append(f'msgctxt "{_po_string(draw(words))}"')
    msgid = draw(words)
    lines.append(f'msgid "{_po_string(msgid)}"')
    if draw(st.booleans()):
        lines.append(f'msgid_plural "{_po_string(draw(words))}"')
        for index in range(draw(st.integers(0, 4))):
            lines.append(f'msgstr[{index}] "{_po_string(draw(words))}"')
    else:
        lines.append(f'msgstr "{_po_string(draw(words))}"')
        if draw(st.booleans()):
            lines.append(f'"{_po_string(draw(words))}"')
    if draw(st.integers(0, 5)) == 0:
        lines = ["#~ " + line for line in lines if not line.startswith("#")]
    return "\n".join(lines)


@st.composite
def near_valid_po(draw: st.DrawFn) -> str:
    """A small PO file: a header with generated charset, language and plural rule,
    entries with flags, contexts, plurals, obsolete and previous ids; perhaps spliced."""
    header = [
        "Content-Type: text/plain; charset=" + draw(st.one_of(st.sampled_from(CHARSETS), TEXT)),
        "Language: "
        + draw(st.one_of(st.sampled_from(["ru", "ky", "en", "xx", "", "ru_RU"]), TEXT)),
        "Plural-Forms: " + draw(st.one_of(st.sampled_from(PLURAL_FORMS), TEXT)),
        "MIME-Version: 1.0",
    ]
    header = draw(st.permutations(header))[: draw(st.integers(0, len(header)))]
    head = 'msgid ""\nmsgstr ""\n' + "".join(f'"{_po_string(h)}\\n"\n' for h in header)
    entries = draw(st.lists(_po_entry(), max_size=5))
    text = "\n\n".join([head, *entries]) + "\n"
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 10)))
        text = text[:at] + draw(TEXT) + text[end:]
    return text

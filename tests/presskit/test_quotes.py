"""Quotes in press releases as a reader sees them: who is quoted (a speaker, or a role
alone), the organisation named once, the attribution style (a block quote with
"— Name, role", or the news form '“…,” said Name, role.') and the punctuation at the
closing quotation mark, which follows the language («…». in Russian and Kyrgyz).

Each test edits a copy of the example project's "What Works" event, builds it through the
CLI and reads the HTML page (one slow test reads the DOCX and the PDF).
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import html

from tests.cli.helpers import assert_one_error, line_of, replace_once, run
from tests.presskit.conftest import copy_example

EVENT = "events/what-works-forum-2022.yaml"
NAME = "what-works-forum-2022-press-release"
FIRST_SPEAKER = "  - speaker: Shakirat Toktosunova\n    role"
SECOND_SPEAKER = "  - speaker: Ulziysuren Jamsran\n    role"

# The news form's sentence, as draftkit's own catalogs translate it. A project's catalog
# may override a built-in template string, so the tests add it there too: they do not
# depend on where draftkit keeps its own translations.
NEWS_MSGID = "%(quote)s said %(who)s."
# A no-break space before the dash keeps it from starting a line.
NEWS = {"ru": "%(quote)s\u00a0— говорит %(who)s.", "ky": "%(quote)s\u00a0— деди %(who)s."}

# The translations of the first quote's last words in the example catalogs.
FIRST_END = {
    "en": "in solving these problems through personal growth",
    "ru": "в решении этих проблем через личностный рост",
    "ky": "чындап эмне натыйжа берерин талкууладык",
}


def project(tmp_path: Path, edits: dict[str, str] | None = None, toml: str = "") -> Path:
    """The example project, ``EVENT`` edited (old: new, each once), ``toml`` appended to
    draftkit.toml, and the news sentence in the ru and ky catalogs."""
    root = copy_example(tmp_path / "example")
    event = root / EVENT
    text = event.read_text(encoding="utf-8")
    for old, new in (edits or {}).items():
        text = replace_once(text, old, new)
    event.write_text(text, encoding="utf-8")
    if toml:
        with (root / "draftkit.toml").open("a", encoding="utf-8") as config:
            config.write("\n" + toml + "\n")
    for lang, msgstr in NEWS.items():
        with (root / "locales" / lang / "LC_MESSAGES" / "messages.po").open(
            "a", encoding="utf-8"
        ) as catalog:
            catalog.write(f'\nmsgid "{NEWS_MSGID}"\nmsgstr "{msgstr}"\n')
    return root


def build_html(root: Path, lang: str = "all") -> None:
    result = run("build", EVENT, "--lang", lang, "-f", "html", cwd=root)
    assert result.returncode == 0, result.stderr


def paragraphs(root: Path, lang: str, role: str = "") -> list[str]:
    """The page's paragraphs, or those of one role (the HTML class dk-<role>)."""
    page = html.parse(str(root / "build" / lang / f"{NAME}.html"))
    path = f"//body//p[@class='dk-{role}']" if role else "//body//p"
    return [re.sub(r"\s+", " ", p.text_content()).strip() for p in page.xpath(path)]


def attributions(root: Path, lang: str) -> list[str]:
    return paragraphs(root, lang, "attribution")


def quote_paragraphs(root: Path, lang: str) -> list[str]:
    return paragraphs(root, lang, "quote")


def test_a_role_alone_attributes_a_quote_capitalised(tmp_path: Path) -> None:
    root = project(tmp_path, {FIRST_SPEAKER: "  - role", SECOND_SPEAKER: "  - role"})
    build_html(root)
    assert attributions(root, "en") == [
        "— Representative of International Alert in Kyrgyzstan",
        "— UN Women Representative in Kyrgyzstan",
    ]
    assert attributions(root, "ru") == [
        "— Представитель International Alert в Кыргызстане",
        "— Представитель Структуры «ООН-женщины» в Кыргызстане",
    ]
    assert attributions(root, "ky") == [
        "— International Alert уюмунун Кыргызстандагы өкүлү",
        "— «БУУ-Аялдар» уюмунун Кыргызстандагы өкүлү",
    ]


def test_the_organisation_is_named_once(tmp_path: Path) -> None:
    """Printed after the role unless the speaker or role names it (its name or short name,
    case ignored), whatever the language."""
    root = project(
        tmp_path,
        {
            # names UN Women, in other case
            SECOND_SPEAKER: "  - role",
            "role: UN Women Representative": "role: the un women Representative",
            # names neither: the organisation follows the role
            "role: representative of International Alert in Kyrgyzstan": ("role: Country Director"),
        },
    )
    build_html(root, "en")
    assert attributions(root, "en") == [
        "— Shakirat Toktosunova, Country Director, International Alert",
        "— The un women Representative in Kyrgyzstan",
    ]


@pytest.mark.parametrize("where", ["project", "event"])
def test_news_form(tmp_path: Path, where: str) -> None:
    if where == "project":
        root = project(tmp_path, {SECOND_SPEAKER: "  - role"}, '[press]\nattribution = "news"')
    else:
        root = project(
            tmp_path, {SECOND_SPEAKER: "  - role", "quotes:": "attribution: news\nquotes:"}
        )
    build_html(root)
    assert not attributions(root, "en")
    en, ru, ky = (paragraphs(root, lang) for lang in ("en", "ru", "ky"))
    # the quotes stay where the event places them: after the lede and after paragraph 1
    assert en[2].startswith("“There is a causal relationship")
    assert en[2].endswith(
        f"{FIRST_END['en']},” said Shakirat Toktosunova, "
        "representative of International Alert in Kyrgyzstan."
    )
    assert en[4].endswith("at the forum,” said UN Women Representative in Kyrgyzstan.")
    assert ru[2].startswith("«Существует")
    assert ru[2].endswith(
        f"{FIRST_END['ru']}», — говорит Шакират Токтосунова, "
        "представитель International Alert в Кыргызстане."
    )
    assert ru[4].endswith("», — говорит представитель Структуры «ООН-женщины» в Кыргызстане.")
    assert ky[2].endswith(
        f"{FIRST_END['ky']}», — деди Шакират Токтосунова, "
        "International Alert уюмунун Кыргызстандагы өкүлү."
    )
    assert ky[4].endswith("», — деди «БУУ-Аялдар» уюмунун Кыргызстандагы өкүлү.")


def test_the_event_overrides_the_project(tmp_path: Path) -> None:
    root = project(
        tmp_path, {"quotes:": "attribution: block\nquotes:"}, '[press]\nattribution = "news"'
    )
    build_html(root, "en")
    assert len(attributions(root, "en")) == 2


def test_the_full_stop_follows_the_language(tmp_path: Path) -> None:
    """English keeps the stop inside the marks, Russian and Kyrgyz put it after «»."""
    root = project(tmp_path)
    build_html(root)
    assert quote_paragraphs(root, "en")[0].endswith(f"{FIRST_END['en']}.”")
    for lang in ("ru", "ky"):
        quotes = quote_paragraphs(root, lang)
        assert len(quotes) == 2
        assert quotes[0].endswith(f"{FIRST_END[lang]}».")
        assert all(q.endswith("».") and not q.endswith(".»") for q in quotes)


@pytest.mark.parametrize("style", ["block", "news"])
def test_a_question_mark_stays_inside(tmp_path: Path, style: str) -> None:
    root = project(tmp_path, {"quotes:": f"attribution: {style}\nquotes:"})
    event = root / EVENT
    event.write_text(
        replace_once(
            event.read_text(encoding="utf-8"),
            "through personal growth.\n",
            "through personal growth?\n",
        ),
        encoding="utf-8",
    )
    catalog = root / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    po = catalog.read_text(encoding="utf-8")
    po = replace_once(po, '"growth."', '"growth?"')  # the msgid's last line
    po = replace_once(po, '" личностный рост."', '" личностный рост?"')
    catalog.write_text(po, encoding="utf-8")
    build_html(root, "en")
    build_html(root, "ru")
    if style == "block":
        assert quote_paragraphs(root, "en")[0].endswith("personal growth?”")
        assert quote_paragraphs(root, "ru")[0].endswith("личностный рост?»")
    else:  # the quote's paragraph follows the lede
        assert "personal growth?” said Shakirat" in paragraphs(root, "en")[2]
        assert "личностный рост?» — говорит Шакират" in paragraphs(root, "ru")[2]


def test_bad_attribution_style(tmp_path: Path) -> None:
    root = project(tmp_path, {"quotes:": "attribution: tabloid\nquotes:"})
    result = run("build", EVENT, "-f", "html", cwd=root)
    text = (root / EVENT).read_text(encoding="utf-8")
    assert_one_error(
        result,
        f"{EVENT}:{line_of(text, 'attribution:')}",
        "unknown attribution style 'tabloid'",
        "block",
        exact=False,
    )
    root = project(tmp_path / "p2", toml='[press]\nattribution = "tabloid"')
    result = run("build", EVENT, "-f", "html", cwd=root)
    assert_one_error(
        result,
        f"draftkit.toml:{line_of((root / 'draftkit.toml').read_text(), 'attribution')}",
        "unknown attribution style 'tabloid' in [press]",
        "block, news",
    )


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    return re.sub(r"\s+", " ", re.sub("\u00ad\\s*|\u2010\n", "", text))


@pytest.mark.slow
def test_news_form_in_docx_and_pdf(tmp_path: Path) -> None:
    root = project(tmp_path, {SECOND_SPEAKER: "  - role"}, '[press]\nattribution = "news"')
    result = run("build", EVENT, "--lang", "all", cwd=root)
    assert result.returncode == 0, result.stderr
    want = {
        "en": "at the forum,” said UN Women Representative in Kyrgyzstan.",
        "ru": "», — говорит представитель Структуры «ООН-женщины» в Кыргызстане.",
        "ky": "», — деди «БУУ-Аялдар» уюмунун Кыргызстандагы өкүлү.",
    }
    for lang, ending in want.items():
        document = docx.Document(str(root / "build" / lang / f"{NAME}.docx"))
        texts = [re.sub(r"\s+", " ", p.text) for p in document.paragraphs]
        assert any(t.endswith(ending) for t in texts), lang
        assert not any(p.style.name == "Quote Attribution" for p in document.paragraphs)
        assert ending in _pdf_text(root / "build" / lang / f"{NAME}.pdf"), lang

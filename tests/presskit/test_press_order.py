"""Press texts in source order: where ``participants:`` is placed, and each seed press
release against its event's English PDF, paragraph by paragraph.

The PDF is read with pdfplumber and cut into paragraphs by the space between them; the seed
is one paragraph a line. The story (headline to the last paragraph before the template's
"Organisers:" line) must match the seed's paragraphs one for one and in order; the seed's
closing lines (contact, byline) must follow in order after it. Where an event deliberately
prints something other than the seed, the edit is written out below with its reason.

Seed 001 is a media advisory: its template restates the seed as a fact sheet (What, When,
Where, Who, Agenda, Expected results), so it is not compared paragraph by paragraph here;
tests/presskit/test_press_outputs.py checks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from lxml import html

from tests.cli.helpers import make_project, run
from tests.conftest import SEEDS, normalise
from tests.presskit.conftest import copy_example
from tests.presskit.test_bad_input import EVENT, ORGS

# Page furniture, not text: "1 / 2" (or "Page 1 of 2").
PAGE_NUMBER = re.compile(r"(Page )?\d+ ?(/|of) ?\d+")
# A hyphen the typesetter added at a line end (U+2010 or a soft hyphen), not the word's own.
ADDED_HYPHEN = ("\u2010", "\u00ad")


# Where the participants paragraph goes, by template and its 'after'; the quote is placed
# after body paragraph 1 ("after: 1"), which a media advisory ignores. The role does not
# name the quote's organisation, so the organisation follows it.
QUOTE_LINES = ["“Said.”", "— A. Speaker, representative, UN Women"]
PLACEMENTS = {
    "release-default": ("press-release", "", ["First.", *QUOTE_LINES, "Second.", "Attended."]),
    "release-after-lede": ("press-release", 0, ["Attended.", "First.", *QUOTE_LINES, "Second."]),
    # after the paragraph's quotes, as the default is after the body's
    "release-after-1": ("press-release", 1, ["First.", *QUOTE_LINES, "Attended.", "Second."]),
    "advisory-default": ("media-advisory", "", ["First.", "Second.", *QUOTE_LINES, "What"]),
    "advisory-after-1": ("media-advisory", 1, ["First.", "Attended.", "Second.", *QUOTE_LINES]),
}


def test_participants_are_placed_like_a_quote(tmp_path: Path) -> None:
    files = {"organisations/o.yaml": ORGS}
    for name, (template, after, _) in PLACEMENTS.items():
        text = EVENT.replace("template: press-release", f"template: {template}")
        text = text.replace("  - A paragraph.\n", "  - First.\n  - Second.\n")
        text = text.replace("    text: Words that were said.\n", "    text: Said.\n    after: 1\n")
        place = f", after: {after}" if after != "" else ""
        files[f"events/{name}.yaml"] = text + f"participants: {{text: Attended.{place}}}\n"
    project = make_project(tmp_path / "p", files)
    result = project.run("build", *(f"events/{name}.yaml" for name in PLACEMENTS), "-f", "html")
    assert result.returncode == 0, result.stderr
    for name, (template, _, want) in PLACEMENTS.items():
        page = html.parse(str(project.root / "build" / "en" / f"{name}-{template}.html"))
        # paragraphs and the fact sheet's headings, in page order
        texts = [p.text_content() for p in page.xpath("//p | //h1 | //h2")]
        start = next(i for i, t in enumerate(texts) if t.startswith("BISHKEK, ")) + 1
        assert texts[start : start + len(want)] == want, name
        assert texts.count("Attended.") == 1, name
        # an advisory's fact sheet has "Who" only for participants not placed in the body
        who = texts[texts.index("Who") + 1] if "Who" in texts else None
        assert who == ("Attended." if name == "advisory-default" else None), name


@dataclass(frozen=True)
class Edit:
    """The event prints ``printed`` (or what it makes of the seed's paragraph) where the
    seed has the paragraph starting ``seed``."""

    seed: str
    printed: tuple[str, ...] | Callable[[str], tuple[str, ...]]
    why: str


@dataclass(frozen=True)
class SeedRelease:
    seed: str
    event: str
    edits: tuple[Edit, ...] = ()
    # Seed paragraphs printed after the template's organisers and "About the organisers"
    # (from the first paragraph starting with this on).
    tail_from: str | None = None
    added: tuple[tuple[int, str, str], ...] = ()  # (index, paragraph, why)


def dateline(words: str) -> Callable[[str], tuple[str, ...]]:
    """The template opens the lede with "CITY, date —"."""
    return lambda seed: (f"{words} — {seed}",)


def quote(attribution: str, *after: str) -> Callable[[str], tuple[str, ...]]:
    """The template sets a quote apart: the words alone, full stop inside, then a line
    "— speaker, role" (the seed runs on: '“…,” said speaker, role.')."""

    def printed(seed: str) -> tuple[str, ...]:
        words = re.match(r'"(.*)," ', seed)  # normalised quotation marks
        assert words, seed
        return (f'"{words.group(1)}."', f"— {attribution}", *after)

    return printed


DATELINE = "the template opens the lede with the dateline"
QUOTE = "a quote is set apart, its speaker on an attribution line"

RELEASES = [
    SeedRelease(
        "000_5983a1354ec2add7.txt",
        "what-works-forum-2022",
        (
            Edit("18 January 2022", (), "the date is printed in the lede's dateline"),
            Edit("On January 18, Bishkek hosted", dateline("BISHKEK, 18 January 2022"), DATELINE),
            Edit(
                "“There is a causal relationship",
                quote("Shakirat Toktosunova, representative of International Alert in Kyrgyzstan"),
                QUOTE,
            ),
            Edit(
                "“Preventing gender-based violence",
                quote("Ulziysuren Jamsran, UN Women Representative in Kyrgyzstan"),
                QUOTE,
            ),
            Edit(
                "- Aisuluu Kozhomkulova",
                (
                    "Aisuluu Kozhomkulova, communications consultant",
                    "Phone: 0555662228",
                    "E-mail: isul.kozhomkulova@gmail.com",
                ),
                "a media contact is laid out by the template, one item a line",
            ),
            Edit(
                "PHOTOS from the event",
                (),
                "the seed's link has no address, so the event has no link (see its comment)",
            ),
        ),
        tail_from="For more information, please contact:",
    ),
    SeedRelease(
        "002_9fb5403f8362f7f8.txt",
        "gbv-technical-meeting-turkestan-2020",
        (
            Edit("On 17-18 August 2020", dateline("TURKESTAN, 19 August 2020"), DATELINE),
            Edit(
                "“Looking at each other",
                quote(
                    "Giulia Vallese, UNFPA Representative for Kazakhstan and Country "
                    "Director for Kyrgyzstan and Turkmenistan",
                    "nCa, 19 August",
                ),
                QUOTE + "; the outlet's '///nCa, 19 August' is the event's byline",
            ),
        ),
        tail_from="nCa, 19 August",
        added=(
            (
                0,
                "Central Asian Technical Meeting in Turkestan Discusses the Interagency "
                "Response to Gender-Based Violence",
                "the seed (a news report) has no headline; a press release needs one",
            ),
        ),
    ),
    SeedRelease(
        "004_0f4ada7878cf71b5.txt",
        "wlp-training-of-trainers-2012",
        (
            Edit("From March 23-27, 2012", dateline("BISHKEK, 27 March 2012"), DATELINE),
            Edit("S:SSO to Sakai", (), "a link of the web page the seed was copied from"),
        ),
    ),
]


def expected(release: SeedRelease) -> list[str]:
    """The seed's paragraphs as the event should print them, in the seed's order."""
    lines = (SEEDS / release.seed).read_text(encoding="utf-8").splitlines()
    printed: list[str] = []
    used = set()
    for line in map(normalise, lines):  # the seeds have no-break spaces
        if not line:
            continue
        edit = next((e for e in release.edits if line.startswith(normalise(e.seed))), None)
        if edit is None:
            printed.append(line)
        else:
            used.add(edit.seed)
            printed.extend(edit.printed(line) if callable(edit.printed) else edit.printed)
    assert used == {e.seed for e in release.edits}, "an edit matches no seed paragraph"
    for index, paragraph, _why in release.added:
        printed.insert(index, paragraph)
    return [normalise(p) for p in printed]


def join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if text.endswith(ADDED_HYPHEN):
            text = text[:-1] + line
        elif text.endswith("-") or not text:
            text += line
        else:
            text += " " + line
    return normalise(text)


def pdf_paragraphs(path: Path) -> list[str]:
    """Lines grouped into paragraphs. A line that fills the measure (justified) goes on in
    the next line, so the gaps after such lines are the leading; a gap clearly above it
    starts a paragraph. Across a page break, a paragraph goes on if its last line is full."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = [
                (line["text"], line["top"], line["bottom"], line["x1"])
                for line in page.extract_text_lines()
                if not PAGE_NUMBER.fullmatch(line["text"].strip())
            ]
            right = max((x1 for *_, x1 in lines), default=0.0)
            pages.append([(text, top, bottom, x1 >= right - 1) for text, top, bottom, x1 in lines])
    leading = sorted(
        b[1] - a[2] for lines in pages for a, b in zip(lines, lines[1:], strict=False) if a[3]
    )
    assert leading, "no full line in the PDF: is the text justified?"
    paragraph_gap = leading[len(leading) // 2] + 1.5  # the median leading, and some
    paragraphs: list[list[str]] = []
    previous = None
    for lines in pages:
        for index, (text, top, _bottom, _full) in enumerate(lines):
            if previous is None:
                new = True
            elif index == 0:
                new = not previous[3]
            else:
                new = top - previous[2] > paragraph_gap
            if new:
                paragraphs.append([])
            paragraphs[-1].append(text)
            previous = lines[index]
    return [join_lines(lines) for lines in paragraphs]


@pytest.fixture(scope="module")
def english_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("seeds") / "example")
    events = [f"events/{release.event}.yaml" for release in RELEASES]
    result = run("build", *events, "-f", "pdf", "--lang", "en", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "build" / "en"


@pytest.mark.slow
@pytest.mark.parametrize("release", RELEASES, ids=[r.seed[:3] for r in RELEASES])
def test_press_release_prints_the_seed_in_order(english_pdfs: Path, release: SeedRelease):
    want = expected(release)
    tail = want.index(normalise(release.tail_from)) if release.tail_from else len(want)
    story, closing = want[:tail], want[tail:]
    printed = pdf_paragraphs(english_pdfs / f"{release.event}-press-release.pdf")
    assert printed[0] == "PRESS RELEASE"
    end = next(i for i, p in enumerate(printed) if re.match(r"Organisers?: ", p))
    assert printed[1:end] == story
    rest = " ".join(printed[end:])
    position = 0
    for paragraph in closing:
        found = rest.find(paragraph, position)
        assert found >= 0, f"{paragraph!r} missing or out of order after the story"
        position = found + len(paragraph)

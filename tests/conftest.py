"""Shared fixtures: the example project, built once per test session."""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from draftkit.fsutil import BuildClock
from draftkit.model.nodes import Document
from draftkit.pipeline import assemble_document
from draftkit.project import Project
from draftkit.render.writers import WriteContext, writer

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
RESOLUTION_SEED = SEEDS / "003_4952753d7736af85.txt"
EXAMPLE = REPO / "documents" / "civic-forum-2025.yaml"


@dataclass
class Assembled:
    """A document assembled by the pipeline, with the project whose templates write it."""

    document: Document
    project: Project


@dataclass
class Built:
    assembled: Assembled
    docx: Path
    pdf: Path
    html: Path


def assemble_file(project: Project, spec_path: Path, lang: str = "en") -> Assembled:
    return Assembled(assemble_document(project, spec_path, lang=lang).document, project)


def render(assembled: Assembled, fmt: str, clock: BuildClock) -> bytes:
    """One format through the writer registry, as a build writes it."""
    project = assembled.project
    context = WriteContext(
        project.templates_path, clock, {"pdf_variant": project.config.pdf_variant}
    )
    return writer(fmt).write(assembled.document, context)


def build_formats(assembled: Assembled, folder: Path, name: str) -> Built:
    clock = BuildClock.for_document(assembled.document.meta.date)
    paths = {}
    for fmt in ("docx", "pdf", "html"):
        path = folder / f"{name}.{fmt}"
        path.write_bytes(render(assembled, fmt, clock))
        paths[fmt] = path
    return Built(assembled, paths["docx"], paths["pdf"], paths["html"])


@pytest.fixture(scope="session", autouse=True)
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled templates go to a folder of the test session, not the user's ~/.cache
    (subprocesses of the CLI tests inherit the variable)."""
    import os

    os.environ["DRAFTKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("draftkit-cache"))


@pytest.fixture(scope="session")
def example_project() -> Project:
    return Project.discover(REPO)


@pytest.fixture(scope="session")
def example_built(example_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("example")
    return build_formats(assemble_file(example_project, EXAMPLE), folder, "civic-forum-2025")


def normalise(text: str) -> str:
    """Compare texts across readers: one kind of quote and dash, no hyphenation, one space."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub("\u2010\n", "", text)  # a word hyphenated at a line end
    # the PDF's hyphens where a word is broken are soft hyphens (render.pdf), also at a
    # page end, where the pages' texts are joined by a space
    text = re.sub("\u00ad\\s*", "", text)
    for chars, plain in (("’‘'", "'"), ('“”"«»„', '"'), ("\u2013\u2014", "-")):
        for ch in chars:
            text = text.replace(ch, plain)
    text = re.sub(r"\s+", " ", text).strip()
    # a removed note call can leave a space before punctuation in extracted text
    return re.sub(r" ([.,;:])", r"\1", text)


def seed_paragraphs() -> list[str]:
    """The body of the seed resolution: opening to signature, note markers removed."""
    lines = [line.strip() for line in RESOLUTION_SEED.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("We, the participants"))
    end = next(i for i, line in enumerate(lines) if line.startswith("March 4, 2025, Bishkek"))
    paragraphs = [line for line in lines[start : end + 1] if line]
    cleaned = []
    for paragraph in paragraphs:
        paragraph = re.sub(r"^\d+\.\s+", "", paragraph)  # Word numbering
        paragraph = re.sub(r"\[(\d+|[ivx]+)\]", "", paragraph)  # note calls
        cleaned.append(normalise(paragraph))
    return cleaned


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


PYTHON = sys.executable

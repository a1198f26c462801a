"""Reading a reviewed DOCX against its project: the review, and what it was built from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit.errors import InputError
from draftkit.pipeline import assemble_document
from draftkit.project import Project
from draftkit.review.compare import Review, compare, provenance
from draftkit.review.reader import read_docx


@dataclass
class Reviewing:
    """A review and the project objects ``--apply`` needs."""

    review: Review
    project: Project
    spec_path: Path
    spec: Any  # the document spec as loaded
    lang: str


def review_file(project: Project, path: Path) -> Reviewing:
    reviewed = read_docx(path)
    source, lang = provenance(reviewed)
    spec_path = (project.root / source).resolve()
    try:
        spec_path.relative_to(project.root.resolve())
    except ValueError:
        raise InputError(
            f"the DOCX was built from {source}, outside this project", path=path
        ) from None
    if not spec_path.is_file():
        raise InputError(
            f"the DOCX was built from {source}, which this project does not have",
            path=path,
            hint="run draftkit review in the project that built the document",
        )
    assembled = assemble_document(project, spec_path, lang=lang or None, allow_incomplete=True)
    review = compare(reviewed, assembled.document, set(project.library.clauses))
    return Reviewing(review, project, spec_path, assembled.spec, assembled.document.meta.lang)

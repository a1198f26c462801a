"""The hostile-input corpus (issue 15), one test per file in ``tests/corpus/cases/``.

Each case is a small TOML file: what it writes over a valid project, the command a user
runs, and one line of expectation (see ``tests/corpus/README.md``). The runner adds the
rules every case keeps: no hang, no traceback, nothing written outside the project,
nothing staged left behind, nothing changed by a failed run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.runner import all_cases, load, run_case

CASES = all_cases()


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, tmp_path: Path) -> None:
    case = load(path)
    outcome = run_case(case, tmp_path)
    assert outcome.kind == "pass", f"{case.about}: {outcome.kind}: {outcome.detail}"


def test_the_corpus_is_not_empty_and_every_case_says_why() -> None:
    assert len(CASES) >= 80
    for path in CASES:
        case = load(path)
        assert case.about.strip(), path.name
        assert all(step.expect for step in case.steps), path.name

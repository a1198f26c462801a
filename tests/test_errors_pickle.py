"""Errors cross from worker processes pickled: each keeps what it says."""

from __future__ import annotations

import pickle
from pathlib import Path

from draftkit.errors import ErrorList, InputError, RenderError


def test_an_error_keeps_file_line_and_hint() -> None:
    error = RenderError("no font", path=Path("templates/fonts/x.ttf"), line=3, hint="reinstall")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is RenderError
    assert again.format() == error.format() == "templates/fonts/x.ttf:3: no font (hint: reinstall)"


def test_an_error_list_keeps_every_error() -> None:
    errors = ErrorList([InputError("a", path=Path("x.yaml"), line=1), InputError("b")])
    again = pickle.loads(pickle.dumps(errors))
    assert type(again) is ErrorList
    assert again.format() == errors.format() == "x.yaml:1: a\nb"

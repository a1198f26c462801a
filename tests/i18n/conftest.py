from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from draftkit.scaffold import create_project


@dataclass
class Starter:
    root: Path

    def run(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        result = subprocess.run(
            [sys.executable, "-m", "draftkit", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=env,
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def po(self, lang: str) -> Path:
        return self.root / "locales" / lang / "LC_MESSAGES" / "messages.po"

    def translate(self, lang: str, table: dict[str, str], *, default: str | None = None) -> None:
        """Fill msgstrs: by msgid from ``table``, the rest with ``default`` + msgid (or leave).
        A msgid of ``table`` the catalog lacks is added: an override of one of draftkit's
        own messages (the built-in templates' words are not in a project's catalog)."""
        path = self.po(lang)
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for message in catalog:
            if not message.id:
                continue
            if message.id in table:
                message.string = table[message.id]
            elif default is not None and isinstance(message.id, tuple):
                # a plural message (the press templates have some): one form per plural
                forms = [message.id[0]] + [message.id[1]] * (catalog.num_plurals - 1)
                message.string = tuple(f"{default}{form}" for form in forms)
            elif default is not None:
                message.string = f"{default}{message.id}"
            message.flags.discard("fuzzy")
        present = {message.id for message in catalog}
        for msgid, string in table.items():
            if msgid not in present:
                catalog.add(msgid, string, flags=["python-format"] if "%(" in msgid else [])
        with path.open("wb") as fh:
            write_po(fh, catalog, width=79)


@pytest.fixture
def starter(tmp_path: Path) -> Starter:
    return Starter(create_project(tmp_path / "forum", ["en", "ru", "ky"]))

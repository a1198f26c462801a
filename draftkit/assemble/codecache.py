"""Compiled templates, kept for the process and across processes.

Parsing and compiling the built-in templates costs more than rendering them (0.5 s of a
0.8 s ``draftkit check`` that assembled six documents). Every environment draftkit makes
shares one :class:`TemplateCodeCache`: a template is compiled once per process, and its
code is kept on disk (Jinja2's bytecode cache) so the next command does not compile it at
all. Jinja2 keys each entry by the template's file and checks a hash of its source, so an
edited template is compiled again; the folder is safe to delete at any time.

Where: ``$DRAFTKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/draftkit``, else
``~/.cache/draftkit``. A folder that cannot be written leaves the cache in memory only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from types import CodeType

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from draftkit.fsutil import cache_root


class TemplateCodeCache(FileSystemBytecodeCache):
    """Jinja2's file-system bytecode cache with a memory in front of it."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = str(directory) if directory is not None else ""
        self.pattern = "__jinja2_%s.cache"
        self._memory: dict[tuple[str, str], CodeType] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        key = (bucket.key, bucket.checksum)
        code = self._memory.get(key)
        if code is None and self.directory:
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError, TypeError):
                # A damaged cache file is a cache miss: the template is compiled again.
                bucket.reset()
            code = bucket.code
        if code is not None:
            bucket.code = code
            self._memory[key] = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        self._memory[(bucket.key, bucket.checksum)] = bucket.code
        if self.directory:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a read-only or full cache folder: keep the code in memory only


def _folder(options: str) -> Path | None:
    # Compiled code depends on the Jinja2 release and the environment's options: each
    # combination gets its own folder, so no code compiled for another is ever loaded.
    tag = hashlib.sha256(f"{jinja2.__version__}|{options}".encode()).hexdigest()[:16]
    folder = cache_root() / f"templates-{tag}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


_caches: dict[str, TemplateCodeCache] = {}


def code_cache(options: str) -> TemplateCodeCache:
    """The process's cache for environments made with ``options``."""
    cache = _caches.get(options)
    if cache is None:
        cache = _caches[options] = TemplateCodeCache(_folder(options))
    return cache

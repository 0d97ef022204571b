"""Where corpus caches live and what makes one valid: version, source hashes, paths.

A cache file is named after its corpus folder; its header carries
:data:`CACHE_VERSION` and hashes of the source that builds the corpus and index
(:func:`code_hash`) and that finds quotations (:func:`quotes_hash`), so a
seedtui of other code never trusts it.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

CACHE_VERSION = 1
"""Bumped by hand when the layout changes (the source hash catches the rest)."""
RACY_NS = 2_000_000_000
"""Files modified this close (ns) to the scan are re-read next time."""


def cache_folder(folder: Path | None = None) -> Path:
    """The cache folder: ``folder``, else ``$SEEDTUI_CACHE_DIR``, else the user cache dir."""
    if folder is not None:
        return Path(folder)
    override = os.environ.get("SEEDTUI_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("seedtui"))


def cache_path(root: Path, folder: Path | None = None) -> Path:
    """The cache file of the corpus folder ``root`` (resolved) inside the cache folder."""
    name = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape"))
    return cache_folder(folder) / f"corpus-{name.hexdigest()[:32]}.cache"


_code_hash: str | None = None
_quotes_hash: str | None = None


_IMPORT_RE = re.compile(r"^[ \t]*(?:from|import)[ \t]+tui\.core\.(\w+)", re.M)


CACHE_MODULES = (
    "cache", "cache_format", "cache_keys", "cache_merge", "cache_read", "cache_scan",
    "cache_write", "cached", "quote_table", "ragged", "stored",
)
"""The modules that define the cache file's layout: every hash covers them."""


def _source_hash(roots: tuple[str, ...]) -> str:
    """A hash of the cache modules and of the core modules ``roots`` import, transitively."""
    core = Path(__file__).parent
    todo, seen = list(roots), set()
    while todo:
        name = todo.pop()
        if name in seen or not (core / f"{name}.py").is_file():
            continue
        seen.add(name)
        todo.extend(_IMPORT_RE.findall((core / f"{name}.py").read_text(encoding="utf-8")))
    digest = hashlib.sha256(f"{CACHE_VERSION}".encode())
    for name in sorted(seen | set(CACHE_MODULES)):
        digest.update(name.encode() + b"\0" + (core / f"{name}.py").read_bytes())
    return digest.hexdigest()


def code_hash() -> str:
    """Hash of the source that defines and builds the corpus and the index.

    Covers the cache modules (:data:`CACHE_MODULES`) and every core module :mod:`tui.core.corpus`,
    :mod:`tui.core.search` and :mod:`tui.core.update` import, transitively: a
    change there invalidates the cache.
    Taken when this module is imported, right after those modules, so that it
    describes the code that runs even when the files are edited meanwhile.
    """
    global _code_hash
    if _code_hash is None:
        _code_hash = _source_hash(("corpus", "search", "models", "update"))
    return _code_hash


def quotes_hash() -> str:
    """Hash of the source that finds quotations: a change there drops only the cached quotes."""
    global _quotes_hash
    if _quotes_hash is None:
        _quotes_hash = _source_hash(("quotes", "models"))
    return _quotes_hash


code_hash()
quotes_hash()

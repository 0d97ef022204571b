"""Where corpus caches live and what makes one valid: version, source hashes, paths.

A cache file is named after its corpus folder; its header carries
:data:`CACHE_VERSION` and hashes of the source that builds the corpus and index
(:func:`code_hash`) and that finds quotations (:func:`quotes_hash`), so a
seedtui of other code never trusts it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_VERSION = 3
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


def cache_path(root: Path, folder: Path | None = None, scope: str = "") -> Path:
    """The cache file of the corpus folder ``root`` (resolved) inside the cache folder.

    ``scope`` names a selection of the folder's files (``--glob``/``--exclude``, files
    named one by one; :attr:`~tui.core.corpus.Source.scope`): each selection has a file
    of its own, and the whole folder (``""``) keeps the name it always had.
    """
    key = str(Path(root).resolve())
    if scope:
        key += "\0" + scope
    name = hashlib.sha256(key.encode("utf-8", "surrogateescape"))
    return cache_folder(folder) / f"corpus-{name.hexdigest()[:32]}.cache"


_code_hash: str | None = None
_quotes_hash: str | None = None


CODE_SOURCES = (
    "corpus",
    "search",
    "cache",
    "models.py",
    "ragged.py",
    "packed.py",
    "text.py",
    "atomic.py",
    "names.py",
    "regular.py",
    "heap.py",
)
"""What builds the corpus, the index and the cache file's layout, relative to ``tui/core``."""
QUOTE_SOURCES = ("quotes", "models.py", "text.py", "names.py", "cache")
"""What finds quotations (and how the cache stores them)."""


CORE = Path(__file__).resolve().parents[1]
"""The folder of ``tui.core``."""
SOURCE_PATTERNS = ("*.py", "*.json")
"""What a source folder's behaviour is made of: its code and its data files (the
speaker model's weights, ``quotes/attribution/speaker_weights.json``)."""


def source_files(sources: tuple[str, ...], core: Path = CORE) -> list[Path]:
    """The ``.py`` and ``.json`` files of ``sources`` (modules and whole subpackages of
    ``core``), sorted."""
    found: set[Path] = set()
    for name in sources:
        place = core / name
        if place.is_dir():
            for pattern in SOURCE_PATTERNS:
                found.update(place.rglob(pattern))
        elif place.is_file():
            found.add(place)
    return sorted(found)


def _source_hash(sources: tuple[str, ...], core: Path = CORE) -> str:
    """A hash of the source files of ``sources``; the package version where they are absent.

    A pyc-only install has no ``.py`` files to read: it falls back to the version, which is
    what changes between such installs.
    """
    files = source_files(sources, core)
    digest = hashlib.sha256(f"{CACHE_VERSION}".encode())
    if not any(path.suffix == ".py" for path in files):
        from tui import __version__

        digest.update(b"version\0" + __version__.encode())
    for path in files:
        digest.update(path.relative_to(core).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def code_hash() -> str:
    """Hash of the source that defines and builds the corpus, the index and the cache file.

    Covers :data:`CODE_SOURCES`: a change there invalidates the cache. Taken when this
    module is first imported, so that it describes the code that runs even when the files
    are edited meanwhile.
    """
    global _code_hash
    if _code_hash is None:
        _code_hash = _source_hash(CODE_SOURCES)
    return _code_hash


def quotes_hash() -> str:
    """Hash of the source that finds quotations: a change there drops only the cached quotes."""
    global _quotes_hash
    if _quotes_hash is None:
        _quotes_hash = _source_hash(QUOTE_SOURCES)
    return _quotes_hash


code_hash()
quotes_hash()

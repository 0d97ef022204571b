"""What a cache file is written from: a loaded corpus and the bookkeeping of its files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.corpus import Corpus, FileKey
from tui.core.search import SearchIndex

if TYPE_CHECKING:
    from tui.core.quotes import QuoteTable

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; stages ``scan``, ``read``, ``index``, ``save``."""


@dataclass(slots=True)
class CacheRecord:
    """A loaded corpus, its index and its quotations, with what the cache file needs to know."""

    corpus: Corpus
    index: SearchIndex
    quotes: QuoteTable | None = None
    """Quotations per article number; ``None`` until they are found."""
    path: Path | None = None
    """The cache file, or ``None`` when the cache is not used."""
    scope: str = ""
    """The selection of the folder's files the record holds (``""``: all of them)."""
    speakers_ready: bool = False
    """True when ``index`` already knows the speakers of the quotations."""
    token: str = ""
    """The token of the cache file this record was read from or last written to."""
    stale: bool = False
    """True when the file on disk no longer describes the folder and must be rewritten."""
    reused_paths: set[str] = field(default_factory=set)
    """Articles whose quotations in the cache file are still theirs."""
    files: list[tuple[str, str, FileKey | None]] = field(default_factory=list)
    """Every file of the folder's scan: full path, relative path, size and mtime."""
    scan_ns: int = 0
    """When the folder was scanned (files modified near it are re-read next time)."""
    order: list[tuple[str, int]] = field(default_factory=list)
    """Every file in scan order: its path and article number (``-1 - k`` for ``skipped[k]``)."""

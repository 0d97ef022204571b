"""A corpus loaded through the cache, with its index, and its quotations found late."""

from __future__ import annotations

import gc
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.cache_format import Unpickler
from tui.core.cache_read import quote_section
from tui.core.cache_scan import FileKey
from tui.core.cache_write import quotes_from_section, write_cache
from tui.core.corpus import (
    Corpus,
    LoadCancelled,
)
from tui.core.quote_table import QuoteTable
from tui.core.quotes import find_quotes
from tui.core.search import SearchIndex

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; stages ``scan``, ``read``, ``index``, ``save``."""

@dataclass(slots=True)
class CachedCorpus:
    """A loaded corpus with its ready index, and how much of it came from the cache."""

    corpus: Corpus
    index: SearchIndex
    quotes: QuoteTable | None = None
    """Quotations per article number; ``None`` until :meth:`finish_quotes` ran."""
    warnings: list[str] = field(default_factory=list)
    """Cache problems (corrupt, foreign, outdated, unwritable), for the status line."""
    reused: int = 0
    """Files (articles and skipped files) taken from the cache."""
    reread: int = 0
    """Files read from disk."""
    path: Path | None = None
    """The cache file, or ``None`` when the cache is not used."""
    speakers_ready: bool = False
    """True when ``index`` already knows the speakers (restored from the cache)."""
    _token: str = ""
    _stale: bool = False
    _reused_paths: set[str] = field(default_factory=set)
    _files: list[tuple[str, str, FileKey | None]] = field(default_factory=list)
    _scan_ns: int = 0
    _order: list[tuple[str, int]] = field(default_factory=list)
    """Every file in scan order: its path and article number (``-1 - k`` for ``skipped[k]``)."""

    def finish_quotes(self, cancel: threading.Event | None = None) -> QuoteTable:
        """Every article's quotations: cached rows for unchanged files, the rest found anew.

        Sets the index's speakers and, when anything had to be found, rewrites the
        cache. Meant for a background worker; raises :class:`LoadCancelled`.
        """
        if self.quotes is not None:
            return self.quotes
        collecting = gc.isenabled()
        gc.disable()  # as in load_cached: a million new objects, no cycles among them
        try:
            return self._finish_quotes(cancel)
        finally:
            if collecting:
                gc.enable()

    def _finish_quotes(self, cancel: threading.Event | None) -> QuoteTable:
        """The body of :meth:`finish_quotes`."""
        paths, cached = self._cached_quotes()
        articles = self.corpus.articles
        computed = 0
        if paths == [article.path for article in articles] and all(
            path in self._reused_paths for path in paths
        ):
            table = cached  # nothing changed: the cached table as it is
        else:
            rows = {path: number for number, path in enumerate(paths)}
            table = QuoteTable.sharing(cached)
            for number, article in enumerate(articles):
                if number % 256 == 0 and cancel is not None and cancel.is_set():
                    raise LoadCancelled()
                row = rows.get(article.path) if article.path in self._reused_paths else None
                if row is None:
                    table.append(find_quotes(article.text))
                    computed += 1
                else:
                    table.append_from(cached, row)
        if not self.speakers_ready:
            self.index.set_speakers([table.speakers(n) for n in range(len(articles))])
            self.speakers_ready = True
        self.quotes = table
        if table is not cached and self.path is not None:
            self._save(None)  # files changed: their quotations (or their absence) are kept
        return table

    # -- internals ---------------------------------------------------------------

    def _cached_quotes(self) -> tuple[list[str], QuoteTable]:
        """The cached quotations and the path of each of their articles (when still valid)."""
        if self.path is None or not self._token:
            return [], QuoteTable()
        try:
            data = quote_section(self.path, self._token)
            if data is None:
                return [], QuoteTable()
            return quotes_from_section(Unpickler(io.BytesIO(data)).load())
        except Exception as error:  # a damaged quotes section only costs time
            self.warnings.append(
                f"cached quotations unreadable ({type(error).__name__}); finding them anew"
            )
            return [], QuoteTable()

    def _save(self, progress: Progress | None) -> None:
        """Write the cache file atomically (warn, never raise, on failure)."""
        assert self.path is not None
        try:
            write_cache(self, progress)
        except OSError as error:
            self.warnings.append(f"cache not saved: {error.strerror or error}")



"""A corpus loaded through the cache, with its index, and its quotations found late."""

from __future__ import annotations

import gc
import io
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.cache.format import Unpickler
from tui.core.cache.read import quote_section, quotes_from_section
from tui.core.cache.record import CacheRecord, Progress
from tui.core.cache.write import write_cache
from tui.core.corpus import LoadCancelled

if TYPE_CHECKING:
    from tui.core.quotes import Quote, QuoteTable

__all__ = ["CachedCorpus", "Progress"]


def corpus_quotes(text: str) -> list[Quote]:
    """One article's quotations under the corpus-wide size policy (the quotation code is
    imported at the first call, once the index is in)."""
    from tui.core.quotes import corpus_quotes as found

    return found(text)


@dataclass(slots=True)
class CachedCorpus(CacheRecord):
    """A loaded corpus with its ready index, and how much of it came from the cache."""

    warnings: list[str] = field(default_factory=list)
    """Cache problems (corrupt, foreign, outdated, unwritable), for the status line."""
    reused: int = 0
    """Files (articles and skipped files) taken from the cache."""
    reread: int = 0
    """Files read from disk."""

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
        # The quotation code loads here, once the index is in: a warm start's first
        # search does not wait for it.
        from tui.core.quotes import QuoteTable

        paths, cached = self._cached_quotes()
        articles = self.corpus.articles
        computed = 0
        if paths == [article.path for article in articles] and all(
            path in self.reused_paths for path in paths
        ):
            table = cached  # nothing changed: the cached table as it is
        else:
            rows = {path: number for number, path in enumerate(paths)}
            table = QuoteTable.sharing(cached)
            for number, article in enumerate(articles):
                if number % 256 == 0 and cancel is not None and cancel.is_set():
                    raise LoadCancelled()
                row = rows.get(article.path) if article.path in self.reused_paths else None
                if row is None:
                    table.append(corpus_quotes(article.text))
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
        from tui.core.quotes import QuoteTable

        if self.path is None or not self.token:
            return [], QuoteTable()
        try:
            data = quote_section(self.path, self.token)
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
            self.token = write_cache(self, progress)
            if self.quotes is not None:
                self.reused_paths = {article.path for article in self.corpus.articles}
        except OSError as error:
            self.warnings.append(f"cache not saved: {error.strerror or error}")

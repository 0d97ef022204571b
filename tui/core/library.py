"""The one owner of a loaded corpus: its articles, search index, quotations and cache.

:func:`load` is the load pipeline, cold and warm, for the browser and the CLI alike:

- **warm** (the folder has a cache file this seedtui takes): the articles and the index
  come from the cache (changed files re-read, the index updated), then the quotations
  (:meth:`~tui.core.cache.CachedCorpus.finish_quotes`);
- **cold**: the folder is read progressively (the articles reach
  :meth:`LoadEvents.articles_read` in batches), indexed, its quotations found under the
  one size policy (:meth:`~tui.core.quotes.QuoteTable.find_all`). The cache is written
  as soon as the index is built and written again, whole, once the quotations are found:
  each write replaces the file atomically, so a session ended at any moment leaves the
  old cache or a valid new one.

:func:`load` reports only through a :class:`LoadEvents` (plain method calls, made on the
loading thread) and stops quietly when ``cancel`` is set. It changes no shared state:
a :class:`Library` takes what it reports with its ``adopt_*`` methods, on its owner's
thread (the browser's screen, from its worker messages), or all at once with
:meth:`Library.load_now` (the CLI).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.cache import CachedCorpus
    from tui.core.corpus import Corpus, FileKey
    from tui.core.models import Article, Span
    from tui.core.quotes import Quote, QuoteTable
    from tui.core.search import SearchIndex, SearchResult

__all__ = ["QUOTES_KEPT", "LoadEvents", "Library", "freeze_start", "load"]

QUOTES_KEPT = 64
"""Articles whose quotations found on demand a library keeps (the most recent)."""


class LoadEvents:
    """What a load reports, as it goes; every method does nothing unless overridden."""

    def articles_read(self, articles: list[Article], done: int, total: int) -> None:
        """A cold load read ``done`` of ``total`` files; ``articles`` are the new ones."""

    def cache_progress(self, stage: str, done: int, total: int) -> None:
        """A warm load's progress: ``scan``, ``read`` (changed files), ``index``, ``save``."""

    def corpus_loaded(self, corpus: Corpus, warnings: list[str], reused: int, reread: int) -> None:
        """Every article is read (sorted); ``reused`` files came from the cache."""

    def index_progress(self, done: int, total: int) -> None:
        """A cold load indexed ``done`` of ``total`` articles."""

    def index_built(self, index: SearchIndex, seconds: float) -> None:
        """The index is ready: search can answer."""

    def quotes_found(self, quotes: QuoteTable) -> None:
        """Every article's quotations are known: ``speaker:`` can answer."""


def load(
    root: Path,
    events: LoadEvents,
    *,
    use_cache: bool = True,
    cancel: threading.Event | None = None,
    index: bool = True,
    quotes: bool = True,
    files: Callable[[], list[Path]] | None = None,
    scope: str | None = None,
) -> None:
    """Load the folder ``root``, reporting to ``events``: the pipeline of the module notes.

    Without ``index`` (a CLI listing that needs none, without the cache) the folder is
    read and its quotations found, nothing more. With ``files``, the paths it lists (below
    ``root``; called at each load, so a reload sees new ones) are read instead of the
    folder, and the cache is used only when ``scope`` names that selection (its own cache
    file, :attr:`~tui.core.corpus.Source.scope`; never the whole folder's). Raises
    :class:`~tui.core.corpus.CorpusError` when ``root`` is not a readable folder; returns
    early, reporting nothing more, once ``cancel`` is set.
    """
    cancel = cancel or threading.Event()
    events = _UntilCancelled(events, cancel)
    # The reading, search, quotation and cache code loads with the first load: a
    # browser paints its first frame before it needs any of it.
    from tui.core.cache import cache_state
    from tui.core.corpus import LoadCancelled
    from tui.core.search import SearchCancelled

    use_cache = use_cache and (files is None or scope is not None)
    scope = scope or ""
    usable, warning = cache_state(root, scope=scope) if use_cache and index else (False, None)
    try:
        if usable:
            _load_warm(root, events, cancel, quotes, scope, files)
        else:
            listed = files() if files is not None else None
            warnings = [warning] if warning else []
            cached = use_cache and index
            _load_cold(root, events, cancel, cached, warnings, index, quotes, listed, scope)
    except (LoadCancelled, SearchCancelled):
        return


def _load_warm(
    root: Path,
    events: LoadEvents,
    cancel: threading.Event,
    quotes: bool,
    scope: str = "",
    files: Callable[[], list[Path]] | None = None,
) -> None:
    """The corpus and its index from the cache (changed files re-read), then the quotes."""
    from tui.core.cache import load_cached

    began = time.perf_counter()
    shown: list[bool] = []

    def show(partial: CachedCorpus) -> None:  # files changed: the list first, then the index
        shown.append(True)
        events.corpus_loaded(partial.corpus, partial.warnings, partial.reused, partial.reread)

    cached = load_cached(
        root,
        cancel=cancel,
        progress=events.cache_progress,
        on_corpus=show,
        scope=scope,
        files=files,
    )
    if not shown:
        events.corpus_loaded(cached.corpus, cached.warnings, cached.reused, cached.reread)
    events.index_built(cached.index, time.perf_counter() - began)
    if quotes:
        events.quotes_found(cached.finish_quotes(cancel))


def _load_cold(
    root: Path,
    events: LoadEvents,
    cancel: threading.Event,
    use_cache: bool,
    warnings: list[str],
    index: bool,
    quotes: bool,
    files: list[Path] | None = None,
    scope: str = "",
) -> None:
    """Read the folder (or ``files``) progressively, index it, find the quotes, fill the cache."""
    from tui.core.cache import save_loaded
    from tui.core.corpus import read_progressively
    from tui.core.quotes import QuoteTable
    from tui.core.search import SearchIndex

    keys: list[tuple[str, FileKey | None]] | None = [] if use_cache else None
    scan_ns = time.time_ns()
    corpus = read_progressively(root, cancel, events.articles_read, keys, files=files)
    events.corpus_loaded(corpus, warnings, 0, 0)
    texts = [article.text for article in corpus.articles]
    if not index:
        table = QuoteTable.find_all(texts, cancel) if quotes else None
        if table is not None:
            events.quotes_found(table)
        return
    began = time.perf_counter()
    built = SearchIndex.build(corpus.articles, cancel=cancel, progress=events.index_progress)
    events.index_built(built, time.perf_counter() - began)
    if keys is not None and not cancel.is_set():
        # Written now, without the quotations: a session that reached "search ready"
        # leaves a warm cache even when it ends before they are found (the next start
        # finds them, CachedCorpus.finish_quotes). Each write replaces the file whole.
        save_loaded(corpus, built, None, keys, scan_ns, scope=scope)
    if quotes:
        table = QuoteTable.find_all(texts, cancel)
        if table is None:
            return
        built.set_speakers([table.speakers(number) for number in range(len(table))])
        events.quotes_found(table)
        if keys is not None and not cancel.is_set():
            save_loaded(corpus, built, table, keys, scan_ns, scope=scope)  # now with the quotations


class _UntilCancelled(LoadEvents):
    """``events`` as long as ``cancel`` is not set; nothing at all once it is."""

    def __init__(self, events: LoadEvents, cancel: threading.Event) -> None:
        self.events, self.cancel = events, cancel

    def articles_read(self, articles: list[Article], done: int, total: int) -> None:
        if not self.cancel.is_set():
            self.events.articles_read(articles, done, total)

    def cache_progress(self, stage: str, done: int, total: int) -> None:
        if not self.cancel.is_set():
            self.events.cache_progress(stage, done, total)

    def corpus_loaded(self, corpus: Corpus, warnings: list[str], reused: int, reread: int) -> None:
        if not self.cancel.is_set():
            self.events.corpus_loaded(corpus, warnings, reused, reread)

    def index_progress(self, done: int, total: int) -> None:
        if not self.cancel.is_set():
            self.events.index_progress(done, total)

    def index_built(self, index: SearchIndex, seconds: float) -> None:
        if not self.cancel.is_set():
            self.events.index_built(index, seconds)

    def quotes_found(self, quotes: QuoteTable) -> None:
        if not self.cancel.is_set():
            self.events.quotes_found(quotes)


class Library:
    """The loaded corpus of one folder, its index and its quotations, as its owner sees them.

    Filled by :meth:`adopt_corpus`, :meth:`adopt_index` and :meth:`adopt_quotes` (in
    that order, from what :func:`load` reports), or by :meth:`load_now`. A new corpus
    drops the index and the quotations of the old one.
    """

    def __init__(self, root: Path, use_cache: bool = True) -> None:
        self.root = root
        """The folder."""
        self.use_cache = use_cache
        """Whether the cache may be read and written (``--no-cache`` says no)."""
        self.corpus: Corpus | None = None
        """The loaded articles, sorted; ``None`` until the folder is read."""
        self.index: SearchIndex | None = None
        """The search index of :attr:`corpus`, once built."""
        self.quotes: QuoteTable | None = None
        """Every article's quotations, once found."""
        self.cache_warnings: list[str] = []
        """Cache problems met by the last load (corrupt, foreign, unwritable)."""
        self.reused = 0
        """Files the last load took from the cache."""
        self.reread = 0
        """Files the last load read from disk."""
        self._positions: dict[str, int] = {}
        self._shown: dict[int, list[Quote]] = {}

    # -- filling ------------------------------------------------------------------

    def adopt_corpus(
        self, corpus: Corpus, warnings: list[str] | None = None, reused: int = 0, reread: int = 0
    ) -> None:
        """Take ``corpus`` as the loaded one (its index and quotations are still to come).

        The pages of the old corpus's cache map are released (it may stay mapped a
        while, :func:`~tui.core.cache.release_unused_maps`)."""
        previous, self.corpus = self.corpus, corpus
        if previous is not None:
            from tui.core.cache import release_unused_maps

            release_unused_maps(previous.articles, corpus.articles)
        self.index = None
        self.quotes = None
        self.cache_warnings = list(warnings or [])
        self.reused, self.reread = reused, reread
        self._positions = {article.id: number for number, article in enumerate(corpus.articles)}
        self._shown = {}

    def adopt_index(self, index: SearchIndex, settle: bool = True) -> None:
        """Take ``index``, built over :attr:`corpus`; without ``settle`` the collection that
        freezes it is left to the caller (:meth:`settle`), for after a first search."""
        self.index = index
        if settle:
            _settle()

    def settle(self) -> None:
        """Collect once and freeze what is loaded (:func:`_settle`): a full collection then
        no longer traverses the corpus and its index."""
        _settle()

    def adopt_quotes(self, quotes: QuoteTable) -> None:
        """Take every article's quotations."""
        self.quotes = quotes
        self._shown = {}
        _settle()

    def load_now(
        self,
        *,
        index: bool = True,
        quotes: bool = True,
        cancel: threading.Event | None = None,
        files: Callable[[], list[Path]] | None = None,
        scope: str | None = None,
    ) -> Library:
        """Load the folder (or ``files``, cached as ``scope``) in this thread, the CLI's way."""
        events = _Adopting(self)
        load(
            self.root,
            events,
            use_cache=self.use_cache,
            cancel=cancel,
            index=index,
            quotes=quotes,
            files=files,
            scope=scope,
        )
        return self

    # -- answering ----------------------------------------------------------------

    @property
    def articles(self) -> list[Article]:
        """The loaded articles (none before the folder is read)."""
        return self.corpus.articles if self.corpus is not None else []

    @property
    def quotes_ready(self) -> bool:
        """Whether every article's quotations are known (``speaker:`` can answer)."""
        return self.quotes is not None

    def number_of(self, article_id: str) -> int | None:
        """The number of the article called ``article_id``, or ``None``."""
        return self._positions.get(article_id)

    def has_quotes_of(self, number: int) -> bool:
        """Whether article ``number``'s quotations are known (:meth:`quotes_of` finds none now)."""
        return (self.quotes is not None and number in self.quotes) or number in self._shown

    def quotes_of(self, number: int) -> list[Quote]:
        """The quotations of article ``number``: from the table, else found now (size allowing).

        Before the corpus-wide table is there, an article's quotations are found when
        first asked for and kept; past the on-demand size the reader finds those of the
        window it draws (:func:`~tui.core.quotes.on_demand_quotes`).
        """
        if self.quotes is not None and number in self.quotes:
            return self.quotes[number]
        if number in self._shown:
            self._shown[number] = self._shown.pop(number)  # the most recent last
            return self._shown[number]
        articles = self.articles
        if not 0 <= number < len(articles):
            return []
        from tui.core.quotes import on_demand_quotes

        found = on_demand_quotes(articles[number].text)
        self.keep_quotes(articles[number], found)
        return found

    def keep_quotes(self, article: Article, quotes: list[Quote]) -> None:
        """Keep ``quotes``, found for ``article`` elsewhere (a worker), while the corpus
        still holds that very article and the corpus-wide table has not come."""
        number = self._positions.get(article.id)
        if number is None or self.articles[number] is not article:
            return  # reloaded since: the article is another one now, or gone
        if self.quotes is not None and number in self.quotes:
            return
        self._shown.pop(number, None)
        while len(self._shown) >= QUOTES_KEPT:  # a long session opens thousands
            del self._shown[next(iter(self._shown))]
        self._shown[number] = quotes

    def all_quotes(self) -> list[list[Quote]]:
        """Every article's quotations, in article order (found now where not yet known)."""
        return [self.quotes_of(number) for number in range(len(self.articles))]

    def search(
        self,
        query: str,
        limit: int,
        *,
        prefix_last: bool = True,
        cancel: threading.Event | None = None,
    ) -> SearchResult:
        """The best ``limit`` passages for ``query``, how many match and the words nothing
        has (no hits before the index is built)."""
        if self.index is None:
            from tui.core.search import SearchResult  # not before the first frame

            return SearchResult([], 0, True)
        return self.index.find(query, limit, prefix_last=prefix_last, cancel=cancel)

    def find(self, number: int, query: str) -> tuple[Span, ...]:
        """Every matched word of ``query`` in article ``number`` (find in the article)."""
        if self.index is None or not query.strip():
            return ()
        return tuple(
            span for hit in self.index.search_article(number, query) for span in hit.matches
        )


class _Adopting(LoadEvents):
    """Events that fill a :class:`Library` directly (a load in the owner's own thread)."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def corpus_loaded(self, corpus: Corpus, warnings: list[str], reused: int, reread: int) -> None:
        self.library.adopt_corpus(corpus, warnings, reused, reread)

    def index_built(self, index: SearchIndex, seconds: float) -> None:
        self.library.adopt_index(index)

    def quotes_found(self, quotes: QuoteTable) -> None:
        self.library.adopt_quotes(quotes)


_START_FROZEN = threading.Event()


def freeze_start() -> None:
    """Move every object alive out of the collector's sight, without collecting; once a process.

    Called by the browser before its first frame: the objects made by the imports
    (Textual's modules, classes and functions among them) are long-lived, and a full
    collection that traverses them lands before the first frame (about 20 ms of
    CPU). The first load's :func:`_settle` undoes this freeze and collects once, so
    a cycle that was garbage at this moment is freed then.
    """
    if not _START_FROZEN.is_set():
        _START_FROZEN.set()
        gc.freeze()


def _settle() -> None:
    """Collect once, then move every object alive out of the collector's sight (``gc.freeze``).

    The corpus, index and quotations are long-lived: without this, each full
    collection traverses all of them, a pause of 300-370 ms at a million passages
    that lands on a keystroke. Frozen objects are still freed by reference
    counting, but a frozen cycle (a widget alive at the freeze and dropped later)
    would never be; so the previous freeze is undone and one collection runs here,
    at load time, before freezing again. A session that reloads many times stays flat.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    from tui.core.heap import give_back

    give_back()  # what the load freed lies between live blocks: the pages go back

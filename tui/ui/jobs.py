"""The main screen's background jobs: thin worker bodies over the core, reporting by message.

Each takes a ``post`` callable (the screen's thread-safe ``post_message``) and a cancel
event, calls the core (:mod:`tui.core.library`, the search index) and reports only
through the messages of :mod:`tui.ui.messages`. A job whose cancel event is set posts
nothing more: its answer would belong to a query or a load that is gone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tui.core.library import LoadEvents
from tui.ui.messages import (
    ArticlesRead,
    CacheProgressed,
    CorpusLoaded,
    FindFinished,
    IndexBuilt,
    IndexProgressed,
    LoadFailed,
    QuotesFound,
    SearchFinished,
    SearchPartial,
)

if TYPE_CHECKING:
    from tui.core.corpus import Corpus
    from tui.core.models import Article
    from tui.core.quotes import QuoteTable
    from tui.core.search import SearchHit, SearchIndex

Post = Callable[[Message], object]
Files = Callable[[], list[Path]]
"""Lists the files to read when the browser was given several paths (no cache then)."""


HOLD_SECONDS = 3.0
"""How long a load waits, once its index is in, for the first search to be answered before
it goes on (quotations, the cache write): at most this, so nothing waits for ever."""


class PostingEvents(LoadEvents):
    """A load's events as messages to the screen (the core stops them once it is cancelled).

    With ``hold``, the load pauses after reporting its index until ``hold`` is set (the
    screen sets it once the first search answer is on screen, or at once when there is no query),
    ``cancel`` is set, or :data:`HOLD_SECONDS` pass: a query typed during the load is
    answered without the quotation finding and the cache write taking turns with it.
    """

    def __init__(
        self,
        post: Post,
        hold: threading.Event | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self._send = post
        self._hold, self._cancel = hold, cancel

    def articles_read(self, articles: list[Article], done: int, total: int) -> None:
        self._send(ArticlesRead(articles, done, total))

    def cache_progress(self, stage: str, done: int, total: int) -> None:
        self._send(CacheProgressed(stage, done, total))

    def corpus_loaded(self, corpus: Corpus, warnings: list[str], reused: int, reread: int) -> None:
        self._send(CorpusLoaded(corpus, warnings, reused, reread))

    def index_progress(self, done: int, total: int) -> None:
        self._send(IndexProgressed(done, total))

    def index_built(self, index: SearchIndex, seconds: float) -> None:
        self._send(IndexBuilt(index, seconds))
        if self._hold is not None:
            deadline = time.monotonic() + HOLD_SECONDS
            while not self._hold.wait(0.05) and time.monotonic() < deadline:
                if self._cancel is not None and self._cancel.is_set():
                    return

    def quotes_found(self, quotes: QuoteTable) -> None:
        self._send(QuotesFound(quotes))


def load_and_index(
    root: Path,
    post: Post,
    cancel: threading.Event,
    use_cache: bool = True,
    files: Files | None = None,
    hold: threading.Event | None = None,
    scope: str = "",
) -> None:
    """Load the folder, index it and find its quotations (:func:`tui.core.library.load`).

    With ``files``, the files it lists (below ``root``) are read instead of the folder's,
    through the cache of the selection ``scope`` names (none when it is empty).
    The core's reading, search and quotation code is imported here, in the worker:
    the first frame needs none of it.
    """
    from tui.core.corpus import CorpusError
    from tui.core.library import load

    try:
        events = PostingEvents(post, hold, cancel)  # see its notes for ``hold``
        load(root, events, use_cache=use_cache, cancel=cancel, files=files, scope=scope or None)
    except CorpusError as error:
        if not cancel.is_set():
            post(LoadFailed(str(error)))


def search(index: SearchIndex, query: str, limit: int, post: Post, cancel: threading.Event) -> None:
    """Search the corpus for ``query`` and report, unless cancelled by a newer query."""
    from tui.core.search import SearchCancelled

    began = time.perf_counter()
    try:
        found = index.find(query, limit, prefix_last=True, cancel=cancel)
    except SearchCancelled:
        return
    if not cancel.is_set():
        elapsed = (time.perf_counter() - began) * 1000
        counted = found.count_text()
        post(
            SearchFinished(
                query,
                found.hits,
                elapsed,
                index,
                found.total,
                found.exact,
                counted,
                found.unmatched,
            )
        )


def search_early(
    corpus: Corpus, query: str, limit: int, post: Post, cancel: threading.Event
) -> None:
    """Answer ``query`` early from the articles read, before the index is in
    (:func:`tui.core.search.early.scan_articles`); nothing for a query left to the index."""
    from tui.core.search import scan_articles

    found = scan_articles(corpus.articles, query, limit, cancel)
    if not cancel.is_set():
        if found is None:
            post(SearchPartial(query, [], 0, corpus, 0, plain=False))
        else:
            post(SearchPartial(query, found.hits, found.total, corpus, found.scanned))


FIND_PAUSE = 0.1
"""Seconds a find waits for the next letter before it searches (one search per word typed
fast, not one per letter)."""
FIRST_PASSAGES = 400
"""A find in an article with more passages than this first reports the matches of the
next this-many passages from where the reader is, then all of them."""


def find_in_article(
    index: SearchIndex,
    article: int,
    query: str,
    post: Post,
    cancel: threading.Event,
    origin: int = 0,
) -> None:
    """Search one article for ``query`` and report every matched word, sorted.

    In a long article the first matches after ``origin`` (an article offset) are
    reported first (``complete=False``), so the reader can go there before the
    whole article is searched.
    """
    if not query.strip():
        post(FindFinished(article, query, ()))
        return
    if cancel.wait(FIND_PAUSE):
        return  # typing goes on: the next letter's find replaces this one
    passages = index.articles[article].passages
    if len(passages) > FIRST_PASSAGES:
        start = index.articles[article].passage_at(origin) or 0
        first = index.search_article(
            article, query, range(start, start + FIRST_PASSAGES), cancel=cancel
        )
        if first and not cancel.is_set():
            post(FindFinished(article, query, _spans(first), complete=False))
    hits = index.search_article(article, query, cancel=cancel)
    if not cancel.is_set():
        post(FindFinished(article, query, _spans(hits)))


def _spans(hits: list[SearchHit]) -> tuple[tuple[int, int], ...]:
    """Every matched word of ``hits``, sorted by offset."""
    return tuple(sorted(span for hit in hits for span in hit.matches))

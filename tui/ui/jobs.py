"""The background jobs of the main screen, as plain functions run in thread workers.

Each takes a ``post`` callable (the screen's thread-safe ``post_message``) and a
cancel event, and reports only through the messages of :mod:`tui.ui.messages`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from tui.core.cache import CachedCorpus, cache_state, load_cached, save_loaded
from tui.core.corpus import (
    Corpus,
    CorpusError,
    LoadCancelled,
    assign_ids,
    check_root,
    file_key,
    find_files,
    read_article,
)
from tui.core.models import Article, Skipped
from tui.core.quotes import QuoteTable, find_quotes
from tui.core.search import SearchCancelled, SearchHit, SearchIndex
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
)

Post = Callable[[Message], object]


BULK_QUOTES = 2_000_000
"""Articles longer than this (characters) are left out of the corpus-wide quote scan."""
BATCH_SECONDS = 0.1
"""How often the loader hands the articles read so far to the screen."""


Keys = list[tuple[str, "tuple[int, int] | None"]]
"""Each file read: its relative path and its cache key (:func:`tui.core.cache.load.file_key`)."""


def read_progressively(
    root: Path, post: Post, cancel: threading.Event, keys: Keys | None = None
) -> Corpus | None:
    """Read the folder, posting articles in batches as they are read; the sorted corpus.

    With ``keys``, each file's cache key is taken before it is read and appended.
    """
    try:
        check_root(root)
        paths = list(find_files(root))
    except CorpusError as error:
        post(LoadFailed(str(error)))
        return None
    corpus = Corpus(root)
    batch: list[Article] = []
    last = time.perf_counter()
    for done, path in enumerate(paths, 1):
        if cancel.is_set():
            return None
        key = file_key(path) if keys is not None else None
        result = read_article(path, root)
        if keys is not None:
            keys.append(((result[0] if isinstance(result, tuple) else result).path, key))
        if isinstance(result, tuple):
            result, warning = result
            corpus.warnings.append(warning)
        if isinstance(result, Skipped):
            corpus.skipped.append(result)
        else:
            corpus.articles.append(result)
            batch.append(result)
        now = time.perf_counter()
        if now - last >= BATCH_SECONDS or done == len(paths):
            post(ArticlesRead(batch, done, len(paths)))
            batch, last = [], now
    assign_ids(corpus.articles)  # unique, as load_corpus gives them
    corpus.articles.sort(key=lambda article: article.sort_key)
    return corpus


def load_and_index(root: Path, post: Post, cancel: threading.Event, use_cache: bool = True) -> None:
    """Load the folder and index it, through the cache when there is one; then the quotes.

    With a cache file for this folder the warm path is taken (unchanged files and the
    index come from the cache). Without one, the folder is read progressively so the
    list fills as files are read, and the cache is written afterwards for next time.
    """
    usable, warning = cache_state(root) if use_cache else (False, None)
    if usable:
        load_warm(root, post, cancel)
    else:
        load_cold(root, post, cancel, use_cache, [warning] if warning else [])


def load_warm(root: Path, post: Post, cancel: threading.Event) -> None:
    """Take the corpus and its index from the cache (re-reading changed files)."""
    began = time.perf_counter()
    shown: list[bool] = []

    def show(partial: CachedCorpus) -> None:  # files changed: the list first, then the index
        shown.append(True)
        post(CorpusLoaded(partial.corpus, partial.warnings, partial.reused, partial.reread))

    try:
        cached = load_cached(
            root,
            cancel=cancel,
            progress=lambda stage, done, total: (
                None if post(CacheProgressed(stage, done, total)) else None
            ),
            on_corpus=show,
        )
    except CorpusError as error:
        post(LoadFailed(str(error)))
        return
    except (LoadCancelled, SearchCancelled):
        return
    if not shown:
        post(CorpusLoaded(cached.corpus, cached.warnings, cached.reused, cached.reread))
    post(IndexBuilt(cached.index, time.perf_counter() - began))
    try:
        quotes = cached.finish_quotes(cancel)
    except LoadCancelled:
        return
    post(QuotesFound(quotes))


def load_cold(
    root: Path,
    post: Post,
    cancel: threading.Event,
    use_cache: bool,
    cache_warnings: list[str] | None = None,
) -> None:
    """Read the folder progressively, build the index, find the quotes, fill the cache."""
    keys: Keys = []
    scan_ns = time.time_ns()
    corpus = read_progressively(root, post, cancel, keys if use_cache else None)
    if corpus is None:
        return
    post(CorpusLoaded(corpus, cache_warnings or []))
    began = time.perf_counter()
    try:
        index = SearchIndex.build(
            corpus.articles,
            cancel=cancel,
            progress=lambda done, total: None if post(IndexProgressed(done, total)) else None,
        )
    except SearchCancelled:
        return
    post(IndexBuilt(index, time.perf_counter() - began))
    quotes = QuoteTable()
    for article in corpus.articles:
        if cancel.is_set():
            return
        # Past this size an article's quotations are found for the part the reader draws.
        quotes.append(find_quotes(article.text) if len(article.text) <= BULK_QUOTES else [])
    index.set_speakers([quotes.speakers(number) for number in range(len(quotes))])
    post(QuotesFound(quotes))
    if use_cache and not cancel.is_set():
        save_loaded(corpus, index, quotes, keys, scan_ns)  # for the next start


def search(index: SearchIndex, query: str, limit: int, post: Post, cancel: threading.Event) -> None:
    """Search the corpus for ``query`` and report, unless cancelled by a newer query."""
    began = time.perf_counter()
    try:
        hits = index.search(query, limit, prefix_last=True, cancel=cancel)
    except SearchCancelled:
        return
    if not cancel.is_set():
        post(SearchFinished(query, hits, (time.perf_counter() - began) * 1000, index))


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

"""The main screen's side of loading a folder: the load worker and what it reports.

A mixin for :class:`tui.ui.screens.main.MainScreen`. The worker
(:func:`tui.ui.jobs.load_and_index`) reads, indexes and finds quotations in the core;
each report it posts is taken into the screen's :class:`~tui.core.library.Library`
here, and shown: the list as it fills, the status line, the article that was open.
"""

from __future__ import annotations

import threading
from functools import partial
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import ContentSwitcher

from tui.core.heap import cap_heaps
from tui.ui import jobs, status_text
from tui.ui.messages import (
    ArticlesRead,
    CacheProgressed,
    CorpusLoaded,
    IndexBuilt,
    IndexProgressed,
    LoadFailed,
    QuotesFound,
    SearchPartial,
)
from tui.ui.session import asks_speaker
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.corpus import Corpus
    from tui.core.library import Library
    from tui.ui.memory import Memory
    from tui.ui.session import Session


class LoadingView(Screen[None]):
    """Starts the load worker and shows what it reports."""

    if TYPE_CHECKING:  # provided by MainScreen, which mixes this class in
        root: Path
        files: jobs.Files | None
        scope: str
        memory: Memory
        library: Library
        session: Session

        def _cancel_event(self, group: str) -> threading.Event: ...
        def open_article(self, index: int) -> None: ...
        def start_search(self, query: str) -> None: ...
        def part(self, kind: type[ResultList]) -> ResultList: ...
        def drop_results(self) -> None: ...
        def fill_speakers(self) -> None: ...

    def start_loading(self) -> None:
        """Read (or read again) the folder and index it, in a worker."""
        cap_heaps()  # before the first worker: a long session's threads share one heap
        self.first_answer = threading.Event()
        """Set when the first search after the index is in has been answered (or there was
        no query): until then the load waits before finding quotations (``jobs``'s hold)."""
        self.run_worker(
            partial(
                jobs.load_and_index,
                self.root,
                self.post_message,
                self._cancel_event("load"),
                self.library.use_cache,
                self.files,
                self.first_answer,
                self.scope,
            ),
            thread=True,
            exclusive=True,
            group="load",
        )

    # --- worker reports ------------------------------------------------------

    def on_articles_read(self, message: ArticlesRead) -> None:
        status = status_text.reading(self.root, message.done, message.total)
        self.query_one(StatusBar).message = status
        if message.articles and not self.session.reloading:
            self.query_one(ArticleList).add_articles(message.articles)

    def on_cache_progressed(self, message: CacheProgressed) -> None:
        self.query_one(StatusBar).message = status_text.from_cache(
            self.root, message.stage, message.done, message.total
        )

    def on_load_failed(self, message: LoadFailed) -> None:
        self.query_one(StatusBar).message = message.reason
        reader = self.query_one(ArticleReader)
        reader.placeholder = message.reason
        reader.show(None, [])
        self.notify(message.reason, severity="error", timeout=10)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        previous = self.library.corpus
        reopen = None
        open_now = self.session.open_article
        if self.session.reloading and previous is not None and open_now is not None:
            reopen = previous.articles[open_now].id
        self.session.open_article = None
        library = self.library
        library.adopt_corpus(message.corpus, message.cache_warnings, message.reused, message.reread)
        corpus = message.corpus
        for warning in message.cache_warnings:
            self.notify(f"Cache: {warning}", severity="warning", timeout=8)
        if message.reused:
            self.log.info(f"cache: {message.reused} files reused, {message.reread} re-read")
        status = self.query_one(StatusBar)
        status.problems = status_text.problems(corpus)  # a reload too: the count is new
        listing = self.query_one(ArticleList)
        listing.empty_note = "" if corpus.articles else status_text.no_articles(self.root)
        if self.session.reloading:
            self.session.reloading = False
            self.after_reload(previous, corpus, reopen)
            return
        if not corpus.articles:
            status.message = listing.empty_note
            reader = self.query_one(ArticleReader)
            reader.placeholder = listing.empty_note
            reader.show(None, [])
            listing.refresh()
            return
        status.message = status_text.indexing(len(corpus.articles))
        self.start_early_search(self.query_one(SearchBox).value)  # a query typed while reading
        touched = listing.touched
        listing.set_articles(corpus.articles)  # now sorted
        last = self.memory.corpus.last_article
        number = library.number_of(last) if last is not None else None
        current = listing.current
        if touched and current is not None and (shown := library.number_of(current.id)) is not None:
            self.open_article(shown)
        elif number is not None:
            # Back where the user left off: the article, its position, and the reader
            # focused, unless the user has gone elsewhere (the search box) while it loaded.
            listing.highlight_article(library.articles[number])
            self.open_article(number)
            if self.focused is None or self.focused is listing:
                self.set_focus(self.query_one(ArticleReader))

    def after_reload(self, previous: Corpus | None, corpus: Corpus, reopen: str | None) -> None:
        """Show the re-read corpus, back on the article that was open."""
        before = {article.id for article in previous.articles} if previous else set()
        after = {article.id for article in corpus.articles}
        listing = self.query_one(ArticleList)
        listing.set_articles(corpus.articles)
        number = self.library.number_of(reopen) if reopen is not None else None
        if number is not None:
            listing.highlight_article(self.library.articles[number])
            self.open_article(number)
        self.notify(
            f"Reloaded: {status_text.plural(len(after), 'article')}, {len(after - before)} new, "
            f"{len(before - after)} gone."
        )

    def on_index_progressed(self, message: IndexProgressed) -> None:
        self.session.indexed = (message.done, message.total)
        if self.library.corpus is not None:
            status = self.query_one(StatusBar)
            if self.showing_partial():
                status.message = self.partial_status()
            else:
                status.message = status_text.indexing(
                    len(self.library.articles), message.done, message.total
                )

    # --- an early answer while the index is built -----------------------------

    def start_early_search(self, query: str) -> None:
        """Answer ``query`` from the articles read, in a worker, while the index is built
        (a newer query, or the index's own answer, cancels it). Cold loads only: a warm
        one has its index a moment after its corpus, and its texts are decoded on demand."""
        corpus = self.library.corpus
        if self.library.index is not None or corpus is None or not query.strip():
            return
        if self.library.reused:
            return  # from the cache: the index follows at once
        limit = 50  # main_search.SEARCH_LIMIT: the first page of hits
        cancel = self._cancel_event("search")
        self.run_worker(
            partial(jobs.search_early, corpus, query, limit, self.post_message, cancel),
            thread=True,
            exclusive=True,
            group="search",
        )

    def on_search_partial(self, message: SearchPartial) -> None:
        """Show an early answer as partial: it opens nothing on Enter (``session.opening``
        waits for the index's answer) and is replaced by that answer."""
        box = self.query_one(SearchBox).value
        library = self.library
        stale = message.corpus is not library.corpus or library.index is not None
        if message.query != box or stale:
            return  # the query moved on, or the full answer can come now
        session = self.session
        if not message.plain:  # a query the scan leaves to the index: nothing to show yet
            if session.partial is not None:
                session.partial = None
                self.drop_results()
            self.query_one(StatusBar).message = status_text.WAITING_FOR_INDEX
            return
        results = self.part(ResultList)
        self.query_one(ContentSwitcher).current = "results"
        results.show_hits(library.articles, message.hits)
        results.border_title = f"partial · {results.border_title or 'words as typed'}"
        session.hits_query = None  # Enter waits for the complete answer
        session.hits_left, session.more_from = False, None
        session.partial = (message.query, len(message.hits), message.total, message.scanned)
        self.query_one(StatusBar).message = self.partial_status()

    def showing_partial(self) -> bool:
        """Whether the results show an early answer to the query in the box."""
        early = self.session.partial
        return early is not None and early[0] == self.query_one(SearchBox).value

    def partial_status(self) -> str:
        """The status line over an early answer, with the indexing progress."""
        query, hits, total, scanned = self.session.partial or ("", 0, 0, 0)
        done, indexed = self.session.indexed or (None, None)
        articles = len(self.library.articles)
        return status_text.partial_result(query, hits, total, scanned, articles, done, indexed)

    def on_index_built(self, message: IndexBuilt) -> None:
        self.session.indexed = None
        query = self.query_one(SearchBox).value
        # With a query waiting, its answer comes first; the collection that freezes the
        # index waits until that answer is on screen (release_load).
        self.library.adopt_index(message.index, settle=not query.strip())
        articles = self.library.articles
        passages = sum(len(article.passages) for article in articles)
        status = self.query_one(StatusBar)
        status.message = (
            status_text.search_ready(len(articles), passages)
            if articles
            else status_text.no_articles(self.root)  # the reason stays, not "0 articles"
        )
        self.log.info(f"index built in {message.seconds:.3f} s")
        if query.strip():
            self.start_search(query)  # its answer, once shown, lets the load go on
        else:
            self.first_answer.set()

    def first_answer_shown(self) -> None:
        """The first search answer is on screen: collect and freeze what is loaded, then let
        the load go on to the quotations (it waits for this, ``jobs``'s hold)."""
        if not self.first_answer.is_set():
            self.library.settle()
            self.first_answer.set()

    def on_quotes_found(self, message: QuotesFound) -> None:
        self.library.adopt_quotes(message.quotes)  # lists made when an article is shown
        self.fill_speakers()  # a speakers view opened before they were found
        query = self.query_one(SearchBox).value
        if self.library.index is not None and asks_speaker(query):
            self.start_search(query)  # speaker: had no quotations to look at yet

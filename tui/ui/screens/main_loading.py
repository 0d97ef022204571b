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

from tui.ui import jobs, status_text
from tui.ui.messages import (
    ArticlesRead,
    CacheProgressed,
    CorpusLoaded,
    IndexBuilt,
    IndexProgressed,
    LoadFailed,
    QuotesFound,
)
from tui.ui.session import asks_speaker
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.reader import ArticleReader
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

    def start_loading(self) -> None:
        """Read (or read again) the folder and index it, in a worker."""
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
        if self.session.reloading:
            self.session.reloading = False
            self.after_reload(previous, corpus, reopen)
            return
        if not corpus.articles:
            reason = status.message = status_text.no_articles(self.root)
            reader = self.query_one(ArticleReader)
            reader.placeholder = reason
            reader.show(None, [])
            return
        status.message = status_text.indexing(len(corpus.articles))
        listing = self.query_one(ArticleList)
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
        if self.library.corpus is not None:
            self.query_one(StatusBar).message = status_text.indexing(
                len(self.library.articles), message.done, message.total
            )

    def on_index_built(self, message: IndexBuilt) -> None:
        query = self.query_one(SearchBox).value
        # With a query waiting, its answer comes first; the collection that freezes the
        # index waits until that answer is on screen (release_load).
        self.library.adopt_index(message.index, settle=not query.strip())
        articles = self.library.articles
        passages = sum(len(article.passages) for article in articles)
        self.query_one(StatusBar).message = status_text.search_ready(len(articles), passages)
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
        query = self.query_one(SearchBox).value
        if self.library.index is not None and asks_speaker(query):
            self.start_search(query)  # speaker: had no quotations to look at yet

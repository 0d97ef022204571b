"""The main screen: the coordinator of the search box, the lists, the reader and the find bar.

Widgets post messages up to this screen; it answers by setting attributes on
other widgets. Loading, indexing and searching run in thread workers
(:mod:`tui.ui.jobs`) that report back with the messages of :mod:`tui.ui.messages`.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.widgets import ContentSwitcher, Footer, Input

from tui.core.clipboard import citation
from tui.core.corpus import Corpus
from tui.core.quotes import Quote, QuoteTable, find_quotes
from tui.core.search import SearchIndex, parse_query
from tui.ui import jobs
from tui.ui.actions import ReaderActions
from tui.ui.memory import Memory
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
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.reader_layout import WINDOW_CHARS
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

SEARCH_LIMIT = 50
"""Hits shown for a query."""
NARROW = 100
"""Below this width the list and the reader share the space; focus decides which shows."""


def plural(count: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


QUOTES_KEPT = 64
"""Articles whose quotation objects the screen keeps (a long session opens thousands)."""


class MainScreen(ReaderActions):
    """Search box on top, article list or results on the left, the reader on the right."""

    BINDINGS = [
        # A priority binding: handled before the keys typed after it are sent on,
        # so a fast "/query" lands whole in the box.
        Binding("slash", "slash", "Search", priority=True, id="app.search"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.help-f1"),
        Binding("q", "app.quit", "Quit", id="app.quit"),
        Binding("escape", "leave_search", "Leave search", show=False, id="app.leave-search"),
        Binding("quotation_mark", "toggle_quotes", "Quotes", id="app.quotes"),
        Binding("v", "switch_pane", "List/reader", show=False, id="app.switch-pane"),
        Binding("greater_than_sign", "next_hit", "Next hit", show=False, id="app.next-hit"),
        Binding("less_than_sign", "previous_hit", "Prev hit", show=False, id="app.previous-hit"),
        Binding("H", "back", "History back", show=False, id="app.back"),
        Binding("L", "forward", "History forward", show=False, id="app.forward"),
        Binding("B", "bookmarks", "Bookmarks", show=False, id="app.bookmarks"),
        Binding("R", "reload", "Reload folder", show=False, id="app.reload"),
        Binding("w", "load_report", "Skipped files", show=False, id="app.load-report"),
        Binding("y", "copy", "Copy", id="app.copy"),
        Binding("Y", "save_clipping", "Save to file", show=False, id="app.save-clipping"),
        Binding("m", "toggle_bookmark", "Bookmark passage", show=False, id="app.bookmark"),
    ]

    def __init__(self, root: Path, memory: Memory, use_cache: bool = True) -> None:
        super().__init__()
        self.root = root
        """The folder being browsed."""
        self.use_cache = use_cache
        """Whether the corpus cache may be read and written (``--no-cache`` says no)."""
        self.memory = memory
        """Positions, bookmarks, history and theme."""
        self.corpus: Corpus | None = None
        """The loaded corpus, once the loader has finished."""
        self.index: SearchIndex | None = None
        """The search index, once built."""
        self.quotes: dict[int, list[Quote]] = {}
        """Quotations of the articles shown so far, by article index."""
        self.found_quotes = QuoteTable()
        """Every article's quotations, once :class:`QuotesFound` has arrived."""
        self.quotes_ready = False
        """Whether :class:`QuotesFound` has arrived: ``speaker:`` can answer."""
        self.open_index: int | None = None
        """The article in the reader."""
        self._cancel_events: dict[str, threading.Event] = {}
        self.positions: dict[str, int] = {}
        """Article id to its index in the sorted corpus."""
        self.reused_from_cache = 0
        """Files the last load took from the cache."""
        self.reloading = False
        """True while the folder is read again (the old corpus stays on screen till then)."""
        self.quotes_return = "articles"
        """The list the quotes panel gives the left pane back to."""
        self.find_origin = 0
        """Article offset the in-article search starts from (like ``/`` in less)."""

    def compose(self) -> ComposeResult:
        yield SearchBox(id="search")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                with ContentSwitcher(id="lists", initial="articles"):
                    yield ArticleList(id="articles")
                    yield ResultList(id="results")
                    yield QuotePanel(id="quotes")
            with Vertical(id="right"):
                yield ArticleReader(id="reader")
                yield FindBar(id="find")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.reader = self.query_one(ArticleReader)
        """The reading pane (kept: it is still asked for its position at unmount)."""
        self.query_one(ArticleReader).placeholder = f"Loading {self.root} …"
        self.set_focus(self.query_one(ArticleList))
        if self.memory.warning:
            self.notify(self.memory.warning, severity="warning", timeout=10, markup=False)
        self.start_loading()

    def start_loading(self) -> None:
        """Read (or read again) the folder and index it, in a worker."""
        self.run_worker(
            partial(
                jobs.load_and_index,
                self.root,
                self.post_message,
                self._cancel_event("load"),
                self.use_cache,
            ),
            thread=True,
            exclusive=True,
            group="load",
        )

    def _cancel_event(self, group: str) -> threading.Event:
        """A fresh cancel event for a job of ``group``; the previous job's is set."""
        event = threading.Event()
        previous = self._cancel_events.get(group)
        if previous is not None:
            previous.set()
        self._cancel_events[group] = event
        return event

    def on_unmount(self) -> None:
        for event in self._cancel_events.values():
            event.set()
        self.remember_position()
        self.memory.save()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        on_left = event.widget.id in ("articles", "results", "quotes", "search")
        self.set_class(not on_left, "-reading")

    # --- worker reports ------------------------------------------------------

    def on_articles_read(self, message: ArticlesRead) -> None:
        self.query_one(
            StatusBar
        ).message = f"Loading {self.root}: {message.done:,}/{message.total:,} files…"
        if message.articles and not self.reloading:
            self.query_one(ArticleList).add_articles(message.articles)

    def on_cache_progressed(self, message: CacheProgressed) -> None:
        stage = {
            "scan": "checking files",
            "read": "reading changed files",
            "index": "indexing",
            "save": "saving the cache",
        }.get(message.stage, message.stage)
        self.query_one(
            StatusBar
        ).message = (
            f"Loading {self.root} from the cache: {stage} {message.done:,}/{message.total:,}…"
        )

    def on_load_failed(self, message: LoadFailed) -> None:
        self.query_one(StatusBar).message = message.reason
        reader = self.query_one(ArticleReader)
        reader.placeholder = message.reason
        reader.show(None, [])
        self.notify(message.reason, severity="error", timeout=10)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        previous = self.corpus
        reopen = None
        if self.reloading and previous is not None and self.open_index is not None:
            reopen = previous.articles[self.open_index].id
        self.quotes = {}
        self.found_quotes = QuoteTable()
        self.quotes_ready = False
        self.open_index = None
        corpus = self.corpus = message.corpus
        for warning in message.cache_warnings:
            self.notify(f"Cache: {warning}", severity="warning", timeout=8)
        self.reused_from_cache = message.reused
        if message.reused:
            self.log.info(f"cache: {message.reused} files reused, {message.reread} re-read")
        if self.reloading:
            self.reloading = False
            self.index = None  # its article numbers belong to the old corpus
            self.after_reload(previous, corpus, reopen)
            return
        status = self.query_one(StatusBar)
        problems = []
        if corpus.skipped:
            problems.append(f"{plural(len(corpus.skipped), 'file')} skipped")
        if corpus.warnings:
            problems.append(plural(len(corpus.warnings), "warning"))
        status.problems = f"{', '.join(problems)} (w: details)" if problems else ""
        if not corpus.articles:
            reason = f"No articles (*.txt, *.md) in {self.root}"
            status.message = reason
            reader = self.query_one(ArticleReader)
            reader.placeholder = reason
            reader.show(None, [])
            return
        status.message = f"{plural(len(corpus.articles), 'article')} · indexing…"
        self.positions = {article.id: number for number, article in enumerate(corpus.articles)}
        listing = self.query_one(ArticleList)
        touched = listing.touched
        listing.set_articles(corpus.articles)  # now sorted
        last = self.memory.corpus.last_article
        ids = [article.id for article in corpus.articles]
        if touched and listing.current is not None:
            self.open_article(self.positions[listing.current.id])
        elif last in ids:
            # Back where the user left off: the article, its position, the reader focused.
            listing.highlighted = ids.index(last)
            self.open_article(ids.index(last))
            self.set_focus(self.query_one(ArticleReader))

    def after_reload(self, previous: Corpus | None, corpus: Corpus, reopen: str | None) -> None:
        """Show the re-read corpus, back on the article that was open."""
        self.positions = {article.id: number for number, article in enumerate(corpus.articles)}
        before = {article.id for article in previous.articles} if previous else set()
        after = set(self.positions)
        listing = self.query_one(ArticleList)
        listing.set_articles(corpus.articles)
        if reopen in self.positions:
            listing.highlighted = self.positions[reopen]
            self.open_article(self.positions[reopen])
        self.notify(
            f"Reloaded: {plural(len(after), 'article')}, {len(after - before)} new, "
            f"{len(before - after)} gone."
        )

    def on_index_progressed(self, message: IndexProgressed) -> None:
        if self.corpus is not None:
            self.query_one(StatusBar).message = (
                f"{plural(len(self.corpus.articles), 'article')} · "
                f"indexing {message.done:,}/{message.total:,}…"
            )

    def on_index_built(self, message: IndexBuilt) -> None:
        self.index = message.index
        if self.corpus is not None:
            passages = sum(len(article.passages) for article in self.corpus.articles)
            self.query_one(StatusBar).message = (
                f"{plural(len(self.corpus.articles), 'article')} · "
                f"{plural(passages, 'passage')} · search ready"
            )
        self.log.info(f"index built in {message.seconds:.3f} s")
        query = self.query_one(SearchBox).value
        if query.strip():
            self.start_search(query)

    def on_quotes_found(self, message: QuotesFound) -> None:
        self.found_quotes = message.quotes  # lists made when an article is shown
        self.quotes_ready = True
        query = self.query_one(SearchBox).value
        if self.index is not None and _asks_speaker(query):
            self.start_search(query)  # speaker: had no quotations to look at yet

    def on_search_finished(self, message: SearchFinished) -> None:
        if (
            message.query != self.query_one(SearchBox).value
            or self.corpus is None
            or message.index is not self.index
        ):
            return  # a stale answer: the query has changed since
        self.query_one(ContentSwitcher).current = "results"
        self.query_one(ResultList).show_hits(self.corpus.articles, message.hits)
        count = plural(len(message.hits), "hit") if message.hits else "no match"
        waiting = not message.hits and not self.quotes_ready and _asks_speaker(message.query)
        self.query_one(StatusBar).message = f"{count} for {message.query!r}" + (
            " yet · quotations are still being found" if waiting else ""
        )
        self.log.info(f"search {message.query!r}: {message.milliseconds:.2f} ms")

    def on_find_finished(self, message: FindFinished) -> None:
        find = self.query_one(FindBar)
        if message.article != self.open_index or message.query != find.value:
            return
        reader = self.query_one(ArticleReader)
        reader.set_find_matches(message.matches, self.find_origin)
        find.show_count(reader.current_match, len(message.matches))

    # --- opening articles ----------------------------------------------------

    def start_search(self, query: str) -> None:
        """Run ``query`` in a worker; a newer query cancels it."""
        if self.index is not None:
            self.run_worker(
                partial(
                    jobs.search,
                    self.index,
                    query,
                    SEARCH_LIMIT,
                    self.post_message,
                    self._cancel_event("search"),
                ),
                thread=True,
                exclusive=True,
                group="search",
            )

    def quotes_of(self, index: int) -> list[Quote]:
        """The quotations of article ``index`` (kept for the last few articles opened)."""
        if index in self.quotes:
            self.quotes[index] = self.quotes.pop(index)  # the most recent last
        while len(self.quotes) >= QUOTES_KEPT:
            del self.quotes[next(iter(self.quotes))]
        if index not in self.quotes and index in self.found_quotes:
            self.quotes[index] = self.found_quotes[index]
        elif index not in self.quotes and self.corpus is not None:
            text = self.corpus.articles[index].text
            # A very long article: the reader finds the quotations of the part it draws.
            self.quotes[index] = [] if len(text) > WINDOW_CHARS else find_quotes(text)
        return self.quotes.get(index, [])

    def remember_position(self) -> None:
        """Record where the reader is in the open article."""
        if self.corpus is not None and self.open_index is not None:
            article = self.corpus.articles[self.open_index]
            self.memory.remember_position(article.id, self.reader.top_offset)

    def open_article(
        self,
        index: int,
        passage: int | None = None,
        matches: tuple[tuple[int, int], ...] = (),
        record: bool = True,
    ) -> None:
        """Show article ``index`` in the reader, at ``passage`` or the remembered position."""
        if self.corpus is None or not 0 <= index < len(self.corpus.articles):
            return
        if index != self.open_index:
            self.remember_position()
        article = self.corpus.articles[index]
        reader = self.query_one(ArticleReader)
        changed = index != self.open_index
        self.open_index = index
        reader.show(article, self.quotes_of(index), passage, matches)
        if changed:
            self.refresh_bookmarks()
            if self.query_one(ContentSwitcher).current == "quotes":
                self.query_one(QuotePanel).show_quotes(article, self.quotes_of(index))
            find = self.query_one(FindBar)
            if find.value:
                find.action_close(True)
            if passage is None and (offset := self.memory.position(article.id)):
                reader.scroll_to_offset(offset)
            if record:
                self.memory.history.visit(article.id)
            self.memory.corpus.last_article = article.id

    def open_by_id(self, article_id: str, offset: int | None = None) -> None:
        """Open the article called ``article_id`` (at ``offset`` when given)."""
        if self.corpus is None:
            return
        for number, article in enumerate(self.corpus.articles):
            if article.id == article_id:
                passage = article.passage_at(offset) if offset is not None else None
                self.open_article(number, passage, record=False)
                return
        self.notify(f"{article_id} is no longer in this folder.", severity="warning", markup=False)

    def refresh_bookmarks(self) -> None:
        """Mark the bookmarked passages of the open article in the reader's gutter."""
        reader = self.query_one(ArticleReader)
        if reader.article is None:
            return
        spans = set(self.memory.bookmarked_passages(reader.article.id))
        reader.set_bookmarked(
            frozenset(
                number for number, span in enumerate(reader.article.passages) if span in spans
            )
        )

    # --- widget messages -----------------------------------------------------

    @on(ArticleList.Highlighted)
    def _article_highlighted(self, message: ArticleList.Highlighted) -> None:
        article = message.article_list.articles[message.index]
        if self.corpus is not None:
            self.open_article(self.positions[article.id])
        else:  # still loading: the list is in file order, not yet the corpus's
            quotes = [] if len(article.text) > WINDOW_CHARS else find_quotes(article.text)
            self.query_one(ArticleReader).show(article, quotes)

    @on(ArticleList.Chosen)
    def _article_chosen(self, message: ArticleList.Chosen) -> None:
        self.set_focus(self.query_one(ArticleReader))

    @on(ResultList.Highlighted)
    def _result_highlighted(self, message: ResultList.Highlighted) -> None:
        hit = message.hit
        self.open_article(hit.article, hit.passage, hit.matches)

    @on(ResultList.Chosen)
    def _result_chosen(self, message: ResultList.Chosen) -> None:
        hit = message.hit
        self.open_article(hit.article, hit.passage, hit.matches)
        self.set_focus(self.query_one(ArticleReader))

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        query = event.value
        if not query.strip():
            self._cancel_event("search")
            self.query_one(ContentSwitcher).current = "articles"
            return
        if self.index is None:
            self.query_one(StatusBar).message = "Indexing… the search runs as soon as it is ready."
            return
        self.start_search(query)

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one(ResultList)
        if self.query_one(ContentSwitcher).current == "results" and results.current is not None:
            hit = results.current
            self.open_article(hit.article, hit.passage, hit.matches)
            self.set_focus(self.query_one(ArticleReader))

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        if self.index is None or self.open_index is None:
            return
        if not event.value.strip():
            self.query_one(ArticleReader).set_find_matches(())
            self.query_one(FindBar).show_count(None, 0)
            return
        self.run_worker(
            partial(
                jobs.find_in_article,
                self.index,
                self.open_index,
                event.value,
                self.post_message,
                self._cancel_event("find"),
            ),
            thread=True,
            exclusive=True,
            group="find",
        )

    @on(FindBar.Closed)
    def _find_closed(self, message: FindBar.Closed) -> None:
        reader = self.query_one(ArticleReader)
        if message.cleared:
            reader.set_find_matches(())
        self.set_focus(reader)

    @on(SearchBox.Left)
    def _search_left(self, message: SearchBox.Left) -> None:
        self.action_leave_search()

    @on(SearchBox.ToResults)
    def _search_to_results(self, message: SearchBox.ToResults) -> None:
        if self.query_one(ContentSwitcher).current == "results":
            self.set_focus(self.query_one(ResultList))

    @on(QuotePanel.Highlighted)
    def _quote_highlighted(self, message: QuotePanel.Highlighted) -> None:
        reader = self.query_one(ArticleReader)
        if 0 <= message.index < len(reader.quotes):
            reader.visit_quote(message.index)

    @on(QuotePanel.Chosen)
    def _quote_chosen(self, message: QuotePanel.Chosen) -> None:
        self.set_focus(self.query_one(ArticleReader))

    @on(ArticleReader.QuoteVisited)
    def _quote_visited(self, message: ArticleReader.QuoteVisited) -> None:
        quote = message.quote
        who = quote.speaker_name or quote.speaker or "speaker unknown"
        if quote.guessed and (quote.speaker_name or quote.speaker):
            who += " (guessed)"
        cue = f" · {quote.cue}" if quote.cue else ""
        self.query_one(StatusBar).message = f"Quote {message.index + 1}/{message.total}: {who}{cue}"

    @on(ArticleReader.MatchVisited)
    def _match_visited(self, message: ArticleReader.MatchVisited) -> None:
        self.query_one(FindBar).show_count(message.index, message.total)
        self.query_one(StatusBar).message = f"Match {message.index + 1}/{message.total}"

    def citation_for_reader(self) -> str | None:
        """The current quotation or passage of the reader, with its citation."""
        reader = self.query_one(ArticleReader)
        article = reader.article
        if article is None:
            return None
        if reader.current_quote is not None:
            quote = reader.quotes[reader.current_quote]
            return citation(
                article.text[quote.start : quote.end],
                article.title,
                article.date,
                article.id,
                quote.speaker_name or quote.speaker,
            )
        passage = reader.current_passage()
        if passage is None:
            return None
        return citation(article.passage_text(passage), article.title, article.date, article.id)


def _asks_speaker(query: str) -> bool:
    """Whether ``query`` holds a ``speaker:`` scope (answered from the quotations)."""
    return any(scope.field == "speaker" for scope in parse_query(query).scopes)

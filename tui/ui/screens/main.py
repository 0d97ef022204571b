"""The main screen: the coordinator of the search box, the lists and the reader.

Widgets post messages up to this screen; it answers by setting attributes on
other widgets. Loading, indexing and searching run in thread workers that
report back with the messages of :mod:`tui.ui.messages`.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input
from textual.worker import get_current_worker

from tui.core.corpus import Corpus, CorpusError, LoadCancelled, load_corpus
from tui.core.models import Article
from tui.core.quotes import Quote, find_quotes
from tui.core.search import SearchCancelled, SearchIndex
from tui.ui.messages import (
    CorpusLoaded,
    IndexBuilt,
    IndexProgressed,
    LoadFailed,
    LoadProgressed,
    SearchFinished,
)
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

SEARCH_LIMIT = 50
"""Hits shown for a query."""


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


class MainScreen(Screen[None]):
    """Search box on top, article list or results on the left, the reader on the right."""

    BINDINGS = [
        # A priority binding: handled before the keys typed after it are sent on,
        # so a fast "/query" lands whole in the box.
        Binding("slash", "focus_search", "Search", priority=True, id="app.search"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.help-f1"),
        Binding("q", "app.quit", "Quit", id="app.quit"),
        Binding("escape", "leave_search", "Back", show=False, id="app.leave-search"),
        Binding("w", "load_report", "Skipped files", show=False, id="app.load-report"),
    ]

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        """The folder being browsed."""
        self.corpus: Corpus | None = None
        """The loaded corpus, once the loader has finished."""
        self.index: SearchIndex | None = None
        """The search index, once built."""
        self._quotes: dict[int, list[Quote]] = {}
        self._positions: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        yield SearchBox(id="search")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                with ContentSwitcher(id="lists", initial="articles"):
                    yield ArticleList(id="articles")
                    yield ResultList(id="results")
            yield ArticleReader(id="reader")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleReader).placeholder = f"Loading {self.root} …"
        self.query_one(ArticleList).focus()
        self.load()

    # --- workers -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Read the folder, then build the search index, reporting progress."""
        worker = get_current_worker()
        try:
            corpus = load_corpus(
                self.root,
                cancel=worker.cancelled_event,
                progress=lambda done: self.post_message(LoadProgressed(done)),
            )
        except CorpusError as error:
            self.post_message(LoadFailed(str(error)))
            return
        except LoadCancelled:
            return
        self.post_message(CorpusLoaded(corpus))
        began = time.perf_counter()
        try:
            index = SearchIndex.build(
                corpus.articles,
                cancel=worker.cancelled_event,
                progress=lambda done, total: self.post_message(IndexProgressed(done, total)),
            )
            speakers = []
            for number, article in enumerate(corpus.articles):
                if worker.is_cancelled:
                    return
                quotes = find_quotes(article.text)
                self._quotes.setdefault(number, quotes)
                speakers.append([(q.start, q.end, q.speaker_name or q.speaker or "")
                                 for q in quotes if q.speaker_name or q.speaker])
            index.set_speakers(speakers)
        except SearchCancelled:
            return
        self.post_message(IndexBuilt(index, time.perf_counter() - began))

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, index: SearchIndex, query: str) -> None:
        """Search ``query`` and report; a newer query cancels this one."""
        worker = get_current_worker()
        began = time.perf_counter()
        try:
            hits = index.search(query, SEARCH_LIMIT, prefix_last=True, cancel=worker.cancelled_event)
        except SearchCancelled:
            return
        if not worker.is_cancelled:
            elapsed = (time.perf_counter() - began) * 1000
            self.post_message(SearchFinished(query, hits, elapsed))

    # --- worker reports ------------------------------------------------------

    def on_load_progressed(self, message: LoadProgressed) -> None:
        self.query_one(StatusBar).message = f"Loading {self.root}: {_plural(message.done, 'file')}…"

    def on_load_failed(self, message: LoadFailed) -> None:
        self.query_one(StatusBar).message = message.reason
        self.query_one(ArticleReader).placeholder = message.reason
        self.query_one(ArticleReader).show(None, [])
        self.notify(message.reason, severity="error", timeout=10)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        corpus = self.corpus = message.corpus
        status = self.query_one(StatusBar)
        problems = []
        if corpus.skipped:
            problems.append(f"{_plural(len(corpus.skipped), 'file')} skipped")
        if corpus.warnings:
            problems.append(_plural(len(corpus.warnings), "warning"))
        status.problems = f"{', '.join(problems)} (w: details)" if problems else ""
        if not corpus.articles:
            reason = f"No articles (*.txt, *.md) in {self.root}"
            status.message = reason
            self.query_one(ArticleReader).placeholder = reason
            self.query_one(ArticleReader).show(None, [])
            return
        status.message = f"{_plural(len(corpus.articles), 'article')} · indexing…"
        self.query_one(ArticleList).set_articles(corpus.articles)

    def on_index_progressed(self, message: IndexProgressed) -> None:
        if self.corpus is not None:
            self.query_one(StatusBar).message = (
                f"{_plural(len(self.corpus.articles), 'article')} · "
                f"indexing {message.done:,}/{message.total:,}…"
            )

    def on_index_built(self, message: IndexBuilt) -> None:
        self.index = message.index
        if self.corpus is not None:
            passages = sum(len(article.passages) for article in self.corpus.articles)
            self.query_one(StatusBar).message = (
                f"{_plural(len(self.corpus.articles), 'article')} · "
                f"{_plural(passages, 'passage')} · search ready"
            )
        self.log.info(f"index built in {message.seconds:.3f} s")
        query = self.query_one(SearchBox).value
        if query.strip():
            self.run_search(self.index, query)

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.query != self.query_one(SearchBox).value or self.corpus is None:
            return  # a stale answer: the query has changed since
        self.query_one(ContentSwitcher).current = "results"
        self.query_one(ResultList).show_hits(self.corpus.articles, message.hits)
        count = _plural(len(message.hits), "hit") if message.hits else "no match"
        self.query_one(StatusBar).message = f"{count} for {message.query!r}"
        self.log.info(f"search {message.query!r}: {message.milliseconds:.2f} ms")

    # --- widget messages -----------------------------------------------------

    def quotes_of(self, index: int) -> list[Quote]:
        """The quotations of article ``index`` (found once, then kept)."""
        if index not in self._quotes and self.corpus is not None:
            self._quotes[index] = find_quotes(self.corpus.articles[index].text)
        return self._quotes.get(index, [])

    def open_article(self, index: int, passage: int | None = None,
                     matches: tuple[tuple[int, int], ...] = ()) -> None:
        """Show article ``index`` in the reader, at ``passage`` when given."""
        if self.corpus is None or not 0 <= index < len(self.corpus.articles):
            return
        article: Article = self.corpus.articles[index]
        self.query_one(ArticleReader).show(article, self.quotes_of(index), passage, matches)

    @on(ArticleList.Highlighted)
    def _article_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.open_article(message.index)

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
            self.workers.cancel_group(self, "search")
            self.query_one(ContentSwitcher).current = "articles"
            return
        if self.index is None:
            self.query_one(StatusBar).message = "Indexing… the search runs as soon as it is ready."
            return
        self.run_search(self.index, query)

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one(ResultList)
        if self.query_one(ContentSwitcher).current == "results" and results.current is not None:
            hit = results.current
            self.open_article(hit.article, hit.passage, hit.matches)
            self.set_focus(self.query_one(ArticleReader))

    @on(SearchBox.Left)
    def _search_left(self, message: SearchBox.Left) -> None:
        self.action_leave_search()

    @on(SearchBox.ToResults)
    def _search_to_results(self, message: SearchBox.ToResults) -> None:
        if self.query_one(ContentSwitcher).current == "results":
            self.query_one(ResultList).focus()

    @on(ArticleReader.QuoteVisited)
    def _quote_visited(self, message: ArticleReader.QuoteVisited) -> None:
        quote = message.quote
        who = quote.speaker_name or quote.speaker or "speaker unknown"
        if quote.guessed and (quote.speaker_name or quote.speaker):
            who += " (guessed)"
        cue = f" · {quote.cue}" if quote.cue else ""
        self.query_one(StatusBar).message = f"Quote {message.index + 1}/{message.total}: {who}{cue}"

    # --- actions -------------------------------------------------------------

    def action_focus_search(self) -> None:
        """Move to the search box; in the box, ``/`` is typed as itself."""
        box = self.query_one(SearchBox)
        if self.focused is box:
            box.insert_text_at_cursor("/")
        else:
            self.set_focus(box)

    def action_leave_search(self) -> None:
        """Clear the query and go back to the article list."""
        box = self.query_one(SearchBox)
        if box.value:
            box.value = ""
        self.query_one(ContentSwitcher).current = "articles"
        self.set_focus(self.query_one(ArticleList))

    def action_help(self) -> None:
        """Show the keys of the focused pane and the app, and the search syntax."""
        from tui.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.active_bindings))

    def action_load_report(self) -> None:
        """Show the files that were skipped or read with a warning."""
        from tui.ui.screens.report import LoadReport

        if self.corpus is not None:
            self.app.push_screen(LoadReport(self.corpus))

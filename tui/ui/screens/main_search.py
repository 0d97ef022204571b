"""The main screen's searching: the query box and the find bar, their workers and answers.

A mixin for :class:`tui.ui.screens.main.MainScreen`: a typed query starts a search
worker (a newer one cancels it), its answer fills the results if it is still the
box's query, Down on the last hit asks for the next page, and the find bar's text
is searched in the open article the same way.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.widgets import ContentSwitcher, Input

from tui.ui import jobs, status_text
from tui.ui.messages import FindFinished, SearchFinished
from tui.ui.screens.main_parts import PartsView
from tui.ui.session import Session, asks_speaker
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    import threading

    from tui.core.library import Library
    from tui.core.search import SearchHit

SEARCH_LIMIT = 50
"""Hits shown for a query."""


class SearchView(PartsView):
    """Runs the corpus search and the find in the article, and shows their answers."""

    if TYPE_CHECKING:  # provided by MainScreen, which mixes this class in
        library: Library
        session: Session
        first_answer: threading.Event

        def _cancel_event(self, group: str) -> threading.Event: ...
        def _open_hit(self, hit: SearchHit) -> None: ...
        def drop_results(self) -> None: ...
        def start_early_search(self, query: str) -> None: ...
        def first_answer_shown(self) -> None: ...
        def action_leave_search(self) -> None: ...

    def on_search_finished(self, message: SearchFinished) -> None:
        box = self.query_one(SearchBox).value
        if not Session.search_is_current(message.query, box, message.index, self.library.index):
            return  # a stale answer: the query (or the corpus) has changed since
        results = self.part(ResultList)
        if not self.first_answer.is_set():  # once painted, the load goes on to the quotations
            results.call_after_refresh(self.first_answer_shown)
        self.query_one(ContentSwitcher).current = "results"
        self.session.partial = None  # the complete answer replaces an early one
        keep, self.session.more_from = self.session.more_from, None
        results.show_hits(self.library.articles, message.hits, keep)
        self.session.hits_query = message.query
        self.session.hits_left = message.total > len(message.hits)
        pending = not self.library.quotes_ready and asks_speaker(message.query)
        counted = message.counted if message.hits and self.session.hits_left else None
        self.session.hits_counted = counted
        self.session.hits_unmatched = message.unmatched
        self.query_one(StatusBar).message = status_text.search_result(
            message.query, len(message.hits), pending, counted, message.unmatched
        )
        self.log.info(f"search {message.query!r}: {message.milliseconds:.2f} ms")
        if self.session.opening == message.query:
            self.session.opening = None
            if results.current is not None:  # Enter came before the answer: it opens now
                self._open_hit(results.current)

    def on_find_finished(self, message: FindFinished) -> None:
        find = self.part(FindBar)
        if not self.session.find_is_current(message.article, message.query, find.value):
            return
        reader = self.query_one(ArticleReader)
        reader.set_find_matches(
            message.matches, self.session.find_origin, message.complete, message.query
        )
        find.show_count(reader.current_match, len(message.matches), not message.complete)

    def on_result_list_more_wanted(self, message: ResultList.MoreWanted) -> None:
        """Down on the last hit: ask for the next :data:`SEARCH_LIMIT` hits (same order)."""
        shown = len(message.result_list.hits)
        if self.session.hits_left and self.session.more_from is None:
            self.session.more_from = shown
            self.start_search(self.query_one(SearchBox).value, shown + SEARCH_LIMIT)

    def start_search(self, query: str, limit: int | None = None) -> None:
        """Run ``query`` in a worker for its best ``limit`` hits (:data:`SEARCH_LIMIT` unless
        more rows are being loaded); a newer query cancels it."""
        if limit is None:
            limit, self.session.more_from = SEARCH_LIMIT, None
        if self.library.index is not None:
            self.run_worker(
                partial(
                    jobs.search,
                    self.library.index,
                    query,
                    limit,
                    self.post_message,
                    self._cancel_event("search"),
                ),
                thread=True,
                exclusive=True,
                group="search",
            )

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        query = event.value
        if self.session.opening != query:
            self.session.opening = None
        if not query.strip():
            self._cancel_event("search")
            self.drop_results()
            return
        if self.library.index is None:
            self.query_one(StatusBar).message = status_text.WAITING_FOR_INDEX
            self.start_early_search(query)  # from the articles read, shown as partial
            return
        self.start_search(query)

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        self.query_one(SearchBox).remember()
        results = self.mounted(ResultList)
        shown = self.query_one(ContentSwitcher).current == "results"
        if not event.value.strip():
            return
        if shown and results is not None and self.session.hits_query == event.value:
            if results.current is not None:
                self._open_hit(results.current)
        else:  # the answer to this query is still to come (indexing, or searching)
            self.session.opening = event.value

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        index, number = self.library.index, self.session.open_article
        if index is None or number is None:
            return
        if not event.value.strip():
            self.query_one(ArticleReader).set_find_matches(())
            self.part(FindBar).show_count(None, 0)
            return
        self.run_worker(
            partial(
                jobs.find_in_article,
                index,
                number,
                event.value,
                self.post_message,
                self._cancel_event("find"),
                self.session.find_origin,
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
            self.set_focus(self.part(ResultList))

    @on(ArticleReader.MatchVisited)
    def _match_visited(self, message: ArticleReader.MatchVisited) -> None:
        counting = not message.reader.find_complete
        self.part(FindBar).show_count(message.index, message.total, counting)
        more = "+… (counting)" if counting else ""
        self.query_one(StatusBar).message = f"Match {message.index + 1}/{message.total}{more}"

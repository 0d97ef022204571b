"""The main screen: the coordinator of the search box, the lists, the reader and the find bar.

Widgets post messages up to this screen; it answers by setting attributes on
other widgets. Loading, indexing and searching run in thread workers
(:mod:`tui.ui.jobs`) that report back with the messages of :mod:`tui.ui.messages`.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.widgets import ContentSwitcher

from tui.core.heap import Throttled
from tui.core.library import Library
from tui.ui import jobs, status_text
from tui.ui.memory import Memory
from tui.ui.outside import OutsideActions
from tui.ui.screens.main_actions import MainActions
from tui.ui.screens.main_filter import FilterView
from tui.ui.screens.main_levels import LevelsView
from tui.ui.screens.main_loading import LoadingView
from tui.ui.screens.main_search import SearchView
from tui.ui.session import Session
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.footer import KeyFooter
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.reader_quotes import ReaderQuotesFound
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox, focus_kind
from tui.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from tui.core.quotes import Quote
    from tui.core.search import SearchHit

NARROW = 100
"""Below this width the list and the reader share the space; focus decides which shows."""


def quotes_in(text: str) -> list[Quote]:
    """The quotations of ``text``, found now (the quotation code loads on the first call)."""
    from tui.core.quotes import on_demand_quotes

    return on_demand_quotes(text)


class MainScreen(OutsideActions, LevelsView, FilterView, SearchView, MainActions, LoadingView):
    """Search box on top, article list or results on the left, the reader on the right."""

    BINDINGS = [
        # A priority binding: handled before the keys typed after it are sent on,
        # so a fast "/query" lands whole in the box.
        Binding("slash", "slash", "Search", priority=True, id="app.search"),
        Binding("ctrl+s", "focus_search", "Search", priority=True, show=False, id="app.search-any"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.help-f1"),
        Binding("q", "app.quit", "Quit", id="app.quit"),
        Binding("escape", "leave_search", "Back", show=False, id="app.leave-search"),
        Binding("quotation_mark", "toggle_quotes", "Quotes", id="app.quotes"),
        Binding("v", "switch_pane", "List/reader", show=False, id="app.switch-pane"),
        Binding("greater_than_sign", "next_hit", "Next hit", show=False, id="app.next-hit"),
        Binding("less_than_sign", "previous_hit", "Prev hit", show=False, id="app.previous-hit"),
        Binding("H", "back", "History back", show=False, id="app.back"),
        Binding("L", "forward", "History forward", show=False, id="app.forward"),
        Binding("B", "bookmarks", "Bookmarks", show=False, id="app.bookmarks"),
        Binding("S", "speakers", "Speakers", show=False, id="app.speakers"),
        Binding("R", "reload", "Reload folder", show=False, id="app.reload"),
        Binding("w", "load_report", "Skipped files", show=False, id="app.load-report"),
        Binding("y", "copy", "Copy", id="app.copy"),
        Binding("Y", "save_clipping", "Save to file", show=False, id="app.save-clipping"),
        Binding("m", "toggle_bookmark", "Bookmark passage", show=False, id="app.bookmark"),
    ]

    def __init__(
        self,
        root: Path,
        memory: Memory,
        use_cache: bool = True,
        files: jobs.Files | None = None,
        scope: str = "",
    ) -> None:
        super().__init__()
        self.files = files
        """The files to read when the browser was given several paths, else ``None``."""
        self.scope = scope
        """The name of that selection, for its own cache (``""``: not cached)."""
        self.root = root
        """The folder being browsed."""
        self.memory = memory
        """Positions, bookmarks, history and theme."""
        self.library = Library(root, use_cache)
        """The loaded corpus, its index and its quotations (filled from worker messages)."""
        self.session = Session()
        """What is on screen: the open article, a reload under way, and the like."""
        self._cancel_events: dict[str, threading.Event] = {}
        self._in_reader = False
        self.give_back = Throttled()
        """Returns the C heap's free pages after an article changes (the last one's lines
        and quotations freed), at most once every few seconds, once the frame is painted."""
        """Whether the focus is in the reading pane (narrow screens then show only it)."""

    def compose(self) -> ComposeResult:
        yield SearchBox(id="search")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                with ContentSwitcher(id="lists", initial="articles"):
                    yield ArticleList(id="articles")
            with Vertical(id="right"):
                yield ArticleReader(id="reader")
        yield StatusBar(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reader = self.query_one(ArticleReader)
        """The reading pane (kept: it is still asked for its position at unmount)."""
        self.query_one(ArticleReader).placeholder = f"Loading {self.root} …"
        self.set_focus(self.query_one(ArticleList))
        self.query_one(SearchBox).history = self.memory.queries
        self.query_one(ArticleList).read = self.memory.read
        if self.memory.warning:
            self.notify(self.memory.warning, severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self.start_loading)  # the first frame paints before loading

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
        self._show_pane()

    def _show_pane(self) -> None:
        # Only the narrow layout reads ``-reading``. A class changed on the screen restyles
        # every widget on it (about 25 ms on BBC's results, twice a search: the search box,
        # then the opened hit's reader), so wide screens never carry it.
        self.set_class(self._in_reader and self.has_class("-narrow"), "-reading")

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # Each widget posts its own focus event from its own queue: two focus changes
        # in a row (the list at mount, the reopened article's reader) can be told here
        # in either order, so what is focused now decides, not the event's widget.
        focused = self.focused or event.widget
        on_left = focused.id in ("articles", "results", "quotes", "search", "list-filter")
        self._in_reader = not on_left
        self._show_pane()
        self.query_one(SearchBox).name_keys(focus_kind(focused))
        if isinstance(focused, SearchBox) and focused.value.strip():
            switcher = self.query_one(ContentSwitcher)
            results = self.mounted(ResultList)
            if switcher.current == "articles" and results is not None and results.hits:
                switcher.current = "results"  # back to the kept query's results
                self.describe_view()

    # --- opening articles ----------------------------------------------------

    def remember_position(self) -> None:
        """Record where the reader is in the open article."""
        number = self.session.open_article
        if number is not None and 0 <= number < len(self.library.articles):
            article = self.library.articles[number]
            self.memory.remember_position(article.id, self.reader.top_offset)

    def open_article(
        self,
        index: int,
        passage: int | None = None,
        matches: tuple[tuple[int, int], ...] = (),
        record: bool = True,
    ) -> None:
        """Show article ``index`` in the reader, at ``passage`` or the remembered position."""
        articles = self.library.articles
        if not 0 <= index < len(articles):
            return
        changed = index != self.session.open_article
        if changed:
            self.remember_position()
        article = articles[index]
        reader = self.query_one(ArticleReader)
        self.session.open_article = index
        panel_shown = self.query_one(ContentSwitcher).current == "quotes"
        if panel_shown or self.library.has_quotes_of(index):
            reader.show(article, self.library.quotes_of(index), passage, matches)
        else:  # drawn first: found in a worker (the quotation code may load there)
            reader.show(article, partial(quotes_in, article.text), passage, matches)
        if changed:
            self.call_after_refresh(self.give_back)
            self.refresh_bookmarks()
            if panel_shown:
                self.part(QuotePanel).show_quotes(article, reader.quotes)
            find = self.mounted(FindBar)
            if find is not None and find.value:
                find.action_close(True)
            if passage is None and (offset := self.memory.position(article.id)):
                reader.scroll_to_offset(offset)
            if self.memory.mark_read(article.id):
                self.query_one(ArticleList).refresh()  # its unread mark goes
            if record:
                self.memory.history.visit(article.id)
            self.memory.corpus.last_article = article.id

    def open_by_id(self, article_id: str, offset: int | None = None) -> None:
        """Open the article called ``article_id`` (at ``offset`` when given)."""
        if self.library.corpus is None:
            return
        number = self.library.number_of(article_id)
        if number is None:
            self.notify(
                f"{article_id} is no longer in this folder.", severity="warning", markup=False
            )
            return
        article = self.library.articles[number]
        passage = article.passage_at(offset) if offset is not None else None
        self.open_article(number, passage, record=False)

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
        rows = message.article_list.articles
        if not 0 <= message.index < len(rows):
            return  # stale: a filter has taken the row away since
        article = rows[message.index]
        number = self.library.number_of(article.id)
        if number is not None:
            self.open_article(number)
        else:  # still loading: the list is in file order, not yet the corpus's
            self.query_one(ArticleReader).show(article, partial(quotes_in, article.text))

    @on(ArticleList.Chosen)
    def _article_chosen(self, message: ArticleList.Chosen) -> None:
        self.set_focus(self.query_one(ArticleReader))

    @on(ResultList.Highlighted)
    def _result_highlighted(self, message: ResultList.Highlighted) -> None:
        hit = message.hit
        self.open_article(hit.article, hit.passage, hit.matches)

    @on(ResultList.Chosen)
    def _result_chosen(self, message: ResultList.Chosen) -> None:
        self.query_one(SearchBox).remember()
        self._open_hit(message.hit)

    def _open_hit(self, hit: SearchHit) -> None:
        """Open ``hit`` in the reader and go there to read it."""
        self.open_article(hit.article, hit.passage, hit.matches)
        self.set_focus(self.query_one(ArticleReader))

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
        self.query_one(StatusBar).message = status_text.quote_visited(
            message.quote, message.index, message.total
        )

    @on(ReaderQuotesFound)
    def _quotes_found(self, message: ReaderQuotesFound) -> None:
        self.library.keep_quotes(message.article, message.quotes)

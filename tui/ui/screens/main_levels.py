"""The main screen's levels: Escape steps back one, and the status line follows.

A mixin for :class:`tui.ui.screens.main.MainScreen`. The levels, innermost first:
the find bar (it closes itself), the reader, the quotes panel or the results, the
article list. Escape never throws the query away: from the results it shows the
article list with the query still in the box, and ``/`` brings the results back.
Clearing is its own key (``ctrl+u`` in the box). Every change of level sets the
status line to describe what is now on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import ContentSwitcher

from tui.ui import status_text
from tui.ui.screens.main_parts import PartsView
from tui.ui.session import asks_speaker
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.ui.session import Session


class LevelsView(PartsView):
    """Escape's levels, the explicit clearing of the query, and a truthful status line."""

    if TYPE_CHECKING:  # provided by MainScreen, which mixes this class in
        library: Library
        session: Session

        def clear_filter(self) -> bool: ...

    def action_leave_search(self) -> None:
        """Escape: step back one level, keeping the query."""
        switcher = self.query_one(ContentSwitcher)
        box = self.query_one(SearchBox)
        focused = self.focused
        if isinstance(focused, SearchBox):
            box.remember()
            has_results = bool(box.value.strip()) and bool(self.shown_hits())
            self.show_list("results" if has_results else "articles")
        elif isinstance(focused, ArticleReader):
            self.show_list(switcher.current or "articles")
        elif isinstance(focused, QuotePanel):
            self.show_list(self.session.quotes_return)
        elif isinstance(focused, ResultList):
            self.show_list("articles")
        elif isinstance(focused, ArticleList) and self.clear_filter():
            self.describe_view()

    def on_result_list_narrow(self, message: ResultList.Narrow) -> None:
        """Add the facet's scope to the query, where it stays visible and editable."""
        from tui.core.search import narrowed

        box = self.query_one(SearchBox)
        box.value = narrowed(box.value, message.field, message.value)
        box.cursor_position = len(box.value)

    def show_list(self, name: str) -> None:
        """Show and focus the list ``name`` (articles, results or quotes) on the left."""
        switcher = self.query_one(ContentSwitcher)
        if name == "results" and not self.shown_hits():
            name = "articles"
        if name == "quotes":
            self.part(QuotePanel)
        switcher.current = name
        self.set_focus(self.query_one(f"#{name}"))
        self.describe_view()

    def clear_search(self) -> None:
        """Forget the query and its results; the article list shows."""
        box = self.query_one(SearchBox)
        if box.value:
            box.value = ""  # its Changed message empties the results
        self.drop_results()
        self.show_list("articles")

    def drop_results(self) -> None:
        """Empty the results (the query is gone): ``>`` has nothing left to walk."""
        results = self.mounted(ResultList)
        if results is not None:
            results.show_hits(self.library.articles, [])
        self.session.hits_query = self.session.partial = None
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == "results":
            switcher.current = "articles"
        if self.session.quotes_return == "results":
            self.session.quotes_return = "articles"
        self.describe_view()

    def describe_view(self) -> None:
        """Set the status line to what the left pane shows now."""
        status = self.query_one(StatusBar)
        current = self.query_one(ContentSwitcher).current
        query = self.query_one(SearchBox).value
        hits = len(self.shown_hits())
        early = self.session.partial
        if current == "results" and early is not None and early[0] == query:
            done, indexed = self.session.indexed or (None, None)
            read = len(self.library.articles)
            status.message = status_text.partial_result(*early, read, done, indexed)
        elif current == "results":
            pending = not self.library.quotes_ready and asks_speaker(query)
            counted = self.session.hits_counted if hits else None
            unmatched = self.session.hits_unmatched
            status.message = status_text.search_result(query, hits, pending, counted, unmatched)
        elif current == "quotes":
            reader = self.query_one(ArticleReader)
            title = reader.article.title if reader.article else ""
            status.message = status_text.quotes_listed(title, len(reader.quotes))
        elif self.library.index is not None:
            articles = self.library.articles
            passages = sum(len(article.passages) for article in articles)
            kept = query if query.strip() and hits else None
            status.message = status_text.article_list(len(articles), passages, kept, hits)

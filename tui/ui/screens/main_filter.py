"""The main screen's article filter: ``f`` in the list opens the filter line under it.

A mixin for :class:`tui.ui.screens.main.MainScreen`: the list's key runs this
screen's action (at once, so the keys typed next reach the line),
the line's text filters the list as it is typed, and closing it hands the focus
back to the list. Escape in the list clears a kept filter (see ``main_levels``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.widgets import ContentSwitcher, Input

from tui.ui.screens.main_parts import PartsView
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.list_filter import ListFilter

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.ui.session import Session


class FilterView(PartsView):
    """Opens, applies and closes the article list's filter line."""

    if TYPE_CHECKING:  # provided by MainScreen, which mixes this class in
        library: Library
        session: Session

    _follows_lists = False

    def action_filter_list(self) -> None:
        """``f`` in the article list: show the filter line and move into it at once."""
        line = self.part(ListFilter)
        if not self._follows_lists:  # the line belongs to the article list: hidden with it
            self._follows_lists = True

            self.watch(self.query_one(ContentSwitcher), "current", line.follow)
        line.return_focus = self.query_one(ArticleList)
        line.open()
        line.cursor_position = len(line.value)
        self.set_focus(line)

    @on(Input.Changed, "ListFilter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(ArticleList).set_filter(event.value)

    @on(Input.Submitted, "ListFilter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # the line's own submit action closes it

    @on(ListFilter.Closed)
    def _filter_closed(self, message: ListFilter.Closed) -> None:
        listing = self.query_one(ArticleList)
        current = listing.current
        if current is not None and self.library.number_of(current.id) != self.session.open_article:
            listing.announce()  # the reader follows the cursor again

    def clear_filter(self) -> bool:
        """Drop the article list's filter; whether there was one (Escape's level)."""
        line = self.mounted(ListFilter)
        if line is None or (not line.value and not line.active):
            return False
        line.action_close(True)
        return True

"""The main screen's parts that are hidden when it opens, mounted the first time they are asked for.

The results, the quotes panel, the article list's filter line and the find bar are
not on the first frame. Composing and styling them up front cost about a fifth of
the main screen's CPU before its first frame, so none is composed with the
screen: :meth:`PartsView.part` mounts one where it belongs the first time
anything asks for it (a search answer, ``"``, ``f``, ``/`` in the reader) and
returns the same widget from then on. Mounting puts the widget in the DOM, styled,
at once, so the key that asked for it can focus it and the keys after it reach it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.list_filter import ListFilter
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from tui.core.search import SearchHit

Part = TypeVar("Part", ResultList, QuotePanel, ListFilter, FindBar)

PLACES: dict[type[Widget], tuple[str, str]] = {
    ResultList: ("lists", "results"),
    QuotePanel: ("lists", "quotes"),
    ListFilter: ("left", "list-filter"),
    FindBar: ("right", "find"),
}
"""Each part's parent (by id) and its own id; a part goes after its parent's children."""


class PartsView(Screen[None]):
    """Mounts the hidden parts of the main screen on demand."""

    def part(self, kind: type[Part]) -> Part:
        """The screen's one widget of ``kind``, mounted now if nothing asked for it before."""
        try:
            return self.query_one(kind)
        except NoMatches:
            pass
        parent_id, widget_id = PLACES[kind]
        parent = self.query_one(f"#{parent_id}")
        widget = kind(id=widget_id)
        if isinstance(parent, ContentSwitcher):
            widget.display = False  # shown when the switcher makes it current
        parent.mount(widget)
        return widget

    def mounted(self, kind: type[Part]) -> Part | None:
        """The widget of ``kind`` when it has been mounted, else ``None`` (never mounts)."""
        try:
            return self.query_one(kind)
        except NoMatches:
            return None

    def shown_hits(self) -> list[SearchHit]:
        """The hits in the results (none before the results were first mounted)."""
        results = self.mounted(ResultList)
        return results.hits if results is not None else []

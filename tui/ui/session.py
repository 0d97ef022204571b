"""What the main screen is showing, apart from the widgets: a plain, unit-tested object.

The loaded data itself belongs to the core's :class:`~tui.core.library.Library`; this
holds the view's side of it: which article is open, whether a reload is under way,
which list the quotes panel gives the left pane back to, and the rules that decide
whether a worker's answer still belongs on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.search import SearchIndex


@dataclass(slots=True)
class Session:
    """The view state of the main screen."""

    open_article: int | None = None
    """The number of the article in the reader."""
    reloading: bool = False
    """True while the folder is read again (the old corpus stays on screen till then)."""
    quotes_return: str = "articles"
    """The list the quotes panel gives the left pane back to."""
    find_origin: int = 0
    """Article offset the in-article search starts from (like ``/`` in less)."""
    hits_left: bool = False
    """Whether more passages match than the results show (Down on the last loads more)."""
    hits_counted: str | None = None
    """How many passages match, as the status line says it ("3,214", "3,000+"), while
    more than the shown rows do; kept so the line says it again after Esc."""
    hits_unmatched: tuple[str, ...] = ()
    """The words of the shown results' query that no passage has (said again after Esc)."""
    more_from: int | None = None
    """The row to keep the cursor on when a larger page of results arrives."""
    hits_query: str | None = None
    """The query the shown results answer (None with none shown)."""
    opening: str | None = None
    """A query Enter was pressed on before its answer came: the answer opens its first
    hit (typing on in the box drops it, since the answer it waited for is no longer asked)."""

    partial: tuple[str, int, int, int] | None = None
    """The query, hits, matching passages and articles scanned of the early answer shown
    while the index is built (:mod:`tui.core.search.early`); ``None`` once a complete answer is."""
    indexed: tuple[int, int] | None = None
    """Articles indexed and to index while a cold load builds the index."""

    @staticmethod
    def search_is_current(
        answered: str, asked_now: str, answered_by: SearchIndex | None, index: SearchIndex | None
    ) -> bool:
        """Whether hits for ``answered`` still belong on screen.

        They do only while the box still holds the same query and the index that
        answered is the one loaded now (a reload makes the old article numbers wrong).
        """
        return answered == asked_now and answered_by is not None and answered_by is index

    def find_is_current(self, article: int, answered: str, asked_now: str) -> bool:
        """Whether find-in-article matches still belong on screen (same article, same words)."""
        return article == self.open_article and answered == asked_now


def asks_speaker(query: str) -> bool:
    """Whether ``query`` holds a ``speaker:`` scope (answered from the quotations)."""
    from tui.core.search import parse_query  # the search code loads after the first frame

    return "speaker" in parse_query(query).fields

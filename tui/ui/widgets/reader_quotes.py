"""The quotations of the reader's article, found after the frame that shows it when not known.

A mixin for :class:`tui.ui.widgets.reader.ArticleReader`. Before the corpus-wide table
is in, an article's quotations are found when it is first shown: the quotation code
loads then, the first time (about 30 ms on the machine we measure on), and the search
hits a person typed for waited for it. Given a way to find them instead of the list,
the reader draws the article at once, without their highlights, and finds them after
that frame is painted; a key that needs them sooner (next quotation, the quotes panel)
finds them there and then, so keys still act in order on what the article holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.core.quotes import Quote

    class _Reader(Widget):
        """What the mixin uses of the reader."""

        def _relayout(self) -> None: ...
else:
    _Reader = object  # a plain class at run time, as the other reader mixins are

Finder = Callable[[], "list[Quote]"]
"""Finds an article's quotations when called."""


class ReaderQuotes(_Reader):
    """The open article's quotations: known, or found once the article has been drawn."""

    _quotes: list[Quote]
    _finder: Finder | None = None

    @property
    def quotes(self) -> list[Quote]:
        """The quotations of the open article (found now if still pending)."""
        if self._finder is not None:
            self._find_pending()
        return self._quotes

    @quotes.setter
    def quotes(self, quotes: list[Quote]) -> None:
        self._finder = None
        self._quotes = quotes

    @property
    def drawn_quotes(self) -> list[Quote]:
        """The quotations drawn now: none while they are still to be found."""
        return self._quotes

    @property
    def quotes_pending(self) -> bool:
        """Whether the open article's quotations are still to be found."""
        return self._finder is not None

    def find_quotes_later(self, finder: Finder) -> None:
        """Draw without quotations now; after the next frame, ``finder`` gives them."""
        self._quotes = []
        self._finder = finder
        self.call_after_refresh(self._find_pending, finder)

    def _find_pending(self, finder: Finder | None = None) -> None:
        """Find the pending quotations (when ``finder`` is still the pending one) and draw them."""
        pending = self._finder
        if pending is None or (finder is not None and finder is not pending):
            return  # found already, or another article was shown since
        self._finder = None
        self._quotes = pending()
        if self._quotes:
            self._relayout()

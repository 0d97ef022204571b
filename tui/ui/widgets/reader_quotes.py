"""The quotations of the reader's article, found in a worker when not known.

A mixin for :class:`tui.ui.widgets.reader.ArticleReader`. Before the corpus-wide table
is in, an article's quotations are found when it is first shown: the quotation code
loads then, the first time (about 30 ms on the machine we measure on), and the search
hits a person typed would wait for it. Given a way to find them instead of the list,
the reader draws the article at once, without their highlights, and finds them in a
thread worker; a key that needs them sooner (next quotation, the quotes panel) finds
them there and then, so keys still act in order on what the article holds. Either way
:class:`ReaderQuotesFound` goes up, so the screen can keep what was found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.core.models import Article
    from tui.core.quotes import Quote

    class _Reader(Widget):
        """What the mixin uses of the reader."""

        article: Article | None

        def _relayout(self) -> None: ...
else:
    _Reader = object  # a plain class at run time, as the other reader mixins are

Finder = Callable[[], "list[Quote]"]
"""Finds an article's quotations when called; it may be called from a worker thread, so it
reads only what it was given (an article's text), never state the UI thread changes."""


@dataclass
class ReaderQuotesFound(Message):
    """``quotes`` were found for ``article`` (shown or not by now)."""

    article: Article
    quotes: list[Quote]
    finder: Finder


class ReaderQuotes(_Reader):
    """The open article's quotations: known, or found once the article has been drawn."""

    _quotes: list[Quote]
    _finder: Finder | None = None

    @property
    def quotes(self) -> list[Quote]:
        """The quotations of the open article (found now if still pending)."""
        finder, article = self._finder, self.article
        if finder is not None and article is not None:
            self._take(finder, finder())
            self.post_message(ReaderQuotesFound(article, self._quotes, finder))
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
        """Draw without quotations now; a worker finds them with ``finder``."""
        self._quotes = []
        self._finder = finder
        article = self.article
        if article is None:
            return

        def find() -> None:
            self.post_message(ReaderQuotesFound(article, finder(), finder))

        # exclusive: a newer article's finder cancels an older one's (its answer is dropped)
        self.run_worker(find, thread=True, exclusive=True, group="reader-quotes")

    def on_reader_quotes_found(self, message: ReaderQuotesFound) -> None:
        # Goes on up to the screen, which keeps them for the article.
        self._take(message.finder, message.quotes)

    def _take(self, finder: Finder, quotes: list[Quote]) -> None:
        """Draw ``quotes`` when ``finder`` is still the pending one (else another article
        was shown since, or they were found already)."""
        if finder is not self._finder:
            return
        self._finder = None
        self._quotes = quotes
        if quotes:
            self._relayout()

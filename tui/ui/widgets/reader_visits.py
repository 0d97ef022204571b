"""The reader's moves between the marks it shows: quotations, and in-article search matches.

A mixin for :class:`tui.ui.widgets.reader.ArticleReader`: going to a quotation or a
match marks it, scrolls to it and reports it (``QuoteVisited``, ``MatchVisited``);
in a very long article a match outside the drawn window brings the window there first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.models import Span
from tui.ui.spans import drawn, starting_from

if TYPE_CHECKING:
    from textual.message import Message
    from textual.scroll_view import ScrollView

    from tui.core.models import Article
    from tui.core.quotes import Quote
    from tui.ui.widgets.reader_layout import Layout

    class _Reader(ScrollView):
        """What the mixin uses of the reader."""

        article: Article | None
        quotes: list[Quote]
        current_quote: int | None
        find_matches: tuple[Span, ...]
        current_match: int | None
        find_complete: bool
        window: range | None
        _layout: Layout
        find_query: str

        @property
        def top_offset(self) -> int | None: ...
        def current_passage(self) -> int | None: ...
        def scroll_to_offset(self, offset: int, lines_above: int = 0) -> None: ...
        def _relayout(self) -> None: ...
        def _restyle(self, passages: set[int], repaint: bool = True) -> None: ...
        def _restyle_lazily(self) -> None: ...
        def _bring_into_window(self, offset: int) -> None: ...
        def QuoteVisited(self, reader: object, quote: Quote, index: int, total: int) -> Message: ...  # noqa: N802
        def MatchVisited(self, reader: object, index: int, total: int) -> Message: ...  # noqa: N802
else:
    _Reader = object  # a plain class at run time, as the jumps mixin is


class ReaderVisits(_Reader):
    """Quotation and find-match navigation of the reader."""

    def find_origin(self) -> int:
        """Where an in-article search starts: the start of the current passage."""
        passage = self.current_passage()
        if self.article is None or passage is None:
            return 0
        return self.article.passages[passage][0]

    def set_find_matches(
        self, matches: tuple[Span, ...], origin: int = 0, complete: bool = True, query: str = ""
    ) -> None:
        """Highlight the in-article search ``matches`` (sorted); go to the first after ``origin``.

        ``complete=False`` marks the first matches of a long article, shown before
        the worker has counted them all; when the whole set follows, the reader
        stays on the match it is on. ``query`` is what was searched for (``n`` names
        it when nothing matched, as less says "Pattern not found").
        """
        self.find_query = query
        on = None
        if not self.find_complete and self.current_match is not None:
            on = self.find_matches[self.current_match]
        drawn_before = drawn(self.find_matches, self.article, self.window)
        self.find_matches = matches
        self.find_complete = complete
        self.current_match = None
        if not matches:
            self._restyle_lazily()
            return
        if on is not None:
            index = starting_from(matches, on[0])
            if index < len(matches) and matches[index] == on:
                self.current_match = index
                if (
                    drawn(matches, self.article, self.window) != drawn_before
                ):  # else nothing on screen changed
                    self._restyle_lazily()
                self.post_message(self.MatchVisited(self, index, len(matches)))
                return
        following = starting_from(matches, origin)
        self._visit_match(following if following < len(matches) else 0)

    def visit_quote(self, index: int) -> None:
        """Go to quotation ``index``: mark it, scroll to it and report it."""
        self.current_quote = index
        quote = self.quotes[index]
        self._relayout()
        if self.article is not None:
            passage = self.article.passage_at(quote.start)
            if passage is not None:
                line = self._layout.passage_lines[passage]
                if not self.size.height or not (
                    self.scroll_y <= line < self.scroll_y + self.size.height - 2
                ):
                    # Anchored, so the place holds when a hidden (narrow) reader is shown.
                    self.scroll_to_offset(self.article.passages[passage][0], lines_above=2)
        self.post_message(self.QuoteVisited(self, quote, index, len(self.quotes)))

    def _current_quote_shown(self) -> bool:
        """Whether the quotation last visited is on screen (not scrolled away from)."""
        if self.current_quote is None or self.article is None or not self.size.height:
            return False
        start = self.quotes[self.current_quote].start
        passage = self.article.passage_at(start)
        if passage is None or (self.window is not None and passage not in self.window):
            return False
        line = self._layout.line_of_offset(start)
        return self.scroll_y <= line < self.scroll_y + self.size.height

    def action_next_quote(self) -> None:
        """Move to the next quotation: after the one visited while it is on screen, else
        the first that starts on the screen's top line or below it (as less's ``n``
        searches on from the page shown)."""
        if not self.quotes:
            self.notify("No quotations in this article.", severity="warning")
            return
        if self._current_quote_shown():
            index = (self.current_quote or 0) + 1
        else:
            top = self.top_offset or 0
            index = next((i for i, q in enumerate(self.quotes) if q.start >= top), len(self.quotes))
        self.visit_quote(min(index, len(self.quotes) - 1))

    def action_previous_quote(self) -> None:
        """Move to the previous quotation: before the one visited while it is on screen,
        else the last that starts above the top of the screen."""
        if not self.quotes:
            self.notify("No quotations in this article.", severity="warning")
            return
        if self._current_quote_shown():
            index = (self.current_quote or 0) - 1
        else:
            top = self.top_offset or 0
            index = max((i for i, q in enumerate(self.quotes) if q.start < top), default=0)
        self.visit_quote(max(index, 0))

    def _visit_match(self, index: int) -> None:
        article = self.article
        before = None if self.current_match is None else self.find_matches[self.current_match]
        window = self.window
        self.current_match = index
        start, _end = self.find_matches[index]
        self._bring_into_window(start)
        if self.window is not window:
            pass  # _bring_into_window laid the new window out, this match marked
        elif article is not None and before is not None:  # only the highlight moved
            self._restyle({article.passage_at(offset) or 0 for offset in (before[0], start)})
        else:
            self._restyle_lazily()
        line = self._layout.line_of_offset(start)
        if not (self.scroll_y <= line < self.scroll_y + self.size.height - 1):
            self.scroll_to(y=max(line - 3, 0), animate=False, immediate=True)
        self.post_message(self.MatchVisited(self, index, len(self.find_matches)))

    def _no_match(self) -> None:
        """Say why ``n`` / ``N`` have nowhere to go."""
        if self.find_query:
            message = f"No match for {self.find_query!r} in this article."
        else:
            message = "No in-article search: press / in the reader."
        self.notify(message, severity="warning", markup=False)

    def action_next_match(self) -> None:
        """Go to the next match of the in-article search (wrapping around)."""
        if not self.find_matches:
            self._no_match()
            return
        index = 0 if self.current_match is None else self.current_match + 1
        self._visit_match(index % len(self.find_matches))

    def action_previous_match(self) -> None:
        """Go to the previous match of the in-article search (wrapping around)."""
        if not self.find_matches:
            self._no_match()
            return
        index = -1 if self.current_match is None else self.current_match - 1
        self._visit_match(index % len(self.find_matches))

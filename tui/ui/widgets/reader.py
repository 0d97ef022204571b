"""The reading pane: one article, wrapped to the pane, with its highlights.

Drawn with Textual's line API (only visible lines are painted), so long
articles scroll smoothly. The screen sets what to show with :meth:`show`;
the reader reports the quotation it moves to with :class:`ArticleReader.QuoteVisited`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message

from tui.core.models import Article, Span
from tui.ui.widgets.jumps import InstantJumps
from tui.ui.widgets.reader_keys import LessKeys
from tui.ui.widgets.reader_layout import (
    WINDOW_CHARS,
    Layout,
    window_around,
    window_quotes,
)
from tui.ui.widgets.reader_paint import ReaderPaint
from tui.ui.widgets.reader_quotes import Finder, ReaderQuotes
from tui.ui.widgets.reader_visits import ReaderVisits

if TYPE_CHECKING:
    from tui.core.quotes import Quote

MEASURE = 80
"""Cells of text per line at most, by default: a readable measure on a wide terminal."""


class ArticleReader(
    ReaderVisits, ReaderQuotes, ReaderPaint, InstantJumps, LessKeys, can_focus=True
):
    """Shows an article with quotations, speakers and search matches highlighted."""

    COMPONENT_CLASSES = {
        "reader--title",
        "reader--rule",
        "reader--meta",
        "reader--quote",
        "reader--speaker",
        "reader--match",
        "reader--passage",
        "reader--current-quote",
        "reader--find",
        "reader--find-current",
        "reader--gutter",
        "reader--empty",
    }

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("space", "page_down", "Page down", show=False, id="reader.page-down"),
        Binding("b", "page_up", "Page up", show=False, id="reader.page-up"),
        # Short, and one of the pair shown: the footer fits 80 columns with the app's keys.
        Binding("right_square_bracket", "next_quote", "Quote", id="reader.next-quote"),
        Binding(
            "left_square_bracket",
            "previous_quote",
            "Prev quote",
            show=False,
            id="reader.previous-quote",
        ),
        Binding("n", "next_match", "Next match", show=False, id="reader.next-match"),
        Binding("N", "previous_match", "Prev match", show=False, id="reader.previous-match"),
        Binding("equals_sign", "toggle_measure", "Measure", show=False, id="reader.measure"),
    ]

    @dataclass
    class QuoteVisited(Message):
        """The reader moved to ``quote`` (number ``index`` of ``total``)."""

        reader: ArticleReader
        quote: Quote
        index: int
        total: int

    @dataclass
    class MatchVisited(Message):
        """The reader moved to in-article match ``index`` of ``total``."""

        reader: ArticleReader
        index: int
        total: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.quotes = []
        self.passage: int | None = None
        self.matches: tuple[Span, ...] = ()
        self.current_quote: int | None = None
        self.find_matches: tuple[Span, ...] = ()
        """Matches of the in-article search, in text order."""
        self.current_match: int | None = None
        self.find_complete = True
        """False while only the first matches of a long article are known."""
        self.find_query = ""
        """What the in-article search looked for ("" when there is none)."""
        self.bookmarked: frozenset[int] = frozenset()
        """Passages of this article that carry a bookmark."""
        self.placeholder = "No article open."
        self.window: range | None = None
        """The passages drawn, for a very long article (``None``: all of them)."""
        self._anchor: tuple[int, int, int] | None = None
        """(article offset, lines above it, the scroll_y that showed it) to keep on resize."""
        self._layout = Layout()
        self._width = 0
        self._stale = False
        self._fresh: set[int] = set()
        self.measure = MEASURE
        """Cells per line at most (0: the whole pane); ``=`` switches."""

    def on_mount(self) -> None:
        # The lines are drawn once with the theme's colours: draw them again on a change.
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: object) -> None:
        self.call_after_refresh(self._relayout)

    def show(
        self,
        article: Article | None,
        quotes: list[Quote] | Finder,
        passage: int | None = None,
        matches: tuple[Span, ...] = (),
    ) -> None:
        """Show ``article``; with ``passage``, scroll there and highlight it and ``matches``.

        ``quotes`` are its quotations, or what finds them once it has been drawn."""
        same = article is self.article
        self.article = article
        self.window = None
        if article is not None and len(article.text) > WINDOW_CHARS:
            start = passage if passage is not None else 0
            self.window = window_around(article, start)
            quotes = window_quotes(self.article, self.window)
        if callable(quotes):
            self.find_quotes_later(quotes)
        else:
            self.quotes = quotes
        self.passage = passage
        self.matches = matches
        if not same:
            self.current_quote = None
            self.find_matches = ()
            self.find_complete = True
            self.find_query = ""
            self.current_match = None
        self._relayout()
        if passage is not None:
            self.scroll_to_passage(passage)
        elif not same:
            self.scroll_to(y=0, animate=False, immediate=True)
            self._anchor = None

    def _bring_into_window(self, offset: int) -> None:
        """Redraw the window of a very long article around ``offset`` when it lies outside."""
        article = self.article
        if article is None or self.window is None:
            return
        passage = article.passage_at(offset)
        if passage is None or passage in self.window:
            return
        self.window = window_around(article, passage)
        self.quotes = window_quotes(self.article, self.window)
        self.current_quote = None
        self._relayout()

    def set_bookmarked(self, passages: frozenset[int]) -> None:
        """Mark ``passages`` as bookmarked in the gutter."""
        if passages == self.bookmarked:
            return  # each article opened asks: laying it out again cost as much as showing it
        self.bookmarked = passages
        self._relayout()

    def current_passage(self) -> int | None:
        """The passage the reader is on: the chosen one if visible, else the top one."""
        if self.article is None:
            return None
        if self.current_quote is not None:
            return self.article.passage_at(self.quotes[self.current_quote].start)
        if self.passage is not None:
            anchor = self._anchor
            start = self.article.passages[self.passage][0]
            if anchor is not None and anchor[0] == start and anchor[2] == int(self.scroll_y):
                return self.passage  # still where the reader put it
            line = self._layout.passage_lines[self.passage]
            if self.scroll_y <= line < self.scroll_y + self.size.height:
                return self.passage
        offset = self.top_offset
        return None if offset is None else self.article.passage_at(offset)

    def scroll_to_offset(self, offset: int, lines_above: int = 0) -> None:
        """Scroll so that the line holding article ``offset`` is ``lines_above`` from the top.

        The place is kept when the pane is re-wrapped (a resize), until the user scrolls.
        """
        self._bring_into_window(offset)
        y = max(self._layout.line_of_offset(offset) - lines_above, 0)
        self.scroll_to(y=y, animate=False, immediate=True)
        self._anchor = anchor = (offset, lines_above, int(self.scroll_y))

        def settle() -> None:
            # Before the first layout the scroll range may be too short: try again.
            if self._anchor == anchor:
                self.scroll_to(y=y, animate=False, immediate=True)
                self._anchor = (offset, lines_above, int(self.scroll_y))

        self.call_after_refresh(settle)

    def scroll_to_passage(self, passage: int) -> None:
        """Scroll so that ``passage`` stands near the top of the pane."""
        if self.article is not None and 0 <= passage < len(self.article.passages):
            self.scroll_to_offset(self.article.passages[passage][0], lines_above=2)

    @property
    def top_offset(self) -> int | None:
        """Article offset of the first visible line of text, for remembering a position."""
        anchor = self._anchor
        if anchor is not None and anchor[1] == 0 and anchor[2] == int(self.scroll_y):
            return anchor[0]
        offsets = self._layout.line_offsets
        for y in range(int(self.scroll_y), len(offsets)):
            if offsets[y] >= 0:
                return offsets[y]
        return None

    def on_resize(self) -> None:
        anchor = self._anchor
        if self._layout.lines and self._width == self._content_width():
            # Taller or shorter only (the find bar opened, or the hidden pane was shown):
            # the lines stay as they are, and the place set is taken again unless the
            # reader was scrolled since (a pane with no room could not scroll there).
            if anchor is not None and anchor[2] == int(self.scroll_y):
                self.scroll_to_offset(anchor[0], anchor[1])
            return
        if (anchor is None or anchor[2] != int(self.scroll_y)) and self._width >= 20:
            top = self.top_offset
            anchor = None if top is None else (top, 0, 0)
        self._relayout()
        if anchor is not None:
            self.scroll_to_offset(anchor[0], anchor[1])

    def _content_width(self) -> int:
        width = self.scrollable_content_region.width
        if width == 0:
            # No width: the narrow layout gives the list the screen (or nothing is laid
            # out yet). Wrap to the width the pane gets when shown, the screen's less the
            # pane's borders and scroll bar, so the frame that shows it is not drawn
            # with lines wrapped for a pane of no width.
            styles = self.styles
            width = self.screen.size.width - styles.gutter.width - styles.scrollbar_size_vertical
        width = max(width, 10)
        limit = getattr(getattr(self.app, "config", None), "reader_width", 0)
        if isinstance(limit, int) and limit > 0 and self.measure:
            return max(min(width, limit), 10)  # the config's reader_width, gutter included
        return min(width, self.measure + 2) if self.measure else width  # +2: the gutter

    def action_toggle_measure(self) -> None:
        """Switch between the readable measure and the whole width of the pane."""
        top = self.top_offset
        self.measure = 0 if self.measure else MEASURE
        self._relayout()
        if top is not None:
            self.scroll_to_offset(top)
        self.notify(f"Lines up to {self.measure} columns." if self.measure else "Full width.")

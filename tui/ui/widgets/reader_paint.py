"""How the reader paints its article: wrapped to the pane once, restyled by the passage.

A mixin for :class:`tui.ui.widgets.reader.ArticleReader`. A new article, width or
theme lays out every line again (:func:`tui.ui.widgets.reader_layout.build_layout`);
a change of highlight alone restyles the passages it touches, and when every
passage's highlights change (a new set of find matches) each one is restyled when
it is next painted, so a long article does not wait for lines no one sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip

from tui.ui.spans import drawn
from tui.ui.widgets.reader_layout import (
    Highlights,
    Layout,
    build_layout,
    message_layout,
    restyle,
)

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    from tui.core.models import Article, Span
    from tui.core.quotes import Quote

    class _Reader(ScrollView):
        """What the mixin uses of the reader."""

        article: Article | None
        placeholder: str
        passage: int | None
        matches: tuple[Span, ...]
        current_quote: int | None
        find_matches: tuple[Span, ...]
        current_match: int | None
        bookmarked: frozenset[int]
        window: range | None

        @property
        def drawn_quotes(self) -> list[Quote]: ...
        def _content_width(self) -> int: ...
        def update_position(self) -> None: ...
else:
    _Reader = object  # a plain class at run time, as the other reader mixins are


class ReaderPaint(_Reader):
    """The open article's lines at the pane's width, with their highlights."""

    _layout: Layout
    _width: int
    _stale: bool
    """Highlights changed since the layout: passages not in ``_fresh`` are redrawn
    when painted (:meth:`_restyle_lazily`)."""
    _fresh: set[int]

    def _relayout(self) -> None:
        """Wrap the article to the current width and repaint."""
        self._stale = False
        self._width = self._content_width()
        self._layout = self._wrap(self._width)
        self.virtual_size = Size(self._width, len(self._layout.lines))
        self.refresh()
        self.update_position()

    def _style(self, name: str) -> Style:
        """A highlight's style, blended with the pane's colours; no background unless set."""
        full = self.get_component_rich_style(name)
        if self.get_component_rich_style(name, partial=True).bgcolor is not None:
            return full
        return Style(
            color=full.color,
            bold=full.bold,
            dim=full.dim,
            italic=full.italic,
            underline=full.underline,
            reverse=full.reverse,
            strike=full.strike,
        )

    def _wrap(self, width: int) -> Layout:
        """Build every line of the article at ``width`` cells."""
        if self.article is None:
            empty = self._style("reader--empty")
            return message_layout(self.app.console, self.placeholder, width, empty, self.rich_style)
        highlights, styles = self._highlights()
        return build_layout(
            self.app.console, self.article, width, highlights, styles, self.rich_style
        )

    def _restyle_lazily(self) -> None:
        """Every drawn passage's highlights changed: each is redrawn when it is next painted.

        Laying out a whole window of a long article takes a second or more; the
        lines on screen are a few passages (:meth:`render_line` restyles those).
        """
        if self.article is None or self._width != self._content_width():
            self._relayout()
            return
        self._stale, self._fresh = True, set()
        self.refresh()

    def _restyle(self, passages: set[int], repaint: bool = True) -> None:
        """Repaint ``passages`` after a change of highlight only; a full layout if need be."""
        if self.article is None or self._width != self._content_width():
            self._relayout()
            return
        if self._stale:
            self._fresh |= passages
        highlights, styles = self._highlights()
        console, base = self.app.console, self.rich_style
        args = (self._layout, console, self.article, self._width, highlights, styles, base)
        if not restyle(*args, passages):
            self._relayout()
        elif repaint:
            self.refresh()

    def _highlights(self) -> tuple[Highlights, dict[str, Style]]:
        """What the open article shows highlighted, and the styles of its parts."""
        assert self.article is not None
        quotes = self.drawn_quotes
        current = (
            []
            if self.current_quote is None
            else [(quotes[self.current_quote].start, quotes[self.current_quote].end)]
        )
        found_here = [] if self.current_match is None else [self.find_matches[self.current_match]]
        found = drawn(self.find_matches, self.article, self.window)
        highlights = Highlights(
            layers=[
                (self._style("reader--quote"), [(q.start, q.end) for q in quotes]),
                (
                    self._style("reader--speaker"),
                    [q.speaker_span for q in quotes if q.speaker_span],
                ),
                (self._style("reader--current-quote"), current),
                (self._style("reader--match"), self.matches),
                (self._style("reader--find"), found),
                (self._style("reader--find-current"), found_here),
            ],
            chosen_passage=self.passage,
            bookmarked=self.bookmarked,
            window=self.window,
        )
        styles = {
            name: self._style(f"reader--{name}")
            for name in ("title", "rule", "meta", "passage", "gutter")
        }
        return highlights, styles

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self._layout.lines):
            return Strip.blank(self.size.width, self.rich_style)
        if self._stale and self.article is not None and self._layout.line_offsets[index] >= 0:
            passage = self.article.passage_at(self._layout.line_offsets[index])
            if passage is not None and passage not in self._fresh:
                self._restyle({passage}, repaint=False)  # painted right below
        line = self._layout.lines[index].crop(scroll_x, scroll_x + self.size.width)
        margin = (self.scrollable_content_region.width - self._width) // 2
        if margin > 0:  # the measure is narrower than the pane: centre the column
            line = Strip.join([Strip.blank(margin, self.rich_style), line])
        return line

"""The reading pane: one article, wrapped to the pane, with its highlights.

Drawn with Textual's line API (only visible lines are painted), so long
articles scroll smoothly. The screen sets what to show with :meth:`show`;
the reader reports the quotation it moves to with :class:`ArticleReader.QuoteVisited`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.models import Article, Span
from tui.core.quotes import Quote
from tui.ui.render import safe, styled


@dataclass(frozen=True)
class _Layout:
    """The article wrapped to one width."""

    lines: list[Strip]
    passage_lines: list[int]
    """First line of each passage (``-1`` for a passage that is not drawn)."""
    line_offsets: list[int]
    """Article offset at the start of each line (``-1`` for header lines)."""


class ArticleReader(ScrollView, can_focus=True):
    """Shows an article with quotations, speakers and search matches highlighted."""

    COMPONENT_CLASSES = {
        "reader--title",
        "reader--meta",
        "reader--quote",
        "reader--speaker",
        "reader--match",
        "reader--passage",
        "reader--current-quote",
        "reader--empty",
    }

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
        Binding("space", "page_down", "Page down", show=False, id="reader.page-down"),
        Binding("b", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("right_square_bracket", "next_quote", "Next quote", id="reader.next-quote"),
        Binding("left_square_bracket", "previous_quote", "Prev quote", id="reader.previous-quote"),
    ]

    @dataclass
    class QuoteVisited(Message):
        """The reader moved to ``quote`` (number ``index`` of ``total``)."""

        reader: ArticleReader
        quote: Quote
        index: int
        total: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.quotes: list[Quote] = []
        self.passage: int | None = None
        self.matches: tuple[Span, ...] = ()
        self.current_quote: int | None = None
        self.placeholder = "No article open."
        self._layout = _Layout([], [], [])
        self._width = 0

    def show(
        self,
        article: Article | None,
        quotes: list[Quote],
        passage: int | None = None,
        matches: tuple[Span, ...] = (),
    ) -> None:
        """Show ``article``; with ``passage``, scroll there and highlight it and ``matches``."""
        same = article is self.article
        self.article = article
        self.quotes = quotes
        self.passage = passage
        self.matches = matches
        if not same:
            self.current_quote = None
        self._relayout()
        if passage is not None:
            self.scroll_to_passage(passage)
        elif not same:
            self.scroll_to(y=0, animate=False)

    def scroll_to_passage(self, passage: int) -> None:
        """Scroll so that ``passage`` stands near the top of the pane."""
        if 0 <= passage < len(self._layout.passage_lines):
            line = max(self._layout.passage_lines[passage], 0)
            self.scroll_to(y=max(line - 2, 0), animate=False, immediate=True)

    @property
    def top_offset(self) -> int | None:
        """Article offset of the first visible line of text, for remembering a position."""
        offsets = self._layout.line_offsets
        for y in range(int(self.scroll_y), len(offsets)):
            if offsets[y] >= 0:
                return offsets[y]
        return None

    def on_resize(self) -> None:
        self._relayout()

    def _content_width(self) -> int:
        return max(self.scrollable_content_region.width, 10)

    def _relayout(self) -> None:
        """Wrap the article to the current width and repaint."""
        self._width = self._content_width()
        self._layout = self._wrap(self._width)
        self.virtual_size = Size(self._width, len(self._layout.lines))
        self.refresh()

    def _style(self, name: str) -> Style:
        """A highlight's style, blended with the pane's colours; no background unless set."""
        full = self.get_component_rich_style(name)
        if self.get_component_rich_style(name, partial=True).bgcolor is not None:
            return full
        return Style(color=full.color, bold=full.bold, dim=full.dim, italic=full.italic,
                     underline=full.underline, reverse=full.reverse, strike=full.strike)

    def _text_lines(self, text: Text, width: int, fill: Style) -> list[Strip]:
        console = self.app.console
        strips = []
        for line in text.wrap(console, width, overflow="fold"):
            segments = list(line.render(console))
            strips.append(Strip(segments).extend_cell_length(width, fill))
        return strips

    def _wrap(self, width: int) -> _Layout:
        """Build every line of the article at ``width`` cells."""
        base = self.rich_style
        blank = Strip.blank(width, base)
        article = self.article
        if article is None:
            message = Text(self.placeholder, style=self._style("reader--empty"))
            return _Layout(self._text_lines(message, width, base), [], [-1])
        lines: list[Strip] = []
        offsets: list[int] = []
        title = Text(safe(article.title), style=self._style("reader--title"))
        lines.extend(self._text_lines(title, width, base))
        meta = " · ".join(
            part for part in (article.date, article.dateline, article.source, article.author,
                              article.id) if part
        )
        lines.extend(self._text_lines(Text(safe(meta), style=self._style("reader--meta")),
                                      width, base))
        offsets.extend([-1] * len(lines))
        quote_spans = [(q.start, q.end) for q in self.quotes]
        speaker_spans = [q.speaker_span for q in self.quotes if q.speaker_span]
        current = (
            [(self.quotes[self.current_quote].start, self.quotes[self.current_quote].end)]
            if self.current_quote is not None and self.current_quote < len(self.quotes)
            else []
        )
        layers = [
            (self._style("reader--quote"), quote_spans),
            (self._style("reader--speaker"), speaker_spans),
            (self._style("reader--current-quote"), current),
            (self._style("reader--match"), list(self.matches)),
        ]
        passage_style = base + self._style("reader--passage")
        passage_lines: list[int] = []
        for index, (start, end) in enumerate(article.passages):
            if article.title_span is not None and (start, end) == article.title_span:
                passage_lines.append(0)
                continue
            lines.append(blank)
            offsets.append(-1)
            passage_lines.append(len(lines))
            chosen = index == self.passage
            text = styled(article.text, start, end, layers, passage_style if chosen else base)
            wrapped = self._text_lines(text, width, passage_style if chosen else base)
            lines.extend(wrapped)
            offsets.extend(self._line_starts(text.plain, start, len(wrapped)))
        return _Layout(lines, passage_lines, offsets)

    @staticmethod
    def _line_starts(plain: str, start: int, count: int) -> list[int]:
        """Approximate article offsets of the wrapped lines of one passage."""
        if count <= 1:
            return [start]
        step = len(plain) / count
        return [start + int(step * line) for line in range(count)]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self._layout.lines):
            return Strip.blank(self.size.width, self.rich_style)
        return self._layout.lines[index].crop(scroll_x, scroll_x + self.size.width)

    def _visit_quote(self, index: int) -> None:
        self.current_quote = index
        quote = self.quotes[index]
        self._relayout()
        if self.article is not None:
            passage = self.article.passage_at(quote.start)
            if passage is not None:
                line = self._layout.passage_lines[passage]
                if not (self.scroll_y <= line < self.scroll_y + self.size.height - 2):
                    self.scroll_to(y=max(line - 2, 0), animate=False, immediate=True)
        self.post_message(self.QuoteVisited(self, quote, index, len(self.quotes)))

    def action_next_quote(self) -> None:
        """Move to the next quotation of the article."""
        if not self.quotes:
            self.notify("No quotations in this article.", severity="warning")
            return
        index = 0 if self.current_quote is None else self.current_quote + 1
        self._visit_quote(min(index, len(self.quotes) - 1))

    def action_previous_quote(self) -> None:
        """Move to the previous quotation of the article."""
        if not self.quotes:
            self.notify("No quotations in this article.", severity="warning")
            return
        index = len(self.quotes) - 1 if self.current_quote is None else self.current_quote - 1
        self._visit_quote(max(index, 0))

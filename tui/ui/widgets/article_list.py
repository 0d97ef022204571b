"""The article list: one line per article (date, title, folder), sorted as the corpus is;
``o`` cycles the order (newest first, oldest first, by title, by folder, the corpus's).
``f`` (or ``&``) filters it by words typed (:mod:`tui.ui.widgets.list_filter`).
A corpus without dates shows no date column at all.

Drawn with Textual's line API: only the visible rows are rendered, so a list of
100,000 articles appears at once (an ``OptionList`` measures every option first).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.models import Article
from tui.ui.article_rows import ORDERS, RowFilter, sorted_articles
from tui.ui.render import safe

UNREAD_MARK = "•"
"""Before the title of an article not yet read."""


class ArticleList(ScrollView, can_focus=True):
    """Lists the articles; posts :class:`Highlighted` and :class:`Chosen` with row numbers."""

    COMPONENT_CLASSES = {
        "article-list--date",
        "article-list--folder",
        "article-list--cursor",
        "article-list--unread",
    }

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("enter", "choose", "Open", show=False, id="list.choose"),
        Binding("o", "cycle_order", "Order", id="list.order"),
        # The screen's action, run at once (not a message): the keys typed after f
        # then land in the filter line, however fast they come.
        Binding("f,ampersand", "screen.filter_list", "Filter", id="list.filter"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to row ``index``."""

        article_list: ArticleList
        index: int

    @dataclass
    class Chosen(Message):
        """The user pressed Enter on (or clicked) row ``index``."""

        article_list: ArticleList
        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[Article] = []
        """The rows, in display order."""
        self.touched = False
        """True once the user has pressed a key or clicked in the list."""
        self._highlighted: int | None = None
        self.order = "corpus"
        """How the rows are sorted (one of :data:`ORDERS`)."""
        self._corpus_order: list[Article] = []
        self._dated = False
        self.read: set[str] = set()
        """Ids of the articles read (set by the screen); the others carry a mark."""
        self.filter_text = ""
        """The words the rows must hold (set with :meth:`set_filter`); empty: every article."""
        self.empty_note = ""
        """Shown on the first row when the folder has no articles at all (set by the screen:
        a narrow screen shows the list alone, so the reader's note would go unseen)."""
        self._filter = RowFilter()

    # --- content -------------------------------------------------------------

    @property
    def option_count(self) -> int:
        """Number of rows."""
        return len(self.articles)

    def add_articles(self, articles: list[Article]) -> None:
        """Append ``articles`` to the list."""
        self.articles.extend(self._kept(articles))
        self._corpus_order.extend(articles)
        self._dated = self._dated or any(article.date for article in articles)
        self.virtual_size = Size(self.size.width, len(self.articles))
        if self._highlighted is None and self.articles:
            self.highlighted = 0
        self.refresh()

    def set_articles(self, articles: list[Article]) -> None:
        """Replace the rows; the cursor stays on the article the user chose, else goes up top."""
        current = self.current if self.touched else None
        self._corpus_order = list(articles)
        self._filter = RowFilter()
        self._dated = any(article.date for article in articles)
        self.articles = self._arranged()
        self._highlighted = None
        self.virtual_size = Size(self.size.width, len(self.articles))
        if current is not None and current in self.articles:
            self.highlighted = self.articles.index(current)
        elif self.articles:
            self.highlighted = 0
        self._title_filter()
        self.refresh()

    def _title_filter(self) -> None:
        """Name the filter's count over the list, or nothing without one (a new corpus
        changes the count as much as a new filter does)."""
        total = len(self._corpus_order)
        shown = f"filter: {len(self.articles):,} of {total:,}"
        self.border_title = shown if self.filter_text.split() else None

    def _kept(self, articles: list[Article]) -> list[Article]:
        """Those of ``articles`` that pass the filter."""
        return self._filter.kept(articles, self.filter_text)

    def _arranged(self) -> list[Article]:
        """The rows: the articles that pass the filter, in the current order."""
        return sorted_articles(self._kept(self._corpus_order), self.order)

    def set_filter(self, text: str) -> None:
        """Keep only the articles holding every word of ``text``; the cursor stays on its
        article when it passes, else goes to the first row."""
        if text == self.filter_text:
            return
        current = self.current
        self.filter_text = text
        self.articles = self._arranged()
        self._highlighted = None
        self.virtual_size = Size(self.size.width, len(self.articles))
        self.scroll_to(y=0, animate=False, immediate=True)
        self._title_filter()
        # The cursor is placed without telling: opening an article on every key typed
        # would make typing wait for the reader (the screen tells once the line closes).
        if current is not None and current in self.articles:
            self._highlighted = self.articles.index(current)
        else:
            self._highlighted = 0 if self.articles else None
        if self._highlighted is not None:
            self.scroll_to_region_row(self._highlighted)
        self.refresh()

    def announce(self) -> None:
        """Tell the screen which row the cursor is on (after a quiet move)."""
        if self._highlighted is not None:
            self.post_message(self.Highlighted(self, self._highlighted))

    @property
    def current(self) -> Article | None:
        """The article under the cursor."""
        index = self._highlighted
        return None if index is None or index >= len(self.articles) else self.articles[index]

    @property
    def highlighted(self) -> int | None:
        """The row under the cursor."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            if not self.articles:
                return
            index = max(0, min(index, len(self.articles) - 1))
        if index == self._highlighted:
            return
        self._highlighted = index
        self.refresh()
        if index is not None:
            self.scroll_to_region_row(index)
            self.post_message(self.Highlighted(self, index))

    def highlight_article(self, article: Article) -> None:
        """Put the cursor on ``article`` (the rows may be in another order than the corpus)."""
        if article in self.articles:
            self.highlighted = self.articles.index(article)

    def scroll_to_region_row(self, index: int) -> None:
        """Scroll just enough for row ``index`` to be visible."""
        height = max(self.scrollable_content_region.height, 1)
        if index < self.scroll_y:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= self.scroll_y + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    # --- drawing -------------------------------------------------------------

    def _row(self, article: Article, width: int, cursor: bool) -> Strip:
        base = self.rich_style
        style = base + self.get_component_rich_style("article-list--cursor") if cursor else base
        row = Text(no_wrap=True, overflow="ellipsis", end="", style=style)
        unread = article.id not in self.read
        row.append(
            f"{UNREAD_MARK} " if unread else "  ",
            None if cursor else self.get_component_rich_style("article-list--unread"),
        )
        if self._dated:  # no column at all for a corpus without dates
            row.append(
                (article.date or "").ljust(10) + " ",
                None if cursor else self.get_component_rich_style("article-list--date"),
            )
        row.append(safe(article.title))
        where = article.source or article.folder
        if where:
            row.append(
                f"  {safe(where)}",
                None if cursor else self.get_component_rich_style("article-list--folder"),
            )
        row.truncate(width, overflow="ellipsis", pad=True)
        segments = [
            Segment(text, seg_style or style) for text, seg_style, _ in row.render(self.app.console)
        ]
        return Strip(segments).adjust_cell_length(width, style)

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if row >= len(self.articles):
            if row == 0 and (self.filter_text.strip() and self._corpus_order or self.empty_note):
                if self._corpus_order or not self.empty_note:
                    note = Text(f"No article holds {self.filter_text.strip()!r}.", end="")
                else:
                    note = Text(self.empty_note, end="")
                note.truncate(width, overflow="ellipsis", pad=True)
                style = self.rich_style + self.get_component_rich_style("article-list--date")
                return Strip([Segment(note.plain, style)]).adjust_cell_length(width, style)
            return Strip.blank(width, self.rich_style)
        return self._row(self.articles[row], width, row == self._highlighted)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.articles))

    # --- keys and mouse ------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        self.touched = True  # (f included: its binding is the screen's)

    def on_click(self, event: events.Click) -> None:
        self.touched = True
        offset = event.get_content_offset(self)  # the border row is not a row
        if offset is None:
            return
        row = int(self.scroll_y) + offset.y
        if 0 <= row < len(self.articles):
            if row == self._highlighted and event.chain > 1:
                self.action_choose()
            self.highlighted = row

    def _move(self, step: int) -> None:
        if self._highlighted is None:
            self.highlighted = 0
        else:
            self.highlighted = self._highlighted + step

    def action_cursor_down(self) -> None:
        """Next article."""
        self._move(1)

    def action_cursor_up(self) -> None:
        """Previous article."""
        self._move(-1)

    def action_page_down(self) -> None:
        """A screenful down."""
        self._move(max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        """A screenful up."""
        self._move(-max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        """The first article."""
        self.highlighted = 0

    def action_last(self) -> None:
        """The last article."""
        self.highlighted = len(self.articles) - 1

    def action_cycle_order(self) -> None:
        """Sort by the next order of :data:`ORDERS`; the cursor stays on its article."""
        self.touched = True
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        current = self.current
        self.articles = self._arranged()
        self._highlighted = None
        if current is not None and current in self.articles:
            self._highlighted = self.articles.index(current)
            self.scroll_to_region_row(self._highlighted)
        self.refresh()
        names = {"corpus": "as the corpus is", "newest": "newest first", "oldest": "oldest first"}
        self.notify(f"Articles {names.get(self.order, 'by ' + self.order)}.")

    def action_choose(self) -> None:
        """Open the article under the cursor."""
        if self._highlighted is not None:
            self.post_message(self.Chosen(self, self._highlighted))

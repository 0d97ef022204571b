"""The search results: for each hit, the date, title and folder or id of its article, and the
passage with the matches highlighted. ``t`` groups the hits by article (one row each,
"+2 more"); the order stays the engine's rank order either way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import Article
from tui.core.text import clip_words
from tui.ui.hit_groups import group_by_article
from tui.ui.render import safe, snippet_window, styled
from tui.ui.widgets.vim_list import VimOptionList

if TYPE_CHECKING:
    from tui.core.search import SearchHit

SNIPPET_LINES = 3
"""Lines of passage shown under each result's title (about)."""


class ResultList(VimOptionList):
    """Lists search hits; posts :class:`Highlighted` and :class:`Chosen` with the hit."""

    COMPONENT_CLASSES = {"results--title", "results--match", "results--meta"}

    BINDINGS = [
        Binding("t", "toggle_grouping", "Group by article", id="results.group"),
        Binding("f", "narrow('in')", "Only this folder", show=False, id="results.narrow-folder"),
        Binding("F", "narrow('date')", "Only this year", show=False, id="results.narrow-year"),
    ]

    @dataclass
    class Narrow(Message):
        """Narrow the query to ``field:value`` (``in:politics``, ``date:2005``)."""

        result_list: ResultList
        field: str
        value: str

    @dataclass
    class Highlighted(Message):
        """The cursor moved to ``hit``."""

        result_list: ResultList
        hit: SearchHit

    @dataclass
    class Chosen(Message):
        """The user pressed Enter on ``hit``."""

        result_list: ResultList
        hit: SearchHit

    @dataclass
    class MoreWanted(Message):
        """The cursor tried to move past the last hit: the screen may load more."""

        result_list: ResultList

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[SearchHit] = []
        """The rows' hits (one per article when grouped)."""
        self.all_hits: list[SearchHit] = []
        """Every hit of the query, in rank order."""
        self.grouped = False
        """One row per article."""
        self._articles: list[Article] = []
        self._width = 0
        """The width the rows were cut for."""
        self._quiet: int | None = None
        """A row highlighted again by a re-fill: not a visit, so no message."""

    def action_cursor_down(self) -> None:
        """Down, or ask for more hits from the last one."""
        if self.hits and self.highlighted == len(self.hits) - 1:
            self.post_message(self.MoreWanted(self))
        super().action_cursor_down()

    def _prompt(self, article: Article, hit: SearchHit, width: int, more: int = 0) -> Text:
        meta = self.get_component_rich_style("results--meta", partial=True)
        title = Text(no_wrap=True, overflow="ellipsis", end="")
        title.append(
            safe(article.title), self.get_component_rich_style("results--title", partial=True)
        )
        if more:
            title.append(f" +{more} more", meta)
        # The date and folder/id tell same titles apart: kept whole, the title cut instead.
        where = " · ".join(part for part in (article.date, article.source or article.id) if part)
        where = safe(where)[: max(width // 2, 12)]
        title.truncate(max(width - len(where) - 2, 8), overflow="ellipsis")
        title.append(f"  {where}", meta)
        title.truncate(width, overflow="ellipsis")
        headline = article.title_span is not None and (hit.start, hit.end) == article.title_span
        if headline:  # the title is the passage: show the opening instead of it twice
            marker = "(headline) "
            opening = self._opening(article, width * SNIPPET_LINES - 10 - len(marker))
            return Text.assemble(title, "\n", Text(marker, meta), opening)
        focus = hit.matches[0][0] if hit.matches else hit.start
        low, high = snippet_window(
            article.text, hit.start, hit.end, focus, width * SNIPPET_LINES - 10
        )
        body = styled(
            article.text,
            low,
            high,
            [(self.get_component_rich_style("results--match", partial=True), hit.matches)],
        )
        body.plain = body.plain.replace("\n", " ")
        prefix = "…" if low > hit.start else ""
        suffix = "…" if high < hit.end else ""
        return Text.assemble(title, "\n", prefix, body, suffix)

    def _opening(self, article: Article, limit: int) -> str:
        """The first words after the title, on one line, cut at a word to ``limit``."""
        after = article.title_span[1] if article.title_span else 0
        return clip_words(safe(article.text[after : after + 2 * limit + 100]), limit)

    def show_hits(
        self, articles: list[Article], hits: list[SearchHit], row: int | None = None
    ) -> None:
        """Replace the results with ``hits`` (article indexes refer to ``articles``).

        With ``row``, the cursor goes to that row (after loading more rows), else the first.
        """
        from tui.core.search import facets  # loaded by the first search, not the first frame

        self._articles = articles
        self.all_hits = list(hits)
        self.border_title = facets(articles, hits).summary() or None
        self._fill(row=row)

    def _fill(self, keep: SearchHit | None = None, row: int | None = None) -> None:
        rows = group_by_article(self.all_hits) if self.grouped else [(h, 0) for h in self.all_hits]
        self.hits = [hit for hit, _more in rows]
        self.clear_options()
        width = self._width = self.pane_width()
        articles = self._articles
        self.add_options(
            [Option(self._prompt(articles[hit.article], hit, width, more)) for hit, more in rows]
        )
        if self.hits:
            at = next((i for i, h in enumerate(self.hits) if keep and h.article == keep.article), 0)
            self.highlighted = at if row is None else max(0, min(row, len(self.hits) - 1))

    def action_narrow(self, field: str) -> None:
        """Keep only the hits in the highlighted hit's folder (``in``) or year (``date``)."""
        hit = self.current
        if hit is None:
            return
        from tui.core.search import top_folder

        article = self._articles[hit.article]
        value = top_folder(article) if field == "in" else (article.date or "")[:4]
        if not value:
            self.notify(f"This article has no {'folder' if field == 'in' else 'date'}.")
            return
        self.post_message(self.Narrow(self, field, value))

    def action_toggle_grouping(self) -> None:
        """One row per article, or one per hit."""
        self.grouped = not self.grouped
        self._fill(self.current)
        self.notify(
            f"{len(self.hits)} articles (of {len(self.all_hits)} hits)"
            if self.grouped
            else f"{len(self.hits)} hits, one row each"
        )

    @property
    def current(self) -> SearchHit | None:
        """The highlighted hit."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self.hits):
            return None
        return self.hits[self.highlighted]

    def on_resize(self) -> None:
        # Filled at another width (hidden on a narrow screen, or before a resize of the
        # terminal): the rows are cut again, the same row kept without a visit.
        if self.all_hits and self.pane_width() != self._width:
            row = self.highlighted
            self._fill(row=row)
            self._quiet = self.highlighted

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        quiet, self._quiet = self._quiet, None
        if event.option_index == quiet:
            return  # the reader stays where the user left it
        self.post_message(self.Highlighted(self, self.hits[event.option_index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.hits[event.option_index]))

"""The search results: for each hit, the article title and the passage with matches highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import Article
from tui.core.search import SearchHit
from tui.ui.render import safe, snippet_window, styled
from tui.ui.widgets.vim_list import VimOptionList

SNIPPET_LINES = 3
"""Lines of passage shown under each result's title (about)."""


class ResultList(VimOptionList):
    """Lists search hits; posts :class:`Highlighted` and :class:`Chosen` with the hit."""

    COMPONENT_CLASSES = {"results--title", "results--match", "results--meta"}

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[SearchHit] = []

    def _prompt(self, article: Article, hit: SearchHit, width: int) -> Text:
        title = Text(no_wrap=True, overflow="ellipsis", end="")
        if article.date:
            title.append(
                f"{article.date} ", self.get_component_rich_style("results--meta", partial=True)
            )
        title.append(
            safe(article.title), self.get_component_rich_style("results--title", partial=True)
        )
        title.truncate(width, overflow="ellipsis")
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

    def show_hits(self, articles: list[Article], hits: list[SearchHit]) -> None:
        """Replace the results with ``hits`` (article indexes refer to ``articles``)."""
        self.hits = list(hits)
        self.clear_options()
        width = self.pane_width()
        self.add_options([Option(self._prompt(articles[hit.article], hit, width)) for hit in hits])
        if hits:
            self.highlighted = 0

    @property
    def current(self) -> SearchHit | None:
        """The highlighted hit."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self.hits):
            return None
        return self.hits[self.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self, self.hits[event.option_index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.hits[event.option_index]))

"""Command palette providers: open an article by title."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.ui.render import safe
from tui.ui.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from tui.ui.screens.main import MainScreen

MAX_DISCOVERY = 30
"""Articles listed when the palette opens with no input."""


class ArticleCommands(Provider):
    """``Open article: <title>`` for every article of the corpus, fuzzy on the title."""

    def _screen(self) -> MainScreen | None:
        from tui.ui.screens.main import MainScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _articles(self) -> list[tuple[int, str]]:
        screen = self._screen()
        if screen is None:
            return []
        return [(i, safe(a.title)) for i, a in enumerate(screen.library.articles)]

    def _open(self, index: int) -> None:
        screen = self._screen()
        if screen is not None:
            screen.open_article(index)
            screen.query_one(ArticleList).highlight_article(screen.library.articles[index])

    async def discover(self) -> Hits:
        for index, title in self._articles()[:MAX_DISCOVERY]:
            yield DiscoveryHit(
                Text(f"Open article: {title}"),
                partial(self._open, index),
                text=f"Open article: {title}",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for index, title in self._articles():
            label = f"Open article: {title}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score, self._highlight(matcher, label), partial(self._open, index), text=label
                )

    @staticmethod
    def _highlight(matcher: Matcher, label: str) -> Content:
        """``label`` with the matched letters styled, never parsed as markup.

        ``Matcher.highlight`` reads its candidate as markup, which would let a
        title hold ``[@click=...]``; the offsets are the same for plain text.
        """
        content = Content(label)
        _score, offsets = matcher.fuzzy_search.match(matcher.query, label)
        for offset in offsets:
            if not label[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
        return content

"""Command palette providers: open an article by title.

The palette opens on its commands alone; articles join as soon as something is
typed, and always rank below the commands that match (the commands are what the
palette is for; a title is found as well by ``/``).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.ui.render import safe
from tui.ui.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from tui.ui.screens.main import MainScreen

MAX_ARTICLE_HITS = 200
"""At most this many articles are offered for one input (the best, by score)."""


def below_commands(score: float) -> float:
    """``score`` squeezed under 1, keeping the order: Textual's fuzzy scores of a match are
    at least 1 (one letter matched), so every command that matches sorts above an article."""
    return score / (score + 1.0)


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
        """Nothing before the user types: the palette opens on its commands."""
        return
        yield  # an async generator that yields nothing

    async def search(self, query: str) -> Hits:
        if not query.strip():
            return
        matcher = self.matcher(query)
        scored = []
        for index, title in self._articles():
            label = f"Open article: {title}"
            score = matcher.match(label)
            if score > 0:
                scored.append((score, index, label))
        scored.sort(key=lambda row: -row[0])
        for score, index, label in scored[:MAX_ARTICLE_HITS]:
            yield Hit(
                below_commands(score),
                self._highlight(matcher, label),
                partial(self._open, index),
                text=label,
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

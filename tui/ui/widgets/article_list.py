"""The article list: one line per article (date, title, folder), sorted as the corpus is."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import Article
from tui.ui.render import safe
from tui.ui.widgets.vim_list import VimOptionList


class ArticleList(VimOptionList):
    """Lists the articles; posts :class:`Highlighted` and :class:`Chosen` with article indexes."""

    COMPONENT_CLASSES = {"article-list--date", "article-list--folder"}

    @dataclass
    class Highlighted(Message):
        """The cursor moved to article ``index``."""

        article_list: ArticleList
        index: int

    @dataclass
    class Chosen(Message):
        """The user pressed Enter on article ``index``."""

        article_list: ArticleList
        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[Article] = []
        self.touched = False
        """True once the user has pressed a key or clicked in the list."""

    def on_key(self) -> None:
        self.touched = True

    def on_click(self) -> None:
        self.touched = True

    def _prompt(self, article: Article) -> Text:
        date_style = self.get_component_rich_style("article-list--date")
        folder_style = self.get_component_rich_style("article-list--folder")
        prompt = Text(no_wrap=True, overflow="ellipsis", end="")
        prompt.append((article.date or "----------") + " ", date_style)
        prompt.append(safe(article.title))
        where = article.source or article.folder
        if where:
            prompt.append(f"  {safe(where)}", folder_style)
        return prompt

    def add_articles(self, articles: list[Article]) -> None:
        """Append ``articles`` to the list (the list keeps the order given)."""
        self.articles.extend(articles)
        self.add_options([Option(self._prompt(article)) for article in articles])
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def set_articles(self, articles: list[Article]) -> None:
        """Replace the list with ``articles``; the cursor stays on the article the user
        chose, else goes to the top."""
        current = self.current if self.touched else None
        self.clear_options()
        self.articles = []
        self.add_articles(articles)
        if current is not None and current in articles:
            self.highlighted = articles.index(current)

    @property
    def current(self) -> Article | None:
        """The highlighted article."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self.articles):
            return None
        return self.articles[self.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self, event.option_index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, event.option_index))

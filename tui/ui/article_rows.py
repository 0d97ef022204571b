"""The article list's rows: its orders, and its filter by words typed (pure Python)."""

from __future__ import annotations

from tui.core.models import Article

ORDERS = ("corpus", "newest", "oldest", "title", "folder")
"""The orders ``o`` cycles through."""


def sorted_articles(articles: list[Article], order: str) -> list[Article]:
    """``articles`` in ``order``; undated articles go last when sorting by date."""
    if order in ("newest", "oldest"):
        dated = sorted(
            (a for a in articles if a.date), key=lambda a: a.date or "", reverse=order == "newest"
        )
        return dated + [a for a in articles if not a.date]
    if order == "title":
        return sorted(articles, key=lambda a: a.title.casefold())
    if order == "folder":
        return sorted(articles, key=lambda a: ((a.source or a.folder).casefold(), a.id))
    return list(articles)


def filter_words(text: str) -> tuple[str, ...]:
    """The words of a filter, case-folded (empty: no filter)."""
    return tuple(text.casefold().split())


def article_haystack(article: Article) -> str:
    """What a filter word is looked for in: title, folder, source, id and date."""
    parts = (article.title, article.folder, article.source or "", article.id, article.date or "")
    return " ".join(part for part in parts if part).casefold()


class RowFilter:
    """Keeps the articles holding every word of a filter (anywhere: ``bud`` finds "budget").

    The text looked in is made once per article and kept, so each key typed only
    compares strings.
    """

    def __init__(self) -> None:
        self._haystacks: dict[int, str] = {}

    def kept(self, articles: list[Article], text: str) -> list[Article]:
        """Those of ``articles`` that pass ``text`` (all of them when it has no words)."""
        words = filter_words(text)
        if not words:
            return list(articles)
        haystacks = self._haystacks
        kept = []
        for article in articles:
            haystack = haystacks.get(id(article))
            if haystack is None:
                haystack = haystacks[id(article)] = article_haystack(article)
            if all(word in haystack for word in words):
                kept.append(article)
        return kept

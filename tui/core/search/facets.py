"""Facets of a search's hits: how many fall in each folder and each year.

Shown above the results when the corpus has folders or dates, with a key that
narrows the query to one (``in:politics``, ``date:2005``) so the scope stays in
the box, visible and editable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.models import Article
from tui.core.search.index import SearchHit


@dataclass(frozen=True, slots=True)
class Facets:
    """Hits per folder and per year, most hits first (empty when the corpus has none)."""

    folders: list[tuple[str, int]]
    years: list[tuple[str, int]]

    def summary(self, shown: int = 3) -> str:
        """``politics 20 · tech 12 · 2005 30`` (the ``shown`` largest of each)."""
        parts = [f"{name} {count}" for name, count in self.folders[:shown]]
        parts += [f"{year} {count}" for year, count in self.years[:shown]]
        return " · ".join(parts)


def top_folder(article: Article) -> str:
    """The first folder of ``article``'s path (``""`` at the top of the corpus)."""
    return article.folder.split("/", 1)[0] if article.folder else ""


def facets(articles: Sequence[Article], hits: Sequence[SearchHit]) -> Facets:
    """The folders and years of ``hits`` (article numbers refer to ``articles``)."""
    folders: Counter[str] = Counter()
    years: Counter[str] = Counter()
    for hit in hits:
        article = articles[hit.article]
        if folder := top_folder(article):
            folders[folder] += 1
        if article.date:
            years[article.date[:4]] += 1
    order = lambda item: (-item[1], item[0])  # noqa: E731
    return Facets(sorted(folders.items(), key=order), sorted(years.items(), key=order))


def narrowed(query: str, field: str, value: str) -> str:
    """``query`` with the scope ``field:value`` added (an earlier one of that field replaced)."""
    words = [word for word in query.split() if not word.lower().startswith(f"{field}:")]
    return " ".join([*words, f"{field}:{value}"])

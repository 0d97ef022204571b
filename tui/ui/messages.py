"""Messages that the background workers send to the main screen.

Workers run in threads and report only through these messages; the screen,
on the event loop, is the only place that applies their results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from tui.core.models import Article, Span

if TYPE_CHECKING:
    from tui.core.corpus import Corpus
    from tui.core.quotes import QuoteTable
    from tui.core.search import SearchHit, SearchIndex


@dataclass
class ArticlesRead(Message):
    """The loader read ``articles`` (in file order); ``done`` of ``total`` files handled."""

    articles: list[Article]
    done: int
    total: int


@dataclass
class CacheProgressed(Message):
    """The cached load is at ``stage`` (scan, read, index, …): ``done`` of ``total``."""

    stage: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CacheProgressed)


@dataclass
class CorpusLoaded(Message):
    """Every file of the folder has been read."""

    corpus: Corpus
    cache_warnings: list[str] = field(default_factory=list)
    reused: int = 0
    """Files taken from the cache (0 on a cold load)."""
    reread: int = 0
    """Files read from disk on a cached load."""


@dataclass
class LoadFailed(Message):
    """The folder could not be read at all."""

    reason: str


@dataclass
class IndexProgressed(Message):
    """The search index holds ``done`` of ``total`` articles."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgressed)


@dataclass
class IndexBuilt(Message):
    """The search index is ready for queries."""

    index: SearchIndex
    seconds: float


@dataclass
class SearchFinished(Message):
    """Results for ``query``; dropped by the screen if the query box has moved on."""

    query: str
    hits: list[SearchHit]
    milliseconds: float
    index: SearchIndex | None = None
    """The index that answered (an answer from a replaced index is dropped)."""
    total: int = 0
    """Passages matching the query (an estimate unless ``exact``)."""
    exact: bool = True
    counted: str = ""
    """The count as shown: ``"50 of 3,214"`` or ``"50 of 3,000+"``."""
    unmatched: tuple[str, ...] = ()
    """Words of the query no passage has in any form (they ranked nothing)."""


@dataclass
class SearchPartial(Message):
    """An early answer to ``query`` from the articles read, while the index is built
    (:mod:`tui.core.search.early`); dropped once the index is in or the query has changed."""

    query: str
    hits: list[SearchHit]
    total: int
    """Passages of the scanned articles that hold a word of the query."""
    corpus: Corpus
    """The corpus scanned (an answer about a replaced corpus is dropped)."""
    scanned: int = 0
    """Articles scanned: the first this-many of the corpus (all, unless it is large)."""
    plain: bool = True
    """False when the query is more than plain words: left to the index, no early answer."""


@dataclass
class QuotesFound(Message):
    """The quotations of every article (by article index); ``speaker:`` now works."""

    quotes: QuoteTable


@dataclass
class FindFinished(Message):
    """Matches of an in-article search; dropped if the article or the query has changed."""

    article: int
    query: str
    matches: tuple[Span, ...]
    complete: bool = True
    """False for the first matches of a long article; the full set follows."""

"""What a search answers: hits, the result with its count, and cancellation."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.models import Span

__all__ = ["SearchCancelled", "SearchHit", "SearchResult"]


class SearchCancelled(Exception):
    """Raised by :meth:`SearchIndex.build` when its ``cancel`` event is set."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching passage."""

    article: int
    """Index into the articles sequence given to :meth:`SearchIndex.build`."""
    passage: int
    """Index into ``articles[article].passages``."""
    start: int
    """Start of the passage span, an absolute offset into the article text."""
    end: int
    """End of the passage span (exclusive)."""
    score: float
    """Higher is better; only comparable within one query."""
    matches: tuple[Span, ...]
    """Absolute spans of every matched word, sorted, inside ``[start, end)``."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The best hits of a query and how many passages match it."""

    hits: list[SearchHit]
    total: int
    """Passages matching the query: the exact count when :attr:`exact`, else an estimate
    (the candidates the ranker considered, at least as many as the hits)."""
    exact: bool
    unmatched: tuple[str, ...] = ()
    """Words of the query that no passage has in any form the search accepts (exact,
    prefix, another form, a typo): they ranked nothing. Alternatives are named together
    (``"a | b"``). A phrase or a word that must match gives no hits instead."""

    def count_text(self) -> str:
        """``"50 of 3,214"``, or ``"50 of 3,000+"`` when the total is an estimate."""
        shown = len(self.hits)
        total = max(self.total, shown)
        if self.exact:
            return f"{shown:,} of {total:,}"
        digits = len(str(total))
        rounded = total // 10 ** max(digits - 2, 0) * 10 ** max(digits - 2, 0)
        return f"{shown:,} of {max(rounded, shown):,}+"

"""Picking the spans that touch a stretch of text out of many, by bisection.

An in-article search in a 50 MB article finds hundreds of thousands of words;
the reader draws a window of it, passage by passage. Looping over every span for
every passage drawn cost seconds per ``n``; :class:`SpanIndex` answers each
passage in ``O(log n)`` plus the spans it returns.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from tui.core.models import Article, Span


class SpanIndex:
    """Spans sorted by start, with the longest length, for overlap look-ups."""

    __slots__ = ("spans", "starts", "longest")

    def __init__(self, spans: Sequence[Span], presorted: bool = False) -> None:
        self.spans: Sequence[Span] = spans if presorted else sorted(spans)
        self.starts = [start for start, _end in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> Sequence[Span]:
        """The spans that overlap ``[start, end)`` (and a few that end just before it)."""
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return self.spans[low:high]


def starting_from(spans: Sequence[Span], offset: int) -> int:
    """Index of the first of the sorted ``spans`` starting at or after ``offset`` (or ``len``)."""
    return bisect_left(spans, (offset, -1))


def within(spans: Sequence[Span], start: int, end: int) -> Sequence[Span]:
    """The sorted ``spans`` that start in ``[start, end)``."""
    return spans[bisect_left(spans, (start, -1)) : bisect_left(spans, (end, -1))]


def drawn(matches: Sequence[Span], article: Article | None, window: range | None) -> Sequence[Span]:
    """The sorted ``matches`` inside the drawn ``window`` of ``article`` (all when it is whole)."""
    if not window or not matches or article is None:
        return matches
    passages = article.passages
    return within(matches, passages[window.start][0], passages[window.stop - 1][1])

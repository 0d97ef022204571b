"""An early, partial answer to a query while the search index is still being built.

A cold load reads the folder in a fraction of the time the index takes to build
(BBC: about 0.3 s of CPU against 1.75 s). A query typed in between is answered here
from the articles already read, by one regular-expression scan of their texts, and
shown as partial; the index's answer replaces it as soon as the index is in.

Only plain words are answered: a query with a field (``speaker:``, ``in:``), a phrase,
an exclusion or an alternative (``"``, ``-``, ``|``, ``:``) waits for the index, whose
rules this scan does not try to copy. A word matches, ignoring case, at a word start,
as itself or as the start of a longer word (the index takes prefixes too). A passage
scores by the distinct query words it holds, then by those held as whole words, then by
the matches; ties go to article order. Typos and other word forms are left to the index.
On the search benchmark's BBC queries (``benchmarks/early_answer_bench.py``, both
halves) this rule gave hit@10 0.72 and 0.77 (whole words only, the last a prefix: 0.63
and 0.66); the index gives 1.00.
"""

from __future__ import annotations

import heapq
import re
import threading
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.models import Article
    from tui.core.search.index import SearchHit

__all__ = ["EarlyAnswer", "early_pattern", "scan_articles"]

_SYNTAX = re.compile(r"[\"|:]|(?:^|\s)-")
"""What makes a query more than plain words: left to the index."""
_WORD = re.compile(r"\w+")
CHECK_EVERY = 64
"""Articles scanned between two looks at the cancel event."""
BUDGET = 32 << 20
"""Characters of text one scan reads at most (BBC has 5 M): on a larger corpus the early
answer covers its first articles (:attr:`EarlyAnswer.scanned`), and the scan's turns at
the interpreter lock slow the index build it waits for by at most about 0.5 s of CPU."""


class EarlyAnswer:
    """The best passages of the articles scanned, and how many passages match."""

    __slots__ = ("hits", "total", "scanned")

    def __init__(self, hits: list[SearchHit], total: int, scanned: int) -> None:
        self.hits = hits
        """Best first; article numbers index the sequence scanned."""
        self.total = total
        """Passages that hold at least one query word."""
        self.scanned = scanned
        """Articles scanned."""


def early_pattern(query: str) -> re.Pattern[str] | None:
    """The pattern that finds the words of ``query`` (group ``n`` for the ``n``-th word),
    or ``None`` when the query is not plain words (the index answers it)."""
    if _SYNTAX.search(query):
        return None
    words = list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))
    if not words:
        return None
    parts = [f"({re.escape(word)}\\w*)" for word in words]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


def scan_articles(
    articles: Sequence[Article],
    query: str,
    limit: int,
    cancel: threading.Event | None = None,
    budget: int = BUDGET,
) -> EarlyAnswer | None:
    """The best ``limit`` passages of ``articles`` for ``query`` (see the module notes),
    from the first articles that hold ``budget`` characters (all of them, mostly);
    ``None`` when the query is left to the index or ``cancel`` is set during the scan."""
    from tui.core.search.index import SearchHit

    pattern = early_pattern(query)
    if pattern is None:
        return None
    words = list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))
    lengths = [0, *map(len, words)]  # by group number
    best: list[tuple[int, int, int, int, int, int, tuple[tuple[int, int], ...]]] = []
    total = read = scanned = 0
    for number, article in enumerate(articles):
        if number % CHECK_EVERY == 0 and cancel is not None and cancel.is_set():
            return None
        if read >= budget:
            break
        passages, text = article.passages, article.text
        read, scanned = read + len(text), number + 1
        lowered = text.lower()  # a substring test in C passes over most articles at once
        if not passages or not any(word in lowered for word in words):
            continue
        starts = [start for start, _end in passages]
        found: dict[int, tuple[set[int], set[int], list[tuple[int, int]]]] = {}
        for match in pattern.finditer(text, passages[0][0], passages[-1][1]):
            at = bisect_right(starts, match.start()) - 1
            if at < 0 or match.end() > passages[at][1]:
                continue  # between two passages (a title, a blank line)
            seen, whole, spans = found.setdefault(at, (set(), set(), []))
            word = match.lastindex or 0
            seen.add(word)
            if match.end() - match.start() == lengths[word]:
                whole.add(word)  # the word itself, not a longer one it begins
            spans.append(match.span())
        total += len(found)
        for at, (seen, whole, spans) in found.items():
            # Kept: the best by (words, whole words, matches), then the earliest article
            # and passage (negated), in a heap of ``limit``.
            entry = (len(seen), len(whole), len(spans), -number, -at, number, tuple(spans))
            if len(best) < limit:
                heapq.heappush(best, entry)
            elif entry[:5] > best[0][:5]:
                heapq.heapreplace(best, entry)
    ranked = sorted(best, key=lambda entry: entry[:5], reverse=True)
    hits = []
    for held, exact, count, _number, negative_at, number, matches in ranked:
        start, end = articles[number].passages[-negative_at]
        score = held + exact / 100 + min(count, 99) / 10_000
        hits.append(SearchHit(number, -negative_at, start, end, score, matches))
    return EarlyAnswer(hits, total, scanned)

"""An early, partial answer to a query while the search index is still being built.

A cold load reads the folder in a fraction of the time the index takes to build
(BBC: about 0.3 s of CPU against 1.75 s). A query typed in between is answered here
from the articles already read, by one regular-expression scan of their texts, and
shown as partial; the index's answer replaces it as soon as the index is in.

Only plain words are answered: a query with a field (``speaker:``, ``in:``), a phrase,
an exclusion or an alternative (``"``, ``-``, ``|``, ``:``) waits for the index, whose
rules this scan does not try to copy. A word matches at a word start, ignoring case;
the last word as a prefix (as the box searches while typing). A passage scores by the
distinct query words it holds, then by their count, ties broken by article order;
typos, other word forms and the index's weights are left to the index.
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
    from tui.core.search import SearchHit

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
    last_is_prefix = not query[-1:].isspace()
    parts = [
        f"({re.escape(word)}\\w*)"
        if last_is_prefix and at == len(words) - 1
        else f"({re.escape(word)})(?!\\w)"
        for at, word in enumerate(words)
    ]
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
    from tui.core.search import SearchHit

    pattern = early_pattern(query)
    if pattern is None:
        return None
    words = list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))
    best: list[tuple[int, int, int, int, int, tuple[tuple[int, int], ...]]] = []
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
        found: dict[int, tuple[set[int], list[tuple[int, int]]]] = {}
        for match in pattern.finditer(text, passages[0][0], passages[-1][1]):
            at = bisect_right(starts, match.start()) - 1
            if at < 0 or match.end() > passages[at][1]:
                continue  # between two passages (a title, a blank line)
            seen, spans = found.setdefault(at, (set(), []))
            seen.add(match.lastindex or 0)
            spans.append(match.span())
        total += len(found)
        for at, (seen, spans) in found.items():
            # Max-heap by (words, matches), then earliest article and passage: negated.
            entry = (len(seen), len(spans), -number, -at, number, tuple(spans))
            if len(best) < limit:
                heapq.heappush(best, entry)
            elif entry[:4] > best[0][:4]:
                heapq.heapreplace(best, entry)
    ranked = sorted(best, key=lambda entry: entry[:4], reverse=True)
    hits = []
    for held, count, _number, negative_at, number, matches in ranked:
        start, end = articles[number].passages[-negative_at]
        hits.append(SearchHit(number, -negative_at, start, end, held + count / 1000, matches))
    return EarlyAnswer(hits, total, scanned)

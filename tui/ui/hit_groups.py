"""Search hits grouped by article: one row per article, in the engine's rank order."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.search import SearchHit


def group_by_article(hits: list[SearchHit]) -> list[tuple[SearchHit, int]]:
    """Each article's best-ranked hit, in rank order, with how many more hits it has."""
    first: dict[int, int] = {}
    rows: list[tuple[SearchHit, int]] = []
    for hit in hits:
        if hit.article in first:
            best, more = rows[first[hit.article]]
            rows[first[hit.article]] = (best, more + 1)
        else:
            first[hit.article] = len(rows)
            rows.append((hit, 0))
    return rows

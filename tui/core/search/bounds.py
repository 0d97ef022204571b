"""A cheap upper bound of a passage's full score, from the set of its word ids.

The ranker (:mod:`tui.core.search.ranking`) puts every candidate of a tier it
reaches under this bound first. It costs one C-level set intersection of the
query's ids with the passage's ids and a loop over the few ids found, against a
tenth of a millisecond for a full score, and it is tight where it matters: it
knows which clauses a passage has (each missing one costs :data:`FOUND`), so a
passage that lacks common query words is never scored in full when enough
passages have them. Tiers only know the rare (driver) clauses, so without it
every passage of a reached tier was scored.

The bound counts each clause present with its best match quality, as if
anchors held and every phrase matched, plus the brevity bonus for the passage's
length and the largest arrangement bonus: never below the full score.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

from tui.core.search.weights import ADJACENT, EPSILON, FOUND, ORDER, PROXIMITY, SHORT

ARRANGED = ADJACENT + PROXIMITY + ORDER + EPSILON
"""The most the arrangement bonuses add (and the rounding margin)."""


class Bounds:
    """Per query: what each word id can add to a passage's score."""

    __slots__ = ("gains", "wanted", "base", "hard", "single")

    def __init__(
        self,
        lookup: dict[int, list[tuple[int, float, bool, bool]]],
        factors: Sequence[float],
        phrase_clauses: Iterable[int],
        hard_clauses: Iterable[int],
    ) -> None:
        """``lookup``: per word id its ``(clause, quality, anchored, at_end)`` entries;
        ``factors``: each clause's weight of quality; clauses with a phrase option
        count as found (a phrase is not checked here); the ``hard`` ones must be found."""
        self.gains: dict[int, list[tuple[int, float]]] = {
            tid: [(number, FOUND + factors[number] * quality) for number, quality, _, _ in entries]
            for tid, entries in lookup.items()
        }
        self.wanted = frozenset(self.gains)
        phrases = set(phrase_clauses)
        self.base = {number: FOUND + factors[number] for number in phrases}
        """Clauses counted as found in every passage (those with a phrase)."""
        self.hard = frozenset(hard_clauses) - phrases
        self.single = {tid: found[0] for tid, found in self.gains.items() if len(found) == 1}
        """Word ids of one clause each (most of them), with that clause's gain."""

    def bound(self, tokens: array[int]) -> float | None:
        """An upper bound of the full score of a passage of word ids ``tokens``;
        ``None`` when it cannot match (no clause, or a hard clause missing)."""
        return self.of(self.wanted.intersection(tokens), len(tokens))

    def of(self, present: frozenset[int] | set[int], size: int) -> float | None:
        """:meth:`bound` of a passage of ``size`` word ids, ``present`` the query's among them."""
        if not present and not self.base:
            return None
        best = dict(self.base)
        single, gains = self.single, self.gains
        for tid in present:
            one = single.get(tid)
            if one is not None:
                number, gain = one
                if gain > best.get(number, 0.0):
                    best[number] = gain
                continue
            for number, gain in gains[tid]:
                if gain > best.get(number, 0.0):
                    best[number] = gain
        if not best or not self.hard.issubset(best):
            return None
        return sum(best.values()) + SHORT * 20.0 / (20.0 + size) + ARRANGED


def bounded(
    bound: Callable[[array[int]], float | None],
    passages: Iterable[int],
    tokens_of: Callable[[int], array[int]],
) -> Iterator[tuple[int, float]]:
    """Each of ``passages`` that can match, with its ``bound`` (of its word ids)."""
    for passage in passages:
        value = bound(tokens_of(passage))
        if value is not None:
            yield passage, value

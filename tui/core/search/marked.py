"""The ranker's full score and refined bound from a passage's word ids marked one byte each.

Most queries have no phrase and no anchor, and each of their word ids belongs to one
clause. For them :class:`Marked` maps a passage's ids to one byte each (the clause's
number plus one, 0 for other words): a clause's first and last position are ``find`` and
``rfind`` of its byte, and two consecutive clauses are side by side where their two bytes
are, all C-level, with no Python loop over the pairs of word ids or the matches. The
numbers are those of :meth:`tui.core.search.ranking.Scorer._score` and ``_refine``, added
in the same order (a property test compares both paths on every passage).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import compress, repeat

from tui.core.search.compile import Compiled
from tui.core.search.weights import ADJACENT, EPSILON, FOUND, ORDER, PROXIMITY, SHORT


class Marked:
    """Per query: each word id's clause mark and quality, the clauses' weights."""

    __slots__ = ("mark", "quality", "wanted", "factors", "hard", "count", "sides")

    def __init__(
        self,
        mark: dict[int, int],
        quality: dict[int, float],
        factors: Sequence[float],
        hard: list[bool],
    ) -> None:
        self.mark = mark
        """Per word id its clause's number plus one."""
        self.quality = quality
        """Per word id its match quality."""
        self.wanted = frozenset(mark)
        self.factors = list(factors)
        self.hard = hard
        """Per clause, whether a passage must have it."""
        self.count = len(hard)
        self.sides = [bytes((number + 1, number + 2)) for number in range(self.count - 1)]
        """Per pair of consecutive clauses, their two marks side by side."""

    @classmethod
    def of(
        cls,
        lookup: dict[int, list[tuple[int, float, bool, bool]]],
        factors: Sequence[float],
        compiled: Compiled,
        phrases: bool,
    ) -> Marked | None:
        """The marked path for a query of ``lookup`` (per word id its ``(clause, quality,
        anchored, at_end)`` entries), or ``None`` when it has a phrase, an anchor, a word
        id in two clauses, a single clause or more than 254."""
        count = len(compiled.clauses)
        if phrases or not 1 < count < 255:
            return None
        entries = list(lookup.items())
        if not all(len(e) == 1 and not e[0][2] and not e[0][3] for _, e in entries):
            return None
        mark = {tid: e[0][0] + 1 for tid, e in entries}
        quality = {tid: e[0][1] for tid, e in entries}
        return cls(mark, quality, factors, [c.hard for c in compiled.clauses])

    def _best(self, tokens: array[int]) -> list[float]:
        """Each clause's best match quality in the passage of word ids ``tokens`` (0: none)."""
        best = [0.0] * self.count
        quality, mark = self.quality, self.mark
        for tid in self.wanted.intersection(tokens):
            number = mark[tid] - 1
            if quality[tid] > best[number]:
                best[number] = quality[tid]
        return best

    def bound(self, tokens: array[int]) -> float | None:
        """The refined bound of ``Scorer._refine`` for the passage of word ids ``tokens``;
        ``None`` when it cannot match."""
        count, factors, hard = self.count, self.factors, self.hard
        best = self._best(tokens)
        if any(h and not q for h, q in zip(hard, best)) or not any(best):
            return None
        score = sum(FOUND + f * q for f, q in zip(factors, best) if q) + EPSILON
        score += SHORT * 20.0 / (20.0 + len(tokens))
        marked = bytes(map(self.mark.get, tokens, repeat(0)))
        first = [marked.find(number + 1) if q else -1 for number, q in enumerate(best)]
        latest = [marked.rfind(number + 1) if q else -1 for number, q in enumerate(best)]
        adjacent = ordered = 0
        sides = self.sides
        for number in range(count - 1):
            if best[number] and best[number + 1]:
                if latest[number + 1] > first[number]:
                    ordered += 1
                if sides[number] in marked:
                    adjacent += 1
        # The shortest window holding every clause found, as Scorer._refine counts it.
        matched = [number for number in range(count) if best[number]]
        shortest = max(first[n] for n in matched) - min(latest[n] for n in matched) + 1
        tight = min(1.0, len(matched) / shortest) if len(matched) > 1 and shortest > 0 else 1.0
        pairs = count - 1
        score += ADJACENT * adjacent / pairs + PROXIMITY * tight + ORDER * ordered / pairs
        return score

    def score(self, tokens: array[int]) -> tuple[float, bytes] | None:
        """The full score of ``Scorer._score`` and the marked ids (the matches' positions
        are where they are not 0); ``None`` when a hard clause or every clause is missing."""
        best = self._best(tokens)
        score = 0.0
        matched = 0
        for number, quality in enumerate(best):
            if quality:
                matched += 1
                score += FOUND + self.factors[number] * quality
            elif self.hard[number]:
                return None
        if not matched:
            return None
        score += SHORT * 20.0 / (20.0 + len(tokens))
        marked = bytes(map(self.mark.get, tokens, repeat(0)))
        if matched > 1:
            score += self._arrangement(marked, matched)
        return score, marked

    def _arrangement(self, marked: bytes, need: int) -> float:
        """``Scorer._arrangement`` of ``need`` clauses found: side by side, in query order,
        and the shortest window holding one match of each (a sliding window)."""
        count = self.count
        adjacent = ordered = 0
        for number in range(1, count):
            left = marked.find(number)
            if left >= 0 and marked.rfind(number + 1) > left:
                ordered += 1
            if bytes((number, number + 1)) in marked:
                adjacent += 1
        positions = list(compress(range(len(marked)), marked))
        seen = [0] * (count + 1)
        window = len(positions) + 1_000_000
        have = low = 0
        for end in positions:
            number = marked[end]
            if not seen[number]:
                have += 1
            seen[number] += 1
            while have == need:
                start = positions[low]
                if end - start + 1 < window:
                    window = end - start + 1
                number = marked[start]
                seen[number] -= 1
                if not seen[number]:
                    have -= 1
                low += 1
        tight = min(1.0, need / window) if window > 0 else 0.0
        pairs = count - 1
        return ADJACENT * adjacent / pairs + PROXIMITY * tight + ORDER * ordered / pairs

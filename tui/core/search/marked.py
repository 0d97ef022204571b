"""The ranker's bounds and full score from a passage's word ids coded one byte each.

Most queries have no phrase and no anchor, and each of their word ids belongs to one
clause. For them :class:`Marked` codes a passage's ids one byte each, by one C-level
pass: the code names the id's clause and match quality (0 for other words). A passage
coded once keeps its code through every step of the ranker (the cheap bound, the
refined one, the full score), so its ids are read once. The clauses present and their
best qualities come from the set of the codes (at most 255 values, no word id made an
int); one ``translate`` turns the codes into clause marks (the clause's number plus
one), in which a clause's first and last position are ``find`` and ``rfind`` of its
byte and two consecutive clauses are side by side where their two bytes are. The
numbers are those of :meth:`tui.core.search.ranking.Scorer._score`, ``_refined`` and
:meth:`tui.core.search.bounds.Bounds.of`, added in the same order (a property test
compares both paths on every passage).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import compress, repeat

from tui.core.search.compile import Compiled
from tui.core.search.weights import ADJACENT, EPSILON, FOUND, ORDER, PROXIMITY, SHORT


class Marked:
    """Per query: each word id's code, and per code its clause and match quality."""

    __slots__ = ("code", "clause", "quality", "factors", "hard", "count", "sides", "to_marks")

    def __init__(
        self,
        code: dict[int, int],
        entries: Sequence[tuple[int, float]],
        factors: Sequence[float],
        hard: list[bool],
    ) -> None:
        """``code``: per word id its code (1 to 255); ``entries``: per code from 1 its
        ``(clause, quality)``; ``hard``: per clause, whether a passage must have it."""
        self.code = code
        self.clause = [-1] + [number for number, _ in entries]
        """Per code its clause's number (-1 for code 0, other words)."""
        self.quality = [0.0] + [quality for _, quality in entries]
        """Per code its match quality."""
        self.factors = list(factors)
        self.hard = [number for number, must in enumerate(hard) if must]
        """The clauses a passage must have."""
        self.count = len(hard)
        self.sides = [bytes((number + 1, number + 2)) for number in range(self.count - 1)]
        """Per pair of consecutive clauses, their two marks side by side."""
        table = bytearray(256)
        for at, number in enumerate(self.clause[1:], start=1):
            table[at] = number + 1
        self.to_marks = bytes(table)
        """The ``translate`` table from codes to clause marks."""

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
        id in two clauses, a single clause, or more than 255 pairs of clause and quality."""
        count = len(compiled.clauses)
        if phrases or count < 2:
            return None
        entries = list(lookup.items())
        if not all(len(e) == 1 and not e[0][2] and not e[0][3] for _, e in entries):
            return None
        codes: dict[tuple[int, float], int] = {}
        for _, found in entries:
            codes.setdefault(found[0][:2], len(codes) + 1)
        if len(codes) > 255:
            return None
        code = {tid: codes[found[0][:2]] for tid, found in entries}
        return cls(code, list(codes), factors, [c.hard for c in compiled.clauses])

    def codes(self, tokens: array[int]) -> bytes:
        """The passage of word ids ``tokens`` coded one byte per id."""
        return bytes(map(self.code.get, tokens, repeat(0)))

    def _best(self, codes: bytes) -> list[float] | None:
        """Each clause's best match quality in a passage of ``codes`` (0: none); ``None``
        when it has no clause or misses a hard one."""
        present = set(codes)
        present.discard(0)
        if not present:
            return None
        best = [0.0] * self.count
        clause, quality = self.clause, self.quality
        for at in present:
            if quality[at] > best[clause[at]]:
                best[clause[at]] = quality[at]
        if not any(best):
            return None
        for number in self.hard:
            if not best[number]:
                return None
        return best

    def _found(self, best: list[float]) -> float:
        """The score of the clauses found with their ``best`` qualities."""
        score = 0.0
        for factor, quality in zip(self.factors, best):
            if quality:
                score += FOUND + factor * quality
        return score

    def bound(self, codes: bytes) -> float | None:
        """The refined bound of ``Scorer._refined`` for a passage of ``codes``; ``None``
        when it cannot match."""
        best = self._best(codes)
        if best is None:
            return None
        # summed as Scorer._refined sums it: sum() rounds otherwise than += (Python 3.12+)
        score = sum(FOUND + f * q for f, q in zip(self.factors, best) if q) + EPSILON
        score += SHORT * 20.0 / (20.0 + len(codes))
        marks = codes.translate(self.to_marks)
        find, rfind, sides = marks.find, marks.rfind, self.sides
        adjacent = ordered = 0
        low, high = len(codes), -1  # the latest first position, the earliest last one
        found = 0
        before = -1  # the previous clause's first position, -1 when it is missing
        for number, quality in enumerate(best):
            if not quality:
                before = -1
                continue
            found += 1
            first, last = find(number + 1), rfind(number + 1)
            if before >= 0:
                if last > before:
                    ordered += 1
                if sides[number - 1] in marks:
                    adjacent += 1
            before = first
            if found == 1 or first > high:
                high = first
            if found == 1 or last < low:
                low = last
        # The shortest window holding every clause found, as Scorer._refined counts it.
        shortest = high - low + 1
        tight = min(1.0, found / shortest) if found > 1 and shortest > 0 else 1.0
        pairs = self.count - 1
        score += ADJACENT * adjacent / pairs + PROXIMITY * tight + ORDER * ordered / pairs
        return score

    def score(self, codes: bytes) -> tuple[float, bytes] | None:
        """The full score of ``Scorer._score`` for a passage of ``codes``, and the codes
        (the matches' positions are where they are not 0); ``None`` when a hard clause or
        every clause is missing."""
        best = self._best(codes)
        if best is None:
            return None
        score = self._found(best)
        score += SHORT * 20.0 / (20.0 + len(codes))
        if self.count - best.count(0.0) > 1:
            score += self._arrangement(codes.translate(self.to_marks), best)
        return score, codes

    def _arrangement(self, marked: bytes, best: list[float]) -> float:
        """``Scorer._arrangement`` of the clauses found (``best``) in a passage of clause
        ``marked``: side by side, in query order, and the shortest window holding one
        match of each (a sliding window)."""
        count = self.count
        need = count - best.count(0.0)
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

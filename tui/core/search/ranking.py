"""Query evaluation and ranking for :mod:`tui.core.search.index`.

A query compiled against the vocabulary (:func:`tui.core.search.compile.compile_query`)
is ranked by :class:`Scorer`: candidates come in tiers from posting lists
(:mod:`tui.core.search.tiers`); each is bounded from its word ids, then scored in
full (phrases, anchors, proximity, order), best bound first, so that the results
are exactly the best candidates in order whatever the limit.
"""

from __future__ import annotations

import heapq
import math
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress
from typing import Protocol

from tui.core.packed import Packed
from tui.core.search.bounds import Bounds, bounded
from tui.core.search.compile import Compiled
from tui.core.search.marked import Marked
from tui.core.search.tiers import Tiers
from tui.core.search.weights import (
    ADJACENT,
    EPSILON,
    FOUND,
    ORDER,
    PROXIMITY,
    QUALITY,
    SHORT,
)


class IndexView(Protocol):
    """What the ranker reads of an index (:class:`tui.core.search.index.SearchIndex` is one)."""

    @property
    def postings(self) -> Sequence[array[int]]:
        """The sorted passage numbers of each word id."""

    @property
    def offsets(self) -> Sequence[int]:
        """Where each passage's word ids start in :attr:`tokens`."""

    @property
    def tokens(self) -> array[int] | memoryview | Packed:
        """The word ids of every passage, one after the other (a slice is an array or,
        from a view of a mapped cache, a view)."""

    @property
    def ordered(self) -> bool:
        """Whether passage numbers follow article order."""

    @property
    def live(self) -> int:
        """Number of passages indexed."""

    def live_passages(self) -> set[int]:
        """Every live passage number."""

    def tie_key(self, passage: int) -> tuple[int, int]:
        """Article order of a passage, which breaks score ties."""


SCORE_AT_ONCE = 64
"""A tier of at most this many passages is scored in full at once (no bound first)..."""
UNKNOWN_AT_ONCE = 2
"""... or this many, when some clause's postings were not read (the tiers do not know
whether their passages have it: :mod:`tui.core.search.bounds` does)."""
PAIR_SEARCHES = 3
"""Up to this many pairs of ids, two clauses' adjacency is a byte search per pair."""
Ranked = tuple[int, float, set[int]]
"""A global passage number, its score and the positions of its matched tokens."""
Tie = tuple[int, int] | int
"""What orders passages of equal score: article order, or the passage number when the
numbers follow it (:attr:`IndexView.ordered`)."""
Found = list[list[tuple[int, int, float]]]
"""Per clause, its matches in a passage: first and last token position, quality."""


class Stop(Exception):
    """The search was cancelled."""


class Scorer(Tiers):
    """Ranks the passages of one index for one compiled query (its candidates: :class:`Tiers`)."""

    index: IndexView

    def __init__(self, index: IndexView, compiled: Compiled, cancel: threading.Event | None):
        self.index = index
        self.compiled = compiled
        self.cancel = cancel
        self.lookup: dict[int, list[tuple[int, float, bool, bool]]] = {}
        """Per word id: the clauses it matches, with quality and anchors (start, end)."""
        self.phrases: list[tuple[int, array[int], bool, bool]] = []
        for number, clause in enumerate(compiled.clauses):
            for option in clause.options:
                for tid, quality in option.terms.items():
                    entry = (number, quality, option.anchored, option.at_end)
                    self.lookup.setdefault(tid, []).append(entry)
                if option.phrase:
                    phrase = array("I", option.phrase)
                    self.phrases.append((number, phrase, option.anchored, option.at_end))
        self.wanted = frozenset(self.lookup)
        self._init_tiers()
        self.pair_bytes: dict[tuple[int, int], bytes] = {}
        self.id_bytes: dict[int, bytes] = {}
        weights = sum(c.weight for c in compiled.clauses) or 1.0
        self.factors = [QUALITY * c.weight / weights for c in compiled.clauses]
        phrase_clauses = {number for number, _, _, _ in self.phrases}
        self.arranged = not phrase_clauses and len(compiled.clauses) > 1
        """Whether the bounds and scores count the clauses' arrangement (no phrases)."""
        self.best_start = [1.0 if n in phrase_clauses else 0.0 for n in range(len(self.factors))]
        """Each clause's best match quality before a passage's words are read (a phrase
        counts as found: the bound does not look for it)."""
        self.hard_clauses = [n for n, clause in enumerate(compiled.clauses) if clause.hard]
        self.marked = Marked.of(self.lookup, self.factors, compiled, bool(self.phrases))
        """The byte-marked path for scores and refined bounds, when the query allows it."""
        self.bounds = Bounds(
            self.lookup,
            self.factors,
            (number for number, _, _, _ in self.phrases),
            (number for number, clause in enumerate(compiled.clauses) if clause.hard),
        )

    def _check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Stop

    def run(self, allowed: set[int] | None, limit: int) -> list[Ranked]:
        """The best ``limit`` passages (all matching ones when ``limit`` is 0).

        With ``limit`` 0 (search in one article), every allowed passage is
        scored in full: no posting list is read. Otherwise the answer is the best
        ``limit`` of the candidates (:meth:`_tiers`) by full score, exactly: the
        candidates do not depend on ``limit``, and they are scored best bound
        first, so the first k results of any larger limit are the same.
        """
        clauses = self.compiled.clauses
        if not limit:
            candidates = self.index.live_passages() if allowed is None else set(allowed)
            self._exclude(candidates)
            return self._rank(sorted(candidates))
        if not clauses:  # scopes or exclusions only: every passage scores the same
            candidates = self._candidates(allowed)
            self.total, self.counted = len(candidates), True
            return self._rank(self._first(candidates, limit))
        self._read_drivers()
        return self._best_first(self._tiers(allowed), limit)

    def _best_first(self, tiers: Iterator[tuple[float, list[int]]], limit: int) -> list[Ranked]:
        """The best ``limit`` passages of the tiers by full score, ties in article order.

        A heap holds each passage under an upper bound of its score, each tighter and
        dearer than the one before: its tier's, with its own brevity bonus (kind -1,
        from two offsets); the cheap one of the clauses its word ids have
        (:class:`~tui.core.search.bounds.Bounds`, kind 0, skipped when the tiers know
        every clause); the one that also counts adjacency, order and the shortest
        window (:meth:`_refine`, kind 1); then its full score (kind 2). A passage is
        taken to the next kind only when it comes to the top of the heap. A full
        score leaves the heap as a result only when nothing left (in the heap or in a
        lower tier) can exceed or tie it, so results come out in their final order.
        """
        # Ties go in article order: the passage number itself when numbers follow it.
        tie: Callable[[int], Tie] = int if self.index.ordered else self.index.tie_key
        heap: list[tuple[float, int, Tie, int]] = []
        found: dict[int, Found | bytes] = {}
        read: dict[int, tuple[array[int], frozenset[int]]] = {}
        coded: dict[int, bytes] = {}  # on the marked path, each passage's ids coded once
        ranked: list[Ranked] = []
        refine = self.arranged
        marked = self.marked
        # A tier knows which clauses its passages have only when every clause was read
        # whole; else a cheap bound (which knows them) comes before anything else.
        at_once = SCORE_AT_ONCE if self.counted else min(SCORE_AT_ONCE, UNKNOWN_AT_ONCE)
        known = self.counted and refine  # then the cheap bound would tell nothing new
        tier = next(tiers, None)
        steps = 0
        while len(ranked) < limit:
            steps += 1
            if steps % 64 == 0:
                self._check()
            floor = tier[0] if tier is not None else -math.inf
            if not heap or -heap[0][0] <= floor:
                if tier is None:
                    break
                if len(tier[1]) <= at_once:  # cheaper than a bound, then the score
                    for passage in tier[1]:
                        self._push_full(heap, found, passage, tie(passage))
                else:  # at once: the heap's order needs no pushes one by one
                    heap.extend(
                        (-value, -1, tie(passage), passage)
                        for passage, value in self._within_tier(tier[0], tier[1])
                    )
                    heapq.heapify(heap)
                tier = next(tiers, None)
                continue
            value, kind, key, passage = heapq.heappop(heap)
            if kind == 2:
                ranked.append((passage, -value, self._where(found.pop(passage))))
            elif kind < 0 and not known:  # the clauses the passage has, from its word ids
                tokens = self._tokens(passage)
                present = self.wanted.intersection(tokens)
                cheap = self.bounds.of(present, len(tokens))
                if cheap is not None:
                    heapq.heappush(heap, (-cheap, 0, key, passage))
                    if refine and marked is None:  # kept for the next bound, which needs them
                        read[passage] = tokens, present
            elif marked is not None:  # byte-coded once, the code kept for the full score
                if kind < 1:  # adjacency and order
                    codes = marked.codes(self._tokens(passage))
                    bound = marked.bound(codes)
                    if bound is not None:
                        heapq.heappush(heap, (-bound, 1, key, passage))
                        coded[passage] = codes
                else:
                    codes = coded.pop(passage)
                    scored = marked.score(codes)
                    if scored is not None:
                        found[passage] = codes
                        heapq.heappush(heap, (-scored[0], 2, key, passage))
            elif kind < 1 and refine:  # adjacency and order from the word ids
                kept = read.pop(passage, None)
                bound = self._refined(*kept) if kept else self._refined(self._tokens(passage))
                if bound is not None:
                    heapq.heappush(heap, (-bound, 1, key, passage))
            else:
                self._push_full(heap, found, passage, key)
        return ranked

    def _within_tier(self, bound: float, passages: list[int]) -> Iterator[tuple[int, float]]:
        """Each of a tier's passages with the tier's ``bound``, its brevity bonus made the
        passage's own (from two offsets: no word ids are read)."""
        top, offsets = bound - SHORT + EPSILON, self.index.offsets
        for passage in passages:
            yield passage, top + SHORT * 20.0 / (20.0 + offsets[passage + 1] - offsets[passage])

    def _push_full(
        self,
        heap: list[tuple[float, int, Tie, int]],
        found: dict[int, Found | bytes],
        passage: int,
        key: Tie,
    ) -> None:
        """Score ``passage`` in full and put it on the heap as a result (kind 2)."""
        result = self._score(passage)
        if result is not None:
            found[passage] = result[1]
            heapq.heappush(heap, (-result[0], 2, key, passage))

    def _first(self, passages: set[int], count: int) -> list[int]:
        """The first ``count`` of ``passages`` in article order."""
        if self.index.ordered:
            return sorted(passages)[:count]
        return heapq.nsmallest(count, passages, key=self.index.tie_key)

    def _candidates(self, allowed: set[int] | None) -> set[int]:
        """Every allowed, not excluded passage (for a query of scopes or exclusions only)."""
        candidates = self.index.live_passages() if allowed is None else set(allowed)
        self._exclude(candidates)
        return candidates

    def _refine(self, passages: Iterable[int]) -> Iterator[tuple[int, float]]:
        """Each passage that can match with its :meth:`_refined` bound (byte-marked when
        the query allows it: :class:`Marked`)."""
        marked = self.marked
        if marked is None:
            return bounded(self._refined, passages, self._tokens)
        return bounded(lambda tokens: marked.bound(marked.codes(tokens)), passages, self._tokens)

    def _refined(self, tokens: array[int], present: frozenset[int] | None = None) -> float | None:
        """An upper bound of the full score of a passage of word ids ``tokens`` (``present``:
        the query's ids among them, when known), ``None`` when it cannot match.

        Every clause is checked (very common words included) with its best match
        quality, its anchors held as :meth:`_full` holds them; the brevity bonus is
        the passage's own. Without phrases, the consecutive query clauses side by
        side and those in query order are counted as :meth:`_full` counts them
        (from each clause's first and last position), and the proximity bonus is
        taken for the shortest window those positions allow. A passage missing a
        hard clause cannot match.
        """
        if present is None:
            present = self.wanted.intersection(tokens)
        lookup, factors, arranged = self.lookup, self.factors, self.arranged
        count = len(factors)
        size = len(tokens)
        best = self.best_start.copy()
        found: list[list[int]] = [[] for _ in range(count)]
        first: list[int] = [size] * count
        latest: list[int] = [-1] * count
        head, tail = (tokens[0], tokens[-1]) if size else (-1, -1)
        raw = tokens.tobytes() if arranged else b""
        for tid in present:
            low = high = -1  # where the word is, found when first needed
            for number, quality, anchored, at_end in lookup[tid]:
                if anchored:
                    if tid != head or (at_end and size != 1):
                        continue
                    here, there = 0, 0
                elif at_end:
                    if tid != tail:
                        continue
                    here, there = size - 1, size - 1
                elif arranged:
                    if low < 0:
                        low, high = self._first_last(raw, tid)
                    here, there = low, high
                else:
                    here, there = 0, 0
                found[number].append(tid)
                if quality > best[number]:
                    best[number] = quality
                if here < first[number]:
                    first[number] = here
                if there > latest[number]:
                    latest[number] = there
        for number in self.hard_clauses:
            if not best[number]:
                return None
        if not any(best):
            return None
        score = sum(FOUND + f * q for f, q in zip(factors, best) if q) + EPSILON
        score += SHORT * 20.0 / (20.0 + size)
        if not arranged:
            return score + ADJACENT + PROXIMITY + ORDER
        adjacent = ordered = 0
        for number in range(count - 1):
            left, right = found[number], found[number + 1]
            if left and right:
                if latest[number + 1] > first[number]:
                    ordered += 1
                if self._adjacent(raw, tokens, left, right):
                    adjacent += 1
        # A window holding a match of every clause found ends at or after each one's
        # first match and starts at or before each one's last: it is at least this long.
        matched = [number for number, tids in enumerate(found) if tids]
        shortest = max(first[n] for n in matched) - min(latest[n] for n in matched) + 1
        tight = min(1.0, len(matched) / shortest) if len(matched) > 1 and shortest > 0 else 1.0
        pairs = count - 1
        return score + (ADJACENT * adjacent / pairs + PROXIMITY * tight + ORDER * ordered / pairs)

    def _first_last(self, raw: bytes, tid: int) -> tuple[int, int]:
        """The first and last position of word id ``tid`` in the packed ids ``raw`` (it is
        there): C-level byte searches, where ``array.index`` makes an int of each id."""
        needle = self.id_bytes.get(tid)
        if needle is None:
            needle = self.id_bytes[tid] = array("I", (tid,)).tobytes()
        low = raw.find(needle)
        while low % 4:
            low = raw.find(needle, low + 1)
        high = raw.rfind(needle)
        while high % 4:
            high = raw.rfind(needle, 0, high + 3)
        return low >> 2, high >> 2

    def _adjacent(self, raw: bytes, tokens: array[int], left: list[int], right: list[int]) -> bool:
        """Whether some id of ``right`` directly follows some id of ``left`` in ``tokens``
        (``raw`` packed). Few pairs: a byte search each; else each occurrence of the
        smaller side's ids has its neighbour looked up in the other side's."""
        if len(left) * len(right) <= PAIR_SEARCHES:
            return any(self._side_by_side(raw, a, b) for a in left for b in right)
        if len(left) <= len(right):
            ids, others, step = left, set(right), 1
        else:
            ids, others, step = right, set(left), -1
        size, needles = len(tokens), self.id_bytes
        for tid in ids:
            needle = needles.get(tid)
            if needle is None:
                needle = needles[tid] = array("I", (tid,)).tobytes()
            at = raw.find(needle)
            while at >= 0:
                if not at % 4:
                    near = (at >> 2) + step
                    if 0 <= near < size and tokens[near] in others:
                        return True
                at = raw.find(needle, at + 1)
        return False

    def _side_by_side(self, raw: bytes, first: int, second: int) -> bool:
        """Whether word id ``second`` directly follows ``first`` in the packed ids ``raw``."""
        needle = self.pair_bytes.get((first, second))
        if needle is None:
            needle = self.pair_bytes[(first, second)] = array("I", (first, second)).tobytes()
        at = raw.find(needle)
        while at >= 0 and at % 4:
            at = raw.find(needle, at + 1)
        return at >= 0

    def _exclude(self, candidates: set[int]) -> None:
        postings = self.index.postings
        for tid in self.compiled.excluded:
            candidates.difference_update(postings[tid])
        for phrase, anchored, at_end in self.compiled.excluded_phrases:
            suspects = set(candidates)
            for tid in phrase:
                suspects.intersection_update(postings[tid])
            wanted = array("I", phrase)
            for passage in suspects:
                if self._phrase_at(self._tokens(passage), wanted, anchored, at_end):
                    candidates.discard(passage)

    def _tokens(self, passage: int) -> array[int]:
        offsets = self.index.offsets
        tokens: array[int] | memoryview = self.index.tokens[offsets[passage] : offsets[passage + 1]]
        if type(tokens) is array:
            return tokens
        copied = array("I")  # a slice of a cached index's mapped tokens
        copied.frombytes(memoryview(tokens).cast("B"))
        return copied

    @staticmethod
    def _phrase_at(
        tokens: array[int], phrase: array[int], anchored: bool, at_end: bool = False
    ) -> list[int]:
        """Start positions of ``phrase`` in ``tokens`` (only 0 when ``anchored``; only
        where it ends the passage when ``at_end``)."""
        found: list[int] = []
        size, first, position = len(phrase), phrase[0], -1
        while True:
            try:
                position = tokens.index(first, position + 1)
            except ValueError:
                return found
            if anchored and position:
                return found
            if tokens[position : position + size] == phrase and (
                not at_end or position + size == len(tokens)
            ):
                found.append(position)

    def _rank(self, order: list[int]) -> list[Ranked]:
        """Every passage of ``order`` that matches, best first, with the most clauses found."""
        ranked: list[Ranked] = []
        for count, passage in enumerate(order):
            if count % 64 == 0:
                self._check()
            result = self._full(passage)
            if result is not None:
                ranked.append((passage, result[0], result[1]))
        tie = self.index.tie_key
        ranked.sort(key=lambda item: (-item[1], tie(item[0])))
        if ranked and self.compiled.clauses:
            most = max(int(score // FOUND) for _, score, _ in ranked)
            ranked = [r for r in ranked if int(r[1] // FOUND) == most]
        return ranked

    def _full(self, passage: int) -> tuple[float, set[int]] | None:
        """Full score of a passage and its matched positions; ``None`` if it fails a filter."""
        scored = self._score(passage)
        if scored is None:
            return None
        return scored[0], self._where(scored[1])

    def _score(self, passage: int) -> tuple[float, Found | bytes] | None:
        """Full score of a passage and each clause's matches (or, on the marked path, its
        marked word ids: :meth:`Marked.score`); ``None`` if it fails a filter."""
        clauses = self.compiled.clauses
        tokens = self._tokens(passage)
        if self.marked is not None:
            return self.marked.score(self.marked.codes(tokens))
        found: Found = [[] for _ in clauses]
        lookup, last = self.lookup, len(tokens) - 1
        # Where the query's words are: two C-level passes, no Python loop over the tokens.
        mask = list(map(self.wanted.__contains__, tokens))
        for position, tid in zip(compress(range(len(tokens)), mask), compress(tokens, mask)):
            for number, quality, anchored, at_end in lookup[tid]:
                if (not anchored or position == 0) and (not at_end or position == last):
                    found[number].append((position, position, quality))
        for number, phrase, anchored, at_end in self.phrases:
            for start in self._phrase_at(tokens, phrase, anchored, at_end):
                found[number].append((start, start + len(phrase) - 1, 1.0))
        score = 0.0
        matched: list[int] = []
        for number, clause in enumerate(clauses):
            if found[number]:
                matched.append(number)
                score += FOUND + self.factors[number] * max(q for _, _, q in found[number])
            elif clause.hard:
                return None
        if not clauses:
            return 0.0, found
        if not matched:
            return None
        score += SHORT * 20.0 / (20.0 + len(tokens))
        if len(clauses) > 1 and len(matched) > 1:
            score += self._arrangement(found, matched, len(clauses))
        return score, found

    @staticmethod
    def _where(found: Found | bytes) -> set[int]:
        """The token positions of every match of ``found`` (or of every marked word id)."""
        if isinstance(found, bytes):
            return set(compress(range(len(found)), found))
        return {i for matches in found for s, e, _ in matches for i in range(s, e + 1)}

    @staticmethod
    def _arrangement(found: Found, matched: list[int], n: int) -> float:
        """Bonus for matched clauses side by side, close together and in query order."""
        adjacent = ordered = 0
        for left, right in zip(range(n - 1), range(1, n)):
            if not (found[left] and found[right]):
                continue
            ends = {e + 1 for _, e, _ in found[left]}
            starts = [s for s, _, _ in found[right]]
            if ends.intersection(starts):
                adjacent += 1
            if max(starts) > min(s for s, _, _ in found[left]):
                ordered += 1
        items = sorted((s, e, number) for number in matched for s, e, _ in found[number])
        need = len(matched)
        counts: dict[int, int] = {}
        window = len(items) + 1_000_000
        low = 0
        for _s, e, number in items:
            counts[number] = counts.get(number, 0) + 1
            while len(counts) == need:
                first, _, first_number = items[low]
                window = min(window, e - first + 1)
                counts[first_number] -= 1
                if not counts[first_number]:
                    del counts[first_number]
                low += 1
        tight = min(1.0, need / window) if window > 0 else 0.0
        pairs = n - 1
        return ADJACENT * adjacent / pairs + PROXIMITY * tight + ORDER * ordered / pairs

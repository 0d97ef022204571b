"""Query evaluation and ranking for :mod:`tui.core.search.index`.

A query compiled against the vocabulary (:func:`tui.core.search.vocab.compile_query`)
is ranked by :class:`Scorer` in two stages:
stage 1 from posting lists only (clauses found, match quality, idf), stage 2
from the word ids of each passage (phrases, anchors, proximity, order).
"""

from __future__ import annotations

import heapq
import math
import threading
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, combinations
from operator import itemgetter
from typing import Protocol

from tui.core.search.vocab import ClauseMap, Compiled, CompiledClause


class IndexView(Protocol):
    """What the ranker reads of an index (:class:`tui.core.search.index.SearchIndex` is one)."""

    @property
    def postings(self) -> Sequence[array[int]]:
        """The sorted passage numbers of each word id."""

    @property
    def offsets(self) -> Sequence[int]:
        """Where each passage's word ids start in :attr:`tokens`."""

    @property
    def tokens(self) -> array[int] | memoryview:
        """The word ids of every passage, one after the other."""

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


FOUND = 1000.0
"""Score of each clause found: all clauses found beats some."""
QUALITY = 100.0
"""Score of the idf-weighted match quality, summed over clauses (at most this)."""
ADJACENT, PROXIMITY, ORDER, SHORT = 25.0, 15.0, 10.0, 2.0
"""Stage-2 bonuses: consecutive query words side by side, a tight window, query order, brevity."""
BONUS = ADJACENT + PROXIMITY + ORDER + SHORT
"""The most stage 2 can add to a stage-1 score."""
EPSILON = 1e-6
"""Added to every upper bound, so that rounding never makes a bound fall below its score."""
SCORE_AT_ONCE = 64
"""A tier of at most this many passages is scored in full at once (no bound first)."""
FILTER_RATIO = 8
"""When one clause fills the budget, the next one (up to this many times the budget)
is still read, but only where the first one matches."""
TIER_SCAN = 1_000
"""Candidates kept from the passages with every known clause: the best by match quality."""
LOWER_SCAN = 50
"""Candidates kept from each lower tier (the first by passage number)."""
DRIVER_BUDGET = 12_000
"""Stage 1 reads the posting lists of the rarest clauses up to about this many entries..."""
DRIVER_BUDGET_SQRT = 40
"""... or this many times the square root of the number of passages, if more: larger
corpora have more near-ties, which more exact stage-1 tiers resolve."""

Ranked = tuple[int, float, set[int]]
"""A global passage number, its score and the positions of its matched tokens."""


class Stop(Exception):
    """The search was cancelled."""


class Scorer:
    """Ranks the passages of one index for one compiled query."""

    def __init__(self, index: IndexView, compiled: Compiled, cancel: threading.Event | None):
        self.index = index
        self.compiled = compiled
        self.cancel = cancel
        self.lookup: dict[int, list[tuple[int, float, bool]]] = {}
        self.phrases: list[tuple[int, array[int], bool]] = []
        for number, clause in enumerate(compiled.clauses):
            for option in clause.options:
                for tid, quality in option.terms.items():
                    self.lookup.setdefault(tid, []).append((number, quality, option.anchored))
                if option.phrase:
                    self.phrases.append((number, array("I", option.phrase), option.anchored))
        self.wanted = frozenset(self.lookup)
        self.maps: dict[int, ClauseMap] = {}
        """The driver clauses' passages (see :meth:`_read_drivers`)."""
        self.cut: set[int] = set()
        """Driver clauses whose map was cut to the budget (so incomplete)."""
        self.within = -1
        """The clause read only where the first driver matches, or -1."""
        self.total = 0
        """How many passages match some clause, as far as the maps read tell (:attr:`counted`)."""
        self.counted = False
        """Whether :attr:`total` counts every passage matching some clause (every clause
        was read whole)."""
        self.capped = False
        """Whether a tier the ranking reached was cut to its cap: then a passage left out
        might have scored above the last result."""
        self.pair_bytes: dict[tuple[int, int], bytes] = {}
        weights = sum(c.weight for c in compiled.clauses) or 1.0
        self.factors = [QUALITY * c.weight / weights for c in compiled.clauses]

    def _check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Stop

    def _clause_map(
        self, clause: CompiledClause, cap: int, within: set[int] | None = None
    ) -> ClauseMap:
        """Passages containing the clause (phrases: all their words) and the inexact ones.

        Beyond about ``cap`` passages, the lowest-quality and then the latest
        postings are left out: stage 1 stays bounded on huge corpora. With
        ``within``, only those passages are looked for (no cap).
        """
        postings = self.index.postings
        if within is not None:
            return self._clause_within(clause, within)
        exact: set[int] = set()
        inexact: dict[int, float] = {}
        levels: dict[float, list[array[int]]] = {}
        for option in clause.options:
            if option.phrase:
                lists = sorted((postings[t] for t in option.phrase), key=len)
                common = set(lists[0])
                for other in lists[1:]:
                    common.intersection_update(other)
                exact |= common
            for tid, quality in option.terms.items():
                levels.setdefault(quality, []).append(postings[tid])
        budget = cap - len(exact)
        for quality in sorted(levels, reverse=True):
            kept = []
            for passages in sorted(levels[quality], key=len):
                if budget <= 0:
                    break
                kept.append(passages if len(passages) <= budget else passages[:budget])
                budget -= len(passages)
            levels[quality] = kept
        for quality in sorted(levels):
            if quality >= 1.0:
                for passages in levels[quality]:
                    exact.update(passages)
            elif levels[quality]:
                inexact.update(dict.fromkeys(chain.from_iterable(levels[quality]), quality))
        for passage in inexact.keys() & exact:
            del inexact[passage]
        exact.update(inexact)
        return exact, inexact

    def _clause_within(self, clause: CompiledClause, within: set[int]) -> ClauseMap:
        """:meth:`_clause_map` restricted to the passages ``within``."""
        postings = self.index.postings
        exact: set[int] = set()
        inexact: dict[int, float] = {}
        for option in clause.options:
            if option.phrase:
                common = set(within)
                for tid in option.phrase:
                    common.intersection_update(postings[tid])
                exact |= common
            for tid, quality in sorted(option.terms.items(), key=itemgetter(1)):
                found = within.intersection(postings[tid])
                if quality >= 1.0:
                    exact |= found
                else:
                    inexact.update(dict.fromkeys(found, quality))
        for passage in inexact.keys() & exact:
            del inexact[passage]
        exact.update(inexact)
        return exact, inexact

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

    def _read_drivers(self) -> None:
        """Read the posting lists of the rarest clauses into :attr:`maps`, within a budget."""
        clauses = self.compiled.clauses
        sizes = [self._size(c) for c in clauses]
        budget = max(DRIVER_BUDGET, int(DRIVER_BUDGET_SQRT * math.sqrt(self.index.live)))
        drivers: list[int] = []
        spent = 0
        for number in sorted(range(len(clauses)), key=sizes.__getitem__):
            if drivers and spent + sizes[number] > budget:
                if len(drivers) == 1 and sizes[number] <= FILTER_RATIO * budget:
                    drivers.append(-1 - number)  # read only where the first driver is
                break
            drivers.append(number)
            spent += sizes[number]
        self.maps = maps = {}
        for number in drivers:
            self._check()
            if number >= 0:
                maps[number] = self._clause_map(clauses[number], budget)
                if sizes[number] > budget:
                    self.cut.add(number)
            else:
                within = maps[drivers[0]][0]
                maps[-1 - number] = self._clause_map(clauses[-1 - number], budget, within)
                self.within = -1 - number
        self.counted = len(maps) == len(clauses) and not self.cut and self.within < 0

    def _tiers(self, allowed: set[int] | None) -> Iterator[tuple[float, list[int]]]:
        """The candidates in tiers, best first, each with an upper bound of its scores.

        Candidates are the passages in some driver clause's map (allowed, not
        excluded, in every complete hard clause). A passage's tier is set by the
        *known* clauses it has: drivers read whole. Tiers come best bound first
        (missing a clause costs :data:`FOUND`, more than quality and bonuses can
        add): every known clause, then all but one, then the rest by their known
        clauses and match quality. Which passages are candidates never depends on
        the limit; only tiers too large to score keep a fixed share of theirs
        (:data:`TIER_SCAN` for the first, :data:`LOWER_SCAN` below), and then
        :attr:`capped` is set. An empty tier is yielded as a cheap bound
        that the next tiers stay under, so they are computed only when needed.
        """
        clauses, maps, factors = self.compiled.clauses, self.maps, self.factors
        known = [n for n in sorted(maps) if n not in self.cut and n != self.within]
        gains = {n: FOUND + factors[n] for n in known}
        slack = BONUS + EPSILON + sum(FOUND + factors[n] for n in range(len(clauses)))
        slack -= sum(gains.values())
        hard = [maps[n][0] for n in known if clauses[n].hard]
        union = set().union(*(maps[n][0] for n in maps))
        if hard:
            union.intersection_update(*hard)
        if allowed is not None:
            union &= allowed
        self._exclude(union)
        self.total = len(union)
        everything = sum(gains.values())
        top = union.intersection(*(maps[n][0] for n in known)) if known else union
        if len(top) <= TIER_SCAN:
            yield slack + everything, list(top)
        else:
            self.capped = True
            left = TIER_SCAN
            for value, members in self._by_value(top, known):
                yield slack + value, members[:left]
                left -= len(members)
                if left <= 0:
                    break
        rest = union - top
        if not rest:
            return
        lost = sorted(gains.values())
        yield slack + everything - lost[0], []
        # All known clauses but one: set algebra, cheapest missing clause first.
        single: set[int] = set()
        for n in sorted(known, key=gains.__getitem__):
            others = [maps[m][0] for m in known if m != n]
            tier = rest.intersection(*others) - maps[n][0] if others else rest - maps[n][0]
            single |= tier
            yield slack + everything - gains[n], self._cap(tier, LOWER_SCAN)
        rest -= single
        if not rest or len(lost) < 2:
            return
        yield slack + everything - lost[0] - lost[1], []
        # All but two: the pairs of missing clauses, cheapest first.
        pairs = sorted(combinations(known, 2), key=lambda pair: gains[pair[0]] + gains[pair[1]])
        double: set[int] = set()
        for pair in pairs:
            self._check()
            others = [maps[m][0] for m in known if m not in pair]
            tier = rest.intersection(*others) if others else set(rest)
            tier -= maps[pair[0]][0] | maps[pair[1]][0]
            double |= tier
            yield slack + everything - gains[pair[0]] - gains[pair[1]], self._cap(tier, LOWER_SCAN)
        rest -= double
        if not rest or len(lost) < 3:
            return
        yield slack + everything - lost[0] - lost[1] - lost[2], []
        for value, members in self._by_value(rest, known):  # rarely needed: a loop
            self._check()
            yield slack + value, self._cap(members, LOWER_SCAN)

    def _by_value(self, passages: set[int], known: list[int]) -> list[tuple[float, list[int]]]:
        """``passages`` grouped by the score of the known clauses they have, best first.

        A map that was read whole has each passage's best match quality. Each
        group is in passage order.
        """
        maps, factors = self.maps, self.factors
        values = dict.fromkeys(passages, 0.0)
        for n in known:
            found, inexact = maps[n]
            gain = FOUND + factors[n]
            for passage in found & passages:
                values[passage] += gain
            for passage in inexact.keys() & passages:
                values[passage] -= factors[n] * (1.0 - inexact[passage])
        groups: dict[float, list[int]] = {}
        for passage, value in values.items():
            groups.setdefault(value, []).append(passage)
        return [(value, sorted(groups[value])) for value in sorted(groups, reverse=True)]

    def _cap(self, members: Iterable[int], most: int) -> list[int]:
        """A tier's passages, at most ``most`` of them (the first by passage number)."""
        chosen = list(members)
        if len(chosen) > most:
            chosen = heapq.nsmallest(most, chosen)
            self.capped = True
        return chosen

    def _best_first(self, tiers: Iterator[tuple[float, list[int]]], limit: int) -> list[Ranked]:
        """The best ``limit`` passages of the tiers by full score, ties in article order.

        A heap holds each passage under an upper bound of its score (from its word
        ids, :meth:`_refine`), then under its full score: a full score leaves the
        heap as a result only when nothing left (in the heap or in a lower tier)
        can exceed or tie it, so results come out in their final order.
        """
        tie = self.index.tie_key
        heap: list[tuple[float, int, tuple[int, int], int]] = []
        found: dict[int, set[int]] = {}
        ranked: list[Ranked] = []
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
                if len(tier[1]) <= SCORE_AT_ONCE:  # cheaper than a bound, then the score
                    for passage in tier[1]:
                        result = self._full(passage)
                        if result is not None:
                            found[passage] = result[1]
                            heapq.heappush(heap, (-result[0], 1, tie(passage), passage))
                else:
                    for passage, value in self._refine(tier[1]):
                        heapq.heappush(heap, (-value, 0, tie(passage), passage))
                tier = next(tiers, None)
                continue
            value, kind, key, passage = heapq.heappop(heap)
            if kind:
                ranked.append((passage, -value, found.pop(passage)))
                continue
            result = self._full(passage)
            if result is not None:
                found[passage] = result[1]
                heapq.heappush(heap, (-result[0], 1, key, passage))
        return ranked

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
        """Each passage with an upper bound of its full score, from its word ids.

        Every clause is checked (very common words included) with its best match
        quality; without phrases, the consecutive query clauses side by side are
        counted exactly, as :meth:`_full` does. Passages missing a hard clause are
        left out.
        """
        clauses = self.compiled.clauses
        lookup, wanted, factors = self.lookup, self.wanted, self.factors
        phrases = {number for number, _, _ in self.phrases}
        pairs = max(len(clauses) - 1, 1)
        for passage in passages:
            tokens = self._tokens(passage)
            best = [1.0 if number in phrases else 0.0 for number in range(len(clauses))]
            present: list[list[int]] = [[] for _ in clauses]
            for tid in wanted.intersection(tokens):
                for number, quality, anchored in lookup[tid]:
                    if not anchored or tokens[0] == tid:
                        present[number].append(tid)
                        if quality > best[number]:
                            best[number] = quality
            if any(c.hard and not q for c, q in zip(clauses, best)):
                continue
            if not any(best):
                continue
            score = sum(FOUND + f * q for f, q in zip(factors, best) if q) + EPSILON
            if phrases or len(clauses) < 2:
                yield passage, score + BONUS
            else:
                adjacent = 0
                raw = tokens.tobytes()
                for left, right in zip(present, present[1:]):
                    if any(self._side_by_side(raw, a, b) for a in left for b in right):
                        adjacent += 1
                yield passage, score + ADJACENT * adjacent / pairs + BONUS - ADJACENT

    def _side_by_side(self, raw: bytes, first: int, second: int) -> bool:
        """Whether word id ``second`` directly follows ``first`` in the packed ids ``raw``."""
        needle = self.pair_bytes.get((first, second))
        if needle is None:
            needle = self.pair_bytes[(first, second)] = array("I", (first, second)).tobytes()
        at = raw.find(needle)
        while at >= 0 and at % 4:
            at = raw.find(needle, at + 1)
        return at >= 0

    def _size(self, clause: CompiledClause) -> int:
        """Upper bound of the passages a clause can match."""
        postings = self.index.postings
        total = 0
        for option in clause.options:
            total += sum(len(postings[t]) for t in option.terms)
            if option.phrase:
                total += min(len(postings[t]) for t in option.phrase)
        return total

    def _exclude(self, candidates: set[int]) -> None:
        postings = self.index.postings
        for tid in self.compiled.excluded:
            candidates.difference_update(postings[tid])
        for phrase in self.compiled.excluded_phrases:
            suspects = set(candidates)
            for tid in phrase:
                suspects.intersection_update(postings[tid])
            wanted = array("I", phrase)
            for passage in suspects:
                if self._phrase_at(self._tokens(passage), wanted, False):
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
    def _phrase_at(tokens: array[int], phrase: array[int], anchored: bool) -> list[int]:
        """Start positions of ``phrase`` in ``tokens`` (only 0 when ``anchored``)."""
        found: list[int] = []
        size, first, position = len(phrase), phrase[0], -1
        while True:
            try:
                position = tokens.index(first, position + 1)
            except ValueError:
                return found
            if anchored and position:
                return found
            if tokens[position : position + size] == phrase:
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
        clauses = self.compiled.clauses
        tokens = self._tokens(passage)
        found: list[list[tuple[int, int, float]]] = [[] for _ in clauses]
        get = self.lookup.get
        for position, tid in enumerate(tokens):
            entries = get(tid)
            if entries is not None:
                for number, quality, anchored in entries:
                    if not anchored or position == 0:
                        found[number].append((position, position, quality))
        for number, phrase, anchored in self.phrases:
            for start in self._phrase_at(tokens, phrase, anchored):
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
            return 0.0, set()
        if not matched:
            return None
        score += SHORT * 20.0 / (20.0 + len(tokens))
        if len(clauses) > 1 and len(matched) > 1:
            score += self._arrangement(found, matched, len(clauses))
        where = {i for number in matched for s, e, _ in found[number] for i in range(s, e + 1)}
        return score, where

    @staticmethod
    def _arrangement(
        found: list[list[tuple[int, int, float]]], matched: list[int], n: int
    ) -> float:
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

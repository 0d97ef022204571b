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
from collections import Counter
from collections.abc import Sequence
from itertools import chain, islice
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
MIN_CANDIDATES, CANDIDATES_SQRT, MAX_CANDIDATES = 50, 0.45, 250
"""Step 2 re-scores this many stage-1 candidates: ``CANDIDATES_SQRT`` times the square
root of the number of passages, within these bounds (big corpora have more ties)."""
STAGE2_MAX = 20
"""At most this many (plus ``limit``) candidates get the full stage-2 score."""
LOWER_TIERS = 3
"""Passages missing some clause are re-scored only up to this many times ``limit``."""
FILTER_RATIO = 8
"""When one clause fills the budget, the next one (up to this many times the budget)
is still read, but only where the first one matches."""
TIER_SCAN = 5_000
"""Tiers larger than this are ranked from a sample of their inexact matches."""
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
        scored in full: no posting list is read.
        """
        clauses = self.compiled.clauses
        if not limit:
            candidates = self.index.live_passages() if allowed is None else set(allowed)
            self._exclude(candidates)
            return self._rank(sorted(candidates), {}, 0)
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
            else:
                within = maps[drivers[0]][0]
                maps[-1 - number] = self._clause_map(clauses[-1 - number], budget, within)
        if not maps:
            order = self._first(self._candidates(allowed), MIN_CANDIDATES + limit)
            return self._rank(order, dict.fromkeys(order, math.inf), limit)

        def keep(group: set[int]) -> set[int]:
            if allowed is not None:
                group &= allowed
            self._exclude(group)
            return group

        scaled = int(CANDIDATES_SQRT * math.sqrt(self.index.live))
        wanted = max(MIN_CANDIDATES, 4 * limit, min(MAX_CANDIDATES, scaled))
        numbers = list(maps)
        found_sets = [maps[i][0] for i in numbers]
        everywhere = keep(found_sets[0].intersection(*found_sets[1:]))
        coarse: dict[int, float] = {}
        order = self._tier(everywhere, numbers, coarse, wanted)
        if len(order) < wanted and len(maps) > 1:
            room = max(LOWER_TIERS * limit, wanted - len(order))
            target = len(order) + room
            missing = sorted(
                (self.factors[n], skip) for skip, n in enumerate(numbers) if not clauses[n].hard
            )
            for _, skip in missing:
                others = found_sets[:skip] + found_sets[skip + 1 :]
                group = others[0].intersection(*others[1:])
                group = keep(group - everywhere)
                present = numbers[:skip] + numbers[skip + 1 :]
                order += self._tier(group, present, coarse, target - len(order))
                if len(order) >= target:
                    break
            if not order:
                candidates = self._candidates(allowed)
                counts = Counter[int]()
                for found in found_sets:
                    counts.update(found)
                tie = self.index.tie_key
                order = sorted(candidates, key=lambda p: (-counts[p], tie(p)))[:room]
                for passage in order:
                    coarse[passage] = FOUND * counts[passage]
        order = self._refine(order, coarse)[: STAGE2_MAX + limit]
        return self._rank(order, coarse, limit)

    def _first(self, passages: set[int], count: int) -> list[int]:
        """The first ``count`` of ``passages`` in article order."""
        if self.index.ordered:
            return sorted(passages)[:count]
        return heapq.nsmallest(count, passages, key=self.index.tie_key)

    def _candidates(self, allowed: set[int] | None) -> set[int]:
        """Every passage that can match: all hard clauses, any driver clause, allowed."""
        clauses, maps = self.compiled.clauses, self.maps
        hard = sorted((maps[i][0] for i in maps if clauses[i].hard), key=len)
        if hard:
            candidates = hard[0].intersection(*hard[1:])
        elif maps:
            candidates = set().union(*(found for found, _ in maps.values()))
        elif clauses:
            candidates = set()
        else:
            candidates = self.index.live_passages() if allowed is None else set(allowed)
        if allowed is not None:
            candidates &= allowed
        self._exclude(candidates)
        return candidates

    def _tier(
        self, members: set[int], present: list[int], coarse: dict[int, float], room: int
    ) -> list[int]:
        """The best ``room`` of ``members``, which all match exactly the clauses ``present``."""
        if room <= 0 or not members:
            return []
        base = FOUND * len(present) + sum(self.factors[i] for i in present)
        tainted = set().union(*(self.maps[n][1].keys() & members for n in present))
        if len(members) - len(tainted) >= room:
            chosen = list(islice(members - tainted if tainted else members, room))
            coarse.update(dict.fromkeys(chosen, base))
            return chosen
        if len(members) > TIER_SCAN:
            members = set(islice(members - tainted, room)) | set(islice(tainted, TIER_SCAN))
        scores = dict.fromkeys(members, base)
        for number in present:
            inexact = self.maps[number][1]
            factor = self.factors[number]
            for passage in inexact.keys() & members:
                scores[passage] -= factor * (1.0 - inexact[passage])
        coarse.update(scores)
        if len(scores) > room:
            return [p for p, _ in heapq.nlargest(room, scores.items(), key=itemgetter(1))]
        return sorted(scores, key=scores.__getitem__, reverse=True)

    def _refine(self, order: list[int], coarse: dict[int, float]) -> list[int]:
        """Re-score candidates on every clause from their word ids, with adjacent pairs.

        ``coarse`` becomes an upper bound of the full score (phrases counted as
        found): without phrases, the consecutive query clauses side by side are
        counted exactly, as stage 2 does. Candidates are returned best bound first.
        """
        clauses = self.compiled.clauses
        lookup, wanted, factors = self.lookup, self.wanted, self.factors
        phrases = {number for number, _, _ in self.phrases}
        pairs = max(len(clauses) - 1, 1)
        kept: list[int] = []
        for passage in order:
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
            score = sum(FOUND + f * q for f, q in zip(factors, best) if q)
            if phrases or len(clauses) < 2:
                coarse[passage] = score + BONUS
            else:
                adjacent = 0
                raw = tokens.tobytes()
                for left, right in zip(present, present[1:]):
                    if any(self._side_by_side(raw, a, b) for a in left for b in right):
                        adjacent += 1
                coarse[passage] = score + ADJACENT * adjacent / pairs + BONUS - ADJACENT
            kept.append(passage)
        tie = self.index.tie_key
        kept.sort(key=lambda p: (-coarse[p], tie(p)))
        return kept

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

    def _rank(self, order: list[int], coarse: dict[int, float], limit: int) -> list[Ranked]:
        best: list[float] = []
        ranked: list[Ranked] = []
        for count, passage in enumerate(order):
            if count % 64 == 0:
                self._check()
            if limit and len(best) >= limit and coarse[passage] < best[0]:
                break
            result = self._full(passage)
            if result is None:
                continue
            ranked.append((passage, result[0], result[1]))
            if limit:
                if len(best) < limit:
                    heapq.heappush(best, result[0])
                elif result[0] > best[0]:
                    heapq.heapreplace(best, result[0])
        tie = self.index.tie_key
        ranked.sort(key=lambda item: (-item[1], tie(item[0])))
        if limit:
            return ranked[:limit]
        if ranked:
            most = max(int(score // FOUND) for _, score, _ in ranked)
            ranked = [r for r in ranked if int(r[1] // FOUND) == most]
        return ranked

    def _full(self, passage: int) -> tuple[float, set[int]] | None:
        """Full score of a passage and its matched positions; ``None`` if it fails a filter."""
        clauses = self.compiled.clauses
        tokens = self._tokens(passage)
        found: list[list[tuple[int, int, float]]] = [[] for _ in clauses]
        lookup = self.lookup
        for tid in self.wanted.intersection(tokens):
            positions = [tokens.index(tid)]
            for _ in range(tokens.count(tid) - 1):
                positions.append(tokens.index(tid, positions[-1] + 1))
            for number, quality, anchored in lookup[tid]:
                for position in positions:
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

"""Candidate passages for the ranker, in tiers of decreasing best possible score.

The rarest clauses' posting lists (the *drivers*, within a budget) are read into
sets; every passage in one of them is a candidate. Candidates are grouped by the
clauses known to be in them, so that the ranker (:mod:`tui.core.search.ranking`)
scores a lower tier only when its bound says it may hold the next result. The
candidates never depend on the number of results asked for.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections.abc import Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import Protocol

from tui.core.search.compile import ClauseMap, Compiled, CompiledClause, posting_length
from tui.core.search.weights import BONUS, EPSILON, FOUND

FILTER_RATIO = 8
"""When one clause fills the budget, the next one (up to this many times the budget)
is still read, but only where the first one matches."""
TIER_SCAN = 1_000
"""Candidates kept from the passages with every known clause: the best by match quality."""
LOWER_SCAN = 50
"""Candidates kept from each lower tier (the first by passage number)."""
VALUE_SCAN = 4_000
"""Passages with the same number of known clauses that are ranked by which ones they have."""
DRIVER_BUDGET = 12_000
"""Stage 1 reads the posting lists of the rarest clauses up to about this many entries..."""
DRIVER_BUDGET_SQRT = 40
"""... or this many times the square root of the number of passages, if more: larger
corpora have more near-ties, which more exact stage-1 tiers resolve."""


class TierIndex(Protocol):
    """What the tiers read of an index."""

    @property
    def postings(self) -> Sequence[array[int]]:
        """The sorted passage numbers of each word id."""

    @property
    def live(self) -> int:
        """Number of passages indexed."""


class Tiers:
    """The driver clauses of one query and its candidates in tiers (a base of the scorer)."""

    index: TierIndex
    compiled: Compiled
    cancel: threading.Event | None
    factors: list[float]

    def _init_tiers(self) -> None:
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

    def _check(self) -> None:
        raise NotImplementedError

    def _exclude(self, candidates: set[int]) -> None:
        raise NotImplementedError

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
        length = posting_length(postings)
        exact: set[int] = set()
        inexact: dict[float, set[int]] = {}
        words: dict[float, list[int]] = {}
        for option in clause.options:
            if option.phrase:
                lists = sorted((postings[t] for t in option.phrase), key=len)
                common = set(lists[0])
                for other in lists[1:]:
                    common.intersection_update(other)
                exact |= common
            for tid, quality in option.terms.items():
                words.setdefault(quality, []).append(tid)
        budget = cap - len(exact)
        levels: dict[float, list[array[int]]] = {}
        for quality in sorted(words, reverse=True):
            kept = levels[quality] = []
            for tid in sorted(words[quality], key=length):  # only the lists kept are read
                if budget <= 0:
                    break
                passages = postings[tid]
                kept.append(passages if len(passages) <= budget else passages[:budget])
                budget -= len(passages)
        for quality in sorted(levels, reverse=True):  # each passage under its best quality
            if quality >= 1.0:
                for passages in levels[quality]:
                    exact.update(passages)
            elif levels[quality]:
                some = set(chain.from_iterable(levels[quality]))
                some -= exact
                if some:
                    inexact[quality] = some
                    exact |= some
        return exact, inexact

    def _clause_within(self, clause: CompiledClause, within: set[int]) -> ClauseMap:
        """:meth:`_clause_map` restricted to the passages ``within``."""
        postings = self.index.postings
        exact: set[int] = set()
        inexact: dict[float, set[int]] = {}
        for option in clause.options:
            if option.phrase:
                common = set(within)
                for tid in option.phrase:
                    common.intersection_update(postings[tid])
                exact |= common
        terms = [pair for option in clause.options for pair in option.terms.items()]
        for tid, quality in sorted(terms, key=itemgetter(1), reverse=True):  # best first
            found = within.intersection(postings[tid])
            if quality < 1.0:
                found -= exact
                if not found:
                    continue
                inexact.setdefault(quality, set()).update(found)
            exact |= found
        return exact, inexact

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
        # The clause read within the first driver is known too: every candidate is in
        # that driver's map, where the clause was looked for in full.
        known = [n for n in sorted(maps) if n not in self.cut]
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
        if len(top) == len(union):
            return
        # Below, a passage lacks some known clause: a bound first, so the set operations
        # that split them are done only when the ranking gets this far.
        best_gains = sorted(gains.values(), reverse=True)
        yield slack + sum(best_gains[: len(known) - 1]), []
        rest = union - top
        # By how many known clauses a passage has (set operations), then within
        # each count by the clauses it has and their match quality.
        by_count: dict[int, list[int]] = {}
        for count, part in self._partition(rest, known):
            by_count.setdefault(count, []).extend(part)
        for count in sorted(by_count, reverse=True):
            self._check()
            yield slack + sum(best_gains[:count]), []  # computed only if needed
            members = by_count[count]
            if len(members) > VALUE_SCAN:  # the first by passage number: a C-level sort of
                # distinct ints, where heapq.nsmallest compares thousands in Python
                members = sorted(members)[:VALUE_SCAN]
                self.capped = True
            for value, group in self._by_value(set(members), known):
                yield slack + value, self._cap(group, LOWER_SCAN)

    def _by_value(self, passages: set[int], known: list[int]) -> list[tuple[float, list[int]]]:
        """``passages`` grouped by the score of the known clauses they have, best first.

        A map that was read whole has each passage's best match quality. Each
        group is in passage order.
        """
        maps, factors = self.maps, self.factors
        groups: list[tuple[float, set[int]]] = [(0.0, passages)] if passages else []
        for n in known:
            found, inexact = maps[n]
            gain = FOUND + factors[n]
            split: list[tuple[float, set[int]]] = []
            for value, members in groups:
                inside = members & found
                if len(inside) < len(members):
                    split.append((value, members - inside))
                for quality, some in inexact.items() if inside else ():
                    low = inside & some
                    if low:
                        inside -= low
                        split.append((value + gain - factors[n] * (1.0 - quality), low))
                if inside:
                    split.append((value + gain, inside))
            groups = split
        merged: dict[float, list[int]] = {}
        for value, members in groups:
            merged.setdefault(value, []).extend(members)
        return [(value, sorted(merged[value])) for value in sorted(merged, reverse=True)]

    def _partition(self, passages: set[int], known: list[int]) -> list[tuple[int, set[int]]]:
        """``passages`` split by how many of the known clauses' maps hold them (set operations
        in C, one split per map, instead of a count per passage)."""
        groups: list[tuple[int, set[int]]] = [(0, passages)] if passages else []
        for n in known:
            found = self.maps[n][0]
            split: list[tuple[int, set[int]]] = []
            for count, members in groups:
                inside = members & found
                if len(inside) < len(members):
                    split.append((count, members - inside))
                if inside:
                    split.append((count + 1, inside))
            groups = split
        return groups

    def _cap(self, members: list[int], most: int) -> list[int]:
        """A tier's passages (in passage order), at most ``most`` of them: the first."""
        if len(members) > most:
            self.capped = True
            return members[:most]
        return members

    def _size(self, clause: CompiledClause) -> int:
        """Upper bound of the passages a clause can match."""
        length = posting_length(self.index.postings)
        total = 0
        for option in clause.options:
            total += sum(map(length, option.terms))
            if option.phrase:
                total += min(map(length, option.phrase))
        return total

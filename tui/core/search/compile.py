"""A parsed query resolved against one index's vocabulary: ids, match qualities, weights.

:func:`compile_query` turns each clause of a :class:`~tui.core.search.query.Query` into
the vocabulary ids it matches (exact > other forms > prefix > typos, see
:meth:`~tui.core.search.vocab.Vocabulary.match`) and an idf weight; the weakest matches
count no more than their own word's rarity allows (:func:`_by_rarity`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence, Sized
from dataclasses import dataclass, field

from tui.core.ragged import Ragged
from tui.core.search.query import AnyOf, Phrase, Query, Word
from tui.core.search.vocab import PREFIX_MIN, PREFIX_MIN_LAST, Vocabulary

ClauseMap = tuple[set[int], dict[float, set[int]]]
"""Passages matching a clause, and those among them matched only inexactly, by their best
quality (< 1)."""


@dataclass(slots=True)
class Alternative:
    """One way a clause can match: a word (several vocabulary ids) or a phrase."""

    terms: dict[int, float]
    phrase: tuple[int, ...] | None = None
    anchored: bool = False
    hard: bool = False
    at_end: bool = False


@dataclass(slots=True)
class CompiledClause:
    """A clause with its alternatives and its idf weight."""

    options: list[Alternative]
    weight: float = 1.0
    hard: bool = False


@dataclass(slots=True)
class Compiled:
    """A query resolved against one index."""

    clauses: list[CompiledClause]
    excluded: set[int] = field(default_factory=set)
    """Words that leave a passage out wherever they stand."""
    excluded_phrases: list[tuple[tuple[int, ...], bool, bool]] = field(default_factory=list)
    """Phrases (or anchored words) that leave a passage out: ids, at the start, at the end."""


def posting_length(postings: Sequence[Sized]) -> Callable[[int], int]:
    """How many passages each word id has in ``postings``, without copying its list
    (a :class:`~tui.core.ragged.Ragged` row would be copied to take its length)."""
    if type(postings) is Ragged:
        starts = postings.starts
        return lambda tid: starts[tid + 1] - starts[tid]
    return lambda tid: len(postings[tid])


def compile_query(
    vocab: Vocabulary,
    postings: Sequence[Sized],
    passages: int,
    query: Query,
    prefix_last: bool,
    keep: Callable[[int], bool] | None = None,
) -> Compiled | None:
    """Resolve words to vocabulary ids; ``None`` when a required clause cannot match.

    ``postings[id]`` holds the passages of word ``id`` (its length gives the
    idf) among ``passages`` in all. With ``keep``, the words it rejects are
    treated as unknown (words of removed articles, left in an updated vocabulary).
    """
    total = max(passages, 1)
    length = posting_length(postings)
    clauses: list[CompiledClause] = []
    for number, clause in enumerate(query.clauses):
        last = prefix_last and number == len(query.clauses) - 1
        options = clause.options if isinstance(clause, AnyOf) else (clause,)
        alternatives: list[Alternative] = []
        frequency = 0
        for option in options:
            if isinstance(option, Word):
                shortest = PREFIX_MIN_LAST if last else PREFIX_MIN
                prefix = not option.exact and len(option.key) >= shortest
                terms = vocab.match(option.key, exact=option.exact, prefix=prefix)
                if keep is not None:
                    terms = {t: q for t, q in terms.items() if keep(t)}
                terms = _by_rarity(terms, length, total)
                hard = option.exact or option.anchored or option.at_end
                alternatives.append(Alternative(terms, None, option.anchored, hard, option.at_end))
                if terms:
                    best = max(terms.values())
                    frequency += max(length(t) for t, q in terms.items() if q == best)
            else:
                ids = tuple(vocab.ids.get(k, -1) for k in option.keys)
                if -1 in ids or (keep is not None and not all(map(keep, ids))):
                    ids = ()
                alternatives.append(Alternative({}, ids, option.anchored, True, option.at_end))
                if ids:
                    frequency += min(map(length, ids))
        hard = all(a.hard for a in alternatives)
        if hard and not any(a.terms or a.phrase for a in alternatives):
            return None
        frequency = min(frequency, total)
        weight = _idf(frequency, total)
        clauses.append(CompiledClause(alternatives, weight, hard))
    compiled = Compiled(clauses)
    for term in query.excluded:
        if isinstance(term, Word) and not (term.anchored or term.at_end):
            tid = vocab.ids.get(term.key)
            if tid is not None:
                compiled.excluded.add(tid)
        else:
            words = (term.key,) if isinstance(term, Word) else term.keys
            ids = tuple(vocab.ids.get(k, -1) for k in words)
            if -1 not in ids:
                compiled.excluded_phrases.append((ids, term.anchored, term.at_end))
    return compiled


RARITY_BELOW = 0.6
"""Matches of lower quality than this (typos and their forms) count only as much as
their own word's rarity allows (:func:`_by_rarity`)."""


def _idf(frequency: int, total: int) -> float:
    return math.log(1.0 + (total - frequency + 0.5) / (frequency + 0.5))


def _by_rarity(
    terms: dict[int, float], length: Callable[[int], int], total: int
) -> dict[int, float]:
    """``terms`` with each weak match's quality scaled by its word's idf over the clause's.

    A clause weighs as much as its best match's word is rare; a passage that has only a
    far commoner word among the weakest matches ("be", a form of "beings", for "brings")
    is weaker evidence, so a match below :data:`RARITY_BELOW` counts at most in proportion
    to its own word's idf. The quality is rounded down to a twentieth (and kept at least
    that), so that a clause keeps few quality levels. ``terms`` itself is not changed.
    """
    weak = [tid for tid, quality in terms.items() if quality < RARITY_BELOW]
    if not weak:
        return terms
    best = max(terms.values())
    frequency = max(length(t) for t, q in terms.items() if q == best)
    clause = _idf(min(frequency, total), total)
    scaled = dict(terms)
    for tid in weak:
        quality = terms[tid]
        if quality < best:
            share = _idf(min(length(tid), total), total) / clause
            if share < 1.0:
                scaled[tid] = max(0.05, math.floor(quality * share * 20.0) / 20.0)
    return scaled


def unmatched(query: Query, compiled: Compiled) -> tuple[str, ...]:
    """The clauses of ``query`` that matched no word of the vocabulary, as the user wrote
    them (a phrase in quotes, alternatives joined by ``|``)."""
    missing = []
    for clause, resolved in zip(query.clauses, compiled.clauses):
        if any(option.terms or option.phrase for option in resolved.options):
            continue
        options = clause.options if isinstance(clause, AnyOf) else (clause,)
        missing.append(" | ".join(_written(option) for option in options))
    return tuple(missing)


def _written(term: Word | Phrase) -> str:
    return term.key if isinstance(term, Word) else '"' + " ".join(term.keys) + '"'

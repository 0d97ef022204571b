"""The ranking is exact and does not depend on the limit (property tests on a made-up corpus).

For every query and limits k <= K, the first k hits of ``limit=k`` are the first k of
``limit=K``; and when the ranker cut no tier, the hits are exactly the best passages by
full score over *every* passage (brute force), ties in article order.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.models import Article
from tui.core.search import SearchIndex, parse_query, ranking, tiers
from tui.core.search.compile import Compiled, compile_query
from tui.core.search.ranking import Scorer

# Words with shared prefixes, one-typo neighbours and very common ones, so that
# queries give ties, prefix and typo matches and passages matching only some words.
T = TypeVar("T")

WORDS = (
    "the of and to in said rates rate ration interest interim inter bank banks blank "
    "ceasefire ceasfire cease talks tales tails minister ministry monster election "
    "elections selection tony blair blare vote votes voted"
).split()


def _corpus(seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for number in range(12):
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14)))
            for _ in range(rng.randint(1, 4))
        ]
        text, spans = "", []
        for paragraph in paragraphs:
            if text:
                text += "\n\n"
            spans.append((len(text), len(text) + len(paragraph)))
            text += paragraph
        articles.append(
            Article(id=f"a{number}", path=f"a{number}.txt", text=text, title="t", passages=spans)
        )
    return articles


INDEXES = [SearchIndex.build(_corpus(seed)) for seed in range(3)]

word = st.sampled_from(WORDS)
typed = st.one_of(
    word,
    word.map(lambda w: w[: max(2, len(w) - 2)]),  # a prefix
    word.map(lambda w: w[:2] + w[3:] if len(w) > 4 else w),  # a letter left out
    word.map(lambda w: "'" + w),
    word.map(lambda w: "!" + w),
    word.map(lambda w: "^" + w),
    word.map(lambda w: w + "$"),
    word.map(lambda w: "!^" + w),
    word.map(lambda w: "!" + w + "$"),
    st.tuples(word, word).map(lambda pair: '"{} {}"'.format(*pair)),
    st.tuples(word, word).map(lambda pair: "{} | {}".format(*pair)),
)
queries = st.lists(typed, min_size=1, max_size=5).map(" ".join)


def _compiled(index: SearchIndex, query: str, prefix_last: bool) -> Compiled | None:
    """``query`` resolved against ``index``, as its search does."""
    return compile_query(index.vocab, index.postings, index.live, parse_query(query), prefix_last)


def _brute_force(index: SearchIndex, query: str, prefix_last: bool) -> list[tuple[int, float]]:
    """Every passage's full score, best first, ties in article order."""
    compiled = _compiled(index, query, prefix_last)
    if compiled is None:
        return []
    scorer = Scorer(index, compiled, None)
    candidates = set(range(index.passages))
    scorer._exclude(candidates)
    scored = []
    for passage in candidates:
        result = scorer._full(passage)
        if result is not None:
            scored.append((passage, result[0]))
    scored.sort(key=lambda item: (-item[1], index.tie_key(item[0])))
    return scored


def _both_ways(search: Callable[[], T]) -> tuple[T, T]:
    """``search()`` with small tiers scored at once (as usual) and with bounds first."""
    at_once = ranking.SCORE_AT_ONCE
    try:
        first = search()
        ranking.SCORE_AT_ONCE = 0
        return first, search()
    finally:
        ranking.SCORE_AT_ONCE = at_once


def _global(index: SearchIndex, hits: list) -> list[tuple[int, float]]:  # type: ignore[type-arg]
    return [(index.article_first[h.article] + h.passage, h.score) for h in hits]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), queries, st.integers(1, 12), st.integers(0, 30))
def test_first_k_do_not_depend_on_the_limit(which: int, query: str, k: int, more: int) -> None:
    index = INDEXES[which]
    for small, large in zip(
        _both_ways(lambda: index.search(query, k, prefix_last=False)),
        _both_ways(lambda: index.search(query, k + more, prefix_last=False)),
    ):
        assert small == large[:k]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), queries, st.integers(1, 40), st.booleans())
def test_hits_are_the_best_passages_of_all(
    which: int, query: str, limit: int, prefix_last: bool
) -> None:
    index = INDEXES[which]
    best = _brute_force(index, query, prefix_last)[:limit]
    for found in _both_ways(lambda: index.search(query, limit, prefix_last=prefix_last)):
        hits = _global(index, found)
        assert [p for p, _ in hits] == [p for p, _ in best]
        assert [round(s, 9) for _, s in hits] == [round(s, 9) for _, s in best]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), queries)
def test_the_count_is_the_number_of_matching_passages(which: int, query: str) -> None:
    index = INDEXES[which]
    found = index.find(query, 5, prefix_last=False)
    assert found.total >= len(found.hits)
    if found.exact:
        assert found.total == len(_brute_force(index, query, False))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), queries, st.booleans())
def test_the_cheap_bound_is_never_below_the_full_score(
    which: int, query: str, prefix_last: bool
) -> None:
    # The ranker trusts it whenever some clause's postings were not read (large corpora):
    # a bound below a score would put a worse passage first.
    index = INDEXES[which]
    compiled = _compiled(index, query, prefix_last)
    if compiled is None or not compiled.clauses:
        return
    scorer = Scorer(index, compiled, None)
    for passage in range(index.passages):
        full = scorer._full(passage)
        bound = scorer.bounds.bound(scorer._tokens(passage))
        if full is not None:
            assert bound is not None and bound >= full[0]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), queries, st.booleans())
def test_the_refined_bound_is_never_below_the_full_score(
    which: int, query: str, prefix_last: bool
) -> None:
    # The bound that counts adjacency, query order and brevity as the full score does:
    # it decides which passages get a full score, so it must never fall below one.
    index = INDEXES[which]
    compiled = _compiled(index, query, prefix_last)
    if compiled is None or not compiled.clauses:
        return
    scorer = Scorer(index, compiled, None)
    refined = dict(scorer._refine(range(index.passages)))
    for passage in range(index.passages):
        full = scorer._full(passage)
        if full is not None:
            assert passage in refined and refined[passage] >= full[0]


plain = st.one_of(word, word.map(lambda w: w[: max(2, len(w) - 2)]), word.map(lambda w: w[1:]))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), st.lists(plain, min_size=2, max_size=6), st.booleans())
def test_marked_ids_score_and_bound_as_the_general_path(
    which: int, words: list[str], prefix_last: bool
) -> None:
    # Queries whose word ids each belong to one clause, without anchors or phrases, are
    # scored and bounded from the passage's ids marked one byte each: the same numbers,
    # the same matched positions, as the general path that handles every query.
    index = INDEXES[which]
    compiled = _compiled(index, " ".join(words), prefix_last)
    if compiled is None:
        return
    scorer = Scorer(index, compiled, None)
    if scorer.marked is None:
        return
    passages = range(index.passages)
    marked = [scorer._full(p) for p in passages], list(scorer._refine(passages))
    scorer.marked = None
    assert marked == ([scorer._full(p) for p in passages], list(scorer._refine(passages)))


def _candidates(index: SearchIndex, query: str, prefix_last: bool) -> set[int] | None:
    """Every passage the tiers offer for ``query``; ``None`` when a tier was capped
    or there are no tiers (a query of exclusions only lists passages in order)."""
    compiled = _compiled(index, query, prefix_last)
    if compiled is None:
        return set()
    if not compiled.clauses:
        return None
    scorer = Scorer(index, compiled, None)
    scorer._read_drivers()
    offered = {passage for _, members in scorer._tiers(None) for passage in members}
    return None if scorer.capped else offered


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(range(len(INDEXES))),
    queries,
    st.integers(1, 20),
    st.integers(1, 40),
    st.booleans(),
)
def test_with_small_budgets_the_hits_are_the_best_candidates(
    which: int, query: str, limit: int, budget: int, prefix_last: bool
) -> None:
    # A budget this small leaves clauses unread, cut or read only within the first
    # driver (as on large corpora): the tiers and bounds must still give exactly the
    # best of the candidates by full score.
    index = INDEXES[which]
    saved = tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT
    try:
        tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT = budget, 0
        offered = _candidates(index, query, prefix_last)
        if offered is None:
            return
        best = [item for item in _brute_force(index, query, prefix_last) if item[0] in offered]
        for found in _both_ways(lambda: index.search(query, limit, prefix_last=prefix_last)):
            hits = _global(index, found)
            assert [p for p, _ in hits] == [p for p, _ in best[:limit]]
            assert [round(s, 9) for _, s in hits] == [round(s, 9) for _, s in best[:limit]]
    finally:
        tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT = saved


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), queries, st.integers(1, 40), st.booleans())
def test_a_tier_bound_is_never_below_the_full_score_of_its_passages(
    which: int, query: str, budget: int, prefix_last: bool
) -> None:
    # Each passage waits on the heap under its tier's bound (with its own brevity) until
    # it comes up: a bound below its score would let a worse passage out first.
    index = INDEXES[which]
    compiled = _compiled(index, query, prefix_last)
    if compiled is None or not compiled.clauses:
        return
    saved = tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT
    try:
        tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT = budget, 0
        scorer = Scorer(index, compiled, None)
        scorer._read_drivers()
        for bound, members in scorer._tiers(None):
            for passage, value in scorer._within_tier(bound, members):
                full = scorer._full(passage)
                assert full is None or value >= full[0]
    finally:
        tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT = saved


# Ids whose packed bytes also appear across the boundary of two neighbours (0x01000000
# then 0 holds the bytes of 1 at an odd offset): a byte search must skip those.
_ID_BYTES = st.sampled_from([0, 1, 2, 0x100, 0x10000, 0x1000000, 0x1000001, 0x10001])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ID_BYTES, min_size=1, max_size=12), st.data())
def test_first_and_last_positions_are_those_of_whole_ids(
    tokens: list[int], data: st.DataObject
) -> None:
    from array import array

    tid = data.draw(st.sampled_from(tokens))
    scorer = Scorer(INDEXES[0], Compiled([]), None)
    where = [i for i, t in enumerate(tokens) if t == tid]
    assert scorer._first_last(array("I", tokens).tobytes(), tid) == (where[0], where[-1])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ID_BYTES, min_size=1, max_size=12),
    st.lists(_ID_BYTES, min_size=1, max_size=4),
    st.lists(_ID_BYTES, min_size=1, max_size=4),
)
def test_two_clauses_are_adjacent_when_an_id_of_one_directly_follows_an_id_of_the_other(
    tokens: list[int], left: list[int], right: list[int]
) -> None:
    from array import array

    packed = array("I", tokens)
    scorer = Scorer(INDEXES[0], Compiled([]), None)
    pairs = set(zip(tokens, tokens[1:]))
    expected = any((a, b) in pairs for a in left for b in right)
    assert scorer._adjacent(packed.tobytes(), packed, left, right) == expected


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(INDEXES))), queries, st.integers(1, 40), st.integers(1, 3))
def test_a_capped_lower_tier_keeps_its_first_passages_in_order(
    which: int, query: str, budget: int, most: int
) -> None:
    # A lower tier too large to score keeps a fixed share: its first passages by number,
    # in order, the same ones whatever the limit (they are the candidates).
    index = INDEXES[which]
    compiled = _compiled(index, query, True)
    if compiled is None or not compiled.clauses:
        return

    def offered() -> tuple[list[tuple[float, list[int]]], bool]:
        scorer = Scorer(index, compiled, None)
        scorer._read_drivers()
        return list(scorer._tiers(None)), scorer.capped

    saved = tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT, tiers.LOWER_SCAN
    try:
        tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT = budget, 0
        whole, _ = offered()
        tiers.LOWER_SCAN = most
        capped, cut = offered()
    finally:
        tiers.DRIVER_BUDGET, tiers.DRIVER_BUDGET_SQRT, tiers.LOWER_SCAN = saved
    assert [bound for bound, _ in capped] == [bound for bound, _ in whole]
    assert cut == any(len(a) > len(b) for (_, a), (_, b) in zip(whole, capped))
    for number, ((_, members), (_, kept)) in enumerate(zip(whole, capped)):
        if number and len(members) > most and len(kept) < len(members):
            assert kept == sorted(members)[:most]

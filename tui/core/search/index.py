"""Passage search over a corpus: typo-tolerant, prefix-aware, fzf-like syntax.

Design (measured with ``benchmarks/search_bench.py``; copied to the README):

* Index, built once per corpus. Every passage is stored as a run of word ids in
  one flat store (a forward index: positions are implicit) and every word id has
  a sorted row of the passages containing it, all rows in one flat store with
  start offsets. Both stores keep each number in 3 bytes (``tui.core.packed``;
  4 past 16.7M words or passages) and give ``array('I')`` slices: at 1,039,308
  passages 370 MB instead of 477 MB of ``array('I')``, the index held in 491 MB
  of RSS instead of 605. Flat stores keep a million passages within the memory
  goal, where per-token Python objects would not fit. Character spans are not
  stored: the few hits returned are re-tokenised with the same regular
  expression, which yields the same token sequence, so positions map back to
  exact offsets.
* Words are matched against the *vocabulary*, never the text (``vocab.py``):
  exact by a hash table in one array, prefixes by bisect over the sorted words, typos by a
  deletion neighbourhood (SymSpell-style) of each word's first 6 letters,
  verified with rapidfuzz ``OSA`` (restricted Damerau: a swap costs 1). On BBC
  a typo look-up takes 0.09 ms against 1.3-2.3 ms for a rapidfuzz scan of the
  length buckets (75 ns a word, which grows with the vocabulary); ``OSA`` is
  5x faster than rapidfuzz's ``DamerauLevenshtein`` and equal to it up to edits
  overlapping a swap. No embedded engine (SQLite FTS5, tantivy) was
  benchmarked: FTS5 has no typo tolerance, and the custom index keeps the
  typo-by-length rule exact with no dependency beyond rapidfuzz.
* Word families (``stems.py``): every word has a Snowball English stem (PyStemmer);
  a query word also matches the words of its stem, and of the stems of its
  one-typo matches, below the exact form (on BBC, changed-form queries went from
  hit@1 0.84 / 0.72 to 1.00 / 0.97 on the even / odd halves).
* Ranking (``tiers.py``, ``ranking.py``). Posting lists of the rarest clauses (about
  max(12k, 40 * sqrt(passages)) entries in all) give the candidates, in tiers by
  the clauses known to be in them: all, then fewer (split by set operations), then
  by which ones and their match quality. Each tier has an upper bound of its scores,
  and missing a clause costs more than every bonus, so a lower tier is read only when
  it may hold the next result. A tier's passages get a cheap bound from the set of
  their word ids (``bounds.py``: every clause, with its best quality), then one that
  counts adjacent clauses, then the full score (proximity window, query order,
  phrases and anchors, shorter passages slightly ahead), best bound first from one
  heap: a score is a result only when nothing left can exceed or tie it. The cheap
  bound matters when common query words were not read as postings: the tiers do
  not know which passages have them, and before it every passage of a reached tier
  was scored in full (1,316 full scores for one 13-word pasted query at 131k
  passages; 63 with it). So the results are exactly the best candidates in
  order (ties in article order) and the first k are the same for every limit; the
  candidates never depend on the limit. Tiers beyond a cap (1,000 for the first,
  50 below, 4,000 ranked by quality per clause count) keep a fixed share (the
  scorer's ``capped``): only there may a passage left out outscore the last result.
  The count of matches is exact when every clause's postings were read whole and
  no phrase or anchor needs checking; else it is the candidates' count, shown "+".
"""

from __future__ import annotations

import logging
import operator
import threading
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, islice, repeat
from typing import Any

from tui.core.heap import give_back
from tui.core.models import Article, Span
from tui.core.packed import Packed, join_settled, settled
from tui.core.ragged import Ragged
from tui.core.search.compile import compile_query, unmatched
from tui.core.search.hits import SearchCancelled, SearchHit, SearchResult
from tui.core.search.query import SYNTAX_HELP, Query, parse_query
from tui.core.search.ranking import Scorer, Stop
from tui.core.search.scopes import allowed_passages
from tui.core.search.vocab import Vocabulary, passage_ids
from tui.core.text import TOKEN_RE, fold, keys

_log = logging.getLogger(__name__)

DEAD = 0xFFFFFFFF
"""``passage_article`` of a dead passage."""

__all__ = [
    "DEAD",
    "SYNTAX_HELP",
    "SearchCancelled",
    "SearchHit",
    "SearchIndex",
    "SearchResult",
    "parse_query",
]


class SearchIndex:
    """An in-memory passage index; build it with :meth:`build`."""

    def __init__(self, articles: Sequence[Article]) -> None:
        """An empty index over ``articles``; use :meth:`build` instead."""
        self.articles = articles
        self.vocab = Vocabulary()
        self.tokens: Packed | array[int] | memoryview = Packed(bytearray())
        """The word ids of every passage, one after another, 3 bytes each (``tui.core.packed``)."""
        self.offsets = array("q", [0])
        self.passage_article = array("I")
        """Article number of each passage; :data:`DEAD` for a passage no longer indexed."""
        self.passage_index = array("I")
        """Position of each passage in its article's ``passages``."""
        self.article_first = array("q")
        """Number of each article's first passage: its passages are numbered
        ``article_first[a]`` to ``article_first[a] + len(articles[a].passages) - 1``."""
        self.dead = 0
        """Passages left in the numbering by an incremental update (:mod:`tui.core.search.update`):
        in no posting list, never a candidate; ``passage_article`` marks them :data:`DEAD`."""
        self.ordered = True
        """Whether passage numbers follow article order (false after an incremental update)."""
        self.postings: Sequence[array[int]] = Ragged(array("I"), array("Q", [0]))
        self.title_postings: dict[int, Sequence[int]] = {}
        """The article numbers whose title has each word id, in order (arrays)."""
        self.speakers: dict[str, tuple[tuple[str, ...], list[int]]] = {}
        self.folders = one_each(fold(a.folder).strip("/") for a in articles)
        """Each article's folded folder (articles of one folder share one string)."""
        self.failures = 0
        """Searches that failed inside (a bug, logged): they answered ``[]`` instead of raising."""

    STATE = (
        "article_first",
        "dead",
        "folders",
        "offsets",
        "ordered",
        "passage_article",
        "passage_index",
        "postings",
        "speakers",
        "title_postings",
        "tokens",
    )
    """The fields in :meth:`state` (besides the vocabulary): all but the articles."""

    def state(self) -> dict[str, Any]:
        """The index's data: ``{"fields": {name: value}, "vocab": Vocabulary.state()}``.

        Values are shared, not copied; :meth:`from_state` makes the index again.
        """
        return {
            "fields": {name: getattr(self, name) for name in self.STATE},
            "vocab": self.vocab.state(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], articles: Sequence[Article]) -> SearchIndex:
        """The index over ``articles`` saved by :meth:`state`.

        Raises ``ValueError`` when the shapes do not fit (see :meth:`check_state`).
        """
        cls.check_state(state)
        fields = state["fields"]
        if len(fields["article_first"]) != len(articles):
            raise ValueError("index articles shape")
        index = cls.__new__(cls)  # the one place that sets the fields from outside __init__
        index.articles = articles
        index.vocab = Vocabulary.from_state(state["vocab"])
        for name in cls.STATE:
            setattr(index, name, fields[name])
        index.folders = one_each(index.folders)
        index.failures = 0
        return index

    @classmethod
    def check_state(cls, state: dict[str, Any], counts: Sequence[int] | None = None) -> None:
        """Raise ``ValueError`` unless ``state`` is an index state, of articles of ``counts``
        passages each when given."""
        fields, vocab = state["fields"], state["vocab"]
        if tuple(sorted(fields)) != cls.STATE:
            raise ValueError("index fields differ")
        Vocabulary.check_state(vocab)
        if len(fields["postings"]) != Vocabulary.count(vocab):
            raise ValueError("vocabulary shape")
        passages = len(fields["passage_article"])
        first, dead = fields["article_first"], fields["dead"]
        if (
            type(dead) is not int
            or not 0 <= dead <= passages
            or type(fields["ordered"]) is not bool
        ):
            raise ValueError("index dead passages")
        if len(fields["offsets"]) != passages + 1 or fields["offsets"][-1] != len(fields["tokens"]):
            raise ValueError("index passages shape")
        if len(fields["passage_index"]) != passages or len(fields["folders"]) != len(first):
            raise ValueError("index shape")
        if counts is None:
            return
        if len(first) != len(counts) or sum(counts) + dead != passages:
            raise ValueError("index articles shape")
        if counts and (min(first) < 0 or max(map(operator.add, first, counts)) > passages):
            raise ValueError("index articles outside the passages")

    @property
    def passages(self) -> int:
        """Number of passage numbers in use, dead ones included."""
        return len(self.passage_article)

    @property
    def live(self) -> int:
        """Number of passages indexed (the dead ones left out)."""
        return len(self.passage_article) - self.dead

    def article_passages(self, article: int) -> range:
        """The passage numbers of article number ``article``."""
        first = self.article_first[article]
        return range(first, first + len(self.articles[article].passages))

    def live_passages(self) -> set[int]:
        """Every live passage number."""
        if not self.dead:
            return set(range(self.passages))
        found: set[int] = set()
        for number in range(len(self.articles)):
            found.update(self.article_passages(number))
        return found

    def tie_key(self, passage: int) -> tuple[int, int]:
        """Article order of a passage, which breaks score ties as a full build would."""
        return self.passage_article[passage], self.passage_index[passage]

    @classmethod
    def build(
        cls,
        articles: Sequence[Article],
        *,
        cancel: threading.Event | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> SearchIndex:
        """Index every passage of ``articles``; report ``progress(done, total)``.

        Raises :class:`SearchCancelled` soon after ``cancel`` is set.
        """
        index = cls(articles)
        vocab = index.vocab
        raw_ids: dict[str, int] = {}
        postings: list[array[int]] = []
        tokens, offsets = Packed(bytearray()), index.offsets
        passage_article, passage_index = index.passage_article, index.passage_index
        titles: dict[int, array[int]] = {}
        total = len(articles)
        passage = 0
        for number, article in enumerate(articles):
            if number % 128 == 0:
                if cancel is not None and cancel.is_set():
                    raise SearchCancelled
                if progress is not None:
                    progress(number, total)
            text = article.text
            index.article_first.append(passage)
            held = len(tokens)
            batch = array("I")  # the article's word ids: packed once, not per passage
            for start, end in article.passages:
                ids = passage_ids(text, start, end, raw_ids, vocab)
                if ids and max(ids) >= len(postings):  # new words: their rows
                    postings.extend(array("I") for _ in range(len(vocab.terms) - len(postings)))
                for tid in set(ids):
                    postings[tid].append(passage)
                passage += 1
                batch.extend(ids)
                offsets.append(held + len(batch))
            try:
                tokens.extend(batch)
            except OverflowError:  # more than 16.7M words: 4 bytes each from now on
                tokens = tokens.widened()
                tokens.extend(batch)
            count = len(article.passages)
            passage_article.extend(repeat(number, count))
            passage_index.extend(range(count))
            for key in set(keys(article.title)):
                tid = vocab.add(key)
                row = titles.get(tid)
                if row is None:
                    row = titles[tid] = array("I")
                row.append(number)
        while len(postings) < len(vocab.terms):
            postings.append(array("I"))
        index.tokens = settled(tokens)
        del tokens
        index.title_postings = dict(titles.items())
        lengths = [len(p) for p in postings]
        vocab.freeze(lengths)
        starts = array("Q", accumulate(lengths, initial=0))
        index.postings = Ragged(join_settled(postings, passage), starts)
        del postings, raw_ids, lengths
        give_back()  # the freed rows' pages, else held as if the index still used them
        if progress is not None:
            progress(total, total)
        return index

    def set_speakers(self, speakers: Sequence[Sequence[tuple[int, int, str]]]) -> None:
        """Record, per article, its quotations ``(start, end, speaker)`` for ``speaker:``."""
        table: dict[str, tuple[tuple[str, ...], list[int]]] = {}
        for number, quotes in enumerate(speakers[: len(self.articles)]):
            article = self.articles[number]
            first = self.article_first[number]
            for start, end, name in quotes:
                name_key = " ".join(keys(name))
                if not name_key:
                    continue
                entry = table.setdefault(name_key, (tuple(name_key.split()), []))
                for position, (p_start, p_end) in enumerate(article.passages):
                    if p_start < end and start < p_end:
                        entry[1].append(first + position)
        self.speakers = table

    def search(
        self,
        query: str,
        limit: int = 10,
        *,
        prefix_last: bool = True,
        cancel: threading.Event | None = None,
    ) -> list[SearchHit]:
        """The best ``limit`` passages for ``query``, best first (:meth:`find`'s hits)."""
        return self.find(query, limit, prefix_last=prefix_last, cancel=cancel).hits

    def find(
        self,
        query: str,
        limit: int = 10,
        *,
        prefix_last: bool = True,
        cancel: threading.Event | None = None,
    ) -> SearchResult:
        """The best ``limit`` passages for ``query``, best first, and how many match.

        The first k hits are the same for every ``limit`` of at least k. Never
        raises on the query text; answers no hits when ``cancel`` gets set. A
        failure inside (a bug) is logged, counted in :attr:`failures` and answers
        no hits.
        """
        try:
            return self._search(parse_query(query), limit, prefix_last, cancel, None)
        except Stop:
            return SearchResult([], 0, False)
        except Exception:  # a bug must not take the interface down with it
            self.failures += 1
            _log.exception("search failed for %r", query[:200])
            return SearchResult([], 0, False)

    def search_article(
        self,
        article: int,
        query: str,
        within: range | None = None,
        cancel: threading.Event | None = None,
    ) -> list[SearchHit]:
        """Passages of one article matching ``query``, in passage order.

        Same matching rules as :meth:`search`; the passages kept are those that
        match the most query clauses (all of them when any passage does). With
        ``within`` only those of the article's passages (numbered from 0) are searched.
        Returns ``[]`` when ``cancel`` gets set.
        """
        if not 0 <= article < len(self.articles):
            return []
        try:
            hits = self._search(parse_query(query), 0, True, cancel, article, within).hits
        except Stop:
            return []
        except Exception:  # a bug must not take the interface down with it
            self.failures += 1
            _log.exception("in-article search failed for %r", query[:200])
            return []
        return sorted(hits, key=lambda hit: hit.passage)

    # -- internals ---------------------------------------------------------------

    def _search(
        self,
        query: Query,
        limit: int,
        prefix_last: bool,
        cancel: threading.Event | None,
        only: int | None,
        within: range | None = None,
    ) -> SearchResult:
        none = SearchResult([], 0, True)
        if query.empty or (limit <= 0 and only is None):
            return none
        keep = self._known if self.dead else None
        compiled = compile_query(self.vocab, self.postings, self.live, query, prefix_last, keep)
        if compiled is None:
            return none
        allowed = allowed_passages(self, query.scopes)
        if only is not None:
            span = self.article_passages(only)
            if within is not None:
                span = span[within.start : within.stop]
            allowed = set(span) if allowed is None else allowed & set(span)
        scorer = Scorer(self, compiled, cancel)
        ranked = scorer.run(allowed, limit if only is None else 0)
        hits = [self._hit(passage, score, matched) for passage, score, matched in ranked]
        exact = scorer.counted and not any(
            option.phrase or option.anchored or option.at_end
            for c in compiled.clauses
            for option in c.options
        )
        return SearchResult(hits, max(scorer.total, len(hits)), exact, unmatched(query, compiled))

    def _known(self, tid: int) -> bool:
        """Whether word ``tid`` is still in some passage or title (not only in removed ones)."""
        postings = self.postings
        if type(postings) is Ragged:
            used = postings.starts[tid + 1] > postings.starts[tid]
        else:
            used = bool(len(postings[tid]))
        return used or tid in self.title_postings

    def _hit(self, passage: int, score: float, matched: set[int]) -> SearchHit:
        number = self.passage_article[passage]
        article = self.articles[number]
        position = self.passage_index[passage]
        start, end = article.passages[position]
        spans: tuple[Span, ...] = ()
        if matched:
            wanted = sorted(matched)
            tokens = list(islice(TOKEN_RE.finditer(article.text, start, end), wanted[-1] + 1))
            spans = tuple(tokens[i].span() for i in wanted if i < len(tokens))
        return SearchHit(number, position, start, end, score, spans)


def one_each(values: Iterable[str]) -> list[str]:
    """``values`` as a list in which equal strings are one object (a folder per article)."""
    seen: dict[str, str] = {}
    return [seen.setdefault(value, value) for value in values]

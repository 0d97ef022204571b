"""Incremental update of a cached search index after a few files changed.

A full :meth:`SearchIndex.build` re-tokenises every passage (35-45 s at 100k
articles). When only a few articles were added, removed or changed, the cached
index is updated instead:

* Passages of unchanged articles keep their numbers. Passages of removed (and
  of changed) articles become *dead*: their numbers stay taken, their words stay
  in ``tokens``, but they are cut out of every posting list (two bisects per
  dead article and word: the rows are sorted) and ``passage_article`` marks them
  :data:`~tui.core.search.index.DEAD`. No search can reach them: candidates come from
  posting lists or from the passages of live articles (``article_first``).
* Passages of new (and changed) articles are tokenised as ``build`` does and
  appended with new numbers, larger than every old one, so each posting list
  stays sorted by appending. Posting rows are copied segment by segment
  (C-level copies of slices, packed as the build packs them: no loop over the postings).
* Vocabulary ids never change: new words get new ids and are added to the
  frozen matching structures (:meth:`Vocabulary.extend`); words found only in
  removed articles stay, with no posting and no title, and queries treat them
  as unknown (``SearchIndex._known``), as a full build would.
* The article list stays sorted by ``sort_key``, so article numbers change:
  ``passage_article``, ``article_first``, ``folders`` and ``title_postings`` are
  remapped. Unchanged articles keep their relative order, so remapped rows stay
  sorted. Speakers are dropped (``finish_quotes`` sets them again), as after a build.

Posting lists hold only live passages and the idf counts only live passages, so
scores equal those of a full build; score ties are broken by article order
(``SearchIndex.tie_key``). What may still differ on very large corpora: the
samples taken when a clause or a tier exceeds its budget prefer low passage
numbers, and appended passages have high ones.

When dead passages would exceed :data:`MAX_DEAD` of all numbers, :func:`update_index`
returns ``None`` and the caller builds the index afresh (which drops them).
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

from tui.core.models import Article
from tui.core.packed import WIDE, Packed, settled
from tui.core.ragged import Ragged, raw
from tui.core.search.index import DEAD, SearchCancelled, SearchIndex
from tui.core.search.vocab import Vocabulary, passage_ids
from tui.core.text import fold, keys

__all__ = ["MAX_DEAD", "update_index"]

_Fresh = tuple["array[int]", "array[int]", dict[int, int]]
"""The new passages' article numbers and positions, and each new article's first passage."""

MAX_DEAD = 0.25
"""Above this share of dead passages, the index is rebuilt rather than updated."""


def update_index(
    old: SearchIndex,
    articles: Sequence[Article],
    kept: Sequence[int],
    cancel: threading.Event | None = None,
) -> SearchIndex | None:
    """The index of ``articles`` made from ``old``, or ``None`` when a rebuild is better.

    ``old`` indexes the previous article list (``old.articles``) and is used up.
    ``kept[n]`` is the previous number of article ``n`` of ``articles`` when it is
    unchanged, else -1 (read anew). Raises :class:`SearchCancelled`.
    """
    previous = len(old.articles)
    new_of = [-1] * previous
    for number, slot in enumerate(kept):
        if slot >= 0:
            new_of[slot] = number
    removed = [slot for slot in range(previous) if new_of[slot] < 0]
    dying = sum(len(old.articles[slot].passages) for slot in removed)
    adding = sum(len(a.passages) for a, slot in zip(articles, kept) if slot < 0)
    total = old.passages + adding
    if old.dead + dying > MAX_DEAD * total:
        return None
    _check(cancel)
    cuts = _dead_cuts(old, removed)
    vocab = old.vocab
    terms_before = len(vocab.terms)
    tokens, offsets, rows, titles, fresh = _tokenise(old, vocab, articles, kept, cancel)
    _check(cancel)
    postings, touched = _merge(old.postings, cuts, rows, len(vocab.terms), total)
    df = _copy("I", vocab.frequencies)
    starts = postings.starts
    for tid in touched:
        df[tid] = starts[tid + 1] - starts[tid]
    df.extend(starts[tid + 1] - starts[tid] for tid in range(terms_before, len(vocab.terms)))
    vocab.extend(terms_before, df)
    passage_article = array("I", map(_remap(new_of).__getitem__, old.passage_article))
    passage_article.extend(fresh[0])
    passage_index = _copy("I", old.passage_index)
    passage_index.extend(fresh[1])
    appended = [n for n, slot in enumerate(kept) if slot < 0]
    last_kept = max((n for n, slot in enumerate(kept) if slot >= 0), default=-1)
    fields = {
        "article_first": array(
            "q",
            (old.article_first[slot] if slot >= 0 else fresh[2][n] for n, slot in enumerate(kept)),
        ),
        "dead": old.dead + dying,
        "folders": [
            old.folders[slot] if slot >= 0 else fold(article.folder).strip("/")
            for article, slot in zip(articles, kept)
        ],
        "offsets": offsets,
        "ordered": old.ordered and (not appended or appended[0] > last_kept),
        "passage_article": passage_article,
        "passage_index": passage_index,
        "postings": postings,
        "speakers": {},
        "title_postings": _titles(old.title_postings, new_of, titles),
        "tokens": tokens,
    }
    return SearchIndex.from_state({"fields": fields, "vocab": vocab.state()}, articles)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise SearchCancelled


def _copy(typecode: str, values: Any) -> array[int]:
    """A new array of ``values`` (an array or a typed memoryview), copied at C level."""
    copied = array(typecode)
    copied.frombytes(raw(values))
    return copied


def _remap(new_of: list[int]) -> dict[int, int]:
    """Old article number to new one; removed ones and :data:`DEAD` to :data:`DEAD`."""
    table = {old: (new if new >= 0 else DEAD) for old, new in enumerate(new_of)}
    table[DEAD] = DEAD
    return table


def _dead_cuts(old: SearchIndex, removed: Iterable[int]) -> dict[int, list[tuple[int, int]]]:
    """Per word id, the passage ranges of removed articles that contain it."""
    cuts: dict[int, list[tuple[int, int]]] = {}
    tokens, offsets = old.tokens, old.offsets
    for slot in removed:
        first = old.article_first[slot]
        last = first + len(old.articles[slot].passages)
        if first == last:
            continue
        for tid in set(tokens[offsets[first] : offsets[last]]):
            cuts.setdefault(tid, []).append((first, last))
    return cuts


def _tokenise(
    old: SearchIndex,
    vocab: Vocabulary,
    articles: Sequence[Article],
    kept: Sequence[int],
    cancel: threading.Event | None,
) -> tuple[Packed | array[int], array[int], dict[int, array[int]], dict[int, list[int]], _Fresh]:
    """Append the passages of the new articles to the tokens, as ``build`` does.

    Returns the tokens and offsets, the new postings per word id, the new title
    postings, and the new passages' article numbers, positions, and each new
    article's first passage.
    """
    tokens = old.tokens.copy() if type(old.tokens) is Packed else Packed.of(old.tokens)
    offsets = _copy("q", old.offsets)
    raw_ids: dict[str, int] = {}
    rows: dict[int, array[int]] = {}
    titles: dict[int, list[int]] = {}
    owners, positions = array("I"), array("I")
    firsts: dict[int, int] = {}
    passage = old.passages
    for number, article in enumerate(articles):
        if kept[number] >= 0:
            continue
        if len(firsts) % 128 == 0:
            _check(cancel)
        firsts[number] = passage
        text = article.text
        for position, (start, end) in enumerate(article.passages):
            ids = passage_ids(text, start, end, raw_ids, vocab)
            for tid in set(ids):
                row = rows.get(tid)
                if row is None:
                    row = rows[tid] = array("I")
                row.append(passage)
            try:
                tokens.extend(ids)
            except OverflowError:  # more than 16.7M words: 4 bytes each from now on
                tokens = tokens.widened()
                tokens.extend(ids)
            offsets.append(len(tokens))
            owners.append(number)
            positions.append(position)
            passage += 1
        for key in set(keys(article.title)):
            titles.setdefault(vocab.add(key), []).append(number)
    return settled(tokens), offsets, rows, titles, (owners, positions, firsts)


def _merge(
    postings: Sequence[array[int]],
    cuts: dict[int, list[tuple[int, int]]],
    rows: dict[int, array[int]],
    terms: int,
    passages: int,
) -> tuple[Ragged, list[int]]:
    """The posting lists without the ``cuts`` ranges, with ``rows`` appended, ``terms`` rows,
    packed as ``build`` packs them for ``passages`` passage numbers.

    Returns them and the old word ids whose row changed.
    """
    if type(postings) is Ragged:
        flat_old, starts_old = postings.flat, postings.starts
    else:  # pragma: no cover - build and the cache always give a Ragged
        joined = Ragged.join(postings)
        flat_old, starts_old = joined.flat, joined.starts
    before = len(starts_old) - 1
    touched = sorted({tid for tid in cuts} | {tid for tid in rows if tid < before})
    flat = Packed(bytearray(), 3 if passages <= WIDE + 1 else 4)
    starts = array("Q", [0])
    done = 0  # rows before this one are copied
    for tid in touched + [before]:
        # Rows done..tid-1 are unchanged: one copy, their ends shifted.
        low, high = starts_old[done], starts_old[tid]
        shift = len(flat) - low
        if shift:
            starts.extend(end + shift for end in starts_old[done + 1 : tid + 1])
        else:
            starts.frombytes(raw(starts_old[done + 1 : tid + 1]))
        flat.extend(flat_old[low:high])
        if tid == before:
            break
        at, end = starts_old[tid], starts_old[tid + 1]
        for dead_low, dead_high in sorted(cuts.get(tid, ())):
            cut = bisect_left(flat_old, dead_low, at, end)
            flat.extend(flat_old[at:cut])
            at = bisect_left(flat_old, dead_high, cut, end)
        flat.extend(flat_old[at:end])
        added = rows.get(tid)
        if added is not None:
            flat.extend(added)
        starts.append(len(flat))
        done = tid + 1
    for tid in range(before, terms):
        added = rows.get(tid)
        if added is not None:
            flat.extend(added)
        starts.append(len(flat))
    return Ragged(settled(flat), starts), touched


def _titles(
    old: dict[int, Sequence[int]], new_of: list[int], added: dict[int, list[int]]
) -> dict[int, Sequence[int]]:
    """The title postings renumbered (removed articles dropped), with the new titles merged."""
    titles: dict[int, list[int]] = {}
    for tid, numbers in old.items():
        mapped = [new_of[number] for number in numbers]
        if -1 in mapped:
            mapped = [number for number in mapped if number >= 0]
        if mapped:
            titles[tid] = mapped
    for tid, numbers in added.items():
        found = titles.get(tid)
        if found is None:
            titles[tid] = numbers
        else:
            found.extend(numbers)
            found.sort()
    return {tid: array("I", numbers) for tid, numbers in titles.items()}

"""The vocabulary of a search index and word matching.

:meth:`Vocabulary.match` gives the words a query word matches, each with a quality
(exact > other form of the word > prefix > form of a kin stem > 1 typo > 2 typos);
:mod:`tui.core.search.compile` resolves whole queries with it.

A query word is matched against the distinct words of the corpus (never
against the text), which keeps typo tolerance cheap: exact by hash table
look-up, prefixes by a range of the sorted vocabulary (bisect), typos by a
deletion neighbourhood (SymSpell-style) of word *prefixes*, verified with
rapidfuzz's restricted Damerau-Levenshtein distance (``OSA``: a swap of two
adjacent letters costs 1).

Deletion index: words are grouped by their first :data:`KEY_PREFIX` letters;
each group's prefix is stored under itself and every string obtained by deleting
one or two of its letters. Two words within 2 edits have prefixes that meet
after at most 2 deletions on each side (each edit, including the shift it
causes at the end of the window, costs at most one deletion per side), so the
look-up is exact; the window keeps the index small (about 5 keys per word).
Measured on BBC (29.5k words), prefix window 5 / 6 / 7: 0.28 / 0.50 / 1.0 s to
build, 0.34 / 0.09 / 0.03 ms per typo look-up, against 1.3-2.3 ms for a
rapidfuzz scan of the length buckets (75 ns a word): 6 balances the two.

The deletion index is one sorted array of 64-bit entries, ``crc32(key) << 32 |
group``, and the groups are one flat array of word ids with start offsets: no
Python object per key, so a cached index is usable as soon as its arrays are
read (a dict of the 1.1M keys of 100k articles took 0.9 s to rebuild and about
200 MB). A CRC collision only adds a group whose words the OSA check rejects.

The words themselves are one UTF-8 blob with offsets (:mod:`tui.core.search.wordlist`),
in id order, and their sorted order is an array of ids: an exact look-up is a
bisect over it, not a dict (the strings, lists and dict took 29 MB at 1,039,308
passages; the blob and offsets 3 MB). Words added since the last :meth:`freeze` or
:meth:`extend` wait in a dict until the next one.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations, filterfalse
from typing import Any, TypeVar, overload
from zlib import crc32

from rapidfuzz import process
from rapidfuzz.distance import OSA

from tui.core.names import max_typos
from tui.core.ragged import raw
from tui.core.search.stems import STEM_MIN, Families, stem
from tui.core.search.wordlist import Sorted, WordList, WordTable, encode
from tui.core.text import TOKEN_RE, word_key

EXACT = 1.0
"""Quality of an exact match."""
PREFIX = 0.8
"""Quality of a match of the start of a longer word."""
TYPO = (1.0, 0.65, 0.4)
"""Quality of a match with 0, 1 or 2 typos."""
STEM = 0.85
"""Quality of another form of the word (same stem); times this for a typo's forms."""
KIN = 0.7
"""Quality of a form whose stem is kin to the word's (:meth:`Families.kin`: "programming"
for "programme"): below a prefix, above a typo."""
_FAMILY = "stems."
"""Prefix of the word families' names in :meth:`Vocabulary.state`."""
_BLOB, _ENDS, _TABLE = "words.blob", "words.ends", "words.table"
"""The names of the words' UTF-8 blob, offsets and hash table in :meth:`Vocabulary.state`."""
MAX_PREFIX_TERMS = 500
"""A prefix matching more words keeps only the most frequent ones."""
PREFIX_MIN, PREFIX_MIN_LAST = 3, 2
"""Shortest query word matched as a prefix (any word / the word being typed)."""
KEY_PREFIX = 6
"""Letters of a word that the deletion index keys on."""
HEADS_KEPT = 32
"""Deletion look-ups kept (:attr:`Vocabulary._heads`): a few hundred words each on BBC x10."""


class Vocabulary:
    """Distinct index keys with ids, plus the structures that match query words."""

    __slots__ = (
        "_words",
        "_table",
        "_new",
        "_added",
        "_sorted_ids",
        "_deletes",
        "_group_ids",
        "_group_starts",
        "_cache",
        "_heads",
        "_df",
        "_families",
    )

    def __init__(self) -> None:
        self._words = WordList()
        """The words of ids ``0 .. len - 1`` as of the last :meth:`freeze` or :meth:`extend`."""
        self._table = WordTable()
        """Exact look-up of :attr:`_words` (word to id)."""
        self._new: dict[str, int] = {}
        """Words added since then, with their ids (the following ones)."""
        self._added: list[str] = []
        """The same words, in id order."""
        self._sorted_ids: array[int] = array("I")
        """The ids of :attr:`_words` in the words' sorted order."""
        self._deletes: array[int] = array("Q")
        """Sorted ``crc32(deletion key) << 32 | group number`` entries."""
        self._group_ids: array[int] = array("I")
        """Word ids of every group, group after group."""
        self._group_starts: array[int] = array("I", [0])
        """Where each group starts in ``_group_ids`` (one more entry than groups)."""
        self._cache: OrderedDict[tuple[str, bool, bool], dict[int, float]] = OrderedDict()
        self._heads: OrderedDict[tuple[str, int], tuple[list[int], list[str]]] = OrderedDict()
        """The typo candidates (ids and words) of the latest deletion look-ups, by the key's
        first letters and depth: the keystrokes that extend a word share them."""
        self._df: array[int] = array("I")
        self._families = Families()
        """The words sharing a stem (:mod:`tui.core.search.stems`)."""

    STATE = tuple(
        sorted(
            [
                "_deletes",
                "_df",
                "_group_ids",
                "_group_starts",
                "_sorted_ids",
                _BLOB,
                _ENDS,
                _TABLE,
                *(_FAMILY + name for name in Families.STATE),
            ]
        )
    )
    """The names in :meth:`state`: every slot but the look-up cache and the words waiting."""

    def state(self) -> dict[str, object]:
        """The vocabulary's data by name (see :meth:`from_state`); shared, not copied.

        Only of a frozen vocabulary: ``RuntimeError`` when words wait for :meth:`extend`.
        """
        if self._added:
            raise RuntimeError("words added since the last freeze or extend")
        state: dict[str, object] = {
            name: getattr(self, name)
            for name in self.STATE
            if not name.startswith(_FAMILY) and name not in (_BLOB, _ENDS, _TABLE)
        }
        state[_BLOB], state[_ENDS] = self._words.blob, self._words.ends
        state[_TABLE] = self._table.slots
        for name, value in self._families.state().items():
            state[_FAMILY + name] = value
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Vocabulary:
        """The vocabulary saved by :meth:`state`; ``ValueError`` when the shapes do not fit."""
        cls.check_state(state)
        vocab = cls.__new__(cls)
        for name, value in state.items():
            if not name.startswith(_FAMILY) and name not in (_BLOB, _ENDS, _TABLE):
                setattr(vocab, name, value)
        vocab._words = WordList(state[_BLOB], state[_ENDS])
        vocab._table = WordTable(state[_TABLE])
        vocab._new, vocab._added = {}, []
        vocab._families = Families.from_state(_family_state(state))
        vocab._cache, vocab._heads = OrderedDict(), OrderedDict()
        return vocab

    @staticmethod
    def count(state: dict[str, Any]) -> int:
        """The number of words of a :meth:`state`."""
        return len(state[_ENDS]) - 1

    @classmethod
    def check_state(cls, state: dict[str, Any]) -> None:
        """Raise ``ValueError`` unless ``state`` has the names and shapes of a :meth:`state`."""
        if tuple(sorted(state)) != cls.STATE:
            raise ValueError("vocabulary fields differ")
        blob, ends = state[_BLOB], state[_ENDS]
        if type(blob) is not bytes or len(ends) < 1 or ends[0] != 0 or ends[-1] != len(blob):
            raise ValueError("vocabulary words shape")
        terms = cls.count(state)
        WordTable.check(state[_TABLE], terms)
        if not all(len(state[name]) == terms for name in ("_df", "_sorted_ids")):
            raise ValueError("vocabulary shape")
        if len(state["_group_starts"]) < 1:
            raise ValueError("vocabulary groups shape")
        Families.check_state(_family_state(state), terms)

    @property
    def ids(self) -> WordIds:
        """Word to id, for look-ups: ``vocab.ids.get(word, -1)``."""
        return WordIds(self)

    @property
    def terms(self) -> Terms:
        """Id to word: ``vocab.terms[tid]``, ``len(vocab.terms)``."""
        return Terms(self)

    def _id(self, key: str) -> int:
        """The id of ``key``, or -1."""
        found = self._new.get(key)
        if found is not None or len(self._words.ends) == 1:  # a build: every word is new
            return -1 if found is None else found
        return self._table.find(self._words, key)

    def _term(self, tid: int) -> str:
        """The word of id ``tid`` (``IndexError`` when there is none)."""
        frozen = len(self._words)
        if 0 <= tid < frozen:
            return self._words[tid]
        if tid < 0:
            raise IndexError("word id out of range")
        return self._added[tid - frozen]

    def _count(self) -> int:
        return len(self._words) + len(self._added)

    def _terms_of(self, ids: Sequence[int]) -> list[str]:
        """The words of ``ids`` (all below the count): thousands per typo look-up at 1M."""
        if not self._added:
            blob, ends = self._words.blob, self._words.ends
            try:
                return [blob[ends[t] : ends[t + 1]].decode("utf-8", "surrogatepass") for t in ids]
            except UnicodeDecodeError:  # a damaged table: each word on its own, never raising
                pass
        return [self._term(tid) for tid in ids]

    @property
    def frequencies(self) -> array[int]:
        """How many passages hold each word id (set by :meth:`freeze` and :meth:`extend`)."""
        return self._df

    def add(self, key: str) -> int:
        """The id of ``key``, adding it when new."""
        found = self._id(key)
        if found < 0:
            found = self._new[key] = self._count()
            self._added.append(key)
        return found

    def freeze(self, df: list[int]) -> None:
        """Build the matching structures once all words are added; ``df`` ranks prefixes."""
        terms = [*self._words, *self._added]
        self._df = array("I", df)
        # Sorted as strings: the same order as their UTF-8 bytes (wordlist.py).
        self._sorted_ids = array("I", sorted(range(len(terms)), key=terms.__getitem__))
        groups: dict[str, list[int]] = {}
        for tid, term in enumerate(terms):
            if len(term) >= 3:
                groups.setdefault(term[:KEY_PREFIX], []).append(tid)
        entries: list[int] = []
        add = entries.append
        starts = array("I", [0])
        ids = array("I")
        for number, (head, members) in enumerate(groups.items()):
            for variant in _neighbourhood(head, 2 if len(head) >= KEY_PREFIX else 1):
                add(_key(variant) | number)
            ids.extend(members)
            starts.append(len(ids))
        entries.sort()
        self._deletes = array("Q", entries)
        self._group_ids = ids
        self._group_starts = starts
        self._families = Families.build(terms)
        self._words = WordList.of(terms)
        self._table = WordTable.of(self._words)
        self._new, self._added = {}, []
        self._cache.clear()
        self._heads.clear()

    def extend(self, known: int, df: array[int]) -> None:
        """Add the words from id ``known`` on to the frozen structures, without a re-freeze.

        For an incremental update: the sorted words get the new ones inserted
        (C-level slice copies), and the new words form new deletion groups, even
        when a group with the same prefix exists (a look-up gathers every group
        of a key, so the words found are the same as after :meth:`freeze`).
        ``df`` replaces the word frequencies.
        """
        if known != len(self._words):
            raise ValueError("extend from the first word added since the last freeze")
        self._df = df
        added = self._added
        keys = Sorted(self._words, self._sorted_ids)
        ids = array("I")
        old_ids = self._sorted_ids
        at = 0
        for number in sorted(range(len(added)), key=added.__getitem__):
            cut = bisect_left(keys, encode(added[number]), at)
            ids.frombytes(raw(old_ids[at:cut]))
            ids.append(known + number)
            at = cut
        ids.frombytes(raw(old_ids[at:]))
        groups: dict[str, list[int]] = {}
        for number, word in enumerate(added):
            if len(word) >= 3:
                groups.setdefault(word[:KEY_PREFIX], []).append(known + number)
        members = array("I")
        members.frombytes(raw(self._group_ids))
        starts = array("I")
        starts.frombytes(raw(self._group_starts))
        entries: list[int] = []
        for number, (head, group) in enumerate(groups.items(), len(starts) - 1):
            for variant in _neighbourhood(head, 2 if len(head) >= KEY_PREFIX else 1):
                entries.append(_key(variant) | number)
            members.extend(group)
            starts.append(len(members))
        entries.sort()
        deletes = array("Q")
        old_deletes = self._deletes
        at = 0
        for entry in entries:
            cut = bisect_left(old_deletes, entry, at)
            deletes.frombytes(raw(old_deletes[at:cut]))
            deletes.append(entry)
            at = cut
        deletes.frombytes(raw(old_deletes[at:]))
        self._deletes = deletes
        self._group_ids = members
        self._group_starts = starts
        self._families.extend(added)
        self._words = self._words.extended(added)
        self._table = WordTable.of(self._words)  # made again: 0.3 s at 226k words
        self._sorted_ids = ids
        self._new, self._added = {}, []
        self._cache.clear()
        self._heads.clear()

    def match(self, key: str, *, exact: bool = False, prefix: bool = False) -> dict[int, float]:
        """Ids of the words ``key`` matches, each with a quality in (0, 1].

        Exact matches score :data:`EXACT`; with ``prefix`` longer words starting
        with ``key`` score :data:`PREFIX`; unless ``exact``, words within
        :func:`max_typos` (restricted Damerau-Levenshtein) score :data:`TYPO`.
        """
        cache_key = (key, exact, prefix)
        cached = _recall(self._cache, cache_key)
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        if not exact:
            if prefix:
                self._prefix(key, found)
            self._typos(key, found)
            if len(key) >= STEM_MIN:
                self._relatives(key, found)
        tid = self._id(key)
        if tid >= 0:
            found[tid] = EXACT
        _keep(self._cache, cache_key, found, 512)
        return found

    def _relatives(self, key: str, found: dict[int, float]) -> None:
        """Add the other forms of ``key`` (:data:`STEM`; :data:`KIN` for those of a kin
        stem) and of the words it matched with a typo (that quality times :data:`STEM`):
        ``negotiatd`` finds "negotiations"."""
        families = self._families
        key_stem = stem(key)
        for tid in families.kin(key_stem):
            if found.get(tid, 0.0) < KIN:
                found[tid] = KIN
        for tid in families.family(key_stem):
            if found.get(tid, 0.0) < STEM:
                found[tid] = STEM
        near = [(tid, quality) for tid, quality in found.items() if quality == TYPO[1]]
        for tid, quality in near:
            for relative in families.relatives(tid):
                if found.get(relative, 0.0) < quality * STEM:
                    found[relative] = quality * STEM

    def _prefix(self, key: str, found: dict[int, float]) -> None:
        low, high = Sorted(self._words, self._sorted_ids).prefixed(key)
        ids: Sequence[int] = self._sorted_ids[low:high]
        if len(ids) > MAX_PREFIX_TERMS:
            ids = sorted(ids, key=self._df.__getitem__, reverse=True)[:MAX_PREFIX_TERMS]
        for tid in ids:
            found[tid] = PREFIX

    def _typos(self, key: str, found: dict[int, float]) -> None:
        limit = max_typos(len(key))
        if not limit:
            return
        head = key[:KEY_PREFIX]
        depth = 2 if limit == 2 or len(head) < len(key) else 1
        known = _recall(self._heads, (head, depth))
        if known is None:
            known = self._candidates(head, depth)
            if not self._added:  # stable until the next freeze or extend
                _keep(self._heads, (head, depth), known, HEADS_KEPT)
        ids, words = known
        for _, distance, index in process.extract(
            key, words, scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            if distance:
                tid = ids[index]
                quality = TYPO[int(distance)]
                if found.get(tid, 0.0) < quality:
                    found[tid] = quality

    def _candidates(self, head: str, depth: int) -> tuple[list[int], list[str]]:
        """The ids and words of every deletion group that ``head`` meets within ``depth``
        deletions: those within the typo limit of a key starting with ``head`` are there."""
        seen: set[int] = set()
        deletes, count = self._deletes, len(self._deletes)
        for variant in _neighbourhood(head, depth):
            wanted = _key(variant)
            at = bisect_left(deletes, wanted)
            while at < count and deletes[at] >> 32 == wanted >> 32:
                seen.add(deletes[at] & 0xFFFFFFFF)
                at += 1
        ids: list[int] = []
        starts, members, groups = self._group_starts, self._group_ids, len(self._group_starts) - 1
        for group in seen:
            if group < groups:  # a damaged table never raises, it finds less
                ids.extend(members[starts[group] : starts[group + 1]])
        count = self._count()
        if ids and max(ids) >= count:
            ids = [tid for tid in ids if tid < count]
        return ids, self._terms_of(ids)


class WordIds:
    """A vocabulary's words to ids (what a dict of them would answer)."""

    __slots__ = ("_vocab",)

    def __init__(self, vocab: Vocabulary) -> None:
        self._vocab = vocab

    @overload
    def get(self, key: str) -> int | None: ...

    @overload
    def get(self, key: str, default: int) -> int: ...

    def get(self, key: str, default: int | None = None) -> int | None:
        """The id of ``key``, else ``default``."""
        found = self._vocab._id(key)
        return default if found < 0 else found

    def __getitem__(self, key: str) -> int:
        """The id of ``key``; ``KeyError`` when it is not a word."""
        found = self._vocab._id(key)
        if found < 0:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` is a word."""
        return type(key) is str and self._vocab._id(key) >= 0

    def __len__(self) -> int:
        """Number of words."""
        return self._vocab._count()


class Terms(Sequence[str]):
    """A vocabulary's ids to words."""

    __slots__ = ("_vocab",)

    def __init__(self, vocab: Vocabulary) -> None:
        self._vocab = vocab

    def __len__(self) -> int:
        """Number of words."""
        return self._vocab._count()

    @overload
    def __getitem__(self, tid: int) -> str: ...

    @overload
    def __getitem__(self, tid: slice) -> list[str]: ...

    def __getitem__(self, tid: int | slice) -> str | list[str]:
        """The word of id ``tid``."""
        if isinstance(tid, slice):
            return [self._vocab._term(n) for n in range(*tid.indices(len(self)))]
        return self._vocab._term(tid if tid >= 0 else tid + len(self))


def _family_state(state: dict[str, Any]) -> dict[str, Any]:
    return {name[len(_FAMILY) :]: state[name] for name in state if name.startswith(_FAMILY)}


def _key(variant: str) -> int:
    """The deletion-table key of ``variant``: its CRC-32 in the upper 32 bits."""
    return crc32(variant.encode("utf-8", "surrogatepass")) << 32


_K = TypeVar("_K")
_V = TypeVar("_V")


def _recall(recent: OrderedDict[_K, _V], key: _K) -> _V | None:
    """The value kept under ``key`` in ``recent`` (now its newest), or None. A search
    cancelled but still running may trim the same cache from its own thread: a key gone
    between the look-up and the move is a miss, not an error."""
    value = recent.get(key)
    if value is not None:
        try:
            recent.move_to_end(key)
        except KeyError:
            pass
    return value


def _keep(recent: OrderedDict[_K, _V], key: _K, value: _V, most: int) -> None:
    """Keep ``value`` under ``key`` in ``recent``, the oldest dropped beyond ``most``."""
    recent[key] = value
    while len(recent) > most:
        try:
            recent.popitem(last=False)
        except KeyError:  # emptied by another thread meanwhile
            break


def _neighbourhood(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` (1 or 2) of its letters."""
    size = len(word)
    result = {word[:i] + word[i + 1 :] for i in range(size)}
    result.add(word)
    if depth > 1:  # each pair of positions once (the ones' deletions made each twice)
        result.update([word[:i] + word[i + 1 : j] + word[j + 1 :] for i, j in _pairs(size)])
    return result


@lru_cache(maxsize=64)
def _pairs(size: int) -> tuple[tuple[int, int], ...]:
    """Every pair of positions ``i < j`` below ``size``."""
    return tuple(combinations(range(size), 2))


def passage_ids(
    text: str, start: int, end: int, raw_ids: dict[str, int], vocab: Vocabulary
) -> list[int]:
    """The vocabulary ids of the words of ``text[start:end]``, new words added.

    ``raw_ids`` remembers the id of each word as written (most are seen before).
    """
    raws = TOKEN_RE.findall(text, start, end)
    try:
        return list(map(raw_ids.__getitem__, raws))
    except KeyError:  # the new words, once each, in the order they first come
        for raw in filterfalse(raw_ids.__contains__, dict.fromkeys(raws)):
            raw_ids[raw] = vocab.add(word_key(raw))
        return list(map(raw_ids.__getitem__, raws))

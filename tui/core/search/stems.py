"""Word families: the words of a vocabulary that share a stem.

A query word also matches the other forms of the same word ("negotiated" finds
"negotiations", "violation" finds "violated"), ranked below the exact form. Stems
come from the Snowball English stemmer in C (PyStemmer): a published algorithm made
for search (the one tantivy and Lucene use for English), about 2 µs a word, with no
data files; a suffix list of our own would be neither as complete nor as tested.

Each word id has a stem id (:attr:`Families.of`); the word ids of each stem are
stored together (:attr:`Families.members` from :attr:`Families.starts`); the stems
are kept sorted for look-up by bisect, as one UTF-8 blob with offsets
(:mod:`tui.core.search.wordlist`). Only arrays and one bytes object: the structure
is cached with the index and usable as soon as it is read.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

import Stemmer

from tui.core.ragged import raw
from tui.core.search.wordlist import Sorted, WordList, WordTable

__all__ = ["KIN_MIN", "KIN_REACH", "STEM_MIN", "Families", "stem"]

STEM_MIN = 4
"""Shortest query word that brings its family (short words are mostly function words)."""

KIN_MIN, KIN_REACH = 5, 3
"""Shortest stem with kin, and the most letters two kin stems differ by (:meth:`Families.kin`)."""

_STEMMER = Stemmer.Stemmer("english", 0)  # no cache: each word is stemmed once
_LOCK = threading.Lock()  # a stemmer keeps state while it works


def stem(word: str) -> str:
    """The Snowball English stem of ``word`` (an index key)."""
    with _LOCK:
        return str(_STEMMER.stemWord(word))


def _stems(words: Sequence[str]) -> list[str]:
    with _LOCK:
        return list(_STEMMER.stemWords(words))


class Families:
    """The stem of every word id, and the word ids of every stem."""

    STATE = (
        "members",
        "of",
        "sorted.blob",
        "sorted.ends",
        "sorted.table",
        "sorted_ids",
        "starts",
    )
    """The names in :meth:`state` (:attr:`sorted` is three: blob, offsets and hash table)."""

    __slots__ = ("members", "of", "sorted", "sorted_ids", "starts", "table")

    def __init__(self) -> None:
        self.of: array[int] = array("I")
        """The stem id of each word id."""
        self.sorted = WordList()
        """Every stem, sorted."""
        self.table = WordTable()
        """Exact look-up of :attr:`sorted` (stem to its position there)."""
        self.sorted_ids: array[int] = array("I")
        """The stem id of each entry of :attr:`sorted`."""
        self.members: array[int] = array("I")
        """Word ids, grouped by stem id."""
        self.starts: array[int] = array("I", [0])
        """Where each stem's word ids start in :attr:`members` (one more entry than stems)."""

    @classmethod
    def build(cls, terms: Sequence[str]) -> Families:
        """The families of ``terms`` (word id ``n`` is ``terms[n]``)."""
        families = cls()
        ids: dict[str, int] = {}
        families.of = array("I", [ids.setdefault(s, len(ids)) for s in _stems(terms)])
        ordered = sorted(ids)
        families.sorted = WordList.of(ordered)
        families.table = WordTable.of(families.sorted)
        families.sorted_ids = array("I", map(ids.__getitem__, ordered))
        families._group(len(ids))
        return families

    def extend(self, words: Sequence[str]) -> None:
        """Add ``words``, the next word ids (new stems get new ids; old ids stay)."""
        count = len(self.sorted)
        new: dict[str, int] = {}
        of = self.of
        for word_stem in _stems(words):
            at = self.table.find(self.sorted, word_stem)
            if at >= 0:
                of.append(self.sorted_ids[at])
            else:
                of.append(new.setdefault(word_stem, count + len(new)))
        if new:
            old = list(self.sorted)
            merged: list[str] = []
            ids = array("I")
            at = 0
            for word_stem in sorted(new):
                cut = bisect_left(old, word_stem, at)
                merged.extend(old[at:cut])
                ids.frombytes(raw(self.sorted_ids[at:cut]))
                merged.append(word_stem)
                ids.append(new[word_stem])
                at = cut
            merged.extend(old[at:])
            ids.frombytes(raw(self.sorted_ids[at:]))
            self.sorted, self.sorted_ids = WordList.of(merged), ids
            self.table = WordTable.of(self.sorted)
        self._group(count + len(new))

    def _group(self, stems: int) -> None:
        """Set :attr:`members` and :attr:`starts` from :attr:`of` (a counting sort)."""
        of = self.of
        counts = [0] * (stems + 1)
        for sid in of:
            counts[sid + 1] += 1
        for sid in range(stems):
            counts[sid + 1] += counts[sid]
        self.starts = array("I", counts)
        slots = counts[:-1]
        members = [0] * len(of)
        for tid, sid in enumerate(of):
            members[slots[sid]] = tid
            slots[sid] += 1
        self.members = array("I", members)

    def family(self, word_stem: str) -> Sequence[int]:
        """The word ids whose stem is ``word_stem`` (none when no word has it)."""
        at = self.table.find(self.sorted, word_stem)
        if at < 0 or at >= len(self.sorted_ids):
            return ()
        return self.relatives_of_stem(self.sorted_ids[at])

    def kin(self, word_stem: str) -> list[int]:
        """The word ids whose stem is kin to ``word_stem`` (its own family left out).

        Snowball takes inflections off but leaves most derivations whole, so forms of one
        word can keep stems that only extend one another: "programm" (programme) and
        "program" (programming), "bloodi" (bloodied) and "blood"; or stems one more pass
        apart: "represent" (representation) stems to "repres" (represents). Two stems are
        kin when one is the other, of at least :data:`KIN_MIN` letters, with a quarter of
        its length or fewer letters added, or when one stems to the other (looked for
        among the stems at most :data:`KIN_REACH` letters longer).
        """
        if len(word_stem) < KIN_MIN:
            return []
        found: list[int] = []
        again = ""
        for cut in range(max(KIN_MIN, len(word_stem) - KIN_REACH), len(word_stem)):
            shorter = word_stem[:cut]
            family = self.family(shorter)
            if family and len(word_stem) - cut > cut // 4:
                again = again or stem(word_stem)  # stemmed only when a stem could be it
                if shorter != again:
                    continue
            found.extend(family)
        key = word_stem.encode("utf-8", "surrogatepass")
        blob, ends, ids = self.sorted.blob, self.sorted.ends, self.sorted_ids
        longer: list[tuple[int, str]] = []
        at = bisect_left(Sorted(self.sorted), key)  # the stems that start with it follow
        while at < len(ids) and blob.startswith(key, ends[at], ends[at + 1]):
            extra = ends[at + 1] - ends[at] - len(key)
            if 0 < extra <= len(key) // 4:
                found.extend(self.relatives_of_stem(ids[at]))
            elif 0 < extra <= KIN_REACH:
                longer.append((ids[at], self.sorted[at]))
            at += 1
        if longer:
            for (sid, _), twice in zip(longer, _stems([other for _, other in longer])):
                if twice == word_stem:
                    found.extend(self.relatives_of_stem(sid))
        return found

    def relatives(self, tid: int) -> Sequence[int]:
        """The word ids sharing word ``tid``'s stem, ``tid`` included."""
        if tid >= len(self.of):
            return ()
        return self.relatives_of_stem(self.of[tid])

    def relatives_of_stem(self, sid: int) -> Sequence[int]:
        """The word ids of stem id ``sid``."""
        if sid + 1 >= len(self.starts):  # a damaged table never raises, it finds less
            return ()
        return self.members[self.starts[sid] : self.starts[sid + 1]]

    def state(self) -> dict[str, Any]:
        """The arrays and the stems' blob by name (see :meth:`from_state`); shared, not copied."""
        return {
            "members": self.members,
            "of": self.of,
            "sorted.blob": self.sorted.blob,
            "sorted.ends": self.sorted.ends,
            "sorted.table": self.table.slots,
            "sorted_ids": self.sorted_ids,
            "starts": self.starts,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Families:
        """The families saved by :meth:`state` (checked by :meth:`check_state`)."""
        families = cls.__new__(cls)
        for name in ("members", "of", "sorted_ids", "starts"):
            setattr(families, name, state[name])
        families.sorted = WordList(state["sorted.blob"], state["sorted.ends"])
        families.table = WordTable(state["sorted.table"])
        return families

    @classmethod
    def check_state(cls, state: dict[str, Any], terms: int) -> None:
        """Raise ``ValueError`` unless ``state`` fits a vocabulary of ``terms`` words."""
        if tuple(sorted(state)) != cls.STATE:
            raise ValueError("word family fields differ")
        blob, ends = state["sorted.blob"], state["sorted.ends"]
        if type(blob) is not bytes or len(ends) < 1 or ends[0] != 0 or ends[-1] != len(blob):
            raise ValueError("word family stems shape")
        stems = len(ends) - 1
        WordTable.check(state["sorted.table"], stems)
        if len(state["of"]) != terms or len(state["members"]) != terms:
            raise ValueError("word family shape")
        if len(state["sorted_ids"]) != stems or len(state["starts"]) != stems + 1:
            raise ValueError("word family stems shape")

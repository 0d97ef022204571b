"""A list of words held as one UTF-8 blob and end offsets, looked up by bisect.

The vocabulary of a million passages has a few hundred thousand words, and its
stems as many again. As Python strings in lists and a dict they took 42 MB at
1,039,308 passages (80x BBC): about 60 bytes a string, 8 a list slot, 60 a dict
entry. Here a word costs its UTF-8 bytes and one 4-byte offset, and the cache
stores the two as they are. UTF-8 (with ``surrogatepass``, as the keys may hold
lone surrogates from undecodable files) orders bytes as code points order
characters, so sorting or searching the bytes is sorting or searching the words.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload
from zlib import crc32

__all__ = ["Sorted", "WordList", "WordTable", "encode"]


def encode(word: str) -> bytes:
    """The bytes of ``word`` as stored."""
    return word.encode("utf-8", "surrogatepass")


class WordList(Sequence[str]):
    """``words[n]`` is ``blob[ends[n]:ends[n + 1]]`` decoded; ``ends[0]`` is 0."""

    __slots__ = ("blob", "ends")

    def __init__(self, blob: bytes = b"", ends: Any = None) -> None:
        """The words of ``blob`` cut at ``ends`` (an array or typed view; ``[0]`` when omitted)."""
        self.blob = blob
        self.ends: Any = array("I", [0]) if ends is None else ends

    @classmethod
    def of(cls, words: Iterable[str]) -> WordList:
        """The list of ``words``, in their order."""
        encoded = [encode(word) for word in words]
        ends = array("I", [0])
        total = 0
        for item in encoded:
            total += len(item)
            ends.append(total)
        return cls(b"".join(encoded), ends)

    def __len__(self) -> int:
        """Number of words."""
        return len(self.ends) - 1

    @overload
    def __getitem__(self, number: int) -> str: ...

    @overload
    def __getitem__(self, number: slice) -> list[str]: ...

    def __getitem__(self, number: int | slice) -> str | list[str]:
        """Word ``number`` (a damaged table gives ``""``, never an error)."""
        if isinstance(number, slice):
            return [self[n] for n in range(*number.indices(len(self)))]
        if number < 0:
            number += len(self)
        if not 0 <= number < len(self):
            raise IndexError("word out of range")
        try:
            return self.blob[self.ends[number] : self.ends[number + 1]].decode(
                "utf-8", "surrogatepass"
            )
        except UnicodeDecodeError:
            return ""

    def __iter__(self) -> Iterator[str]:
        """Every word in order."""
        for number in range(len(self)):
            yield self[number]

    def raw(self, number: int) -> bytes:
        """The stored bytes of word ``number``."""
        return self.blob[self.ends[number] : self.ends[number + 1]]

    def extended(self, words: Iterable[str]) -> WordList:
        """A new list: these words, then ``words``."""
        more = WordList.of(words)
        ends = array("I")
        ends.frombytes(memoryview(self.ends).cast("B"))
        shift = ends[-1]
        ends.extend(end + shift for end in more.ends[1:])
        return WordList(self.blob + more.blob, ends)


class Sorted(Sequence[bytes]):
    """The stored bytes of a :class:`WordList`'s words in sorted order, for bisect."""

    __slots__ = ("blob", "ends", "order")

    def __init__(self, words: WordList, order: Sequence[int] | None = None) -> None:
        """``order[k]`` is the number of the k-th word; ``None`` when ``words`` are sorted."""
        self.blob, self.ends = words.blob, words.ends
        self.order: Sequence[int] = range(len(words)) if order is None else order

    def __len__(self) -> int:
        """Number of words."""
        return len(self.order)

    @overload
    def __getitem__(self, at: int) -> bytes: ...

    @overload
    def __getitem__(self, at: slice) -> list[bytes]: ...

    def __getitem__(self, at: int | slice) -> bytes | list[bytes]:
        """The bytes of the ``at``-th word in sorted order."""
        if type(at) is int:  # bisect's hot path
            ends, number = self.ends, self.order[at]
            return self.blob[ends[number] : ends[number + 1]]
        if isinstance(at, slice):
            return [self[k] for k in range(*at.indices(len(self)))]
        raise TypeError("a position or a slice")

    def find(self, word: str) -> int:
        """The sorted position of ``word``, or -1 when it is not there."""
        key = encode(word)
        at = bisect_left(self, key)
        if at < len(self.order) and self[at] == key:
            return at
        return -1

    def prefixed(self, prefix: str) -> tuple[int, int]:
        """The sorted positions ``[low, high)`` of the words that start with ``prefix``."""
        key = encode(prefix)
        low = bisect_left(self, key)
        return low, bisect_left(self, key + b"\xff", low)  # no UTF-8 byte is 0xff


class WordTable:
    """Exact look-up of a :class:`WordList`'s words: an open-addressing hash table in one array.

    ``slots`` has a power-of-two length of at least twice the words; each holds a word
    number plus one (0: empty), placed at ``crc32(bytes)`` masked, or the next free slot.
    4-8 bytes a word (a dict: about 60), kept in the cache as it is, and a look-up costs a
    CRC and one or two probes (a bisect over the sorted words: about 18 Python calls).
    """

    __slots__ = ("slots",)

    def __init__(self, slots: Any = None) -> None:
        """The table of ``slots`` (as :meth:`of` made them)."""
        self.slots: Any = array("I", [0]) if slots is None else slots

    @classmethod
    def of(cls, words: WordList) -> WordTable:
        """The table of every word of ``words``."""
        size = 1
        while size < 2 * len(words):
            size *= 2
        slots = array("I", bytes(4 * size))
        mask = size - 1
        blob, ends = words.blob, words.ends
        for number in range(len(words)):
            at = crc32(blob[ends[number] : ends[number + 1]]) & mask
            while slots[at]:
                at = (at + 1) & mask
            slots[at] = number + 1
        return cls(slots)

    def find(self, words: WordList, word: str) -> int:
        """The number of ``word`` in ``words`` (the list the table was made of), or -1."""
        key = encode(word)
        slots, blob, ends = self.slots, words.blob, words.ends
        mask, count = len(slots) - 1, len(ends) - 1
        at = crc32(key) & mask
        for _ in range(len(slots)):  # bounded: a damaged, full table never loops for ever
            entry = slots[at]
            if not entry:
                return -1
            number: int = entry - 1
            if number < count and blob[ends[number] : ends[number + 1]] == key:
                return number
            at = (at + 1) & mask
        return -1

    @staticmethod
    def check(slots: Any, count: int) -> None:
        """Raise ``ValueError`` unless ``slots`` can be the table of ``count`` words."""
        size = len(slots)
        if size < 1 or size & (size - 1) or size < 2 * count:
            raise ValueError("word table shape")

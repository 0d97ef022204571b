"""Non-negative integers stored in 3 bytes each (or 4), read back as ``array('I')`` slices.

The two big arrays of a search index, the word ids of every passage (``tokens``) and
the passage numbers of every word (the postings' flat array), hold numbers below
2**24 up to 16.7 million words or passages: in 3 little-endian bytes each they take
a quarter less than an ``array('I')`` (at 1,039,308 passages, 477 -> 358 MB).

A slice is widened at C level (three extended-slice copies of bytes into a zeroed
``bytearray``, then ``array.frombytes``): about 1.6 us for a 60-word passage and
7 us per thousand numbers of a long row (a plain array slice: 0.2 us and 0.2 us),
no Python loop over the numbers. Width 4 is a plain little-endian ``'I'`` layout,
for numbers that do not fit in 3 bytes.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import Any, overload

WIDE = 0xFFFFFF
"""The largest number that fits in 3 bytes."""

PACKED_FROM = 1 << 25
"""Numbers (32 M: 128 MB as ``array('I')``) from which a built store stays packed. A
smaller one is given back as a plain array (:func:`settled`): at 131,208 passages the
widening of each passage's ids cost the search about 1.2x its CPU, for 30 MB saved; at a
million passages the 3 bytes save 120 MB."""

_LITTLE = sys.byteorder == "little"


class Packed(Sequence[int]):
    """``width`` little-endian bytes per number in ``data`` (bytes-like; 3 or 4 bytes each).

    ``data`` may be a ``bytearray`` (built, extendable), or read-only bytes or a view of a
    mapped cache file. Indexing gives an ``int``; a slice gives a new ``array('I')``.
    """

    __slots__ = ("data", "width")

    def __init__(self, data: Any, width: int = 3) -> None:
        """The numbers in ``data``; ``ValueError`` when its length is not a multiple of
        ``width`` or ``width`` is neither 3 nor 4."""
        if width not in (3, 4) or len(data) % width:
            raise ValueError("packed numbers shape")
        self.data = data
        self.width = width

    @classmethod
    def of(cls, values: Iterable[int], width: int | None = None) -> Packed:
        """``values`` packed, in 3 bytes each when they all fit (or as ``width`` says)."""
        wide = values if type(values) is array and values.typecode == "I" else array("I", values)
        if width is None:
            width = 3 if not wide or max(wide) <= WIDE else 4
        packed = cls(bytearray(), width)
        packed.extend(wide)
        return packed

    def __len__(self) -> int:
        """Number of numbers."""
        return len(self.data) // self.width

    @overload
    def __getitem__(self, key: int) -> int: ...

    @overload
    def __getitem__(self, key: slice) -> array[int]: ...

    def __getitem__(self, key: int | slice) -> int | array[int]:
        """Number ``key``, or the numbers of a slice as an ``array('I')``."""
        if type(key) is slice:
            start, stop = key.start, key.stop
            if key.step is None and type(start) is int and type(stop) is int and 0 <= start:
                return self.slice(start, stop)  # the search's hot path: one passage's ids
            start, stop, step = key.indices(len(self))
            if step == 1:
                return self.slice(start, stop)
            return array("I", [self[n] for n in range(start, stop, step)])
        count = len(self)
        if key < 0:
            key += count
        if not 0 <= key < count:
            raise IndexError("packed index out of range")
        width = self.width
        return int.from_bytes(self.data[key * width : key * width + width], "little")

    def slice(self, start: int, stop: int) -> array[int]:
        """Numbers ``start`` to ``stop - 1`` (``0 <= start``; ``stop`` clipped) as an array."""
        width = self.width
        chunk = self.data[start * width : stop * width]
        out = array("I")
        if width == 4:
            out.frombytes(chunk)
        else:
            if type(chunk) is not bytes and type(chunk) is not bytearray:
                chunk = bytes(chunk)  # a view of the map: extended slices need bytes
            wide = bytearray(len(chunk) // 3 * 4)
            wide[0::4] = chunk[0::3]
            wide[1::4] = chunk[1::3]
            wide[2::4] = chunk[2::3]
            out.frombytes(wide)
        if not _LITTLE:  # pragma: no cover - the bytes are little-endian
            out.byteswap()
        return out

    def extend(self, values: Iterable[int]) -> None:
        """Append ``values`` (``data`` must be a ``bytearray``); ``OverflowError`` when one
        does not fit in the width."""
        wide = values if type(values) is array and values.typecode == "I" else array("I", values)
        if not _LITTLE:  # pragma: no cover
            wide = array("I", wide)
            wide.byteswap()
        raw = bytearray(wide.tobytes())
        if self.width == 3:
            if raw[3::4].count(0) != len(wide):
                raise OverflowError("a number does not fit in 3 bytes")
            del raw[3::4]
        self.data.extend(raw)

    def widened(self) -> Packed:
        """The same numbers, 4 bytes each, in a new extendable store."""
        wide = self.slice(0, len(self))
        if not _LITTLE:  # pragma: no cover
            wide.byteswap()
        return Packed(bytearray(wide.tobytes()), 4)

    def copy(self) -> Packed:
        """An extendable copy (``data`` as a new ``bytearray``)."""
        return Packed(bytearray(self.data), self.width)


def settled(packed: Packed) -> Packed | array[int]:
    """``packed`` as it is when it holds :data:`PACKED_FROM` numbers or more, else the same
    numbers as a plain ``array('I')`` (faster to slice, and small)."""
    if len(packed) >= PACKED_FROM:
        return packed
    return packed.slice(0, len(packed))


def join_settled(rows: list[array[int]], passages: int) -> Packed | array[int]:
    """``rows`` (of numbers below ``passages``) one after another, as :func:`settled` would
    give their :func:`pack_rows`: packed from :data:`PACKED_FROM` numbers, else one plain
    array joined directly (no packed copy in between). Each row is freed once copied."""
    flat: Packed | array[int] = array("I")
    if sum(map(len, rows)) >= PACKED_FROM:
        flat = Packed(bytearray(), 3 if passages <= WIDE + 1 else 4)
    for number, row in enumerate(rows):
        flat.extend(row)
        rows[number] = _EMPTY  # no second copy of them all
    return flat


_EMPTY = array("I")


def pack_rows(rows: Sequence[array[int]], passages: int) -> Packed:
    """The rows (arrays of numbers below ``passages``) one after another, packed."""
    packed = Packed(bytearray(), 3 if passages <= WIDE + 1 else 4)
    for row in rows:
        packed.extend(row)
    return packed

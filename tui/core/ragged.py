"""A list of integer arrays stored as one flat array and start offsets."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from tui.core.packed import Packed


def raw(values: object) -> memoryview:
    """The bytes of an array or typed memoryview (slice), for ``array.frombytes``."""
    return memoryview(values).cast("B")  # type: ignore[arg-type]


LONG_ROW = 4096
"""Rows of a packed ``flat`` this long or longer are kept widened (:meth:`Ragged._long`)."""
WIDE_HELD = 2 << 20
"""At most this many numbers (8 MB) of widened long rows are kept, least recently read out."""


class Ragged(Sequence["array[int]"]):
    """``rows[i]`` is ``flat[starts[i]:starts[i + 1]]`` (a copy, as an array slice is;
    a long row of a packed ``flat`` is widened once and shared: callers never change a row).

    Holds a million small rows (the postings of a big index) in two arrays
    instead of a million array objects: less memory, and a cache can write and
    read it back as two blobs, with nothing to cut apart on loading.
    """

    __slots__ = ("flat", "starts", "_wide", "_held")

    def __init__(self, flat: Any, starts: Any) -> None:
        """Rows of ``flat`` bounded by ``starts`` (non-decreasing, one more than the rows).

        ``starts`` is an ``array('Q')`` or a typed view of a mapped cache; ``flat`` is an
        ``array``, such a view, or a :class:`~tui.core.packed.Packed` (3 bytes a number;
        its slices are arrays).
        """
        if not starts or starts[0] != 0 or starts[-1] != len(flat):
            raise ValueError("starts must run from 0 to len(flat)")
        self.flat = flat
        self.starts = starts
        self._wide: OrderedDict[int, array[int]] = OrderedDict()
        """Long rows of a packed ``flat`` already widened, latest used last (shared arrays)."""
        self._held = 0
        """How many numbers :attr:`_wide` holds."""

    @classmethod
    def join(cls, rows: Iterable[array[int]], typecode: str = "I") -> Ragged:
        """Concatenate ``rows`` into one :class:`Ragged`."""
        flat = array(typecode)
        starts = array("Q", [0])
        for row in rows:
            flat.extend(row)
            starts.append(len(flat))
        return cls(flat, starts)

    def __len__(self) -> int:
        """Number of rows."""
        return len(self.starts) - 1

    @overload
    def __getitem__(self, row: int) -> array[int]: ...

    @overload
    def __getitem__(self, row: slice) -> list[array[int]]: ...

    def __getitem__(self, row: int | slice) -> array[int] | list[array[int]]:
        """Row ``row`` as a new array (or a list of rows for a slice)."""
        starts = self.starts
        if type(row) is int and 0 <= row < len(starts) - 1:  # the search's hot path
            flat = self.flat
            low, high = starts[row], starts[row + 1]
            if type(flat) is not Packed:
                found: array[int] = flat[low:high]
                return found
            if high - low < LONG_ROW:
                return flat.slice(low, high)
            return self._long(row, low, high)
        if isinstance(row, slice):
            return [self[number] for number in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError("row out of range")
        found = self.flat[starts[row] : starts[row + 1]]
        return found

    def _long(self, row: int, low: int, high: int) -> array[int]:
        """Row ``row`` of a packed ``flat`` (``low`` to ``high``), widened once while it is
        among the last :data:`WIDE_HELD` numbers read this way."""
        wide = self._wide
        found = wide.get(row)
        if found is not None:
            try:
                wide.move_to_end(row)
            except KeyError:  # let go by a search in another thread meanwhile
                pass
            return found
        widened: array[int] = self.flat.slice(low, high)
        found = widened
        wide[row] = found
        self._held += len(found)
        try:
            while self._held > WIDE_HELD and len(wide) > 1:
                self._held -= len(wide.popitem(last=False)[1])
        except KeyError:  # emptied by another thread meanwhile
            pass
        return found

    def __iter__(self) -> Iterator[array[int]]:
        """Every row in order."""
        flat, starts = self.flat, self.starts
        for number in range(len(starts) - 1):
            yield flat[starts[number] : starts[number + 1]]

    def lengths(self) -> list[int]:
        """The length of every row."""
        starts = self.starts
        return [starts[n + 1] - starts[n] for n in range(len(starts) - 1)]

"""A list of integer arrays stored as one flat array and start offsets."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from tui.core.packed import Packed


def raw(values: object) -> memoryview:
    """The bytes of an array or typed memoryview (slice), for ``array.frombytes``."""
    return memoryview(values).cast("B")  # type: ignore[arg-type]


class Ragged(Sequence["array[int]"]):
    """``rows[i]`` is ``flat[starts[i]:starts[i + 1]]`` (a copy, as an array slice is).

    Holds a million small rows (the postings of a big index) in two arrays
    instead of a million array objects: less memory, and a cache can write and
    read it back as two blobs, with nothing to cut apart on loading.
    """

    __slots__ = ("flat", "starts")

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
            found: array[int] = (
                flat.slice(starts[row], starts[row + 1])
                if type(flat) is Packed
                else flat[starts[row] : starts[row + 1]]
            )
            return found
        if isinstance(row, slice):
            return [self[number] for number in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError("row out of range")
        found = self.flat[starts[row] : starts[row + 1]]
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

"""The bytes of a cache file: prelude, a safe unpickler, and the compact packed forms.

Layout: :data:`MAGIC`, four little-endian 8-byte section lengths, a small header
pickle, the main pickle, the raw bytes of the big arrays followed by the article
texts, and the quotations. Only ``array`` may be unpickled (:class:`Unpickler`),
so a planted file cannot run code. On loading, big arrays and the texts are not
copied: they are views of a read-only memory map of the file.
"""

from __future__ import annotations

import mmap
import pickle
import struct
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import IO, Any

from tui.core.packed import Packed
from tui.core.ragged import Ragged

MAGIC = b"SEEDTUI-CACHE\x00\x01\n"
"""The first bytes of every cache file."""
LENGTHS = struct.Struct("<QQQQ")
PROTOCOL = 5


class CacheInvalid(Exception):
    """The cache file cannot be used (the message says why)."""


class Unpickler(pickle.Unpickler):
    """An unpickler that refuses every global except ``array``'s reconstructor."""

    def find_class(self, module: str, name: str) -> Any:
        """Only ``array.array`` and ``array._array_reconstructor`` may be loaded."""
        if module == "array" and name in ("array", "_array_reconstructor"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"foreign object {module}.{name}")


def read_prelude(handle: IO[bytes]) -> tuple[int, int, int, int]:
    """Check the magic bytes and return the four section lengths."""
    head = handle.read(len(MAGIC) + LENGTHS.size)
    if len(head) < len(MAGIC) + LENGTHS.size or not head.startswith(MAGIC):
        raise CacheInvalid("not a seedtui cache")
    lengths: tuple[int, int, int, int] = LENGTHS.unpack(head[len(MAGIC) :])
    return lengths


# -- compact packing ------------------------------------------------------------------
#
# Lists of many small objects are slow to unpickle one opcode at a time. Packed
# forms: ``("@strs", joined)`` for a list of strings without newlines,
# ``("@ints", array)``, ``("@ragged", flat, starts)`` for a :class:`Ragged`,
# ``("@packed", width, bytes)`` for a :class:`~tui.core.packed.Packed`,
# ``("@intlists", keys, rows)`` and ``("@speakers", keys, rows)`` for the index's
# title postings and speaker table (their number lists come back as array rows),
# ``("@arrays", typecode, flat, lengths)`` for a list of
# arrays, ``("@lists", packed items, lengths)`` for a list of lists of ints or
# strings, ``("@dict", packed keys, packed values)`` for a dict of strings to
# ints; anything else is ``("@raw", value)``. Decided by the actual types, so a
# change in the index's internals still round-trips. Arrays are not pickled
# (that copies them) but written raw after the main section, ``("@blob", n)``
# standing for the ``n``-th of them, and read back with ``array.fromfile``.

Blobs = list[tuple[str, Sequence[Any]]]
"""Arrays to write after the main section: a typecode and arrays written one after another."""


def _blob(typecode: str, arrays: Sequence[Any], blobs: Blobs) -> tuple[str, int]:
    """Queue ``arrays`` (concatenated) as the next blob."""
    blobs.append((typecode, arrays))
    return ("@blob", len(blobs) - 1)


def pack(value: Any, blobs: Blobs) -> tuple[Any, ...]:
    """``value`` in its packed form; its big arrays go to ``blobs``."""
    if type(value) is array and value.typecode in "bBhHiIlLqQ":
        return _blob(value.typecode, [value], blobs)
    if type(value) is memoryview and value.format in _TYPECODES:
        return _blob(value.format, [value], blobs)
    if type(value) is Packed:
        return ("@packed", value.width, _blob("B", [value.data], blobs))
    if type(value) is Ragged:
        return ("@ragged", pack(value.flat, blobs), pack(value.starts, blobs))
    if type(value) is list and value:
        first = value[0]
        if type(first) is str and all(type(item) is str for item in value):
            joined = "\n".join(value)
            if joined.count("\n") == len(value) - 1:
                return ("@strs", joined)
        elif type(first) is int and all(type(item) is int for item in value):
            try:
                return ("@ints", _blob("q", [array("q", value)], blobs))
            except OverflowError:
                pass
        elif type(first) is array and all(
            type(item) is array and item.typecode == first.typecode for item in value
        ):
            lengths = array("q", map(len, value))
            return ("@arrays", _blob(first.typecode, value, blobs), lengths)
        elif type(first) is list and all(type(item) is list for item in value):
            inner = pack([x for item in value for x in item], blobs)
            if inner[0] in ("@strs", "@ints"):
                return ("@lists", inner, array("q", map(len, value)))
    elif type(value) is dict and value:
        rows = _rows_of(value)
        if rows is not None:
            kind = "@intlists" if type(next(iter(value))) is int else "@speakers"
            return (kind, pack(list(value), blobs), pack(rows, blobs))
        keys = pack(list(value), blobs)
        values = pack(list(value.values()), blobs)
        if keys[0] == "@strs" and values[0] == "@ints":
            return ("@dict", keys, values)
    return ("@raw", value)


def map_blobs(buffer: mmap.mmap, at: int, table: list[tuple[str, int]]) -> list[Any]:
    """Typed read-only views of the arrays written one after another from offset ``at``.

    Small arrays are copied (an ``array`` is cheaper to index than a view); big
    ones are ``memoryview`` casts of the map (CPython reads their items with
    ``memcpy``, so the offsets need no alignment).
    """
    blobs: list[Any] = []
    view = memoryview(buffer)
    for typecode, count in table:
        size = array(typecode).itemsize * count
        if size < COPY_BELOW:
            blob = array(typecode)
            blob.frombytes(view[at : at + size])  # a view of bytes
            blobs.append(blob)
        else:
            blobs.append(view[at : at + size].cast(typecode))  # type: ignore[call-overload]
        at += size
    return blobs


COPY_BELOW = 1 << 20
_TYPECODES = "bBhHiIlLqQ"
"""Arrays smaller than this (bytes) are copied out of the map rather than viewed."""


def release(buffer: mmap.mmap | None) -> None:
    """Drop this process's mapping of ``buffer``'s pages (they stay in the page cache).

    Pages of a mapped file that were read count in the resident set until then;
    after a pass over the whole file (an index update, a cache rewrite) they
    would double the memory the process is seen to use. Later reads fault them
    back in from the page cache.
    """
    if buffer is not None and hasattr(buffer, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
        try:
            buffer.madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError):  # a closed map, or a system that refuses: no harm
            pass


RELEASE_EVERY = 64 << 20
"""While writing a cache, mapped pages of the old one are released after this many bytes."""


class TextWindows:
    """Where each article's UTF-8 text lies in the mapped cache file (a column of its own)."""

    def __init__(self, buffer: mmap.mmap, at: int, sizes: array[int]) -> None:
        """The texts of ``sizes`` bytes each, one after another from offset ``at``."""
        self.buffer = buffer
        self.sizes = sizes
        self.starts = list(accumulate(sizes, initial=at))[:-1]

    def __len__(self) -> int:
        """Number of texts."""
        return len(self.sizes)


_ROWS = (list, array, memoryview)
"""What a row of numbers may be: as built, or as read back from a cache."""


def _rows_of(table: dict[Any, Any]) -> Ragged | None:
    """The lists of ``table`` as rows, when it maps ints to lists of passage or article
    numbers (``title_postings``) or name keys to ``(words, numbers)`` (``speakers``)."""
    try:
        if all(type(k) is int and type(v) in _ROWS for k, v in table.items()):
            return Ragged.join(array("I", v) for v in table.values())
        if all(
            type(k) is str
            and type(v) is tuple
            and len(v) == 2
            and v[0] == tuple(k.split())
            and type(v[1]) in _ROWS
            for k, v in table.items()
        ):
            return Ragged.join(array("I", v[1]) for v in table.values())
    except (OverflowError, TypeError):  # numbers out of range: left to the generic forms
        return None
    return None


def _split(flat: Any, lengths: list[int], what: str) -> list[Any]:
    """``flat`` cut into consecutive slices of ``lengths``; raises when they do not add up."""
    if sum(lengths) != len(flat):
        raise CacheInvalid(f"bad packed {what}")
    pieces: list[Any] = []
    start = 0
    for length in lengths:
        pieces.append(flat[start : start + length])
        start += length
    return pieces


def unpack(packed: Any, blobs: list[array[int]]) -> Any:
    """The value of a packed form; raises :class:`CacheInvalid` on an unknown form."""
    if not isinstance(packed, tuple) or not packed:
        raise CacheInvalid("bad packed value")
    kind = packed[0]
    if kind == "@raw":
        return packed[1]
    if kind == "@blob":
        return blobs[packed[1]]
    if kind == "@strs":
        return packed[1].split("\n")
    if kind == "@ints":
        return unpack(packed[1], blobs).tolist()
    if kind == "@ragged":
        try:
            flat, starts = unpack(packed[1], blobs), unpack(packed[2], blobs)
            if not isinstance(flat, (array, memoryview, Packed)) or not isinstance(
                starts, (array, memoryview)
            ):
                raise ValueError("rows are not arrays")
            return Ragged(flat, starts)
        except ValueError as error:
            raise CacheInvalid("bad packed rows") from error
    if kind == "@packed":
        data = unpack(packed[2], blobs) if len(packed) == 3 else None
        if not isinstance(data, (array, memoryview)) or memoryview(data).itemsize != 1:
            raise CacheInvalid("bad packed numbers")
        try:
            return Packed(data, packed[1])
        except ValueError as error:
            raise CacheInvalid("bad packed numbers") from error
    if kind == "@arrays":
        return _split(unpack(packed[1], blobs), packed[2], "arrays")
    if kind == "@lists":
        return _split(unpack(packed[1], blobs), packed[2], "lists")
    if kind in ("@intlists", "@speakers"):
        keys, rows = unpack(packed[1], blobs), unpack(packed[2], blobs)
        if type(rows) is not Ragged or len(keys) != len(rows):
            raise CacheInvalid("bad packed rows")
        if kind == "@intlists":
            return dict(zip(keys, rows))
        return {key: (tuple(key.split()), row) for key, row in zip(keys, rows)}
    if kind == "@dict":
        keys, values = unpack(packed[1], blobs), unpack(packed[2], blobs)
        if len(keys) != len(values):
            raise CacheInvalid("bad packed dict")
        return dict(zip(keys, values))
    raise CacheInvalid(f"unknown packing {kind!r}")

"""Opening files that may not be files, or may never end: the one place for it.

Opening a FIFO for reading waits for a writer, and reading a device may never
end. Every file seedtui opens that someone else could have planted (corpus
files, the cache file, the state file, the clippings and error files, a
``--queries`` file) is opened here: without blocking (``O_NONBLOCK``, so even a
FIFO that replaced a file since it was listed returns at once), its type checked on
the open descriptor (``fstat``), and anything but a regular file refused with
:class:`NotRegular`. :func:`read_bounded` also puts a ceiling on how much is read:
a sparse 1 TB file (``truncate -s 1T``) or a link to ``/dev/zero`` costs neither
memory nor time.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

MB = 1024 * 1024
"""A megabyte, for limits."""

_CHUNK = 1 << 20
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class NotRegular(OSError):
    """The path is a FIFO, a device, a socket or a folder, not a regular file."""


class TooLarge(OSError):
    """The file holds more than the limit (by its size, or it kept growing while read)."""

    def __init__(self, size: int, limit: int) -> None:
        if size > limit + 1:
            super().__init__(f"larger than the {size_text(limit)} limit ({size_text(size)})")
        else:  # it kept growing, or never ends: its size is not known
            super().__init__(f"more than the {size_text(limit)} limit")
        self.size = size
        self.limit = limit


def size_text(size: int) -> str:
    """``size`` bytes for people: ``64 MB``, ``1.0 TB``."""
    for unit, scale in (("TB", MB * MB), ("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def kind(mode: int) -> str:
    """What a non-regular file is, in words (``"FIFO"``, ``"folder"``, …)."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _checked(descriptor: int, path: str | Path) -> int:
    """``descriptor`` back in blocking mode when it is a regular file; else closed, and raise."""
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(f"not a regular file ({kind(mode)})")
        if _NONBLOCK:
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def open_regular(path: str | Path, buffering: int = -1) -> BinaryIO:
    """``path`` opened for binary reading, never blocking; :class:`NotRegular` unless a file.

    A folder raises :class:`NotRegular` too (not :class:`IsADirectoryError`).
    Other problems raise the usual :class:`OSError` subclasses.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY)
    except IsADirectoryError as error:
        raise NotRegular("not a regular file (folder)") from error
    return os.fdopen(_checked(descriptor, path), "rb", buffering=buffering)


def read_regular(path: str | Path) -> bytes:
    """The bytes of the regular file at ``path`` (see :func:`open_regular`)."""
    with open_regular(path) as handle:
        return handle.read()


def append_regular(path: str | Path) -> BinaryIO:
    """``path`` opened for binary appending (created if missing), never blocking on a FIFO.

    Raises :class:`NotRegular` when something else than a regular file is there.
    """
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NONBLOCK | _NOCTTY | _BINARY
    try:
        descriptor = os.open(path, flags, 0o600)
    except IsADirectoryError as error:
        raise NotRegular("not a regular file (folder)") from error
    except OSError as error:
        # A FIFO without a reader refuses a non-blocking writer (ENXIO): it is no file.
        if error.errno == errno.ENXIO:
            raise NotRegular("not a regular file (FIFO)") from error
        raise
    return os.fdopen(_checked(descriptor, path), "ab")


def read_bounded(path: Path | str, limit: int, *, pipes: bool = False) -> bytes:
    """The bytes of the regular file at ``path``, when it holds at most ``limit`` of them.

    Raises :class:`NotRegular` for anything else (the open does not block on a
    FIFO), :class:`TooLarge` when the file is larger than ``limit`` (nothing is
    read when its size says so; a file that grows past it while read is cut off
    one byte after the limit), and ``OSError`` when it cannot be opened or read.
    With ``pipes``, a pipe or FIFO (``--queries /dev/stdin``) is read too, up to
    the limit, waiting for its writer.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY)
    except IsADirectoryError as error:
        raise NotRegular("not a regular file (folder)") from error
    try:
        info = os.fstat(descriptor)
        piped = pipes and stat.S_ISFIFO(info.st_mode)
        if not (stat.S_ISREG(info.st_mode) or piped):
            raise NotRegular(f"not a regular file ({kind(info.st_mode)})")
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        if _NONBLOCK:
            os.set_blocking(descriptor, True)
        data = _read_at_most(descriptor, limit + 1)  # one byte more tells a growing file
        if len(data) > limit:
            raise TooLarge(len(data), limit)
        return data
    finally:
        os.close(descriptor)


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Up to ``count`` bytes from ``descriptor``, fewer only at its end."""
    parts = []
    left = count
    while left > 0:
        part = os.read(descriptor, min(left, _CHUNK))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def limit_from_env(name: str, default_mb: int) -> int:
    """A limit in bytes: ``$name`` in MB when set to a positive number, else the default."""
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw) if raw else float(default_mb)
    except ValueError:
        value = float(default_mb)
    if not value > 0 or value > 1 << 40:  # also refuses nan and inf
        value = float(default_mb)
    return int(value * MB)

"""Reading a whole file with a ceiling: never more than a limit, never stuck on a device.

A corpus file, a ``--queries`` file or the state file may be a sparse 1 TB file
(``truncate -s 1T``), a link to ``/dev/zero``, a FIFO nobody writes to, or a
folder. :func:`read_bounded` opens without blocking, refuses anything but a
regular file, and reads at most ``limit`` bytes: memory and time stay bounded
whatever the size the file claims or the bytes it keeps producing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MB = 1024 * 1024

_CHUNK = 1 << 20


class NotRegular(OSError):
    """The path is a folder, a device, a FIFO or a socket, not a regular file."""


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


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in a few words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "an unusual file"


def read_bounded(path: Path | str, limit: int, *, pipes: bool = False) -> bytes:
    """The bytes of the regular file at ``path``, when it holds at most ``limit`` of them.

    Raises :class:`NotRegular` for anything else (the open does not block on a
    FIFO), :class:`TooLarge` when the file is larger than ``limit`` (nothing is
    read when its size says so; a file that grows past it while read is cut off
    one byte after the limit), and ``OSError`` when it cannot be opened or read.
    With ``pipes``, a pipe or FIFO (``--queries /dev/stdin``) is read too, up to
    the limit, waiting for its writer.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        piped = pipes and stat.S_ISFIFO(info.st_mode)
        if not (stat.S_ISREG(info.st_mode) or piped):
            raise NotRegular(f"{describe_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
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

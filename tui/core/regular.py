"""Opening files that may not be files: a FIFO, a device or a folder never hangs us.

Opening a FIFO for reading waits for a writer, and reading a device may never
end. Every file seedtui opens that someone else could have planted (corpus
files, the cache file, the state file, the clippings and error files) is opened
here: without blocking (``O_NONBLOCK``, so even a FIFO that replaced a file since
it was listed returns at once), its type checked on the open descriptor
(``fstat``), and anything but a regular file refused with :class:`NotRegular`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class NotRegular(OSError):
    """The path is a FIFO, a device, a socket or a folder, not a regular file."""


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

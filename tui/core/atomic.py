"""Whole-file writes that a crash or a concurrent reader never sees half done.

The temporary file of a write is locked (``flock``) while it is written, so a
process killed mid-write (``kill -9``) leaves a temporary file nobody holds:
:func:`remove_orphans` finds those at the next start and removes them, and
leaves alone the ones another running seedtui is still writing.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # not on Windows: orphans are then never removed
    fcntl = None  # type: ignore[assignment]

DEFAULT_PREFIX = ".tmp-"
SUFFIX = ".tmp"


@contextmanager
def atomic_write(path: Path, prefix: str = DEFAULT_PREFIX) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the block ends without an error.

    The data goes to a temporary file in the same folder (locked while it is
    written), is fsync-ed and renamed over ``path`` (``os.replace``); on an error
    the temporary file is removed and ``path`` is left as it was.
    """
    descriptor, temporary = tempfile.mkstemp(prefix=prefix, suffix=SUFFIX, dir=path.parent)
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(temporary, path)  # still locked: never taken for an orphan
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def remove_orphans(folder: Path, prefix: str = DEFAULT_PREFIX) -> list[str]:
    """Remove the temporary files of writes that died in ``folder``; their names.

    A temporary file is an orphan when no process holds its lock. Never raises.
    """
    if fcntl is None:
        return []
    removed: list[str] = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(SUFFIX)]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        try:
            descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                continue
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a live writer holds it
            os.unlink(path)
            removed.append(name)
        except OSError:
            continue
        finally:
            os.close(descriptor)
    return removed

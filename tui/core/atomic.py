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
    descriptor, temporary = _locked_temporary(path, prefix)
    try:
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


def _locked_temporary(path: Path, prefix: str, attempts: int = 8) -> tuple[int, str]:
    """A new temporary file beside ``path``, locked, and still there once locked.

    Between its creation and its lock, another seedtui's :func:`remove_orphans` can
    take it for an orphan and remove it (two processes saving one cache at once);
    a write to it would then be lost and its rename fail. So the name is checked to
    still be this file once the lock is held (nobody removes it after that), and a
    new one is made if not.
    """
    for _ in range(attempts):
        descriptor, temporary = tempfile.mkstemp(prefix=prefix, suffix=SUFFIX, dir=path.parent)
        if fcntl is None:
            return descriptor, temporary
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            held, named = os.fstat(descriptor), os.stat(temporary)
            if (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino):
                return descriptor, temporary
        except FileNotFoundError:
            pass  # removed before the lock: make another
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)
    raise OSError(f"no temporary file beside {path.name} stayed long enough to be written")


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

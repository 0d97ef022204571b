"""Listing and stat-ing a corpus folder the way the cache keys its files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from tui.core.corpus import SUFFIXES, LoadCancelled

FileKey = tuple[int, int]


def scan_files(root: Path, cancel: threading.Event | None) -> list[tuple[str, str, FileKey | None]]:
    """Every article file as (full path, relative path, (size, mtime_ns) or ``None``).

    Same files and order as :func:`tui.core.corpus.find_files`. The files are
    stat-ed by a few threads (``os.stat`` releases the GIL): 100k files take
    about 1.1 s on one thread and 0.45 s on two cores.
    """
    fulls, relatives = _walk(str(root), cancel)
    keys = _stat_all(fulls, cancel)
    return list(zip(fulls, relatives, keys))


def _walk(base: str, cancel: threading.Event | None) -> tuple[list[str], list[str]]:
    """Full and relative paths of the article files below ``base``, in load order."""
    fulls: list[str] = []
    relatives: list[str] = []
    cut = len(base.rstrip(os.sep)) + 1
    for folder, dirnames, filenames in os.walk(base, followlinks=False):
        if cancel is not None and cancel.is_set():
            raise LoadCancelled()
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        prefix = folder + os.sep
        relative_prefix = prefix[cut:]
        if os.sep != "/":
            relative_prefix = relative_prefix.replace(os.sep, "/")
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            fulls.append(prefix + name)
            relative = relative_prefix + name
            if not relative.isascii():
                relative = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            relatives.append(relative)
    return fulls, relatives


def _stat_chunk(paths: list[str]) -> list[FileKey | None]:
    """``(size, mtime_ns)`` of each path, ``None`` when it cannot be stat-ed."""
    keys: list[FileKey | None] = []
    append = keys.append
    stat = os.stat
    for path in paths:
        try:
            result = stat(path)
        except OSError:
            append(None)
        else:
            append((result.st_size, result.st_mtime_ns))
    return keys


def _stat_all(paths: list[str], cancel: threading.Event | None) -> list[FileKey | None]:
    """Stat ``paths``, with a few threads when there are many."""
    workers = min(4, os.cpu_count() or 1)
    if len(paths) < 4096 or workers < 2:
        return _stat_chunk(paths)
    from concurrent.futures import ThreadPoolExecutor

    size = max(1024, len(paths) // (workers * 8))
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    keys: list[FileKey | None] = []
    with ThreadPoolExecutor(workers, thread_name_prefix="seedtui-stat") as pool:
        for found in pool.map(_stat_chunk, chunks):
            if cancel is not None and cancel.is_set():
                raise LoadCancelled()
            keys.extend(found)
    return keys


def file_key(path: str | Path) -> FileKey | None:
    """``(size, mtime_ns)`` of a file, as the cache keys it; ``None`` when it cannot be stat-ed.

    Take it before reading the file: a change made meanwhile then shows as a
    different key on the next start, and the file is read again.
    """
    try:
        result = os.stat(path)
    except OSError:
        return None
    return (result.st_size, result.st_mtime_ns)



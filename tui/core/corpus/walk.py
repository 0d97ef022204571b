"""Listing and stat-ing a corpus folder the way the cache keys its files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from tui.core.corpus.read import LoadCancelled
from tui.core.corpus.select import SUFFIXES

FileKey = tuple[int, int]


def scan_files(root: Path, cancel: threading.Event | None) -> list[tuple[str, str, FileKey | None]]:
    """Every article file as (full path, relative path, (size, mtime_ns) or ``None``).

    Same files and order as :func:`tui.core.corpus.read.find_files` (``os.walk``
    top-down, names sorted, hidden entries and links to folders passed over), in
    one pass of ``os.scandir``. Threads did not pay: the stat calls are short
    and the Python around them holds the lock (100k files: 0.51 s in one pass,
    0.67-0.77 s as a walk plus four stat threads).
    """
    base = str(root)
    cut = len(base.rstrip(os.sep)) + 1
    found: list[tuple[str, str, FileKey | None]] = []
    folders = [base]
    while folders:
        if cancel is not None and cancel.is_set():
            raise LoadCancelled()
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_name)
        except OSError:
            continue  # an unreadable folder: skipped, as os.walk does
        relative_prefix = (folder + os.sep)[cut:]
        if os.sep != "/":
            relative_prefix = relative_prefix.replace(os.sep, "/")
        below: list[str] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    below.append(entry.path)
                continue
            if not name.lower().endswith(SUFFIXES):
                continue
            relative = relative_prefix + name
            if not relative.isascii():
                relative = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            try:
                result = entry.stat()
            except OSError:
                found.append((entry.path, relative, None))
            else:
                found.append((entry.path, relative, (result.st_size, result.st_mtime_ns)))
        folders.extend(reversed(below))  # the first subfolder is walked next
    return found


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


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

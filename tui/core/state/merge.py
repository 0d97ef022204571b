"""Two seedtui processes on one corpus: each save merges into what the other wrote.

Saving replaces the state file as a whole, so without a merge the process that
saves last wipes the bookmarks and positions the other added meanwhile. A save
is a three-way merge instead: what is on disk now, what this process loaded
(its base) and what it holds now. Whatever this process changed since its base
wins; everything else on disk stays. The read-merge-write runs under a lock
file (``flock``), so two saves never interleave.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path

from tui.core.state.store import Bookmark, CorpusState

try:
    import fcntl
except ImportError:  # no lock: the merge alone still keeps most of both
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "state.lock"


def _key(bookmark: Bookmark) -> tuple[str, int, int]:
    return (bookmark.article, bookmark.start, bookmark.end)


def merge_corpus(disk: CorpusState, base: CorpusState, ours: CorpusState) -> CorpusState:
    """``disk`` with the changes from ``base`` to ``ours`` applied (a new object)."""
    merged = deepcopy(disk)
    base_marks = {_key(b) for b in base.bookmarks}
    our_marks = {_key(b): b for b in ours.bookmarks}
    removed = base_marks - set(our_marks)
    present = {_key(b) for b in merged.bookmarks}
    merged.bookmarks = [b for b in merged.bookmarks if _key(b) not in removed]
    merged.bookmarks += [
        deepcopy(b) for k, b in our_marks.items() if k not in present and k not in base_marks
    ]
    for article, offset in ours.positions.items():
        if base.positions.get(article) != offset:
            merged.positions[article] = offset
    for article in set(base.positions) - set(ours.positions):
        merged.positions.pop(article, None)  # forgotten here: forgotten there
    if ours.last_article != base.last_article or merged.last_article is None:
        merged.last_article = ours.last_article
    for name in ("queries", "read"):  # lists that only grow: what this process added
        before, now = getattr(base, name), getattr(ours, name)
        added = now[len(before) :] if now[: len(before)] == before else now
        kept: list[str] = getattr(merged, name)
        if name == "read":
            kept.extend(item for item in dict.fromkeys(added) if item not in kept)
        else:
            kept.extend(added)
    return merged


@contextmanager
def state_lock(folder: Path) -> Iterator[None]:
    """Hold the state folder's lock file for a read-merge-write (no-op where unsupported)."""
    if fcntl is None:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(folder / LOCK_FILE, flags, 0o600)
    except OSError:
        yield  # an odd lock file (a folder, a FIFO held open): merge without it
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)

"""The browser's memory of one corpus: positions, last article, bookmarks, history, theme.

Wraps :mod:`tui.core.state.store` for the screen: changes are made in memory and
written by :meth:`Memory.save` (the screen runs it in a worker, and once more at
exit). Saving failures are reported, never raised into the UI.
"""

from __future__ import annotations

import threading
import time
from copy import deepcopy
from pathlib import Path

from tui.core.atomic import remove_orphans
from tui.core.state import (
    POSITIONS_KEPT,
    Bookmark,
    CorpusState,
    History,
    QueryHistory,
    default_state_dir,
    load_state,
    merge_corpus,
    save_state,
    state_lock,
)


class Memory:
    """What the screen remembers about the corpus at ``root``."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.folder = folder or default_state_dir()
        """Where the state file lives."""
        self.root = root
        remove_orphans(self.folder, ".state-")  # temporary files of saves killed midway
        self.state, self.warning = load_state(self.folder)
        self.corpus: CorpusState = self.state.for_corpus(root)
        self._base = deepcopy(self.corpus)
        """This corpus's state as last read or written: what a save merges against."""
        self.history = History()
        self.read = set(self.corpus.read)
        """Ids of the articles read (shown in the reader) in this corpus."""
        self.queries = QueryHistory(self.corpus.queries)
        """The search box's history (its list is the state's, so it is saved with it)."""
        self._lock = threading.Lock()

    def remember_position(self, article_id: str, offset: int | None) -> None:
        """Record the reading position (``None`` forgets it) and the last article."""
        if offset is None or offset <= 0:
            self.corpus.positions.pop(article_id, None)
        else:
            positions = self.corpus.positions
            positions.pop(article_id, None)  # the most recent last
            positions[article_id] = offset
            while len(positions) > POSITIONS_KEPT:
                del positions[next(iter(positions))]
        self.corpus.last_article = article_id

    def mark_read(self, article_id: str) -> bool:
        """Record that ``article_id`` was read; True when it was unread."""
        if article_id in self.read:
            return False
        self.read.add(article_id)
        self.corpus.read.append(article_id)
        return True

    def position(self, article_id: str) -> int | None:
        """The remembered reading position in ``article_id``."""
        return self.corpus.positions.get(article_id)

    def bookmarked_passages(self, article_id: str) -> list[tuple[int, int]]:
        """The spans of ``article_id`` that carry a bookmark."""
        return [(b.start, b.end) for b in self.corpus.bookmarks if b.article == article_id]

    def toggle_bookmark(self, article_id: str, span: tuple[int, int], title: str) -> bool:
        """Add the bookmark, or remove it when it exists; True when it was added."""
        for bookmark in self.corpus.bookmarks:
            if bookmark.article == article_id and (bookmark.start, bookmark.end) == span:
                self.corpus.bookmarks.remove(bookmark)
                return False
        self.corpus.bookmarks.append(Bookmark(article_id, span[0], span[1], title, time.time()))
        return True

    def save(self) -> str | None:
        """Write the state; a message when it failed, else ``None``.

        The file is read again first, under the state folder's lock. Another
        seedtui's corpora stay as they are; this corpus's part is merged: the
        changes made here since the last read or write are applied to what is on
        disk, so bookmarks and positions another seedtui on the same folder added
        meanwhile are kept (:func:`tui.core.state.merge_corpus`).
        """
        with self._lock:
            key = str(self.root.resolve())
            try:
                with state_lock(self.folder):
                    on_disk, _warning = load_state(self.folder)
                    on_disk.theme = self.state.theme
                    merged = merge_corpus(on_disk.for_corpus(self.root), self._base, self.corpus)
                    on_disk.corpora[key] = merged
                    save_state(self.folder, on_disk)
            except OSError as error:
                return f"could not save state in {self.folder}: {error.strerror or error}"
            # What the other process added is ours now, and the base of the next save.
            self.corpus.bookmarks[:] = merged.bookmarks
            self.corpus.positions.clear()
            self.corpus.positions.update(merged.positions)
            self.corpus.last_article = merged.last_article
            self.corpus.queries[:] = merged.queries
            self.corpus.read[:] = merged.read
            self._base = deepcopy(merged)
        return None

    def set_theme(self, theme: str) -> None:
        """Remember the theme."""
        self.state.theme = theme

    @property
    def theme(self) -> str | None:
        """The remembered theme."""
        return self.state.theme

    @property
    def bookmarks(self) -> list[Bookmark]:
        """Every bookmark of this corpus, oldest first."""
        return list(self.corpus.bookmarks)

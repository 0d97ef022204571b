"""Articles whose text stays in the cache file until it is first read.

A warm start of 100,000 articles needs their titles, dates and passages at
once, but the text of only the few articles the user opens or the search
shows. :class:`StoredArticle` keeps a window into a read-only memory map of
the cache file instead of a decoded string, and decodes it on first access to
``text``: the texts' 230 MB are neither read nor held until needed, and the
kernel shares the mapped pages with its page cache.

The map stays valid when the cache file is replaced (``os.replace`` in
:mod:`tui.core.cache.load` leaves the old file alive while it is mapped).

Decoded texts are kept for the next access, but only :data:`TEXT_BYTES_KEPT` of
them at once (:class:`DecodedTexts`): every search decodes the texts of the
articles it shows, so a long session would otherwise end up holding the whole
corpus decoded.
"""

from __future__ import annotations

import mmap
import threading
import weakref
from collections import OrderedDict
from typing import Any

from tui.core.cache.format import release
from tui.core.models import Article, Span

TEXT_BYTES_KEPT = 4 << 20
"""UTF-8 bytes of stored articles' texts kept decoded at once (the most recently
decoded, and always the last one whatever its size); the others are decoded again
from the map when next read."""


class DecodedTexts:
    """Which stored articles hold a decoded text, oldest first, within a byte budget.

    Holds weak references only: an article (and through it the map) dropped by
    its corpus is not kept alive here.
    """

    def __init__(self, budget: int = TEXT_BYTES_KEPT) -> None:
        self.budget = budget
        """UTF-8 bytes of decoded text kept at most (the newest text is always kept)."""
        self.held = 0
        """UTF-8 bytes of the texts listed (some of their articles may be gone)."""
        self._order: OrderedDict[int, tuple[weakref.ref[StoredArticle], int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many texts are listed as decoded."""
        return len(self._order)

    def added(self, article: StoredArticle, size: int) -> None:
        """``article`` has just decoded its ``size`` bytes: list it, forget the oldest."""
        dropped: list[StoredArticle] = []
        with self._lock:
            old = self._order.pop(id(article), None)
            if old is not None:  # the same id: that article is gone, or decoded again
                self.held -= old[1]
            self._order[id(article)] = (weakref.ref(article), size)
            self.held += size
            while self.held > self.budget and len(self._order) > 1:
                _key, (ref, bytes_) = self._order.popitem(last=False)
                self.held -= bytes_
                if (oldest := ref()) is not None:
                    dropped.append(oldest)
        for oldest in dropped:  # outside the lock: a reader may decode it again meanwhile
            oldest.forget_text()


DECODED = DecodedTexts()
"""The decoded texts of every stored article of this process."""


class StoredArticle(Article):
    """An :class:`Article` whose ``text`` is decoded from a mapped buffer on first use.

    Compares equal to an :class:`Article` with the same fields.
    """

    __slots__ = ("_buffer", "_at", "_bytes", "__weakref__")

    def __init__(
        self,
        id: str,
        path: str,
        title: str,
        date: str | None,
        folder: str,
        source: str | None,
        author: str | None,
        url: str | None,
        dateline: str | None,
        encoding: str,
        title_span: Span | None,
        body_start: int,
        passages: list[Span],
        mtime: float,
        size: int,
        buffer: mmap.mmap,
        at: int,
        length: int,
    ) -> None:
        """Every field of an article but ``text``, which is ``buffer[at:at + length]``."""
        self.id = id
        self.path = path
        self.title = title
        self.date = date
        self.folder = folder
        self.source = source
        self.author = author
        self.url = url
        self.dateline = dateline
        self.encoding = encoding
        self.title_span = title_span
        self.body_start = body_start
        self.passages = passages
        self.mtime = mtime
        self.size = size
        self._buffer = buffer
        self._at = at
        self._bytes = length

    def __getattr__(self, name: str) -> Any:
        """Reached only for an attribute not set yet: decode ``text`` the first time."""
        if name != "text":
            raise AttributeError(name)
        data = self._buffer[self._at : self._at + self._bytes]
        try:
            text = str(data, "utf-8", "surrogatepass")
        except UnicodeDecodeError:  # a damaged cache shows damaged text, never a traceback
            text = str(data, "utf-8", "replace")
        self.text = text
        DECODED.added(self, self._bytes)
        return text

    def forget_text(self) -> None:
        """Drop the decoded text (it is decoded again from the map when next read)."""
        try:
            del self.text
        except AttributeError:  # not decoded (or already forgotten)
            pass

    def encoded(self) -> bytes:
        """The text as UTF-8 (``surrogatepass``), straight from the buffer if not decoded."""
        try:
            text = object.__getattribute__(self, "text")
        except AttributeError:
            return self._buffer[self._at : self._at + self._bytes]
        return str(text).encode("utf-8", "surrogatepass")

    def __eq__(self, other: object) -> bool:
        """Field by field, like an :class:`Article` (whichever class ``other`` is)."""
        if not isinstance(other, Article):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable, as Article


FIELDS = tuple(Article.__dataclass_fields__)
"""Every field of :class:`Article`, in order."""


def release_unused_maps(old: list[Article], new: list[Article]) -> int:
    """Drop this process's pages of the maps ``old`` reads from that ``new`` does not; how many.

    After a reload the old corpus's map stays while anything still uses it (the
    article in the reader until it is reopened, a search still running): the
    pages it read would count in the resident set beside the new map's. A later
    read brings its pages back from the page cache.
    """
    kept = {id(b) for b in (getattr(a, "_buffer", None) for a in new) if b is not None}
    maps = {id(b): b for b in (getattr(a, "_buffer", None) for a in old) if b is not None}
    for key, buffer in maps.items():
        if key not in kept:
            release(buffer)
    return len(maps.keys() - kept)


def encoded(article: Article) -> bytes:
    """The UTF-8 (``surrogatepass``) bytes of any article's text, without decoding stored ones."""
    if type(article) is StoredArticle:
        return article.encoded()
    return article.text.encode("utf-8", "surrogatepass")

"""Articles whose text stays in the cache file until it is first read.

A warm start of 100,000 articles needs their titles, dates and passages at
once, but the text of only the few articles the user opens or the search
shows. :class:`StoredArticle` keeps a window into a read-only memory map of
the cache file instead of a decoded string, and decodes it on first access to
``text``: the texts' 230 MB are neither read nor held until needed, and the
kernel shares the mapped pages with its page cache.

The map stays valid when the cache file is replaced (``os.replace`` in
:mod:`tui.core.cache.load` leaves the old file alive while it is mapped).
"""

from __future__ import annotations

import mmap
from typing import Any

from tui.core.models import Article, Span


class StoredArticle(Article):
    """An :class:`Article` whose ``text`` is decoded from a mapped buffer on first use.

    Compares equal to an :class:`Article` with the same fields.
    """

    __slots__ = ("_buffer", "_at", "_bytes")

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
        return text

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


def encoded(article: Article) -> bytes:
    """The UTF-8 (``surrogatepass``) bytes of any article's text, without decoding stored ones."""
    if type(article) is StoredArticle:
        return article.encoded()
    return article.text.encode("utf-8", "surrogatepass")

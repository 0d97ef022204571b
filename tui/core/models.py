"""Plain data shared by the core: articles, passages, skipped files.

Every span in seedtui is a ``(start, end)`` pair of character offsets into an
article's full text (after decoding and universal-newline translation), with
``end`` exclusive. Nothing here imports anything beyond the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]
"""A ``(start, end)`` pair of character offsets, ``end`` exclusive."""


@dataclass(slots=True)
class Article:
    """One document of the corpus, decoded and segmented."""

    id: str
    """Path relative to the corpus folder without its suffix, ``/``-separated; unique in the
    corpus (files sharing a stem keep their suffix: :mod:`tui.core.corpus.ids`)."""
    path: str
    """Path relative to the corpus folder, ``/``-separated, suffix kept."""
    text: str
    """The full text after decoding and universal-newline translation."""
    title: str
    """The first line when it is a short heading, else a title made from the opening words."""
    date: str | None = None
    """``YYYY-MM-DD`` from a date marker or front matter (``date``, ``published``), or ``None``."""
    folder: str = ""
    """The folder of the article relative to the corpus root (``""`` at the top)."""
    source: str | None = None
    """The publication, from front matter, or ``None``."""
    author: str | None = None
    """The author, from front matter, or ``None``."""
    url: str | None = None
    """Where the article was published (front matter ``url``, ``link``), or ``None``."""
    dateline: str | None = None
    """A leading place name such as ``TEHRAN`` when the body opens with a dateline."""
    encoding: str = "utf-8"
    """The encoding the file was decoded with."""
    title_span: Span | None = None
    """Where the title stands in ``text`` when it was taken from a line of it."""
    body_start: int = 0
    """Offset of the first character of the body (after title and metadata)."""
    passages: list[Span] = field(default_factory=list)
    """The passages (paragraphs) of the body, in order."""
    mtime: float = 0.0
    """Modification time of the file when it was read."""
    size: int = 0
    """Size of the file in bytes when it was read."""

    @property
    def words(self) -> int:
        """Number of words in the body."""
        return len(self.text[self.body_start :].split())

    def passage_text(self, index: int) -> str:
        """The text of passage ``index``."""
        start, end = self.passages[index]
        return self.text[start:end]

    def passage_at(self, offset: int) -> int | None:
        """Index of the passage that contains ``offset``, or ``None``."""
        low, high = 0, len(self.passages)
        while low < high:
            middle = (low + high) // 2
            start, end = self.passages[middle]
            if offset < start:
                high = middle
            elif offset >= end:
                low = middle + 1
            else:
                return middle
        return None

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Order of the article list: by date (undated last), then title, then id."""
        return (self.date or "9999-99-99", self.title.casefold(), self.id)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not loaded, and why."""

    path: str
    """Path relative to the corpus folder."""
    reason: str
    """A short human-readable reason: ``empty file``, ``binary file``, ``permission denied``."""


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """A file that loaded, with something the user should know."""

    path: str
    message: str

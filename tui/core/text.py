"""Normalisation and tokenisation shared by the search index and its queries.

A *token* is a run of letters and digits, possibly joined by apostrophes
(``Iran's``, ``don't``). Tokens are found in the original text, so their spans
are exact offsets into it; only the token itself is then normalised:

* compatibility decomposition (NFKD) and removal of combining marks, so accents
  fold (``Café`` → ``cafe``) and ligatures split (``ﬁnal`` → ``final``);
* case folding (``Straße`` → ``strasse``);
* every apostrophe (’ ‘ ʼ ` ´ ′) becomes ``'``.

:func:`word_key` then gives the form the index stores: the normalised token
without a possessive ``'s`` and without apostrophes (``iran's`` → ``iran``,
``don't`` → ``dont``), so that a query typed with or without them matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from tui.core.models import Span

APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4\u2032"
"""Characters treated as an apostrophe inside a word."""

_WORD_CHAR = r"[^\W_]"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_PIECE = rf"{_WORD_CHAR}+(?:[{_MARKS}]+{_WORD_CHAR}*)*"
TOKEN_RE = re.compile(rf"{_PIECE}(?:[{APOSTROPHES}]{_PIECE})*")
"""A token: letters/digits (with combining marks), optionally joined by apostrophes."""

_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in APOSTROPHES[1:]})


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a text: its normalised form, its index key and its span."""

    norm: str
    """The normalised token (folded case and accents, apostrophes unified)."""
    key: str
    """The form stored in the index: :func:`word_key` of the token."""
    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset after the last character in the original text."""

    @property
    def span(self) -> Span:
        """The ``(start, end)`` span of the token in the original text."""
        return (self.start, self.end)


def fold(text: str) -> str:
    """Fold case and accents and unify apostrophes in ``text``.

    >>> fold("Café Straße ’s")
    "cafe strasse 's"
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHE_TABLE).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def word_key(token: str) -> str:
    """The index key of one raw token: folded, possessive ``'s`` and apostrophes removed.

    >>> word_key("Iran’s"), word_key("don't"), word_key("Über")
    ('iran', 'dont', 'uber')
    """
    folded = fold(token)
    if "'" in folded:
        if folded.endswith("'s") and len(folded) > 2:
            folded = folded[:-2]
        folded = folded.replace("'", "")
    return folded


def raw_tokens(text: str) -> list[str]:
    """The raw (unnormalised) tokens of ``text``, in order; fast, without spans."""
    return TOKEN_RE.findall(text)


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Yield the tokens of ``text[start:end]`` with spans as offsets into ``text``.

    Every match of :data:`TOKEN_RE` is yielded (even one whose key is empty), so
    the n-th token here is the n-th token the index stored for the same range.
    """
    stop = len(text) if end is None else end
    for match in TOKEN_RE.finditer(text, start, stop):
        raw = match.group()
        yield Token(fold(raw), word_key(raw), match.start(), match.end())


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with spans as offsets into ``text``.

    >>> [(t.key, t.span) for t in tokenize("L’Été, c'est 2024!")]
    [('lete', (0, 5)), ('cest', (7, 12)), ('2024', (13, 17))]
    """
    return list(iter_tokens(text, start, end))


def keys(text: str) -> list[str]:
    """The index keys of the tokens of ``text`` (no spans), e.g. for a query word."""
    return [k for k in map(word_key, TOKEN_RE.findall(text)) if k]


def clip_words(text: str, limit: int, shortest: int = 20) -> str:
    """``text`` on one line (runs of white space made one space), cut to at most ``limit``
    characters before an ellipsis: at the last word boundary, unless that leaves
    ``shortest`` characters or fewer (a long first word is cut where it must be), with
    the punctuation a cut leaves at the end dropped. Text that fits is returned whole.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > shortest else limit].rstrip(" ,;:–—-") + "…"


def quoted_words(words: Iterable[str], longest: int = 40) -> str:
    """``'a', 'b'``: words named in a message, each cut to ``longest`` characters (a
    pasted 5,000-letter word is named by its start)."""
    return ", ".join(repr(clip_words(word, longest)) for word in words)

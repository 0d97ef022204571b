"""The typo limit, and matching a typed name against a speaker's name.

One rule for the ``speaker:`` search scope and for ``seedtui quotes --speaker``:
every word typed must match a word of the name, as its start or within
:func:`max_typos` edits (Damerau distance: a swap of two adjacent letters costs 1).
``rezaei``, ``Rezai`` and ``mohsen rezaei`` all name *Mohsen Rezaei*. Words are the
index keys of :func:`tui.core.text.keys` (case, accents and apostrophes folded).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import DamerauLevenshtein

from tui.core.text import keys

__all__ = ["max_typos", "name_matches", "name_words_match"]


def max_typos(length: int) -> int:
    """Typos allowed in a typed word of ``length`` letters: 0 up to 3, 1 up to 7, else 2."""
    return 0 if length <= 3 else 1 if length <= 7 else 2


def _word_matches(typed: str, words: Sequence[str]) -> bool:
    limit = max_typos(len(typed))
    for word in words:
        if word.startswith(typed):
            return True
        if limit and DamerauLevenshtein.distance(typed, word, score_cutoff=limit) <= limit:
            return True
    return False


def name_words_match(typed: Sequence[str], words: Sequence[str]) -> bool:
    """Whether every word of ``typed`` matches one of ``words`` (both already index keys)."""
    return bool(typed) and all(_word_matches(word, words) for word in typed)


def name_matches(query: str, *names: str | None) -> bool:
    """Whether every word of ``query`` matches a word of one of ``names``."""
    typed = keys(query)
    if not typed:
        return False
    return any(name_words_match(typed, keys(name)) for name in names if name)

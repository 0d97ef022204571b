"""Fuzzy matching of a speaker name typed by the user against quotation speakers.

``rezaei``, ``Rezai`` and ``mohsen rezaei`` all name *Mohsen Rezaei*: every word
typed must match a word of the name, with typos allowed by word length.
"""

from __future__ import annotations

import unicodedata

from rapidfuzz.distance import DamerauLevenshtein


def _words(name: str) -> list[str]:
    """The folded words of a name (case and accents removed, punctuation dropped)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    cleaned = "".join(ch if ch.isalnum() else " " for ch in plain)
    return cleaned.split()


def allowed_typos(word: str) -> int:
    """Edits tolerated in a typed word: 0 up to 3 letters, 1 up to 7, 2 beyond."""
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 7 else 2


def _word_matches(typed: str, candidates: list[str]) -> bool:
    for word in candidates:
        if word.startswith(typed):
            return True
        limit = allowed_typos(typed)
        if limit and DamerauLevenshtein.distance(typed, word, score_cutoff=limit) <= limit:
            return True
    return False


def speaker_matches(query: str, *names: str | None) -> bool:
    """True when every word of ``query`` matches a word of one of ``names``."""
    typed = _words(query)
    if not typed:
        return False
    for name in names:
        if not name:
            continue
        words = _words(name)
        if all(_word_matches(word, words) for word in typed):
            return True
    return False

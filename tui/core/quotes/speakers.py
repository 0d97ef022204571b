"""Fuzzy matching of a speaker name typed by the user against quotation speakers.

The rule is the shared kernel's (:mod:`tui.core.names`), the same as the ``speaker:``
search scope's.
"""

from __future__ import annotations

from tui.core.names import name_matches


def speaker_matches(query: str, *names: str | None) -> bool:
    """True when every word of ``query`` matches a word of one of ``names``."""
    return name_matches(query, *names)

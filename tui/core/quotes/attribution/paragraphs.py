"""Quotation pieces grouped by paragraph, and how far from a quote a cue is looked for."""

from __future__ import annotations

from collections.abc import Iterator

Piece = tuple[int, int, int, int, int]
"""``(start, end, group, para_start, para_end)`` of one quotation piece."""

REACH = 320
"""Cues are looked for outside the quotes, at most this many characters from one."""


def paragraphs(pieces: list[Piece]) -> Iterator[tuple[int, int]]:
    """The ``(i, j)`` index ranges of the pieces of each paragraph, in order."""
    n = len(pieces)
    i = 0
    while i < n:
        ps = pieces[i][3]
        j = i
        while j < n and pieces[j][3] == ps:
            j += 1
        yield i, j
        i = j

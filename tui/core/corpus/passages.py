"""Segmenting an article body into passages (paragraphs).

A passage is what search returns and what the reader highlights. Paragraphs are
separated by blank lines; a block whose lines are long (one paragraph per line,
as many wire services and scraped corpora write) is split at every line; a very
long paragraph is cut at sentence ends so that a hit points somewhere useful.
"""

from __future__ import annotations

import re

from tui.core.models import Span

_BLANK_LINES = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")

ONE_PARAGRAPH_PER_LINE = 90
"""Mean line length (characters) from which each line of a block is a paragraph of its own."""
MAX_PASSAGE = 1200
"""Passages longer than this are cut at sentence ends into pieces of about this size."""


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """``(start, end)`` with surrounding white space removed, or ``None`` when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split_long(text: str, start: int, end: int, limit: int) -> list[Span]:
    """Cut ``[start, end)`` at sentence ends into pieces no longer than about ``limit``."""
    pieces: list[Span] = []
    piece_start = start
    last_cut = start
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        if cut - piece_start > limit and last_cut > piece_start:
            pieces.append((piece_start, last_cut))
            piece_start = last_cut
        last_cut = cut
    while end - piece_start > 2 * limit:
        # No sentence end in sight: cut at a space near the limit.
        cut = text.rfind(" ", piece_start, piece_start + limit)
        if cut <= piece_start:
            cut = piece_start + limit
        pieces.append((piece_start, cut))
        piece_start = cut
    pieces.append((piece_start, end))
    return [span for s, e in pieces if (span := _trimmed(text, s, e)) is not None]


def _blocks(text: str, start: int, end: int) -> list[Span]:
    """The blank-line-separated blocks of ``text[start:end]``."""
    blocks: list[Span] = []
    position = start
    for match in _BLANK_LINES.finditer(text, start, end):
        blocks.append((position, match.start()))
        position = match.end()
    blocks.append((position, end))
    return blocks


def split_passages(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The passages of ``text[start:end]``, in order, as spans into ``text``.

    Blank lines separate paragraphs. Within a block, when the lines are long on
    average (at least :data:`ONE_PARAGRAPH_PER_LINE` characters) every line is a
    paragraph; shorter lines are a hard-wrapped paragraph and stay together.
    """
    if end is None:
        end = len(text)
    passages: list[Span] = []
    for block_start, block_end in _blocks(text, start, end):
        block = _trimmed(text, block_start, block_end)
        if block is None:
            continue
        lines: list[Span] = []
        position = block[0]
        while position <= block[1]:
            newline = text.find("\n", position, block[1])
            line_end = block[1] if newline < 0 else newline
            line = _trimmed(text, position, line_end)
            if line is not None:
                lines.append(line)
            position = line_end + 1
        mean = sum(e - s for s, e in lines) / len(lines)
        parts = lines if len(lines) > 1 and mean >= ONE_PARAGRAPH_PER_LINE else [block]
        for part_start, part_end in parts:
            if part_end - part_start > MAX_PASSAGE:
                passages.extend(_split_long(text, part_start, part_end, MAX_PASSAGE))
            else:
                passages.append((part_start, part_end))
    return passages

"""More candidates for the learned choice: the names of the quote's sentence.

The rules read one noun phrase per pattern; the speaker is often another name of
the same sentence (``“…,” Bolton's aide said of Gorka``). :func:`sentence_names`
lists the runs of capitalised words (with a title before them) of the sentence
holding the quote, outside every quotation, that can name someone.
"""

from __future__ import annotations

import re

from tui.core.quotes.attribution.paragraphs import Piece
from tui.core.quotes.attribution.titles import NOT_NAMES
from tui.core.quotes.attribution.words import name_key, sentence_end, sentence_start

_NAME_RUN_RE = re.compile(
    r"(?<![\w\u2019'.-])[A-Z][\w\u2019'.&-]*"
    r"(?:[ \u00a0]+(?:[A-Z][\w\u2019'.&-]*|de|van|von|al|bin))*"
)
_MAX_WORDS = 5


def _sides(
    text: str, pieces: list[Piece], k: int
) -> tuple[tuple[tuple[int, int], tuple[int, int]], list[tuple[int, int]]]:
    """Where mentions of piece ``k`` are looked for: the part of its sentence before the
    quote and the part after it; and the quotation pieces of its paragraph (a mention
    inside one of them is none)."""
    s, e, _g, ps, pe = pieces[k]
    sides = ((sentence_start(text, ps, s), s), (e, sentence_end(text, e, pe)))
    return sides, [(p[0], p[1]) for p in pieces if p[3] == ps]


def sentence_names(text: str, pieces: list[Piece], k: int) -> list[tuple[int, int]]:
    """Name spans of the sentence around piece ``k`` (before and after it), outside
    the quotation pieces of its paragraph."""
    sides, quoted = _sides(text, pieces, k)
    out: list[tuple[int, int]] = []
    for a, b in sides:
        for m in _NAME_RUN_RE.finditer(text, a, b):
            x, y = m.span()
            words = text[x:y].split()
            while words and name_key(words[0]).lower() in NOT_NAMES:
                x += len(words[0])
                x += len(text[x:y]) - len(text[x:y].lstrip())
                words = words[1:]
            if not words or len(words) > _MAX_WORDS:
                continue
            y = x + len(text[x:y].rstrip(".,;:\u2019' "))
            if name_key(text[x:y]) != text[x:y] and text[x:y].endswith(("\u2019s", "'s")):
                y -= 2
            if y <= x or any(qa <= x < qb for qa, qb in quoted):
                continue
            out.append((x, y))
    return out


_PRONOUN_RE = re.compile(
    r"(?<![\w\u2019'-])(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Hh]is|[Hh]er|[Tt]heir|[Ww]ho)(?![\w\u2019'-])"
)


def sentence_pronouns(text: str, pieces: list[Piece], k: int) -> list[tuple[int, int]]:
    """Spans of the personal pronouns (and ``who``) of the sentence around piece ``k``,
    outside the quotation pieces of its paragraph: the gold speaker is the mention as
    written, often a pronoun."""
    sides, quoted = _sides(text, pieces, k)
    out: list[tuple[int, int]] = []
    for a, b in sides:
        for m in _PRONOUN_RE.finditer(text, a, b):
            x = m.start()
            if not any(qa <= x < qb for qa, qb in quoted):
                out.append(m.span())
    return out

"""Everyone quoted in a corpus: each speaker with their quotations and articles.

Built from a :class:`~tui.core.quotes.table.QuoteTable` without making a ``Quote``
object per row. A quotation counts for ``speaker_name`` (the fullest name in the
article the mention stands for), so "he said" after "Mohsen Rezaei said" counts
for Mohsen Rezaei; a bare pronoun nobody could be named for is left out. The
pieces of one quotation over several paragraphs count once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.quotes.speakers import speaker_matches
from tui.core.quotes.table import QuoteTable

PRONOUNS = frozenset(
    "i me we us you he him she her it they them his hers its their theirs one "
    "who this that someone somebody".split()
)
"""Mentions that are no name of their own."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """One speaker of the corpus."""

    name: str
    quotes: int
    """Quotations (a quotation over several paragraphs counts once)."""
    articles: int
    """Articles quoting them."""
    places: tuple[tuple[int, int, int], ...]
    """``(article number, start, end)`` of each quotation's first piece, in corpus order."""


def is_pronoun(mention: str) -> bool:
    """Whether ``mention`` is a pronoun rather than a name."""
    return mention.strip().casefold() in PRONOUNS


def speaker_index(table: QuoteTable) -> list[Speaker]:
    """Every named speaker of ``table``, most quoted first (then by name)."""
    places: dict[str, list[tuple[int, int, int]]] = {}
    ints, strs, strings = table.ints, table.strs, table.strings
    starts, ends, groups = ints["start"], ints["end"], ints["group"]
    names, mentions = strs["speaker_name"], strs["speaker"]
    for number in range(len(table)):
        seen: set[int] = set()
        for row in range(table.rows[number], table.rows[number + 1]):
            group = groups[row]
            if group in seen:
                continue  # a later piece of a quotation already counted
            seen.add(group)
            which = names[row] if names[row] >= 0 else mentions[row]
            if which < 0:
                continue
            name = " ".join(strings[which].split())
            if not name or is_pronoun(name):
                continue
            places.setdefault(name, []).append((number, starts[row], ends[row]))
    speakers = [
        Speaker(name, len(found), len({n for n, _s, _e in found}), tuple(found))
        for name, found in places.items()
    ]
    speakers.sort(key=lambda s: (-s.quotes, s.name.casefold()))
    return speakers


def filter_speakers(speakers: Iterable[Speaker], typed: str) -> list[Speaker]:
    """The speakers whose name matches ``typed`` fuzzily ("rezai" finds "Mohsen Rezaei");
    all of them when nothing is typed. The order is kept."""
    if not typed.strip():
        return list(speakers)
    return [speaker for speaker in speakers if speaker_matches(typed, speaker.name)]

"""The speakers the rules put forward for each quotation piece, and which rule did.

The passes of :mod:`.driver` and :mod:`.guess` do not only decide: each reading they
make (a speaker after the quote, one before it, the subject guessed for its sentence,
the previous paragraph's speaker ...) is noted here under the name of its source, and
:mod:`.choose` picks among them with a learned model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.quotes.attribution.found import Found

SOURCES = (
    "label",  # "OSTER: You shipped …"
    "after",  # “…,” Rezaei said
    "before",  # Rezaei said: “…”
    "passive",  # has been called “…” by Ana Ruiz
    "in_sentence",  # “…” in the primary, said Paul Beck
    "according",  # “…,” the judge said, according to the Post
    "lead_in",  # a paragraph ending ``X said:``
    "signed",  # — Ana Ruiz.
    "weak",  # “… now.” Kai Brand said
    "neighbour",  # “A” and “B,” he said
    "group",  # pieces of one quotation
    "sentence",  # the subject guessed for the quote's sentence
    "nearest",  # the nearest attributed quote of the paragraph
    "previous_sentence",  # the cue of the sentence before
    "previous_paragraph",  # the speaker of the previous paragraph
    "previous_quote",  # the speaker of the quote before
    "name",  # a name of the quote's sentence (:mod:`.mentions`)
    "pronoun",  # a pronoun of the quote's sentence (:mod:`.mentions`)
    "rule",  # what the rules chose
)


@dataclass(slots=True)
class Candidate:
    """One speaker put forward for a piece, with every source that put it forward."""

    found: Found
    sources: list[str] = field(default_factory=list)


class Pool:
    """The candidates of each piece of an article, keyed by the speaker's span."""

    __slots__ = ("by_piece", "keep", "wide")

    def __init__(self, n: int, wide: bool = True, keep: bool = True) -> None:
        self.by_piece: list[dict[tuple[int, int], Candidate]] = [{} for _ in range(n)]
        self.wide = wide
        """Whether readings the rules would skip are made anyway, as candidates."""
        self.keep = keep
        """Whether readings are recorded at all (not when nothing will read them: the
        rules alone decide and no trace is asked for)."""

    def note(self, k: int, source: str, f: Found | None) -> None:
        """Record that ``source`` read ``f`` as the speaker of piece ``k``."""
        if f is None or not self.keep:
            return
        cands = self.by_piece[k]
        c = cands.get(f.speaker)
        if c is None:
            cands[f.speaker] = Candidate(f, [source])
        elif source not in c.sources:
            c.sources.append(source)
            if f.cue is not None and c.found.cue is None:
                c.found = f

"""The writer's own words in marks: short spans that nothing in their sentence attributes.

A marked phrase of a word or three is a quotation when somebody is said to have said
it (``Clinton called the plan “a disaster”``, ``his promise to be “neutral”``); set in a
sentence that reports nobody's words, it is the writer's own: a scare quote or a
label (``The “qualified” spat bubbled up``, ``a “contested convention” scenario``).
:func:`writers_own` reads the span's sentence for that: a verb or a noun of saying
anywhere in it, and where the speaker the attribution guessed stands. It only judges
spans with no speaker read from a pattern next to them (the caller's concern).
"""

from __future__ import annotations

import re

from tui.core.quotes.attribution import Attribution
from tui.core.quotes.attribution.cues import CUE_WORDS
from tui.core.quotes.marks import Piece

__all__ = ["REPORTING_NOUNS", "REPORTING_VERBS", "sentence_bounds", "writers_own"]

REPORTING_NOUNS = frozenset(
    """
    claim claims statement statements assertion assertions remark remarks comment comments
    promise promises pledge pledges suggestion suggestions description label labels slogan
    slogans message messages speech speeches tweet tweets word words phrase phrases term
    terms argument arguments accusation accusations warning warnings call calls vow vows
    charge charges criticism announcement testimony rhetoric language moniker nickname
    nicknames insistence assessment characterization complaint complaints cry chant chants
    quote quotes quip joke jokes insult insults boast boasts retort response answer answers
    explanation admission denial threat threats proposal plea demand demands prediction
    """.split()
)
"""Nouns that report what somebody said (``his promise to be “neutral”``)."""

REPORTING_VERBS = (
    frozenset(
        """
        implied implies implying suggested suggests derided derides chided insulted blasted
        attacked criticized criticised praised called calls labeled labelled branded dubbed
        described referred refers promised pledged vowed argued insisted claimed alleged
        accused warned urged asked demanded declared predicted joked quipped mocked dismissed
        decried denounced lamented complained touted boasted bragged hailed slammed ripped
        rejected defended endorsed recalled acknowledged conceded admitted denied promising
        vowing calling
        """.split()
    )
    | CUE_WORDS
)
"""Verbs that report or characterise speech: the engine's cue words and their kin."""

_WORD_RE = re.compile(r"[\w\u2019'-]+")
_SENT_END_RE = re.compile(r"[.!?][\"\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z])")


def sentence_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` within its paragraph ``text[lo:hi]``: from
    the last sentence end before ``start`` to the first one after ``end``."""
    s = lo
    for m in _SENT_END_RE.finditer(text, lo, start):
        s = m.end()
    m2 = _SENT_END_RE.search(text, end, hi)
    return s, (m2.start() + 1 if m2 is not None else hi)


def _reports(words: list[str]) -> bool:
    for w in words:
        if w in REPORTING_VERBS or w in REPORTING_NOUNS:
            return True
        if w.endswith(("'s", "\u2019s")) and w[:-2] in REPORTING_NOUNS:
            return True
    return False


def writers_own(text: str, piece: Piece, guess: Attribution) -> bool:
    """Whether the short marked ``piece``, whose speaker was only guessed (``guess``:
    no pattern next to it names one), reads as the writer's own words.

    Its sentence (outside the piece) has no verb or noun of saying, and one of: it is a
    single word; the guessed speaker is not in that sentence; or the guess came with a
    cue, which is then a neighbouring quotation's.
    """
    start, end, _group, ps, pe = piece
    speaker_span, borrowed_cue = guess.speaker_span, guess.cue is not None
    lo, hi = sentence_bounds(text, start, end, ps, pe)
    words = _WORD_RE.findall(text[lo:start].lower()) + _WORD_RE.findall(text[end:hi].lower())
    if _reports(words):
        return False
    if len(text[start:end].split(None, 1)) == 1 or borrowed_cue:
        return True
    if speaker_span is None:
        return False
    at = speaker_span[0]
    return not (lo <= at < start or end <= at < hi)

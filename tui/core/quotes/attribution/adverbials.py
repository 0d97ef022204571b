"""Words between a subject and its verb that are not the subject, and relative clauses
that describe someone instead of reporting what they said."""

from __future__ import annotations

from tui.core.quotes.attribution.cues import CUE_WORDS
from tui.core.quotes.attribution.subject_spans import VERBISH
from tui.core.quotes.attribution.word_classes import TIME_WORDS

Tokens = list[tuple[int, int]]

_TIME_LEADS = {"on", "last", "this", "earlier", "late", "early"}
_TIME_PHRASE = TIME_WORDS | _TIME_LEADS


def drop_time_adverbial(seg: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``toks`` without a time adverbial between a subject and its verb (``Ana Ruiz on
    Tuesday called``, ``the mayor last week said``)."""
    w = seg[toks[-1][0] : toks[-1][1]].lower() if toks else ""
    if w not in TIME_WORDS or w in ("now", "then", "here", "there", "recently", "later"):
        return toks
    k = len(toks) - 1
    while (
        k > 0
        and len(toks) - k < 4
        and (seg[toks[k - 1][0] : toks[k - 1][1]].lower() in _TIME_PHRASE)
    ):
        k -= 1  # Ana Ruiz later on Tuesday said
    if k < 1 or not seg[toks[k - 1][0]].isalpha():
        return toks
    if seg[toks[k][0]].isupper() and seg[toks[k - 1][0]].isupper():
        return toks  # Theresa May said / Joe Friday said: a name, unless "on" leads
    return toks[:k]


_SETTING_PREPS = {"in", "during", "at"}
_SETTING_DETS = {"his", "her", "their", "its", "a", "an", "the"}


def skip_setting(seg: str, toks: Tokens, k: int) -> int:
    """The index of the verb after a short setting phrase at ``toks[k]`` between a
    subject and its verb (``Ana Ruiz in her first speech called``), or ``k`` when there
    is none."""
    if (
        k + 2 >= len(toks)
        or seg[toks[k][0] : toks[k][1]] not in _SETTING_PREPS
        or seg[toks[k + 1][0] : toks[k + 1][1]].lower() not in _SETTING_DETS
    ):
        return k
    for j in range(k + 2, min(len(toks), k + 6)):
        w = seg[toks[j][0] : toks[j][1]]
        if not w.isalpha():
            return k
        wl = w.lower()
        if wl in CUE_WORDS or wl in VERBISH or len(wl) > 4 and wl.endswith("ed"):
            return j if j > k + 2 else k
    return k


def restrictive(seg: str, toks: Tokens, k: int) -> bool:
    """Whether the ``who`` at ``toks[k]`` opens a restrictive relative or an indirect
    question (``judges who serve in``, ``discussing who deserves``) whose verb is no cue:
    such a clause describes someone instead of reporting their words."""
    if k == 0 or k + 1 >= len(toks):
        return False
    prev = seg[toks[k - 1][0] : toks[k - 1][1]]
    nxt = seg[toks[k + 1][0] : toks[k + 1][1]].lower()
    return prev.isalpha() and prev.islower() and nxt.isalpha() and nxt not in CUE_WORDS

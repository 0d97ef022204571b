"""Clauses that decide whose cue a quote hangs on: ``with`` absolutes and relatives.

``the campaign denied it, with Ana Ruiz taking to Twitter to call him “a liar”``: the
absolute clause has its own subject, who speaks. ``Trump, whom he called “a con
artist”``: a relative clause is part of what the sentence's outer source said, unless
the relative answers (``to which 21% said “…”``) or is itself the subject of what is
reported (``which an audit said was “…”``).
"""

from __future__ import annotations

import re

from tui.core.quotes.attribution.cues import STANCE_WORDS, scan_cues
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.noun_phrases import np_before

_WITH_ABS_RE = re.compile(
    r",[ \u00a0]+with[ \u00a0]+((?:[\w\u2019'.-]+[ \u00a0]+){1,6}?)(?:\w+ly[ \u00a0]+)?"
    r"([a-z]+ing)\b(?=[^,;:]*$)"
)
_WITH_NEAR_RE = re.compile(r",[ \u00a0]+with[ \u00a0]+$")


def with_absolute(seg: str, lo: int, qstart: int) -> Found | None:
    """The subject of an absolute clause between a cue (ending at ``lo``) and the quote:
    ``the campaign denied it, with Ana Ruiz taking to Twitter to call him “a liar”``."""
    m = _WITH_ABS_RE.search(seg, lo, qstart)
    if m is None or not scan_cues(seg, m.start(2), qstart, STANCE_WORDS):
        return None  # …, with costs soaring to “…”: no saying in the clause
    np = np_before(seg, m.end(1), m.start(1))
    return Found(np, m.span(2), False, 2) if np is not None else None


def opens_with_absolute(seg: str, s0: int, speaker: tuple[int, int]) -> bool:
    """Whether ``speaker`` opens a ``with`` absolute (``…, with Sen. Ana Ruiz telling
    reporters she was “…”``): its cue is its own, not the sentence frame's."""
    return _WITH_NEAR_RE.search(seg, max(s0, speaker[0] - 9), speaker[0]) is not None


_RELATIVE_RE = re.compile(r"(?:^|\W)(?:whom|who|which|that)\s+$", re.IGNORECASE)
_TO_RELATIVE_RE = re.compile(r"\bto\s+$", re.IGNORECASE)
_COPULA_RE = re.compile(r"[ \u00a0]+(?:\w+ly[ \u00a0]+)?(?:is|are|was|were|be|been)[ \u00a0]*$")


def in_relative(seg: str, s0: int, near: Found, qstart: int) -> bool:
    """Whether ``near``'s subject opens a relative or ``that`` clause (whom he called).

    Not when the relative answers (``to which 21% said “…”``) or is the subject of the
    reported clause (``which an audit said was “…”``): the cue's subject is the source.
    """
    a, b = near.speaker
    if seg[a:b].lower() == "who":
        return True
    rel = _RELATIVE_RE.search(seg, max(s0, a - 12), a)
    if rel is None:
        return False
    if _TO_RELATIVE_RE.search(seg, max(s0, rel.start() - 4), rel.start() + 1):
        return False
    return near.cue is None or _COPULA_RE.match(seg, near.cue[1], qstart) is None

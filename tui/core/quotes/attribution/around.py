"""Cues outside the quote's own clause: later in its sentence (``“A disaster” is what
Trump called it``), at the end of the previous paragraph (``Ana Ruiz said:``), or a
signature in the next one (``— Ana Ruiz.``)."""

from __future__ import annotations

import re

from tui.core.quotes.attribution.after import cue_extent
from tui.core.quotes.attribution.before import before_quote
from tui.core.quotes.attribution.cues import MARK_ANY, Cues
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.noun_phrases import np_before
from tui.core.quotes.attribution.rules import according_np
from tui.core.quotes.attribution.words import sentence_end


def after_in_sentence(seg: str, cues: Cues, qend: int, limit: int) -> Found | None:
    """A cue later in the sentence: “A disaster” is what Trump called it."""
    end = sentence_end(seg, qend, limit)
    for m in cues.between(qend, end):
        if not m.group()[:1].islower():
            continue
        if seg[qend : m.start()].rstrip().endswith(","):
            if m.group().endswith("ing"):
                return None  # “a distortion,” describing the team as …: an object follows
            # “a disaster” in the primary, said Paul Beck
            np = according_np(seg, m, end)
            if np:
                return Found(np, cue_extent(seg, m), False, 2)
        # (a comment suggesting …: a noun before a participle is no subject)
        np = np_before(seg, m.start(), qend, not m.group().endswith("ing"))
        if np:
            return Found(np, cue_extent(seg, m), False, 2)
        return None
    return None


def lead_in(text: str, ps: int) -> Found | None:
    """Attribution from the previous paragraph when it ends with a colon (``X said:``)."""
    end = ps - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0 or text[end - 1] != ":":
        return None
    start = text.rfind("\n", 0, end) + 1
    floor = start
    for m in MARK_ANY.finditer(text, start, end):
        floor = m.end()
    return before_quote(text, Cues(text, [(floor, end)]), floor, end)


_DASH_SIGN_RE = re.compile(
    r"\s*\n\s*[-\u2014\u2013]+[ \u00a0]*"
    r"([A-Z][\w\u2019'-]*(?:\.?[ \u00a0][A-Z][\w\u2019'-]*){0,4}|@\w{2,})(?:[ \u00a0]*\(@\w+\))?"
    r"(?:,[^\n,]{1,60}|[ \u00a0]+[A-Z][a-z]+[ \u00a0]\d{1,2},[ \u00a0]\d{4})?\.?[ \u00a0]*"
    r"(?:\n|$)"
)


def signed(text: str, pe: int) -> Found | None:
    """The next paragraph signs the quotation that ends this one: ``— Ana Ruiz.`` (or
    ``— Ana Ruiz, Lyon.``, ``— Mia Koh (@miakoh) May 28, 2016``, ``— @miakoh``)."""
    m = _DASH_SIGN_RE.match(text, pe)
    if m is None:
        return None
    return Found(m.span(1), (m.start(1) - 1, m.start(1)), False, 2)

"""Cues outside the quote's own clause: later in its sentence (``“A disaster” is what
Trump called it``), or at the end of the previous paragraph (``Ana Ruiz said:``)."""

from __future__ import annotations

from tui.core.quotes.attribution.cues import _MARK_ANY, _Cues
from tui.core.quotes.attribution.patterns import _before, _cue_extent
from tui.core.quotes.attribution.phrases import _np_before
from tui.core.quotes.attribution.rules import _according_np, _Found
from tui.core.quotes.attribution.words import _sentence_end


def _after_in_sentence(seg: str, cues: _Cues, qend: int, limit: int) -> _Found | None:
    """A cue later in the sentence: “A disaster” is what Trump called it."""
    end = _sentence_end(seg, qend, limit)
    for m in cues.between(qend, end):
        if not m.group()[:1].islower():
            continue
        if seg[qend : m.start()].rstrip().endswith(","):
            if m.group().endswith("ing"):
                return None  # “a distortion,” describing the team as …: an object follows
            # “a disaster” in the primary, said Paul Beck
            np = _according_np(seg, m, end)
            if np:
                return _Found(np, _cue_extent(seg, m), False, 2)
        # (a comment suggesting …: a noun before a participle is no subject)
        np = _np_before(seg, m.start(), qend, not m.group().endswith("ing"))
        if np:
            return _Found(np, _cue_extent(seg, m), False, 2)
        return None
    return None


def _lead_in(text: str, ps: int) -> _Found | None:
    """Attribution from the previous paragraph when it ends with a colon (``X said:``)."""
    end = ps - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0 or text[end - 1] != ":":
        return None
    start = text.rfind("\n", 0, end) + 1
    floor = start
    for m in _MARK_ANY.finditer(text, start, end):
        floor = m.end()
    return _before(text, _Cues(text, [(floor, end)]), floor, end)

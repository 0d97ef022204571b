"""Speaker rules on top of the attribution patterns: which of two competing patterns
wins, and guesses for quotes without a cue of their own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.patterns import _Found

_LEAD_GAP_RE = re.compile(r"(?:\s+(?:back|in|up))?\s*[,:]\s*$")


def _leads_next(text: str, f: _Found, nxt: int, has_next: bool) -> bool:
    """Whether ``f``'s cue, read after a quote, introduces the next quote instead
    (``“Why now?” Mills then writes back, “You look cute.”``): then a speaker read
    before the quote outranks it."""
    if not has_next or f.cue is None or f.cue[0] < f.speaker[1]:
        return False
    return _LEAD_GAP_RE.match(text, f.cue[1], nxt) is not None


_SAID_END_RE = re.compile(
    r",\s+(he|she|they|[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,2})\s+"
    r"(?:said|says|added|adds|noted|notes|explained|explains|argued|argues)\.\s*$"
)


def _said_before(text: str, ps: int, s0: int) -> tuple[int, int] | None:
    """The speaker of a sentence before ``s0`` (in the paragraph starting at ``ps``)
    that ends in ``, he said.``: a paraphrase that goes on in the next sentence
    (``… drive out bad, he said. Usually only when “…”``)."""
    said = _SAID_END_RE.search(text, max(ps, s0 - 60), s0)
    return said.span(1) if said is not None else None


_LATER_PRONOUN_RE = re.compile(r",\s+(he|she|they)\s+(?!said|says|added)[a-z]+")
_SUBORDINATE_RE = re.compile(r"(?:When|After|While|As|Since|If|Although|Though|Before|Once)\s")


def _later_pronoun(seg: str, s0: int, cue_end: int, qstart: int) -> tuple[int, int] | None:
    """The pronoun subject of the main clause when the cue ending at ``cue_end`` sits in
    a subordinate clause opening the sentence at ``s0`` (``When Trump announced his
    run, he referred to them as “…”``): the quote is the main clause's."""
    if _SUBORDINATE_RE.match(seg, s0) is None:
        return None
    pro = _LATER_PRONOUN_RE.search(seg, cue_end, qstart)
    if pro is None or "," in seg[s0 : pro.start()]:
        return None
    return pro.span(1)


_PARENTHETICAL_RE = re.compile(
    r",\s+(he|she|they|[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,2})\s+"
    r"(said|says|added|adds|noted|notes)\s*,"
)


def _sentence_rules(seg: str, s0: int, qstart: int, near: _Found) -> _Found | None:
    """A speaker that outranks ``near``, the nearest cue before the quote at ``qstart``
    in the sentence starting at ``s0``, or None to keep it."""
    from tui.core.patterns import _Found

    if near.cue is not None and near.strength == 2:
        # When Trump announced …, he referred to them as “…”: the main clause's subject
        pro = _later_pronoun(seg, s0, near.cue[1], qstart)
        if pro is not None:
            return _Found(pro, None, False, 2)
    if s0 <= near.speaker[0]:
        # CNN, Cruz said, called it “…”: a parenthetical cue reports the whole sentence
        par = _PARENTHETICAL_RE.search(seg, s0, qstart)
        if par is not None and par.start(1) != near.speaker[0]:
            return _Found(par.span(1), par.span(2), False, near.strength)
    return None

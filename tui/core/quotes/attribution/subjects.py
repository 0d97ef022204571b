"""The subject guessed for a quote with no cue, skipping noun phrases that name no one.

The guess tries the subject of a subordinate clause holding the quote, then the main
clause's subject, then the names scanned back from the quote; a candidate that cannot
name a speaker (a sentence adverb, an opening participle, a lone article, a state
abbreviation, a nationality adjective before its noun) passes to the next one.
"""

from __future__ import annotations

from tui.core.quotes.attribution.before import before_quote
from tui.core.quotes.attribution.clause_subjects import clause_subject
from tui.core.quotes.attribution.cues import STANCE_WORDS, Cues, possessor_before
from tui.core.quotes.attribution.main_subject import main_subject_span
from tui.core.quotes.attribution.rules import local_subject
from tui.core.quotes.attribution.subject_words import ARTICLES, DEMONYMS, STATE_ABBREVS
from tui.core.quotes.attribution.words import WORD_RE, word_spans

Span2 = tuple[int, int]


def guess_subject(text: str, s0: int, qstart: int) -> Span2 | None:
    """The subject of the sentence from ``s0`` holding a quote with no cue at ``qstart``."""
    r = local_subject(text, s0, qstart)
    if r is not None and (r := _trim(text, s0, r)) is not None:
        return r
    r = main_subject_span(text, s0, qstart)
    if r is not None and (r := _trim(text, s0, r)) is not None:
        return r
    end = qstart
    for _ in range(3):
        r = clause_subject(text, s0, end, initial=True)
        if r is None:
            break
        t = _trim(text, s0, r)
        if t is not None:
            return t
        if text.startswith(",", r[1]):
            # Aspen, Colo., the graduate ended …: the subject after the place
            m = main_subject_span(text, r[1] + 1, qstart)
            if m is not None and (m := _trim(text, s0, m)) is not None:
                return m
        if r[0] >= end:
            break
        end = r[0]  # the Syrian refugees: the next name further back
    return None


def _trim(text: str, s0: int, span: Span2) -> Span2 | None:
    """``span`` without a trailing negated verb (``Its hosts don't hesitate``) or article,
    or None when it names no one."""
    toks = word_spans(text, *span)[:]  # (popped below)
    for k, (a, b) in enumerate(toks):
        if text[a:b].lower().endswith(("n't", "n\u2019t")):
            if k == 0:
                return None  # It wasn’t just …
            toks = toks[:k]
            break
    while len(toks) > 1 and text[toks[-1][0] : toks[-1][1]].lower() in ARTICLES:
        toks.pop()  # one reason the
    if not toks:
        return None
    span = (span[0], toks[-1][1])
    return None if _names_no_one(text, s0, span) else span


def _names_no_one(text: str, s0: int, span: Span2) -> bool:
    """Whether the noun phrase at ``span`` is no possible speaker."""
    a, b = span
    words = [m.group() for m in WORD_RE.finditer(text, a, b)]
    if not words:
        return True
    w0 = words[0]
    w0l = w0.lower()
    before = text[max(s0, a - 40) : a].strip()
    if (
        len(words) == 1
        and w0l.endswith("ly")
        and len(w0) > 4
        and (w0.islower() or text.startswith(",", b))
    ):
        return True  # Specifically, “…” / That’s partly because
    if len(words) == 1 and w0l.endswith("ing") and not before:
        return True  # Acknowledging that “…”, Allen did
    core = [w for w in words if not (w.islower() and w.endswith("ly") and len(w) > 4)]
    if all(w.lower() in ARTICLES for w in core):
        return True  # the / A newly
    if words[-1].endswith(".") and words[-1][:-1] in STATE_ABBREVS:
        return True  # Aspen, Colo.
    return len(words) == 1 and w0 in DEMONYMS and bool(before)  # the Syrian refugees


_POSSESSIVES = {"his", "her", "their", "its"}


def stance_or_possessor(text: str, s0: int, qstart: int) -> tuple[int, int] | None:
    """The subject of a verb of stance before the quote (``the council denounced the
    “…”``), else the possessor of a noun of saying (``his promise to be “…”``). A named
    possessor is the nearer source: ``Ana Ruiz blamed the press for Lee Park's claim
    that “…”``, and ``Lee Park's pledge to be “…”`` has no verb of stance at all."""
    st = before_quote(text, Cues(text, [(s0, qstart)], STANCE_WORDS), s0, qstart)
    poss = possessor_before(text, s0, qstart)
    if poss is not None and (st is None or text[poss[0] : poss[1]].lower() not in _POSSESSIVES):
        return poss
    return st.speaker if st is not None else None  # the verb is no reporting cue

"""Speaker rules on top of the attribution patterns: which of two competing patterns
wins, and guesses for quotes without a cue of their own."""

from __future__ import annotations

import re

from tui.core.quotes.attribution.cues import MARK_ANY, Cues, Hit
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.main_subject import main_subject_span
from tui.core.quotes.attribution.noun_phrases import np_after
from tui.core.quotes.attribution.words import sentence_end, skip_blank

_LEAD_GAP_RE = re.compile(r"(?:\s+(?:back|in|up))?\s*[,:]\s*$")


def leads_next(text: str, f: Found, nxt: int, has_next: bool) -> bool:
    """Whether ``f``'s cue, read after a quote, introduces the next quote instead
    (``“Why now?” Mills then writes back, “You look cute.”``): then a speaker read
    before the quote outranks it."""
    if not has_next or f.cue is None or f.cue[0] < f.speaker[1]:
        return False
    return _LEAD_GAP_RE.match(text, f.cue[1], nxt) is not None


_OBJECT_GAP_RE = re.compile(r"\s*(?:(?:a|an|the|it|him|her|them)\s+)?(?:as\s+)?$")


def object_of(text: str, b: Found, s: int) -> bool:
    """Whether the quote at ``s`` is the object of ``b``'s verb, right before it
    (``what Gilbert called “a perception problem”``): then ``b`` outranks a speaker
    read after the quote."""
    if b.cue is None or not text[b.cue[1] - 1].isalpha():
        return False
    if _FINITE_OPEN_RE.match(text, s) is not None and text[b.cue[0] : b.cue[1]].lower() not in (
        "asked",
        "asks",
        "ask",
        "wondered",
        "wonders",
        "questioned",
    ):
        return False  # Nothing Ruiz said “will calm them,” Lee said: the quote is a predicate
    return _OBJECT_GAP_RE.match(text, b.cue[1], s) is not None


_FINITE_OPEN_RE = re.compile(
    r"[\"'\u201c\u2018]+(?:will|would|can|could|should|must|may|might|is|are|was|were|"
    r"has|have|had|does|do|did)\b"
)


def object_possible(text: str, s: int) -> bool:
    """Whether :func:`_object_of` can hold for any speaker read before the quote at
    ``s``: only when a letter ends the text before it, blanks aside (the end of the
    verb, or of the ``the`` or ``as`` between the verb and the quote)."""
    t = s
    while t > 0 and text[t - 1].isspace():
        t -= 1
    return t > 0 and text[t - 1].isalpha()


_COMPLEMENT_RE = re.compile(
    r"[ \u00a0]+(?:that|the|a|an|he|she|they|it|we|his|her|their|its|this|these|those)\b"
)


def own_object(text: str, f: Found | None) -> bool:
    """Whether the verb of a speaker read after the quote takes its own object or clause
    (``“…,” Ana Ruiz said the two cases differ``): the quote then belongs to the clause
    before it."""
    if f is None or f.cue is None or f.speaker[1] > f.cue[0]:
        return False
    return _COMPLEMENT_RE.match(text, f.cue[1]) is not None


_SAID_END_RE = re.compile(
    r",\s+(he|she|they|[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,2})\s+"
    r"(?:said|says|added|adds|noted|notes|explained|explains|argued|argues)\.\s*$"
)


def said_before(text: str, ps: int, s0: int) -> tuple[int, int] | None:
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


_ACCORDING_OPEN_RE = re.compile(r"[\"\u201c\u2018(]*According[ \u00a0]+to[ \u00a0]+")


_PARENTHETICAL_RE = re.compile(
    r",\s+(he|she|they|[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,2})\s+"
    r"(said|says|added|adds|noted|notes)\s*,"
)


def sentence_rules(seg: str, s0: int, qstart: int, near: Found) -> Found | None:
    """A speaker that outranks ``near``, the nearest cue before the quote at ``qstart``
    in the sentence starting at ``s0``, or None to keep it."""
    if near.cue is not None and near.strength == 2:
        # When Trump announced …, he referred to them as “…”: the main clause's subject
        pro = _later_pronoun(seg, s0, near.cue[1], qstart)
        if pro is not None:
            return Found(pro, None, False, 2)
    acc = _ACCORDING_OPEN_RE.match(seg, s0, qstart)
    if acc is not None and near.speaker[0] > acc.end():
        # According to ProPublica, Clinton praised her “…”: the source frames the sentence
        np = np_after(seg, acc.end(), qstart)
        if np is not None and seg[np[1] : np[1] + 1] == ",":
            cue = seg.index("According", acc.start())
            return Found(np, (cue, acc.end() - 1), False, near.strength)
    if s0 <= near.speaker[0]:
        # CNN, Cruz said, called it “…”: a parenthetical cue reports the whole sentence
        par = _PARENTHETICAL_RE.search(seg, s0, qstart)
        if par is not None and par.start(1) != near.speaker[0]:
            return Found(par.span(1), par.span(2), False, near.strength)
    return None


_OPENER_RE = re.compile(
    r"(?<![\w\u2019'-])(?:when|whenever|as|though|although|while|whereas|(?<=,[ \u00a0])"
    r"(?:and|but))[ \u00a0]+(?=\S)"
)


def local_subject(text: str, s0: int, qstart: int) -> tuple[int, int] | None:
    """The subject of the clause holding a quote with no cue, when a subordinate or
    coordinate clause opens between the sentence start ``s0`` and the quote (``The
    rejection was complete when Trump called them “…”``): that clause speaks."""
    for mark in MARK_ANY.finditer(text, s0, qstart):
        s0 = mark.end()  # not inside an earlier quote
    last = None
    for m in _OPENER_RE.finditer(text, s0, qstart):
        last = m
    if last is None:
        return None
    return main_subject_span(text, last.end(), qstart, clause=True)


_OUTLET = r"(?:the[ \u00a0]+)?[A-Z][\w\u2019'.&-]*(?:[ \u00a0]+[A-Z][\w\u2019'.&-]*){0,3}"


_REPORTED_RE = re.compile(
    r",[ \u00a0]+(?:(?P<np>" + _OUTLET + r")[ \u00a0]+(?P<v1>reported|reports)"
    r"|(?P<v2>reported|reports)[ \u00a0]+(?P<np2>" + _OUTLET + r"))"
    r"[ \u00a0]*[.;]?[\"\u201d)]*\s*$"
)


def _reported_by(seg: str, f: Found, end: int) -> Found:
    """A news outlet named at the end of the cue's sentence outranks the cue's subject
    (``“…,” said Ana Ruiz, a lawyer, reports USA Today.``, ``…, the Tribune reported.``)."""
    if f.cue is None or seg.find("report", f.cue[1], end) < 0:
        return f  # (a quick test: the match holds "reported" or "reports")
    m = _REPORTED_RE.search(seg, f.cue[1], end)
    if m is None:
        return f
    g = "np" if m.group("np") is not None else "np2"
    a, b = m.span(g)
    while seg[b - 1] == "." and not seg[b - 2].isupper():
        b -= 1  # the sentence's full stop
    return Found((a, b), m.span("v1" if g == "np" else "v2"), False, f.strength)


def according_to(seg: str, cues: Cues, f: Found, limit: int) -> Found:
    """A source named later with ``according to`` outranks the cue's subject.

    ``“…,” the judge said, according to the Post`` is what the Post reported;
    ``according to calculations by Amy Glasmeier`` names the author after ``by``.
    """
    if f.cue is None:
        return f
    end = sentence_end(seg, f.cue[1], limit)
    for m in cues.between(f.cue[1], end):
        if not m.group().lower().startswith("according"):
            continue
        np = according_np(seg, m, end)
        if np is None:
            return f
        return Found(np, m.span(), False, f.strength)
    return _reported_by(seg, f, end)


def according_np(seg: str, m: Hit, end: int) -> tuple[int, int] | None:
    """The source after ``according to`` (the author in ``calculations by Nora Quist``)."""
    np = np_after(seg, skip_blank(seg, m.end()), end)
    if np is not None and not seg[np[0]][:1].isupper():
        by = _BY_RE.match(seg, np[1])
        if by is not None:
            np2 = np_after(seg, by.end(), end)
            if np2 is not None:
                return np2
    return np


_BY_RE = re.compile(r"[ \u00a0]by[ \u00a0]+(?=[A-Z])")


_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:is|are|was|were|been|be|being|often|also|widely)?\s*"
    r"(?:called|labeled|labelled|dubbed|branded|described|deemed|termed|derided|decried|"
    r"criticized|praised|hailed|uttered|mocked|denounced)\s+(?:as\s+)?(?:(?:a|an|the)\s+)?$"
)


_BY_AS_RE = re.compile(
    r"\b(?:seen|known|viewed|regarded|described|called|labell?ed|branded|dubbed|derided|"
    r"hailed|praised|criticized|criticised|considered|characterized|characterised|portrayed|"
    r"cast|touted|billed|denounced|mocked|decried|embraced|pitched|sold|framed|painted|"
    r"remembered|perceived|treated)[ \u00a0]+(?P<by>by)[ \u00a0]+"
    r"((?:(?!(?:as|by)\b)[\w\u2019'.-]+[ \u00a0]+){0,5}?(?!(?:as|by)\b)[\w\u2019'.-]+)"
    r"[ \u00a0]+as[ \u00a0]+"
    r"(?:(?:a|an|the)[ \u00a0]+)?$"
)


_BY_AFTER_RE = re.compile(r"[\s,\u2014\u2013-]*(?:once,?\s+|again,?\s+)?by[ \u00a0]+(?=\S)")


def passive_agent(text: str, s: int, e: int, limit: int) -> Found | None:
    """The agent of a passive naming the quote: ``has been called “strategic ambiguity”
    by Joshua Hendrick`` / ``labeled as a “witch hunt” by Democrats`` / ``an option
    seen by organizers as a “lifeboat”``."""
    m = _BY_AFTER_RE.match(text, e, limit)
    if m is None or _PASSIVE_BEFORE_RE.search(text, max(0, s - 40), s) is None:
        a = _BY_AS_RE.search(text, max(0, s - 100), s) if _by_as_possible(text, s) else None
        if a is None:
            return None
        return Found(a.span(2), a.span("by"), False, 3)  # seen by voters as a “…”
    np = np_after(text, m.end(), limit)
    if np is None:
        return None
    return Found(np, (m.end() - 3, m.end() - 1), False, 3)


_AS_TAILS = ("as", " a", " an", " the", "\u00a0a", "\u00a0an", "\u00a0the")


def _by_as_possible(text: str, s: int) -> bool:
    """A cheap test that ``_BY_AS_RE`` may match before ``s``: its match ends with a blank
    after ``as`` or an article (``$`` may stand before a final line break), and holds
    ``by``."""
    lo = max(0, s - 100)
    end = s - 1 if s > lo and text[s - 1] == "\n" else s
    if end <= lo or text[end - 1] not in " \u00a0":
        return False
    while end > lo and text[end - 1] in " \u00a0":
        end -= 1
    return text.endswith(_AS_TAILS, lo, end) and text.find("by", lo, s) >= 0


def ends_sentence(text: str, s: int, e: int) -> bool:
    """The quotation ``text[s:e]`` ends with a full stop inside its closing mark."""
    k = e - 1
    while k > s and not text[k].isalnum() and text[k] not in ".,?!":
        k -= 1
    return text[k] == "."

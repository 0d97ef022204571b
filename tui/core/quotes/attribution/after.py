"""Patterns after a quotation: a speaker and a cue right after the closing mark
(``“…,” Rezaei said`` / ``“…,” said Rezaei``), and how far a cue reaches."""

from __future__ import annotations

import re

from tui.core.quotes.attribution.cues import (
    Cues,
    Hit,
)
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.noun_phrases import np_after, np_before
from tui.core.quotes.attribution.titles import NOT_NAMES
from tui.core.quotes.attribution.word_classes import AUX_SET, DETERMINERS, PRONOUNS
from tui.core.quotes.attribution.words import ABBREV_RE, abbreviation, skip_blank

_AFTER_LEAD = re.compile(r"[\s,;:\u2014\u2013-]*")


_TOLD_OBJ = re.compile(
    r"\s+((?:[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})|reporters|him|her|them|"
    r"us|me|the\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
)


def cue_extent(seg: str, m: Hit) -> tuple[int, int]:
    a, b = m.span()
    if m.group().lower() in ("told", "tells", "telling", "tell"):
        t = _TOLD_OBJ.match(seg, b)
        if t:
            b = t.end()
            if seg[b - 1] == "." and not abbreviation(seg[t.start(1) : b].split()[-1]):
                b -= 1
    return a, b


def after_quote(seg: str, cues: Cues, qend: int, limit: int) -> Found | None:
    """Speaker and cue right after the closing mark."""
    pos = _AFTER_LEAD.match(seg, qend, limit)
    assert pos is not None
    p = pos.end()
    if p >= limit:
        return None
    # cue first: said Rezaei
    m = cues.at(p)
    if (
        m is None
        and seg.startswith(("read ", "reads "), p)
        and seg[p - 2 : p].strip(" ") in (",\u201d", ',"', ",''", "\u201d", '"', "''")
    ):
        m = Hit(p, seg.index(" ", p), seg[p : seg.index(" ", p)])  # “…,” read the sign
    if m is not None and m.group()[:1].islower():
        if m.group().endswith("ing") and not m.group().startswith("according"):
            return None  # “…,” describing the team as …: an object follows
        if m.group().split()[0] in _OBJECT_VERBS:
            return None  # “…,” described the impact as …: the verb takes an object
        np = np_after(seg, skip_blank(seg, m.end()), limit)
        if np:
            return Found(np, cue_extent(seg, m), False, 3)
        return None
    # subject first: Rezaei said / Jane Doe, a spokeswoman for X, said
    return _after_subject_first(seg, cues, qend, p, min(limit, p + 200))


_OBJECT_VERBS = {
    "described",
    "describes",
    "denounced",
    "denounces",
    "reflects",
    "reflected",
    "called",
    "calls",
    "dubbed",
    "labeled",
    "labelled",
    "termed",
    "branded",
}


AFTER_VERBS = {
    "notes",
    "states",
    "read",
    "reads",
    "recalls",
    "surmised",
    "commented",
    "questioned",
    "mused",
    "wondered",
    "offered",
    "quipped",
    "pressed",
    "interjected",
    "relayed",
    "echoed",
    "started",
    "began",
    "chimed",
    "boomed",
}


_LEAD_BAD = {
    "and",
    "but",
    "or",
    "so",
    "then",
    "as",
    "if",
    "when",
    "while",
    "because",
    "that",
    "which",
    "where",
    "though",
    "although",
    "after",
    "before",
    "since",
    "until",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "not",
    "there",
    "here",
    "it's",
    "what",
    "how",
    "why",
    "even",
    "also",
    "just",
    "only",
    "more",
    "most",
}


_TOKEN_RE = re.compile(r"[^\W_][\w\u2019'.&-]*|[^\w\s]")


# a verb that takes an infinitive or strands a preposition describes the quote instead of
# reporting it (“…” — an issue Democrats have struggled with / Ana Ruiz has struggled to)
_STRANDED_RE = re.compile(r"\s+(?:with|to)\b")


_FINITE = {"has", "had", "have", "is", "was", "are", "were", "did", "does"}


CLOSE_MARKS = "\"'\u201d\u201c\u00bb\u203a\u2019"


def _after_subject_first(seg: str, cues: Cues, qend: int, p: int, limit: int) -> Found | None:
    """``“…,” Jane Doe, a spokeswoman for X, said``: the words before the verb speak."""
    lower = 0
    depth = 0
    commas = 0
    k = qend - 1
    while k > 0 and seg[k] in CLOSE_MARKS:
        k -= 1
    comma_end = seg[k] in ",?!\u2014-" or seg[qend:p].strip().startswith((",", "\u2014", "-"))
    at = cues.by_start.get
    seen: list[tuple[int, int]] = []  # the tokens before the verb, for _subject_span
    for m in _TOKEN_RE.finditer(seg, p, limit):
        w = m.group()
        ms = m.start()
        seen.append(m.span())
        if w == "(":
            depth += 1
            continue
        if w == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if not w[0].isalnum():
            if w == ",":
                commas += 1
                continue
            if w in "-\u2014\u2013" or (
                w == "." and ms > p and ABBREV_RE.search(seg, max(0, ms - 6), ms)
            ):
                continue
            return None
        hit = at(ms) if w[0].islower() else None
        bare = w.rstrip(".")
        past = (
            comma_end
            and not commas
            and len(bare) > 4
            and bare.islower()
            and (
                bare.endswith("ed")
                and not _STRANDED_RE.match(seg, m.end())
                or bare.endswith("s")
                and not bare.endswith("ss")
                and seg[m.end() : m.end() + 1] in (".", ",", ";")
            )
            and (
                lower == 0
                or lower == 1
                and seg[p:ms].strip() in ("it", "he", "she", "they", "we", "I")
                or lower <= 2
                and seg[p:ms].split()[0].lower() in ("a", "an", "the")
                and any(c.isupper() for c in seg[p:ms])
            )
        )  # “…,” it recommended / “…,” an angry Hollande retaliated: a verb outside the lexicon
        if hit is not None or (bare in AFTER_VERBS and comma_end) or past:
            end = hit.b if hit is not None else ms + len(bare)
            seen.pop()
            return _subject_span(seg, seen, (ms, end), hit)
        if w.endswith(".") and not abbreviation(w):
            return None
        if not w[0].islower():
            continue
        if w in AUX_SET or (w.endswith("ly") and len(w) > 4):
            continue
        lower += 1
        if lower > (6 if not commas else 24) or ms == p and w in _LEAD_BAD:
            return None
    return None


def _subject_span(
    seg: str, toks: list[tuple[int, int]], cue: tuple[int, int], hit: Hit | None
) -> Found | None:
    """The speaker written in the tokens ``toks`` before the verb (auxiliaries dropped;
    ``toks`` is changed)."""
    while toks and (
        seg[toks[-1][0] : toks[-1][1]] in AUX_SET
        or seg[toks[-1][0] : toks[-1][1]] in (",", "-", "\u2014", "\u2013")
    ):
        toks.pop()
    if not toks or len(toks) > 24:
        return None
    for x, y in toks[1:]:
        if seg[x:y] in (",", "(", "-", "\u2014", "\u2013"):
            break
        if seg[x:y] in _FINITE:
            return None  # “of course” Clinton has the qualifications …: a clause
    first = seg[toks[0][0] : toks[0][1]]
    fl = first.lower()
    if (fl in _LEAD_BAD or fl in NOT_NAMES and fl not in DETERMINERS) and len(toks) > 2:
        # “…” That's why, he added, … : the speaker is the parenthetical subject
        for x in range(len(toks) - 1, 0, -1):
            if seg[toks[x][0] : toks[x][1]] == ",":
                np = np_before(seg, toks[-1][1], toks[x][1])
                if np is not None:
                    return Found(np, cue_extent(seg, hit) if hit else cue, False, 3)
                break
        return None
    if fl in _LEAD_BAD or not first[0].isalnum():
        return None
    if first[0].islower() and fl not in DETERMINERS and fl not in PRONOUNS:
        return None
    # the speaker is the part before an appositive or a parenthesis
    end = toks[-1][1]
    for x, y in toks[1:]:
        sep = seg[x:y]
        if sep in (",", "(", "-", "\u2014", "\u2013") and (sep != "-" or seg[x - 1] == " "):
            end = x
            break
    while end > toks[0][0] and seg[end - 1].isspace():
        end -= 1
    span = (toks[0][0], end)
    words = seg[span[0] : span[1]].split()
    if len(words) > 9:
        return None
    cue_span = cue_extent(seg, hit) if hit is not None else cue
    return Found(span, cue_span, False, 3)

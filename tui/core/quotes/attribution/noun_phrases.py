"""Noun phrases next to a reporting cue: the one ending before it, the one opening after it."""

from __future__ import annotations

import itertools
import re

from tui.core.quotes.attribution.adverbials import drop_time_adverbial
from tui.core.quotes.attribution.subject_spans import (
    VERBISH,
    apposed_name,
    in_number,
)
from tui.core.quotes.attribution.titles import NOT_NAMES
from tui.core.quotes.attribution.word_classes import (
    APPOSITIVE_OPENERS,
    AUX_SET,
    BREAK_WORDS,
    DETERMINERS,
    PRONOUNS,
    TIME_WORDS,
)
from tui.core.quotes.attribution.words import WORD_RE, word_spans


def np_before(seg: str, end: int, floor: int, finite: bool = True) -> tuple[int, int] | None:
    """The noun phrase ending at ``seg[end]`` (subject of a following verb), as offsets."""
    toks = word_spans(seg, floor, end)[:]  # (popped below)
    # drop auxiliaries/adverbs between subject and verb
    while toks:
        w = seg[toks[-1][0] : toks[-1][1]].lower()
        if (w in AUX_SET or w.endswith("ly") and len(w) > 4) and not seg[toks[-1][0]].isupper():
            toks.pop()
        else:
            break
    toks = drop_time_adverbial(seg, toks)
    if not toks:
        return None
    last = seg[toks[-1][0] : toks[-1][1]]
    if last == ",":
        # appositive: Jane Doe, a spokeswoman for X, said
        if not finite:
            return None
        # a relative or determiner opening the appositive may sit behind inner commas
        # (Mr. Slinker, whose start-up, Paradata, uses big data, said)
        k = len(toks) - 2
        while k >= 0 and len(toks) - k <= 40:
            t = seg[toks[k][0] : toks[k][1]]
            if t in (".", ";", ":", "(", ")") and not in_number(seg, toks[k][0]):
                break
            if (
                t == ","
                and k + 1 < len(toks) - 1
                and seg[toks[k + 1][0] : toks[k + 1][1]].lower() in APPOSITIVE_OPENERS
            ):
                np = np_before(seg, toks[k][0], floor)
                if np is not None:
                    return np
            k -= 1
        k = len(toks) - 2
        while k >= 0 and (
            seg[toks[k][0] : toks[k][1]] not in (",", ".", ";", ":", "(", ")")
            or in_number(seg, toks[k][0])
        ):
            k -= 1
        if k < 0 or seg[toks[k][0] : toks[k][1]] != "," or len(toks) - k > 30:
            return None
        np = np_before(seg, toks[k][0], floor)
        name = apposed_name(seg, toks[k + 1 : -1], np, floor)
        if name is not None:
            return name  # The mayor of Lyon, Lena Kurz, said: the name
        return np
    if last == ")":
        # Sen. Ted Cruz (R-Texas) said
        k = len(toks) - 2
        while k >= 0 and seg[toks[k][0] : toks[k][1]] != "(":
            k -= 1
        if k < 0 or len(toks) - k > 8:
            return None
        return np_before(seg, toks[k][0], floor)
    if not last[0].isalnum():
        return None
    lw = last.lower()
    if lw in PRONOUNS:
        return toks[-1]
    if lw[-3:-2] in ("'", "\u2019") and lw[:-3] in PRONOUNS and lw[-2:] == "ve":
        return toks[-1][0], toks[-1][1] - 3  # they've said: the pronoun
    if lw[-2:-1] in ("'", "\u2019") and lw[:-2] in ("he", "she") and lw[-1:] == "s":
        return toks[-1][0], toks[-1][1] - 2  # he's said
    if lw in _CLAUSE_LINKS or lw in ("it's", "it\u2019s"):
        return None  # (it's said that “…”: no one)
    # collect a run of words
    k = len(toks) - 1
    start = k
    while k >= 0 and len(toks) - k <= 7:
        w = seg[toks[k][0] : toks[k][1]]
        wl = w.lower()
        if not w[0].isalnum() and w not in ("&",):
            break
        if (wl in BREAK_WORDS or wl in PRONOUNS) and not w[:1].isupper():
            break
        if not w[:1].isupper() and (
            wl in VERBISH
            or wl == "cannot"
            or len(wl) > 5
            and wl.endswith("ed")
            and k > 0
            and seg[toks[k - 1][0] : toks[k - 1][1]].lower() not in DETERMINERS
        ):
            break  # a verb: the platform committee meeting began vowing
        if wl in TIME_WORDS and k != len(toks) - 1:
            break
        start = k
        if wl in DETERMINERS:
            break
        k -= 1
    part = (
        start >= 2
        and seg[toks[start - 1][0] : toks[start - 1][1]] == "of"
        and seg[toks[start - 2][0] : toks[start - 2][1]].lower() in _PARTITIVES
    )
    if part:
        start -= 2  # one of her aides said: the quantifier heads the phrase
    # strip leading non-name capitalised words (sentence-initial In, When...)
    lead = start
    while start < len(toks) - 1:
        w0 = seg[toks[start][0] : toks[start][1]]
        if not w0[:1].isupper() or w0.lower() not in NOT_NAMES or w0.lower() in DETERMINERS:
            break
        start += 1
    words = [seg[a:b] for a, b in toks[start:]]
    if all(w.lower() in BREAK_WORDS or w.lower() in TIME_WORDS for w in words):
        return None
    if len(words) == 1 and not words[0][:1].isupper() and words[0].lower() in NOT_NAMES:
        return None
    # subject position: after the start, a punctuation mark, a conjunction or a relative
    if lead > 0:
        prev = seg[toks[lead - 1][0] : toks[lead - 1][1]]
        if (
            prev[0].isalnum()
            and prev.lower() not in _SUBJ_BEFORE
            and not prev[0].isupper()
            and not (prev == "of" and any(w[:1].isupper() for w in words))
        ):  # (not after "of": Secretary of State John Kerry)
            if finite and prev in _NP_PREPOSITIONS:
                # a columnist for the news site Pando said: the phrase from the head
                # noun before the preposition is the subject
                head = np_before(seg, toks[lead - 1][0], floor)
                if (
                    head is not None
                    and seg[head[0] : head[1]].lower() not in PRONOUNS
                    and _PARTICIPLE_RE.search(seg, head[0], toks[-1][1]) is None
                ):
                    if seg[max(floor, head[0] - 2) : head[0]].strip() == ",":
                        # Ana Ruiz, a spokeswoman for the club said: an appositive
                        # whose closing comma is missing; the name before it
                        owner = np_before(seg, seg.rindex(",", floor, head[0]), floor)
                        if owner is not None and all(
                            w[:1].isupper() for w in seg[owner[0] : owner[1]].split()
                        ):
                            return owner
                    return head[0], toks[-1][1]
            return None
    elif toks[lead][0] > floor and seg[floor : toks[lead][0]].strip():
        return None
    if not any(w[:1].isupper() for w in words) and words[0].lower() not in DETERMINERS:
        if len(words) > 2 and not part:
            return None
    return toks[start][0], toks[-1][1]


_NP_PREPOSITIONS = {"for", "of", "from"}


_PARTICIPLE_RE = re.compile(r"\b[a-z]+ing\b")


_PARTITIVES = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "some",
    "many",
    "most",
    "all",
    "each",
    "several",
    "none",
    "both",
    "either",
    "neither",
    "few",
    "half",
    "any",
}


_CLAUSE_LINKS = {
    "and",
    "but",
    "or",
    "then",
    "that",
    "which",
    "before",
    "after",
    "by",
    "upon",
    "while",
    "when",
    "as",
    "to",
    "of",
    "without",
    "in",
    "with",
    "for",
    "from",
    "on",
    "at",
}


_SUBJ_BEFORE = {
    "and",
    "but",
    "that",
    "as",
    "while",
    "when",
    "because",
    "if",
    "so",
    "though",
    "although",
    "where",
    "after",
    "before",
    "since",
    "until",
    "which",
    "who",
    "why",
    "how",
    "whom",
    "whose",
    "what",
    "once",
    "then",
    "also",
    "yet",
    "meanwhile",
    "later",
    "now",
    "today",
    "here",
    "there",
    "earlier",
    "ago",
    "recently",
    "instead",
    "too",
    "however",
    "again",
    "afterward",
    "afterwards",
    "soon",
    "only",
}


_POST_STOP = BREAK_WORDS | TIME_WORDS | {"who", "whose", "which", "in", "on", "at"}


def np_after(seg: str, begin: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``seg[begin]`` (``said Jane Doe, a spokeswoman``)."""
    # read lazily: the phrase is a few words long, the range often the rest of the
    # paragraph (the lookahead below reads the three words after the first)
    found = WORD_RE.finditer(seg, begin, limit)
    toks = [m.span() for m in itertools.islice(found, 4)]
    out: list[tuple[int, int]] = []
    for a, b in itertools.chain(toks, (m.span() for m in found)):
        w = seg[a:b]
        wl = w.lower()
        if not w[0].isalnum():
            if w in (".",) and out and len(seg[out[-1][0] : out[-1][1]]) <= 3:
                continue
            break
        if out and wl in _POST_STOP and not w[:1].isupper():
            break
        if not out and wl in PRONOUNS:
            return a, b
        if not out and not w[:1].isupper() and wl not in DETERMINERS and not w[0].isdigit():
            # said campaign manager Jeff Weaver: a job title before a name is fine
            ahead = [seg[x:y] for x, y in toks[len(out) + 1 : len(out) + 4]]
            if wl in _POST_STOP or not any(x[:1].isupper() for x in ahead):
                return None
        out.append((a, b))
        if len(out) >= 7:
            break
    if not out:
        return None
    # trailing periods belong to the sentence, not to the name (unless an initial)
    a, b = out[0][0], out[-1][1]
    while b > a and seg[b - 1] in ".\u2019'" and not (b - a >= 2 and seg[b - 2].isupper()):
        b -= 1
    if seg[a:b].lower() in BREAK_WORDS or seg[a:b].lower() in TIME_WORDS:
        return None
    return a, b

"""Noun phrases around reporting cues: subjects, appositives, clause and main subjects."""

from __future__ import annotations

import re

from tui.core.quotes.attribution.adverbials import _drop_time_adverbial, _restrictive, _skip_setting
from tui.core.quotes.attribution.cues import (
    _CUE_WORDS,
)
from tui.core.quotes.attribution.subject_spans import (
    _VERBISH,
    _apposed_name,
    _in_number,
    _more_appositives,
)
from tui.core.quotes.attribution.words import (
    _ABBREV,
    _APPOSITIVE_OPENERS,
    _AUX_SET,
    _BREAK_WORDS,
    _DETERMINERS,
    _NOT_NAMES,
    _PRONOUNS,
    _TIME_WORDS,
    _key,
    _word_spans,
)

# Noun phrases -------------------------------------------------------------------------


def _np_before(seg: str, end: int, floor: int, finite: bool = True) -> tuple[int, int] | None:
    """The noun phrase ending at ``seg[end]`` (subject of a following verb), as offsets."""
    toks = _word_spans(seg, floor, end)[:]  # (popped below)
    # drop auxiliaries/adverbs between subject and verb
    while toks:
        w = seg[toks[-1][0] : toks[-1][1]].lower()
        if (w in _AUX_SET or w.endswith("ly") and len(w) > 4) and not seg[toks[-1][0]].isupper():
            toks.pop()
        else:
            break
    toks = _drop_time_adverbial(seg, toks)
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
            if t in (".", ";", ":", "(", ")") and not _in_number(seg, toks[k][0]):
                break
            if (
                t == ","
                and k + 1 < len(toks) - 1
                and seg[toks[k + 1][0] : toks[k + 1][1]].lower() in _APPOSITIVE_OPENERS
            ):
                np = _np_before(seg, toks[k][0], floor)
                if np is not None:
                    return np
            k -= 1
        k = len(toks) - 2
        while k >= 0 and (
            seg[toks[k][0] : toks[k][1]] not in (",", ".", ";", ":", "(", ")")
            or _in_number(seg, toks[k][0])
        ):
            k -= 1
        if k < 0 or seg[toks[k][0] : toks[k][1]] != "," or len(toks) - k > 30:
            return None
        np = _np_before(seg, toks[k][0], floor)
        name = _apposed_name(seg, toks[k + 1 : -1], np, floor)
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
        return _np_before(seg, toks[k][0], floor)
    if not last[0].isalnum():
        return None
    lw = last.lower()
    if lw in _PRONOUNS:
        return toks[-1]
    if lw[-3:-2] in ("'", "\u2019") and lw[:-3] in _PRONOUNS and lw[-2:] == "ve":
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
        if (wl in _BREAK_WORDS or wl in _PRONOUNS) and not w[:1].isupper():
            break
        if not w[:1].isupper() and (
            wl in _VERBISH
            or wl == "cannot"
            or len(wl) > 5
            and wl.endswith("ed")
            and k > 0
            and seg[toks[k - 1][0] : toks[k - 1][1]].lower() not in _DETERMINERS
        ):
            break  # a verb: the platform committee meeting began vowing
        if wl in _TIME_WORDS and k != len(toks) - 1:
            break
        start = k
        if wl in _DETERMINERS:
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
        if not w0[:1].isupper() or w0.lower() not in _NOT_NAMES or w0.lower() in _DETERMINERS:
            break
        start += 1
    words = [seg[a:b] for a, b in toks[start:]]
    if all(w.lower() in _BREAK_WORDS or w.lower() in _TIME_WORDS for w in words):
        return None
    if len(words) == 1 and not words[0][:1].isupper() and words[0].lower() in _NOT_NAMES:
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
                head = _np_before(seg, toks[lead - 1][0], floor)
                if (
                    head is not None
                    and seg[head[0] : head[1]].lower() not in _PRONOUNS
                    and _PARTICIPLE_RE.search(seg, head[0], toks[-1][1]) is None
                ):
                    if seg[max(floor, head[0] - 2) : head[0]].strip() == ",":
                        # Ana Ruiz, a spokeswoman for the club said: an appositive
                        # whose closing comma is missing; the name before it
                        owner = _np_before(seg, seg.rindex(",", floor, head[0]), floor)
                        if owner is not None and all(
                            w[:1].isupper() for w in seg[owner[0] : owner[1]].split()
                        ):
                            return owner
                    return head[0], toks[-1][1]
            return None
    elif toks[lead][0] > floor and seg[floor : toks[lead][0]].strip():
        return None
    if not any(w[:1].isupper() for w in words) and words[0].lower() not in _DETERMINERS:
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


def _clause_subject(
    seg: str, s0: int, end: int, initial: bool = False, names_only: bool = False
) -> tuple[int, int] | None:
    """The subject of the clause ending at ``end``: the nearest nominative pronoun, or a
    name followed by a verb-like word, scanning back to the sentence start ``s0``."""
    toks = _word_spans(seg, s0, end)
    fallback: tuple[int, int] | None = None
    k = len(toks) - 1
    while k >= 0:
        a, b = toks[k]
        w = seg[a:b]
        wl = w.lower()
        if (
            wl == "who"
            and not names_only
            and k >= 2
            and seg[toks[k - 1][0]] == ","
            and any(seg[x:y] == "," for x, y in toks[k + 1 :])
        ):
            # Clinton, who was speaking to mayors, told them: the antecedent
            ante = _np_before(seg, toks[k - 1][0], s0)
            if ante is not None:
                return ante
        if wl == "who" and not names_only and k >= 1 and len(toks) - k > 4:
            # a White House official who spoke anonymously … said: the relative clause
            # has its own verb; the antecedent is the subject of the cue
            ante = _np_before(seg, a, s0)
            if ante is not None:
                return ante
        if wl == "who" and initial and _restrictive(seg, toks, k):
            k -= 1  # federal judges who serve in “…”: no one speaks; the subject is further back
            continue
        if wl in ("he", "she", "they", "i", "we", "who") and not names_only:
            if initial and k > 0 and fallback is None:
                pw = seg[toks[k - 1][0] : toks[k - 1][1]].lower()
                if pw in _CUE_WORDS or pw in _COMPLEMENT_VERBS:
                    # saying he is “…”: he is reported; the reporter is further back
                    fallback = (a, b)
                    k -= 1
                    continue
            return a, b
        if (
            w[:1].isupper()
            and wl not in _NOT_NAMES
            and wl not in _TIME_WORDS
            and not (w.endswith(".") and w[:-1] in _ABBREV)
        ):
            # a name run ending here
            j = k
            while (
                j - 1 >= 0
                and seg[toks[j - 1][0] : toks[j - 1][1]][:1].isupper()
                and seg[toks[j - 1][0] : toks[j - 1][1]].lower() not in _NOT_NAMES
            ):
                j -= 1
            nxt = seg[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < len(toks) else ""
            nl = nxt.lower()
            before = seg[toks[j - 1][0] : toks[j - 1][1]] if j > 0 else "."
            at_start = before in (",", ".")
            if before == "." and nxt[:1].islower() and nl not in _BREAK_WORDS:
                if j == k and wl.endswith(("ing", "ly")):
                    k = j - 1  # Reprising one of her lines, …: a participle, no name
                    continue
                return toks[j][0], b
            verbish = (
                bool(nxt)
                and nxt[0].isalpha()
                and not nxt[:1].isupper()
                and (
                    nl in _VERBISH
                    or nl in _AUX_SET
                    or nl in _CUE_WORDS
                    or (nl.endswith(("ed", "s")) and nl not in _BREAK_WORDS and len(nl) > 3)
                )
            )
            after = seg[toks[k + 2][0] : toks[k + 2][1]] if k + 2 < len(toks) else ""
            if (
                nxt == ","
                and after in _CUE_WORDS
                and after.endswith("ing")
                and (before in _CUE_WORDS or before in (",", "."))
            ):
                verbish = True  # said Mr. Burr, adding that he …: the participle's subject
            if verbish or (at_start and nxt in (",", "")):
                a2 = toks[j][0]
                return a2, b
            k = j - 1
            continue
        k -= 1
    if initial:
        return _initial_np(seg, toks) or fallback
    return None


# verbs whose object is a reported clause (argue he is “…”)
_COMPLEMENT_VERBS = {
    "that",
    "arguing",
    "argued",
    "argues",
    "believes",
    "believed",
    "thinks",
    "thought",
    "proposed",
    "suggested",
    "suggesting",
    "insisted",
    "insisting",
    "claimed",
    "claiming",
    "contended",
    "contending",
}


_SUBORDINATORS = {
    "when",
    "while",
    "if",
    "after",
    "before",
    "as",
    "although",
    "though",
    "because",
    "since",
    "once",
    "until",
    "in",
    "on",
    "at",
    "during",
    "with",
    "despite",
    "for",
    "by",
    "from",
    "following",
    "asked",
    "speaking",
    "unlike",
    "like",
    "without",
    "amid",
    "over",
    "under",
    "through",
    "within",
    "still",
    "but",
    "and",
    "yet",
    "so",
    "meanwhile",
    "however",
    "instead",
    "indeed",
    "earlier",
    "later",
    "last",
    "this",
    "then",
    "now",
    "today",
    "yesterday",
    "across",
    "among",
    "around",
    "throughout",
    "beyond",
    "inside",
    "outside",
    "against",
    "given",
    "regarding",
    "upon",
    "toward",
    "towards",
    "alongside",
    "beside",
    "besides",
    "behind",
    "near",
}


_ROUGHLY = {"about", "nearly", "almost", "roughly", "some", "around", "over"}
_COORDINATORS = {"but", "and", "yet", "so"}


_DATELINE_RE = re.compile(
    r"\s*[A-Z][A-Z.'-]*(?:[ \u00a0][A-Z][A-Z.'-]*)*"
    r"(?:,[ \u00a0][A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?)?"
    r"(?:[ \u00a0]\([^)\n]{1,30}\))?[ \u00a0]+[-\u2014\u2013]+[ \u00a0]+(?=[A-Z])"
)


def _main_subject(seg: str, s0: int, end: int, clause: bool = False) -> tuple[int, int] | None:
    """The subject of the main clause of the sentence starting at ``s0`` (before ``end``):
    the first pronoun, name or noun phrase followed by a verb, after an introductory
    phrase (``When ..., he laughed and said``). With ``clause``, ``s0`` opens a
    subordinate clause (after ``when``, ``because``…) whose subject may be lower case."""
    if not clause:
        d = _DATELINE_RE.match(seg, s0, end)
        if d is not None:
            s0 = d.end()  # WASHINGTON — Sen. Lia Moss said: the dateline is no subject
    toks = _word_spans(seg, s0, end)
    i = 0
    if clause:
        pass
    elif (
        len(toks) > 2
        and seg[toks[0][0] : toks[0][1]].lower() in _COORDINATORS
        and seg[toks[1][0] : toks[1][1]].lower() not in _SUBORDINATORS
        and seg[toks[1][0]].isupper()
    ):
        i = 1  # But Obama, making it clear …, stood: the coordinator alone
    elif toks and seg[toks[0][0] : toks[0][1]].lower() in _SUBORDINATORS:
        i = 1
        for k, (a, b) in enumerate(toks[:30]):
            if seg[a:b] == ",":
                i = k + 1
                break
    elif toks and seg[toks[0][0] : toks[0][1]].lower().endswith(("ing", "ed")):
        # a participle phrase: Reprising one of her lines, the former secretary talked
        for k, (a, b) in enumerate(toks[:30]):
            if seg[a:b] == ",":
                i = k + 1
                break
    else:
        # a short time phrase: Hours later, Trump returned… / On Tuesday night, she…
        for k, (a, b) in enumerate(toks[:5]):
            if seg[a:b] == ",":
                if any(seg[x:y].lower() in _TIME_WORDS or seg[x:y] == "ago" for x, y in toks[:k]):
                    i = k + 1
                break
    n = len(toks)
    intro = i > 0 or clause
    roughly = False
    while i < n:
        a, b = toks[i]
        w = seg[a:b]
        wl = w.lower()
        if wl in ("he", "she", "they", "i", "we"):
            return a, b
        if i + 1 < n and (
            wl in _ROUGHLY and seg[toks[i + 1][0]].isdigit() or intro and wl in ("even", "also")
        ):
            i += 1  # …, about 200 protesters gathered / …, even a top strategist said
            roughly = wl in _ROUGHLY
            continue
        if not w[0].isalnum() or wl in _NOT_NAMES and wl not in _DETERMINERS:
            return None
        if (
            not w[:1].isupper()
            and wl not in _DETERMINERS
            and not (
                w[0].isdigit() and (roughly or "-" in w)  # 76-year-old Ana Ruiz said
            )
            and not (
                intro
                and w.isalpha()
                and wl not in _BREAK_WORDS
                and wl not in _AUX_SET
                and wl not in _VERBISH
                and wl not in _CUE_WORDS
                and not wl.endswith(("ing", "ly"))
                and wl not in ("more", "most", "less", "much", "very")
            )
        ):  # after an introductory phrase: Across Asia, policymakers have been …
            return None
        if (_key(wl) in _NOT_NAMES and wl not in _DETERMINERS) or wl in _TIME_WORDS:
            return None
        # a noun phrase: determiner or capitalised words, up to 6 words
        j = i
        while j < n and (j - i < 6 or j - i < 9 and seg[toks[j][0]].isupper()):
            # (a long title: Communications Office Secretary Ana Ruiz)
            x = seg[toks[j][0] : toks[j][1]]
            xl = x.lower()
            if (
                xl == "of"
                and j > i
                and j + 1 < n
                and seg[toks[j + 1][0]][:1].isupper()
                and seg[toks[j - 1][0]][:1].isupper()
            ):
                j += 1  # Senator Chris Murphy of Connecticut
                continue
            if not x[0].isalnum() or (
                j > i
                and not x[:1].isupper()
                and (
                    xl in _BREAK_WORDS
                    or xl in _AUX_SET
                    or xl in _VERBISH
                    or xl in _CUE_WORDS
                    or clause
                    and xl == "who"
                    or (
                        xl.endswith("ed")
                        and len(xl) > 4
                        and seg[toks[j - 1][0] : toks[j - 1][1]].lower() not in _DETERMINERS
                    )
                )
            ):
                break
            j += 1
        if (j >= n or not seg[toks[j][0]].isalnum()) and j - i >= 2:
            # the headline reads: / the website notes: the last word is the verb
            last = seg[toks[j - 1][0] : toks[j - 1][1]]
            if last.islower() and last.endswith(("s", "ed")) and not last.endswith("ss"):
                j -= 1
        if j == i or j == i + 1 and wl in ("the", "a", "an"):
            return None  # nothing, or a lone article: The first incident came …
        # skip an appositive or a parenthesis: Jane Doe, a spokeswoman, said / Cruz (R-Tex.)
        k = j
        if k < n and seg[toks[k][0] : toks[k][1]] in (",", "(", "\u2014", "\u2013", "--"):
            sep = seg[toks[k][0] : toks[k][1]]
            close = ")" if sep == "(" else sep
            m = k + 1
            while m < n and m - k < 25 and seg[toks[m][0] : toks[m][1]] != close:
                m += 1
            if m < n and m - k < 25:
                k = m + 1
                if sep == "(" and k < n and seg[toks[k][0] : toks[k][1]] == ",":
                    k += 1  # Sen. Jack Reed (D-R.I.), said
                elif sep == ",":
                    k = _more_appositives(seg, toks, k)
        # a time adverbial between subject and verb: Donald Trump on Thursday ratcheted up
        if (
            k + 1 < n
            and seg[toks[k][0] : toks[k][1]] in ("on", "last", "this", "earlier")
            and seg[toks[k + 1][0] : toks[k + 1][1]].lower() in _TIME_WORDS
        ):
            k += 2
            if k < n and seg[toks[k][0] : toks[k][1]].lower() in _TIME_WORDS:
                k += 1
        k = _skip_setting(seg, toks, k)
        nxt = seg[toks[k][0] : toks[k][1]].lower() if k < n else ""
        if (
            nxt
            and nxt[0].isalpha()
            and (
                nxt in _VERBISH
                or nxt in _AUX_SET
                or nxt in _CUE_WORDS
                or (nxt.endswith(("ed", "s")) and nxt not in _BREAK_WORDS and len(nxt) > 3)
            )
        ):
            first = i
            while (
                first < j - 1
                and seg[toks[first][0] : toks[first][1]].lower() in _NOT_NAMES
                and seg[toks[first][0] : toks[first][1]].lower() not in _DETERMINERS
            ):
                first += 1
            return toks[first][0], toks[j - 1][1]
        return None
    return None


def _initial_np(seg: str, toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The noun phrase opening a sentence (``The retired neurosurgeon`` addressed...)."""
    i = 0
    for k, (a, b) in enumerate(toks[:8]):
        if seg[a:b] == ",":
            w0 = seg[toks[0][0] : toks[0][1]].lower()
            if w0 in _NOT_NAMES or w0 in _SUBORDINATORS or k <= 3 or w0.endswith(("ing", "ed")):
                i = k + 1  # Reprising one of her lines, the former secretary …
            break
    run: list[tuple[int, int]] = []
    for a, b in toks[i : i + 6]:
        w = seg[a:b]
        wl = w.lower()
        if not w[0].isalnum():
            break
        if not run and wl in _DETERMINERS:
            run.append((a, b))
            continue
        if run and (wl in _BREAK_WORDS or wl in _AUX_SET or wl in _VERBISH or wl in _CUE_WORDS):
            break
        if (
            run
            and not w[:1].isupper()
            and wl.endswith(("ed", "s"))
            and len(run) >= 1
            and seg[run[-1][0] : run[-1][1]].lower() not in _DETERMINERS
        ):
            break
        if not run and not w[:1].isupper():
            break
        run.append((a, b))
    while (
        run
        and seg[run[0][0] : run[0][1]].lower() in _NOT_NAMES
        and seg[run[0][0] : run[0][1]].lower() not in _DETERMINERS
    ):
        run.pop(0)
    if not run or (len(run) == 1 and seg[run[0][0] : run[0][1]].lower() in _DETERMINERS):
        return None
    return run[0][0], run[-1][1]


_POST_STOP = _BREAK_WORDS | _TIME_WORDS | {"who", "whose", "which", "in", "on", "at"}


def _np_after(seg: str, begin: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``seg[begin]`` (``said Jane Doe, a spokeswoman``)."""
    toks = _word_spans(seg, begin, limit)
    out: list[tuple[int, int]] = []
    for a, b in toks:
        w = seg[a:b]
        wl = w.lower()
        if not w[0].isalnum():
            if w in (".",) and out and len(seg[out[-1][0] : out[-1][1]]) <= 3:
                continue
            break
        if out and wl in _POST_STOP and not w[:1].isupper():
            break
        if not out and wl in _PRONOUNS:
            return a, b
        if not out and not w[:1].isupper() and wl not in _DETERMINERS and not w[0].isdigit():
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
    if seg[a:b].lower() in _BREAK_WORDS or seg[a:b].lower() in _TIME_WORDS:
        return None
    return a, b

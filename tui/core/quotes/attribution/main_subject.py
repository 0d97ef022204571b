"""The main subject of a sentence: the noun phrase before its finite verb, past
datelines, subordinate clauses, coordinations and quantities."""

from __future__ import annotations

import re

from tui.core.quotes.attribution.adverbials import skip_setting
from tui.core.quotes.attribution.cues import (
    CUE_WORDS,
)
from tui.core.quotes.attribution.subject_spans import (
    VERBISH,
    more_appositives,
)
from tui.core.quotes.attribution.titles import NOT_NAMES
from tui.core.quotes.attribution.word_classes import (
    AUX_SET,
    BREAK_WORDS,
    DETERMINERS,
    TIME_WORDS,
)
from tui.core.quotes.attribution.words import name_key, word_spans

SUBORDINATORS = {
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


def main_subject_span(seg: str, s0: int, end: int, clause: bool = False) -> tuple[int, int] | None:
    """The subject of the main clause of the sentence starting at ``s0`` (before ``end``):
    the first pronoun, name or noun phrase followed by a verb, after an introductory
    phrase (``When ..., he laughed and said``). With ``clause``, ``s0`` opens a
    subordinate clause (after ``when``, ``because``…) whose subject may be lower case."""
    if not clause:
        d = _DATELINE_RE.match(seg, s0, end)
        if d is not None:
            s0 = d.end()  # WASHINGTON — Sen. Lia Moss said: the dateline is no subject
    toks = word_spans(seg, s0, end)
    i = 0
    if clause:
        pass
    elif (
        len(toks) > 2
        and seg[toks[0][0] : toks[0][1]].lower() in _COORDINATORS
        and seg[toks[1][0] : toks[1][1]].lower() not in SUBORDINATORS
        and seg[toks[1][0]].isupper()
    ):
        i = 1  # But Obama, making it clear …, stood: the coordinator alone
    elif toks and seg[toks[0][0] : toks[0][1]].lower() in SUBORDINATORS:
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
                if any(seg[x:y].lower() in TIME_WORDS or seg[x:y] == "ago" for x, y in toks[:k]):
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
        if not w[0].isalnum() or wl in NOT_NAMES and wl not in DETERMINERS:
            return None
        if (
            not w[:1].isupper()
            and wl not in DETERMINERS
            and not (
                w[0].isdigit() and (roughly or "-" in w)  # 76-year-old Ana Ruiz said
            )
            and not (
                intro
                and w.isalpha()
                and wl not in BREAK_WORDS
                and wl not in AUX_SET
                and wl not in VERBISH
                and wl not in CUE_WORDS
                and not wl.endswith(("ing", "ly"))
                and wl not in ("more", "most", "less", "much", "very")
            )
        ):  # after an introductory phrase: Across Asia, policymakers have been …
            return None
        if (name_key(wl) in NOT_NAMES and wl not in DETERMINERS) or wl in TIME_WORDS:
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
                    xl in BREAK_WORDS
                    or xl in AUX_SET
                    or xl in VERBISH
                    or xl in CUE_WORDS
                    or clause
                    and xl == "who"
                    or (
                        xl.endswith("ed")
                        and len(xl) > 4
                        and seg[toks[j - 1][0] : toks[j - 1][1]].lower() not in DETERMINERS
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
                    k = more_appositives(seg, toks, k)
        # a time adverbial between subject and verb: Donald Trump on Thursday ratcheted up
        if (
            k + 1 < n
            and seg[toks[k][0] : toks[k][1]] in ("on", "last", "this", "earlier")
            and seg[toks[k + 1][0] : toks[k + 1][1]].lower() in TIME_WORDS
        ):
            k += 2
            if k < n and seg[toks[k][0] : toks[k][1]].lower() in TIME_WORDS:
                k += 1
        k = skip_setting(seg, toks, k)
        nxt = seg[toks[k][0] : toks[k][1]].lower() if k < n else ""
        if (
            nxt
            and nxt[0].isalpha()
            and (
                nxt in VERBISH
                or nxt in AUX_SET
                or nxt in CUE_WORDS
                or (nxt.endswith(("ed", "s")) and nxt not in BREAK_WORDS and len(nxt) > 3)
            )
        ):
            first = i
            while (
                first < j - 1
                and seg[toks[first][0] : toks[first][1]].lower() in NOT_NAMES
                and seg[toks[first][0] : toks[first][1]].lower() not in DETERMINERS
            ):
                first += 1
            return toks[first][0], toks[j - 1][1]
        return None
    return None

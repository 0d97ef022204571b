"""Clause subjects: the subject of the clause holding a cue, and the noun phrase
opening a clause."""

from __future__ import annotations

from tui.core.quotes.attribution.adverbials import restrictive
from tui.core.quotes.attribution.cues import (
    CUE_WORDS,
)
from tui.core.quotes.attribution.main_subject import SUBORDINATORS
from tui.core.quotes.attribution.noun_phrases import np_before
from tui.core.quotes.attribution.subject_spans import (
    VERBISH,
)
from tui.core.quotes.attribution.titles import NOT_NAMES
from tui.core.quotes.attribution.word_classes import (
    AUX_SET,
    BREAK_WORDS,
    DETERMINERS,
    TIME_WORDS,
)
from tui.core.quotes.attribution.words import ABBREV, word_spans


def clause_subject(
    seg: str, s0: int, end: int, initial: bool = False, names_only: bool = False
) -> tuple[int, int] | None:
    """The subject of the clause ending at ``end``: the nearest nominative pronoun, or a
    name followed by a verb-like word, scanning back to the sentence start ``s0``."""
    toks = word_spans(seg, s0, end)
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
            ante = np_before(seg, toks[k - 1][0], s0)
            if ante is not None:
                return ante
        if wl == "who" and not names_only and k >= 1 and len(toks) - k > 4:
            # a White House official who spoke anonymously … said: the relative clause
            # has its own verb; the antecedent is the subject of the cue
            ante = np_before(seg, a, s0)
            if ante is not None:
                return ante
        if wl == "who" and initial and restrictive(seg, toks, k):
            k -= 1  # federal judges who serve in “…”: no one speaks; the subject is further back
            continue
        if wl in ("he", "she", "they", "i", "we", "who") and not names_only:
            if initial and k > 0 and fallback is None:
                pw = seg[toks[k - 1][0] : toks[k - 1][1]].lower()
                if pw in CUE_WORDS or pw in _COMPLEMENT_VERBS:
                    # saying he is “…”: he is reported; the reporter is further back
                    fallback = (a, b)
                    k -= 1
                    continue
            return a, b
        if (
            w[:1].isupper()
            and wl not in NOT_NAMES
            and wl not in TIME_WORDS
            and not (w.endswith(".") and w[:-1] in ABBREV)
        ):
            # a name run ending here
            j = k
            while (
                j - 1 >= 0
                and seg[toks[j - 1][0] : toks[j - 1][1]][:1].isupper()
                and seg[toks[j - 1][0] : toks[j - 1][1]].lower() not in NOT_NAMES
            ):
                j -= 1
            nxt = seg[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < len(toks) else ""
            nl = nxt.lower()
            before = seg[toks[j - 1][0] : toks[j - 1][1]] if j > 0 else "."
            at_start = before in (",", ".")
            if before == "." and nxt[:1].islower() and nl not in BREAK_WORDS:
                if j == k and wl.endswith(("ing", "ly")):
                    k = j - 1  # Reprising one of her lines, …: a participle, no name
                    continue
                return toks[j][0], b
            verbish = (
                bool(nxt)
                and nxt[0].isalpha()
                and not nxt[:1].isupper()
                and (
                    nl in VERBISH
                    or nl in AUX_SET
                    or nl in CUE_WORDS
                    or (nl.endswith(("ed", "s")) and nl not in BREAK_WORDS and len(nl) > 3)
                )
            )
            after = seg[toks[k + 2][0] : toks[k + 2][1]] if k + 2 < len(toks) else ""
            if (
                nxt == ","
                and after in CUE_WORDS
                and after.endswith("ing")
                and (before in CUE_WORDS or before in (",", "."))
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


def _initial_np(seg: str, toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The noun phrase opening a sentence (``The retired neurosurgeon`` addressed...)."""
    i = 0
    for k, (a, b) in enumerate(toks[:8]):
        if seg[a:b] == ",":
            w0 = seg[toks[0][0] : toks[0][1]].lower()
            if w0 in NOT_NAMES or w0 in SUBORDINATORS or k <= 3 or w0.endswith(("ing", "ed")):
                i = k + 1  # Reprising one of her lines, the former secretary …
            break
    run: list[tuple[int, int]] = []
    for a, b in toks[i : i + 6]:
        w = seg[a:b]
        wl = w.lower()
        if not w[0].isalnum():
            break
        if not run and wl in DETERMINERS:
            run.append((a, b))
            continue
        if run and (wl in BREAK_WORDS or wl in AUX_SET or wl in VERBISH or wl in CUE_WORDS):
            break
        if (
            run
            and not w[:1].isupper()
            and wl.endswith(("ed", "s"))
            and len(run) >= 1
            and seg[run[-1][0] : run[-1][1]].lower() not in DETERMINERS
        ):
            break
        if not run and not w[:1].isupper():
            break
        run.append((a, b))
    while (
        run
        and seg[run[0][0] : run[0][1]].lower() in NOT_NAMES
        and seg[run[0][0] : run[0][1]].lower() not in DETERMINERS
    ):
        run.pop(0)
    if not run or (len(run) == 1 and seg[run[0][0] : run[0][1]].lower() in DETERMINERS):
        return None
    return run[0][0], run[-1][1]

"""Patterns before a quotation: the last cue of the sentence before the opening mark and
its subject, the reporting clause that frames it, passives, surveys and name colons."""

from __future__ import annotations

import re

from tui.core.quotes.attribution.after import AFTER_VERBS, CLOSE_MARKS, cue_extent
from tui.core.quotes.attribution.clause_subjects import clause_subject
from tui.core.quotes.attribution.clauses import in_relative, opens_with_absolute, with_absolute
from tui.core.quotes.attribution.cues import (
    Cues,
)
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.layouts import apposed_name_colon, handle_before_colon
from tui.core.quotes.attribution.main_subject import main_subject_span
from tui.core.quotes.attribution.noun_phrases import np_after, np_before
from tui.core.quotes.attribution.rules import according_np, sentence_rules
from tui.core.quotes.attribution.words import sentence_start, skip_blank


def before_quote(
    seg: str, cues: Cues, floor: int, qstart: int, outer_floor: int = -1
) -> Found | None:
    """Speaker and cue in the sentence before the opening mark.

    The nearest cue with a subject is taken, unless the sentence opens with a
    reporting clause (``Rubio said that ... Trump, whom he called “a con artist”``):
    the quote is then part of what the outer source said.
    """
    s0 = sentence_start(seg, floor, qstart)
    near = _before_near(seg, cues, s0, qstart, outer_floor if 0 <= outer_floor < floor else -1)
    ruled = sentence_rules(seg, s0, qstart, near) if near is not None else None
    if ruled is not None:
        return ruled
    if (
        near is not None
        and _WHAT_PRONOUN_RE.search(seg, max(s0, near.speaker[0] - 6), near.speaker[1]) is not None
    ):
        # The president denounced what he called “…”: the sentence's subject
        main = main_subject_span(seg, s0, near.speaker[0])
        if main is not None:
            return Found(main, near.cue, False, near.strength)
    if near is not None and near.cue is not None:
        wa = with_absolute(seg, near.cue[1], qstart)
        if wa is not None:
            return wa
    if near is None or near.strength == 3 and not in_relative(seg, s0, near, qstart):
        return near
    if opens_with_absolute(seg, s0, near.speaker):
        return near  # …, with Sen. Ana Ruiz telling reporters she was “…”: its own subject
    if _COORDINATED_RE.search(seg, max(s0, near.speaker[0] - 8), near.speaker[0]):
        return near  # X said …, and he accused Y of “…”: a clause of its own, with its speaker
    if 0 <= outer_floor < floor:
        # the sentence may have begun before an earlier quote: Rubio said that “…” of
        # Trump, whom he called “…”
        s0 = sentence_start(seg, outer_floor, qstart)
    outer = _outer_source(seg, cues, s0, near)
    return outer if outer is not None else near


_COORDINATED_RE = re.compile(r",\s+(?:and|but)\s+$")


_WHAT_PRONOUN_RE = re.compile(r"\bwhat\s+(?:he|she|they)$")


_PROGRESSIVE_RE = re.compile(r"\b(?:is|are|was|were)\s+$")


def _outer_source(seg: str, cues: Cues, s0: int, near: Found) -> Found | None:
    """The source of a reporting clause opening the sentence, before ``near``'s cue."""
    if near.cue is None:
        return None
    sub_end = seg.find(",", s0, near.speaker[0]) if _SUBORDINATE_OPEN_RE.match(seg, s0) else -1
    for m in cues.between(s0, near.cue[0]):
        word = m.group().lower()
        if m.end() <= sub_end:
            continue  # Ever since Ruiz announced her run, she has said: “…”: no frame
        np: tuple[int, int] | None
        if word.startswith("according"):
            if not seg[s0 : m.start()].strip():
                # According to Trump, he was once … “…”
                np = according_np(seg, m, near.speaker[0])
                if np is not None:
                    return Found(np, m.span(), False, 2)
            continue
        if (
            word.endswith("ing")
            and _PROGRESSIVE_RE.search(seg, max(s0, m.start() - 6), m.start()) is None
        ):
            if seg[s0 : m.start()].rstrip().endswith(","):
                # X endorsed Sanders, saying she believed “…”
                np = main_subject_span(seg, s0, m.start())
                if np is not None:
                    return Found(np, cue_extent(seg, m), False, 2)
            continue  # Sanders is disavowing …: a progressive is a finite verb
        np = np_before(seg, m.start(), s0)
        if np is None or seg[np[0] : np[1]].lower() in _RELATIVES:
            continue  # Graham, who says …, tweeted that “…”: a relative clause, not the frame
        return Found(np, cue_extent(seg, m), False, 2)
    return None


_RELATIVES = {"who", "which", "that", "whom"}


_HAVING_RE = re.compile(r"\bhaving(?:[ \u00a0]+\w+ly)?[ \u00a0]+$")


_SUBORDINATE_OPEN_RE = re.compile(
    r"\W*(?:(?:ever|even|just|long|shortly|soon)\s+)?(?:since|when|after|before|while|as|if|"
    r"because|although|though|once|until)\s",
    re.IGNORECASE,
)


_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?$")


_PASSIVE_BY_RE = re.compile(r"[ \u00a0]by[ \u00a0]+(?=[A-Za-z])")


_SURVEY_RE = re.compile(
    r"\s*In\s+((?:a|an|the|this|that|its|their)\s+[^,.;]{0,80}?\b"
    r"(?:poll|survey|study|report|analysis))(?:\s+[^,.;]{0,40})?,"
    r"\s*(?:(?:just|only|about|nearly|almost|roughly)\s+)?(?:(?:most|many|some|half|\S+%|"
    r"\S+\s+percent|\S+\s+in\s+\S+)\s+of\s+(?:the\s+)?(?:[^,.;:]{1,60}?\s+(?:and|or)\s+)?)?$"
)


def _before_near(seg: str, cues: Cues, s0: int, qstart: int, outer_floor: int = -1) -> Found | None:
    """The nearest cue before the opening mark in its sentence, and its subject.

    ``outer_floor`` (when the sentence may have begun before an earlier quote) lets a
    participle find the main clause's subject there (``X visited NBC’s “Today”, saying
    “…”``)."""
    hits = cues.between(s0, qstart)
    tail = seg[s0:qstart].rstrip()
    for k in range(len(hits) - 1, -1, -1):
        m = hits[k]
        word = m.group().lower()
        strength = 3 if qstart - m.end() <= 25 else 2
        if word.startswith("according"):
            np = according_np(seg, m, qstart)
            if np:
                return Found(np, m.span(), False, strength)
            continue
        if (
            seg[s0 : m.start()].rstrip().endswith(",")
            and not word.endswith("ing")
            and word not in ("told", "tells", "tell")
        ):
            # The paradox, says Carl Anthony, a historian, is that she was “…”
            np = np_after(seg, skip_blank(seg, m.end()), qstart)
            if np and seg[np[1] : np[1] + 1] == "," and seg[np[0]][:1].isupper():
                return Found(np, cue_extent(seg, m), False, strength)
        if word.endswith(("ed", "told", "written")):
            # passive: Rubio was asked by moderator Gerard Baker whether “…”
            by = _PASSIVE_BY_RE.match(seg, m.end(), qstart)
            if by is not None and _PASSIVE_RE.search(seg, max(s0, m.start() - 12), m.start()):
                np = np_after(seg, by.end(), qstart)
                if np:
                    return Found(np, cue_extent(seg, m), False, strength)
        lead, participle = m.start(), word.endswith("ing")
        hv = _HAVING_RE.search(seg, max(s0, lead - 16), lead)
        if hv is not None:
            lead, participle = hv.start(), True  # …, having called him a “…”
        np = np_before(seg, lead, s0, not participle)
        if np is None and participle:
            wm = _WITH_RE.search(seg, max(s0, lead - 70), lead)
            if wm is not None:  # with Sen. John McCain calling it a “…”
                np = np_before(seg, lead, wm.end())
                if (
                    np is None
                    and _WORDS_ONLY_RE.fullmatch(seg, wm.end(), lead)
                    and _SUBORDINATE_WORD_RE.search(seg, wm.end(), lead) is None
                ):
                    np = np_after(seg, wm.end(), lead)  # with the staff of X saying
                    if (
                        np is not None
                        and (vm := _TRAILING_PARTICIPLE_RE.search(seg, np[0], np[1])) is not None
                        and vm.start() > np[0]
                    ):
                        np = (np[0], vm.start())  # with Mr Dixon quoted as saying
        if np:
            frame = _SURVEY_RE.match(seg, s0, np[0])
            if frame is not None:
                # In a CNN/ORC poll released Monday, 31% of Republicans said they were “…”
                np = frame.span(1)
            return Found(np, cue_extent(seg, m), False, strength)
        if seg[s0:lead].strip():
            # participle (", saying"), coordination (and said), relative (a video that said)
            np = None
            # , recently telling / … “values,” saying
            prev = _ADVERB_END_RE.sub("", seg[s0:lead].rstrip()).rstrip(CLOSE_MARKS)
            if participle and prev.endswith(",") or prev.endswith((" and", " but")):
                np = main_subject_span(seg, s0, lead)
                if np is None and outer_floor >= 0:
                    full = sentence_start(seg, outer_floor, s0)
                    if prev.endswith(",") or _WITH_RE.search(seg, full, lead) is None:
                        np = main_subject_span(seg, full, lead)
                if (
                    np is None
                    and participle
                    and k > 0
                    and hits[0].group()[:1].islower()
                    and not seg[s0 : hits[0].start()].strip(" ,")
                ):
                    # “…,” said Ana Ruiz, a spokeswoman, adding “…”: the inverted subject
                    np = np_after(seg, skip_blank(seg, hits[0].end()), lead)
            if np is None:
                np = clause_subject(seg, s0, lead)
            if np:
                return Found(np, cue_extent(seg, m), False, 2)
        else:
            # inverted: Said Rezaei: “…”
            np = np_after(seg, skip_blank(seg, m.end()), qstart)
            if np and seg[np[1] : qstart].strip() in (":", ","):
                return Found(np, cue_extent(seg, m), False, 3)
            if (
                0 <= outer_floor < s0
                and seg[s0 - 1] in CLOSE_MARKS
                and seg[m.end() : qstart].strip() in ("", ",", ":")
            ):
                # As Ana Ruiz, author of “Dust,” put it, “…”: the subject is before
                # the title that ends right before the cue
                full = sentence_start(seg, outer_floor, s0)
                end = m.start()
                while end > full and (seg[end - 1] in CLOSE_MARKS or seg[end - 1].isspace()):
                    end -= 1
                np = np_before(seg, end, full) if full < s0 else None
                if np is not None:
                    return Found(np, cue_extent(seg, m), False, 2)
        continue
    # colon cue: Rezaei: “…”
    if tail.endswith(":"):
        colon = s0 + len(tail) - 1
        ap = apposed_name_colon(seg, colon) or handle_before_colon(seg, s0, colon)
        if ap is not None:
            return Found(ap, (colon, colon + 1), False, 2)  # * Ana Ruiz, the mayor: “…”
        np = np_before(seg, colon, s0)
        if np and np[0] - s0 <= 1 and seg[np[0]][:1].isupper():
            return Found(np, (colon, colon + 1), False, 2)
        # ... - Frank Newport and Jim Harter: “…” / Former secretary Ana Ruiz: “…”
        nm = _NAME_COLON_RE.search(seg, max(s0, colon - 60), colon + 1)
        if nm is not None:
            before = seg[max(s0, nm.start() - 12) : nm.start()].split()
            if not before or before[-1].lower() not in _PREPOSITIONS:
                return Found(nm.span(1), (colon, colon + 1), False, 2)
        # a verb outside the lexicon: The headline reads: “…” / Transcript as follows: “…”
        vm = _LAST_WORD_RE.search(seg, max(s0, colon - 20), colon)
        np = None
        if vm is not None and vm.group(1) in AFTER_VERBS:
            np = np_before(seg, vm.start(1), s0)  # as the website notes: “…”
        np = np or main_subject_span(seg, s0, colon)
        if np is None:
            fol = _FOLLOWS_RE.search(seg, s0, colon + 1)
            if fol is not None:
                np = np_before(seg, fol.start(), s0)
        if np is not None:
            return Found(np, (colon, colon + 1), True, 2)
    return None


_ADVERB_END_RE = re.compile(r"(?<=,)[ \u00a0]+[a-z]+ly$")


_WITH_RE = re.compile(r"\b[Ww]ith\s+(?=[^,;:]*$)")


_TRAILING_PARTICIPLE_RE = re.compile(r"(?:[ \u00a0]+[a-z]+ed)+$")


_SUBORDINATE_WORD_RE = re.compile(
    r"\b(?:after|before|while|when|since|by|without|upon|despite|until|for)\b"
)  # a dispute with Ana Ruiz after claiming “…”: the absolute is no absolute


_WORDS_ONLY_RE = re.compile(r"[\w\u2019' \u00a0.]+")


_LAST_WORD_RE = re.compile(r"([a-z]+)\s*$")


_FOLLOWS_RE = re.compile(
    r"\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:as\s+follows|the\s+following)\s*:$"
)


_PREPOSITIONS = {
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "for",
    "of",
    "about",
    "into",
    "over",
    "under",
    "after",
    "before",
    "during",
    "via",
    "than",
    "like",
}


_NAME_COLON_RE = re.compile(
    r"(?<![\w.])((?:[A-Z][\w\u2019'-]*\.?[ \u00a0]){0,3}[A-Z][\w\u2019'-]*[a-z])[ \u00a0]?:$"
)

"""Attribution patterns for one quotation piece: speaker and cue after, before, later."""

from __future__ import annotations

import re

from tui.core.quotes.attribution.clauses import _in_relative, _opens_with_absolute, _with_absolute
from tui.core.quotes.attribution.cues import (
    _Cues,
    _Hit,
)
from tui.core.quotes.attribution.phrases import (
    _clause_subject,
    _main_subject,
    _np_after,
    _np_before,
)
from tui.core.quotes.attribution.rules import _according_np, _sentence_rules
from tui.core.quotes.attribution.rules import _Found as _Found
from tui.core.quotes.attribution.words import (
    _ABBREV_RE,
    _AUX_SET,
    _DETERMINERS,
    _NOT_NAMES,
    _PRONOUNS,
    _abbreviation,
    _sentence_start,
    _skip_blank,
)

# Attribution of one piece -------------------------------------------------------------

_AFTER_LEAD = re.compile(r"[\s,;:\u2014\u2013-]*")
_TOLD_OBJ = re.compile(
    r"\s+((?:[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})|reporters|him|her|them|"
    r"us|me|the\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
)


def _cue_extent(seg: str, m: _Hit) -> tuple[int, int]:
    a, b = m.span()
    if m.group().lower() in ("told", "tells", "telling", "tell"):
        t = _TOLD_OBJ.match(seg, b)
        if t:
            b = t.end()
            if seg[b - 1] == "." and not _abbreviation(seg[t.start(1) : b].split()[-1]):
                b -= 1
    return a, b


def _after(seg: str, cues: _Cues, qend: int, limit: int) -> _Found | None:
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
        m = _Hit(p, seg.index(" ", p), seg[p : seg.index(" ", p)])  # “…,” read the sign
    if m is not None and m.group()[:1].islower():
        if m.group().endswith("ing") and not m.group().startswith("according"):
            return None  # “…,” describing the team as …: an object follows
        if m.group().split()[0] in _OBJECT_VERBS:
            return None  # “…,” described the impact as …: the verb takes an object
        np = _np_after(seg, _skip_blank(seg, m.end()), limit)
        if np:
            return _Found(np, _cue_extent(seg, m), False, 3)
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
_AFTER_VERBS = {
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
_CLOSE_MARKS = "\"'\u201d\u201c\u00bb\u203a\u2019"


def _after_subject_first(seg: str, cues: _Cues, qend: int, p: int, limit: int) -> _Found | None:
    """``“…,” Jane Doe, a spokeswoman for X, said``: the words before the verb speak."""
    lower = 0
    depth = 0
    commas = 0
    k = qend - 1
    while k > 0 and seg[k] in _CLOSE_MARKS:
        k -= 1
    comma_end = seg[k] in ",?!\u2014-" or seg[qend:p].strip().startswith((",", "\u2014", "-"))
    at = cues.by_start.get
    for m in _TOKEN_RE.finditer(seg, p, limit):
        w = m.group()
        ms = m.start()
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
                w == "." and ms > p and _ABBREV_RE.search(seg, max(0, ms - 6), ms)
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
        if hit is not None or (bare in _AFTER_VERBS and comma_end) or past:
            end = hit.b if hit is not None else ms + len(bare)
            return _subject_span(seg, p, ms, (ms, end), hit)
        if w.endswith(".") and not _abbreviation(w):
            return None
        if not w[0].islower():
            continue
        if w in _AUX_SET or (w.endswith("ly") and len(w) > 4):
            continue
        lower += 1
        if lower > (6 if not commas else 24) or ms == p and w in _LEAD_BAD:
            return None
    return None


def _subject_span(
    seg: str, p: int, verb: int, cue: tuple[int, int], hit: _Hit | None
) -> _Found | None:
    """The speaker written between ``p`` and the verb at ``verb`` (auxiliaries dropped)."""
    toks = [m.span() for m in _TOKEN_RE.finditer(seg, p, verb)]
    while toks and (
        seg[toks[-1][0] : toks[-1][1]] in _AUX_SET
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
    if (fl in _LEAD_BAD or fl in _NOT_NAMES and fl not in _DETERMINERS) and len(toks) > 2:
        # “…” That's why, he added, … : the speaker is the parenthetical subject
        for x in range(len(toks) - 1, 0, -1):
            if seg[toks[x][0] : toks[x][1]] == ",":
                np = _np_before(seg, toks[-1][1], toks[x][1])
                if np is not None:
                    return _Found(np, _cue_extent(seg, hit) if hit else cue, False, 3)
                break
        return None
    if fl in _LEAD_BAD or not first[0].isalnum():
        return None
    if first[0].islower() and fl not in _DETERMINERS and fl not in _PRONOUNS:
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
    cue_span = _cue_extent(seg, hit) if hit is not None else cue
    return _Found(span, cue_span, False, 3)


def _before(seg: str, cues: _Cues, floor: int, qstart: int, outer_floor: int = -1) -> _Found | None:
    """Speaker and cue in the sentence before the opening mark.

    The nearest cue with a subject is taken, unless the sentence opens with a
    reporting clause (``Rubio said that ... Trump, whom he called “a con artist”``):
    the quote is then part of what the outer source said.
    """
    s0 = _sentence_start(seg, floor, qstart)
    near = _before_near(seg, cues, s0, qstart, outer_floor if 0 <= outer_floor < floor else -1)
    ruled = _sentence_rules(seg, s0, qstart, near) if near is not None else None
    if ruled is not None:
        return ruled
    if (
        near is not None
        and _WHAT_PRONOUN_RE.search(seg, max(s0, near.speaker[0] - 6), near.speaker[1]) is not None
    ):
        # The president denounced what he called “…”: the sentence's subject
        main = _main_subject(seg, s0, near.speaker[0])
        if main is not None:
            return _Found(main, near.cue, False, near.strength)
    if near is not None and near.cue is not None:
        wa = _with_absolute(seg, near.cue[1], qstart)
        if wa is not None:
            return wa
    if near is None or near.strength == 3 and not _in_relative(seg, s0, near, qstart):
        return near
    if _opens_with_absolute(seg, s0, near.speaker):
        return near  # …, with Sen. Ana Ruiz telling reporters she was “…”: its own subject
    if _COORDINATED_RE.search(seg, max(s0, near.speaker[0] - 8), near.speaker[0]):
        return near  # X said …, and he accused Y of “…”: a clause of its own, with its speaker
    if 0 <= outer_floor < floor:
        # the sentence may have begun before an earlier quote: Rubio said that “…” of
        # Trump, whom he called “…”
        s0 = _sentence_start(seg, outer_floor, qstart)
    outer = _outer_source(seg, cues, s0, near)
    return outer if outer is not None else near


_COORDINATED_RE = re.compile(r",\s+(?:and|but)\s+$")
_WHAT_PRONOUN_RE = re.compile(r"\bwhat\s+(?:he|she|they)$")
_PROGRESSIVE_RE = re.compile(r"\b(?:is|are|was|were)\s+$")


def _outer_source(seg: str, cues: _Cues, s0: int, near: _Found) -> _Found | None:
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
                np = _according_np(seg, m, near.speaker[0])
                if np is not None:
                    return _Found(np, m.span(), False, 2)
            continue
        if (
            word.endswith("ing")
            and _PROGRESSIVE_RE.search(seg, max(s0, m.start() - 6), m.start()) is None
        ):
            if seg[s0 : m.start()].rstrip().endswith(","):
                # X endorsed Sanders, saying she believed “…”
                np = _main_subject(seg, s0, m.start())
                if np is not None:
                    return _Found(np, _cue_extent(seg, m), False, 2)
            continue  # Sanders is disavowing …: a progressive is a finite verb
        np = _np_before(seg, m.start(), s0)
        if np is None or seg[np[0] : np[1]].lower() in _RELATIVES:
            continue  # Graham, who says …, tweeted that “…”: a relative clause, not the frame
        return _Found(np, _cue_extent(seg, m), False, 2)
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


def _before_near(
    seg: str, cues: _Cues, s0: int, qstart: int, outer_floor: int = -1
) -> _Found | None:
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
            np = _according_np(seg, m, qstart)
            if np:
                return _Found(np, m.span(), False, strength)
            continue
        if (
            seg[s0 : m.start()].rstrip().endswith(",")
            and not word.endswith("ing")
            and word not in ("told", "tells", "tell")
        ):
            # The paradox, says Carl Anthony, a historian, is that she was “…”
            np = _np_after(seg, _skip_blank(seg, m.end()), qstart)
            if np and seg[np[1] : np[1] + 1] == "," and seg[np[0]][:1].isupper():
                return _Found(np, _cue_extent(seg, m), False, strength)
        if word.endswith(("ed", "told", "written")):
            # passive: Rubio was asked by moderator Gerard Baker whether “…”
            by = _PASSIVE_BY_RE.match(seg, m.end(), qstart)
            if by is not None and _PASSIVE_RE.search(seg, max(s0, m.start() - 12), m.start()):
                np = _np_after(seg, by.end(), qstart)
                if np:
                    return _Found(np, _cue_extent(seg, m), False, strength)
        lead, participle = m.start(), word.endswith("ing")
        hv = _HAVING_RE.search(seg, max(s0, lead - 16), lead)
        if hv is not None:
            lead, participle = hv.start(), True  # …, having called him a “…”
        np = _np_before(seg, lead, s0, not participle)
        if np is None and participle:
            wm = _WITH_RE.search(seg, max(s0, lead - 70), lead)
            if wm is not None:  # with Sen. John McCain calling it a “…”
                np = _np_before(seg, lead, wm.end())
                if (
                    np is None
                    and _WORDS_ONLY_RE.fullmatch(seg, wm.end(), lead)
                    and _SUBORDINATE_WORD_RE.search(seg, wm.end(), lead) is None
                ):
                    np = _np_after(seg, wm.end(), lead)  # with the staff of X saying
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
            return _Found(np, _cue_extent(seg, m), False, strength)
        if seg[s0:lead].strip():
            # participle (", saying"), coordination (and said), relative (a video that said)
            np = None
            # , recently telling / … “values,” saying
            prev = _ADVERB_END_RE.sub("", seg[s0:lead].rstrip()).rstrip(_CLOSE_MARKS)
            if participle and prev.endswith(",") or prev.endswith((" and", " but")):
                np = _main_subject(seg, s0, lead)
                if np is None and outer_floor >= 0:
                    full = _sentence_start(seg, outer_floor, s0)
                    if prev.endswith(",") or _WITH_RE.search(seg, full, lead) is None:
                        np = _main_subject(seg, full, lead)
                if (
                    np is None
                    and participle
                    and k > 0
                    and hits[0].group()[:1].islower()
                    and not seg[s0 : hits[0].start()].strip(" ,")
                ):
                    # “…,” said Ana Ruiz, a spokeswoman, adding “…”: the inverted subject
                    np = _np_after(seg, _skip_blank(seg, hits[0].end()), lead)
            if np is None:
                np = _clause_subject(seg, s0, lead)
            if np:
                return _Found(np, _cue_extent(seg, m), False, 2)
        else:
            # inverted: Said Rezaei: “…”
            np = _np_after(seg, _skip_blank(seg, m.end()), qstart)
            if np and seg[np[1] : qstart].strip() in (":", ","):
                return _Found(np, _cue_extent(seg, m), False, 3)
            if (
                0 <= outer_floor < s0
                and seg[s0 - 1] in _CLOSE_MARKS
                and seg[m.end() : qstart].strip() in ("", ",", ":")
            ):
                # As Ana Ruiz, author of “Dust,” put it, “…”: the subject is before
                # the title that ends right before the cue
                full = _sentence_start(seg, outer_floor, s0)
                end = m.start()
                while end > full and (seg[end - 1] in _CLOSE_MARKS or seg[end - 1].isspace()):
                    end -= 1
                np = _np_before(seg, end, full) if full < s0 else None
                if np is not None:
                    return _Found(np, _cue_extent(seg, m), False, 2)
        continue
    # colon cue: Rezaei: “…”
    if tail.endswith(":"):
        colon = s0 + len(tail) - 1
        np = _np_before(seg, colon, s0)
        if np and np[0] - s0 <= 1 and seg[np[0]][:1].isupper():
            return _Found(np, (colon, colon + 1), False, 2)
        # ... - Frank Newport and Jim Harter: “…” / Former secretary Ana Ruiz: “…”
        nm = _NAME_COLON_RE.search(seg, max(s0, colon - 60), colon + 1)
        if nm is not None:
            before = seg[max(s0, nm.start() - 12) : nm.start()].split()
            if not before or before[-1].lower() not in _PREPOSITIONS:
                return _Found(nm.span(1), (colon, colon + 1), False, 2)
        # a verb outside the lexicon: The headline reads: “…” / Transcript as follows: “…”
        vm = _LAST_WORD_RE.search(seg, max(s0, colon - 20), colon)
        np = None
        if vm is not None and vm.group(1) in _AFTER_VERBS:
            np = _np_before(seg, vm.start(1), s0)  # as the website notes: “…”
        np = np or _main_subject(seg, s0, colon)
        if np is None:
            fol = _FOLLOWS_RE.search(seg, s0, colon + 1)
            if fol is not None:
                np = _np_before(seg, fol.start(), s0)
        if np is not None:
            return _Found(np, (colon, colon + 1), True, 2)
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

"""Words and sentences: word spans, abbreviations, sentence starts and ends."""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[^\W_][\w\u2019'.&-]*|\S")


# the spans of the words of ranges of the last text seen (the same ranges are often read
# again, by another rule): (text, {(start, end): spans})
_SPANS_MEMO: tuple[str, dict[tuple[int, int], list[tuple[int, int]]]] = ("", {})


def word_spans(seg: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the words (``_WORD_RE``) of ``seg[a:b]``; a shared list: copy it
    before changing it."""
    global _SPANS_MEMO
    memo = _SPANS_MEMO
    if memo[0] is not seg or len(memo[1]) > 512:
        memo = (seg, {})
        _SPANS_MEMO = memo  # another text (or thread): start afresh; correct either way
    spans = memo[1].get((a, b))
    if spans is None:
        spans = [m.span() for m in WORD_RE.finditer(seg, a, b)]
        memo[1][(a, b)] = spans
    return spans


ABBREV = {
    "Mr",
    "Ms",
    "Dr",
    "Mrs",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "St",
    "Jr",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Maj",
    "Adm",
    "Prof",
    "Rev",
    "Ft",
    "No",
    "Sens",
    "Reps",
    "Mt",
    "Vs",
    "vs",
    "Sr",
    "Inc",
    "Co",
    "Corp",
    "Ltd",
    "Ave",
    "Gens",
    "Govs",
    "Supt",
    "Sgts",
    "Messrs",
    # US state abbreviations as written in news copy (Cambridge, Mass.)
    "Ala",
    "Ariz",
    "Ark",
    "Calif",
    "Colo",
    "Conn",
    "Del",
    "Fla",
    "Ga",
    "Ill",
    "Ind",
    "Kan",
    "Kans",
    "Ky",
    "La",
    "Md",
    "Mass",
    "Mich",
    "Minn",
    "Miss",
    "Mo",
    "Mont",
    "Neb",
    "Nev",
    "Okla",
    "Ore",
    "Pa",
    "Tenn",
    "Tex",
    "Va",
    "Vt",
    "Wash",
    "Wis",
    "Wyo",
}


SENT_END_RE = re.compile(
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9]|[\"\u201c\u201e\u00ab]|'')"
)


ABBREV_RE = re.compile(r"(?:^|[^\w.])(?:" + "|".join(sorted(ABBREV)) + r"|[A-Z])$")


def is_sentence_end(seg: str, m: re.Match[str]) -> bool:
    """Whether the match of ``_SENT_END_RE`` ends a sentence (not ``Mr.``, ``J.``)."""
    i = m.start()
    if seg[i] != ".":
        return True
    return ABBREV_RE.search(seg, max(0, i - 6), i) is None


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def name_key(word: str) -> str:
    if word.endswith(("\u2019s", "'s")):
        word = word[:-2]
    return word.rstrip(".,;:\u2019'")


def abbreviation(word: str) -> bool:
    """``Mr.``, ``J.``, ``U.S.``: a word whose final period does not end a sentence."""
    core = word[:-1]
    return core in ABBREV or len(core) == 1 or "." in core


def skip_blank(seg: str, i: int) -> int:
    while i < len(seg) and seg[i].isspace():
        i += 1
    return i


def sentence_start(seg: str, floor: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` (not before ``floor``)."""
    end = min(len(seg), pos + 3)
    lo = max(floor, 0)
    dot = seg.rfind(".", lo, end)
    bang = seg.rfind("!", lo, end)
    ask = seg.rfind("?", lo, end)
    p = max(dot, bang, ask)
    while p >= lo:
        # the rightmost sentence end ending by pos is the last one (their ends increase)
        m = SENT_END_RE.match(seg, p, end)
        if m is not None and m.end() <= pos and is_sentence_end(seg, m):
            return m.end()
        if p == dot:
            dot = seg.rfind(".", lo, p)
        elif p == bang:
            bang = seg.rfind("!", lo, p)
        else:
            ask = seg.rfind("?", lo, p)
        p = max(dot, bang, ask)
    return floor


def sentence_end(seg: str, pos: int, limit: int) -> int:
    """Just past the full stop (or ``!``, ``?``) ending the sentence holding ``pos``,
    looked for before ``limit`` (``limit`` when none ends it there)."""
    # a match of SENT_END_RE starts at a stop: searching for it visits the stops in order
    m = SENT_END_RE.search(seg, max(pos, 0), limit)
    while m is not None:
        if is_sentence_end(seg, m):
            return m.start() + 1
        m = SENT_END_RE.search(seg, m.start() + 1, limit)
    return limit

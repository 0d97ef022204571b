"""Word classes and sentence boundaries shared by the attribution modules."""

from __future__ import annotations

import re

_AUX = (
    "has have had also would will could might may should did does do later then once again "
    "previously recently repeatedly often never always long even still already just further "
    "simply only quickly is was were are be been had've 's not n't reportedly publicly "
    "privately famously frequently once first last bluntly"
).split()
_AUX_SET = {w.lower() for w in _AUX}

_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who"}
_MALE = {"he", "him", "his"}
_FEMALE = {"she", "her", "hers"}
_BREAK_WORDS = {
    "that",
    "and",
    "but",
    "because",
    "when",
    "as",
    "if",
    "while",
    "which",
    "where",
    "in",
    "on",
    "at",
    "to",
    "with",
    "after",
    "before",
    "for",
    "by",
    "from",
    "than",
    "so",
    "or",
    "what",
    "how",
    "why",
    "whom",
    "whose",
    "about",
    "into",
    "over",
    "during",
    "since",
    "until",
    "though",
    "although",
    "whether",
    "of",
    "like",
    "not",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "there",
    "this",
    "these",
    "those",
    "then",
    "also",
    "once",
    "again",
    "even",
    "said",
    "says",
    "told",
    "tells",
}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "one",
    "another",
    "some",
    "many",
    "several",
    "two",
    "three",
    "most",
    "other",
    "both",
    "this",
    "these",
    "those",
}
_TIME_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "earlier",
    "later",
    "last",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "recently",
    "now",
    "then",
    "here",
    "there",
    "late",
    "early",
}
_APPOSITIVE_OPENERS = {
    "who",
    "whose",
    "whom",
    "which",
    "a",
    "an",
    "the",
    "himself",
    "herself",
    "now",
    "also",
    "once",
    "formerly",
    "its",
    "his",
    "her",
    "their",
    "during",
    "speaking",
    "in",
    "at",
}
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "general",
    "gen",
    "major",
    "maj",
    "colonel",
    "col",
    "lt",
    "lieutenant",
    "captain",
    "capt",
    "sgt",
    "sergeant",
    "admiral",
    "adm",
    "commander",
    "judge",
    "justice",
    "chief",
    "mayor",
    "ambassador",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "father",
    "sheikh",
    "ayatollah",
    "king",
    "queen",
    "prince",
    "princess",
    "former",
    "chairman",
    "chairwoman",
    "speaker",
    "leader",
    "attorney",
    "state",
    "house",
    "senate",
    "democratic",
    "republican",
    "gop",
    "candidate",
    "nominee",
    "presidential",
    "u.s.",
    "us",
    "sens",
    "reps",
    "mrs.",
    "congressman",
    "congresswoman",
    "superintendent",
    "rabbi",
    "imam",
    "pope",
    "brig",
    "supreme",
    "deputy",
    "acting",
    "retired",
    "army",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sheriff",
    "officer",
    "detective",
    "director",
    "commissioner",
    "inspector",
    "agent",
    "coach",
    "the",
}
_FEMALE_TITLES = {
    "ms",
    "mrs",
    "miss",
    "dame",
    "lady",
    "queen",
    "princess",
    "congresswoman",
    "chairwoman",
    "spokeswoman",
}
_MALE_TITLES = {
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "congressman",
    "chairman",
    "father",
    "spokesman",
}
_NOT_NAMES = {
    "in",
    "when",
    "but",
    "and",
    "the",
    "a",
    "an",
    "as",
    "if",
    "after",
    "before",
    "while",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "to",
    "of",
    "that",
    "this",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "its",
    "so",
    "yet",
    "still",
    "then",
    "there",
    "here",
    "now",
    "also",
    "even",
    "though",
    "although",
    "since",
    "because",
    "during",
    "among",
    "under",
    "over",
    "about",
    "asked",
    "said",
    "according",
    "speaking",
    "meanwhile",
    "however",
    "instead",
    "indeed",
    "yes",
    "no",
    "that's",
    "it's",
    "there's",
    "here's",
    "what's",
    "that\u2019s",
    "it\u2019s",
    "there\u2019s",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "whether",
    "not",
    "all",
    "some",
    "many",
    "most",
    "few",
    "each",
    "every",
    "any",
    "none",
    "both",
    "either",
    "neither",
    "one",
    # prepositions and subordinators that open a sentence (Given his remarks, …)
    "unless",
    "given",
    "despite",
    "amid",
    "until",
    "upon",
    "within",
    "without",
    "throughout",
    "toward",
    "towards",
    "unlike",
    "regarding",
    "beyond",
}

_WORD_RE = re.compile(r"[^\W_][\w\u2019'.&-]*|\S")
# the spans of the words of ranges of the last text seen (the same ranges are often read
# again, by another rule): (text, {(start, end): spans})
_SPANS_MEMO: tuple[str, dict[tuple[int, int], list[tuple[int, int]]]] = ("", {})


def _word_spans(seg: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the words (``_WORD_RE``) of ``seg[a:b]``; a shared list: copy it
    before changing it."""
    global _SPANS_MEMO
    memo = _SPANS_MEMO
    if memo[0] is not seg or len(memo[1]) > 512:
        memo = (seg, {})
        _SPANS_MEMO = memo  # another text (or thread): start afresh; correct either way
    spans = memo[1].get((a, b))
    if spans is None:
        spans = [m.span() for m in _WORD_RE.finditer(seg, a, b)]
        memo[1][(a, b)] = spans
    return spans


_ABBREV = {
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
_SENT_END_RE = re.compile(
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9]|[\"\u201c\u201e\u00ab]|'')"
)
_ABBREV_RE = re.compile(r"(?:^|[^\w.])(?:" + "|".join(sorted(_ABBREV)) + r"|[A-Z])$")


def _is_sentence_end(seg: str, m: re.Match[str]) -> bool:
    """Whether the match of ``_SENT_END_RE`` ends a sentence (not ``Mr.``, ``J.``)."""
    i = m.start()
    if seg[i] != ".":
        return True
    return _ABBREV_RE.search(seg, max(0, i - 6), i) is None


def strip_titles(name: str) -> str:
    """``name`` without leading titles or a trailing possessive (``Major General X`` → ``X``)."""
    words = name.replace("\u00a0", " ").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words.pop(0)
    while words and words[-1].endswith((",", ";", ":")):
        words[-1] = words[-1][:-1]
    if words and words[-1].endswith(("\u2019s", "'s")):
        words[-1] = words[-1][:-2]
    return " ".join(words)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _key(word: str) -> str:
    if word.endswith(("\u2019s", "'s")):
        word = word[:-2]
    return word.rstrip(".,;:\u2019'")


def _abbreviation(word: str) -> bool:
    """``Mr.``, ``J.``, ``U.S.``: a word whose final period does not end a sentence."""
    core = word[:-1]
    return core in _ABBREV or len(core) == 1 or "." in core


def _skip_blank(seg: str, i: int) -> int:
    while i < len(seg) and seg[i].isspace():
        i += 1
    return i


# A match of _SENT_END_RE starts at a stop (. ! ?) and holds no other, so the matches in
# a range are exactly the stops of the range where the pattern matches: both functions
# below try those stops from the relevant end instead of scanning the whole range.


def _sentence_start(seg: str, floor: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` (not before ``floor``)."""
    end = min(len(seg), pos + 3)
    lo = max(floor, 0)
    dot = seg.rfind(".", lo, end)
    bang = seg.rfind("!", lo, end)
    ask = seg.rfind("?", lo, end)
    p = max(dot, bang, ask)
    while p >= lo:
        # the rightmost sentence end ending by pos is the last one (their ends increase)
        m = _SENT_END_RE.match(seg, p, end)
        if m is not None and m.end() <= pos and _is_sentence_end(seg, m):
            return m.end()
        if p == dot:
            dot = seg.rfind(".", lo, p)
        elif p == bang:
            bang = seg.rfind("!", lo, p)
        else:
            ask = seg.rfind("?", lo, p)
        p = max(dot, bang, ask)
    return floor


def _sentence_end(seg: str, pos: int, limit: int) -> int:
    p = max(pos, 0)
    big = len(seg) + 1
    dot = seg.find(".", p, limit) % big
    bang = seg.find("!", p, limit) % big
    ask = seg.find("?", p, limit) % big  # not found (-1): len(seg), past any stop
    p = min(dot, bang, ask)
    while p < big - 1:
        m = _SENT_END_RE.match(seg, p, limit)
        if m is not None and _is_sentence_end(seg, m):
            return p + 1
        if p == dot:
            dot = seg.find(".", p + 1, limit) % big
        elif p == bang:
            bang = seg.find("!", p + 1, limit) % big
        else:
            ask = seg.find("?", p + 1, limit) % big
        p = min(dot, bang, ask)
    return limit

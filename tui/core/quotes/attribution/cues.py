"""The reporting-cue lexicon (``said``, ``told``, ``according to``...) and cue scanning."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

# Lexicon -----------------------------------------------------------------------------

_IRREGULAR = (
    "say said says saying tell told tells telling write wrote writes writing written "
    "read reads reading put puts putting"
).split()
_REGULAR = (
    "add ask continue tweet explain reply respond declare conclude recall argue insist "
    "warn announce admit claim predict remark answer shout lament acknowledge suggest "
    "observe quip joke caution complain concede counter emphasize emphasise stress "
    "call describe promise pledge vow accuse chant urge boast brag muse scoff snap "
    "exclaim proclaim assert contend allege maintain testify confirm deny retort "
    "yell scream thunder whisper mutter sigh grumble opine reason agree disagree "
    "demand dub label brand recount reiterate tout mock marvel interject elaborate "
    "gush fume rail repeat summarize summarise characterize characterise dismiss decry "
    "denounce praise criticize criticise assure remember blast slam ridicule hail "
    "reflect wonder"
).split()
_PAST_ONLY = (
    "noted stated posted reported charged pointed went shot fired texted emailed echoed riffed "
    "reacted exhorted beamed"
).split()
_EXTRA = "noting stating posting reporting charging notes".split()
_DOUBLE = {"admit", "quip", "snap", "scoff", "brag", "dub", "refer", "slam"}


def _forms(verb: str) -> list[str]:
    if verb in _DOUBLE and not verb.endswith("ff"):
        stem = verb + verb[-1]
        return [verb, verb + "s", stem + "ed", stem + "ing"]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("sh", "ch", "ss", "x")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


CUE_WORDS: set[str] = set(_IRREGULAR) | set(_PAST_ONLY) | set(_EXTRA)
for _v in _REGULAR:
    CUE_WORDS.update(_forms(_v))
# forms too often nouns (or too vague) to be cues on their own
CUE_WORDS -= {
    "read",
    "reads",
    "put",
    "puts",
    "putting",
    "reading",
    "brand",
    "brands",
    "label",
    "labels",
    "counter",
    "counters",
    "call",
    "calls",
    "claims",
    "demand",
    "demands",
    "praise",
    "pointed",
    "went",
    "shot",
    "fired",
    "snap",
    "snaps",
    "vow",
    "vows",
    "joke",
    "jokes",
    "sigh",
    "sighs",
    "reason",
    "reasons",
    "repeat",
    "dub",
    "mock",
    "tout",
    "blast",
    "blasts",
    "slam",
    "slams",
    "hail",
    "wonder",
    "answer",
    "answers",
    "reply",
    "shout",
    "shouts",
    "stress",
    "confirm",
    "maintain",
    "deny",
    "testify",
    "urge",
    "remember",
    "reflect",
    "agree",
    "disagree",
    "continue",
    "rail",
    "rails",
    "chant",
    "chants",
    "remark",
    "remarks",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "yell",
    "yells",
    "thunder",
    "gush",
    "fume",
    "fumes",
    "marvel",
    "marvels",
    "recount",
    "recounts",
    "muse",
    "muses",
    "caution",
    "observe",
    "suggest",
    "concede",
    "assure",
}
# [\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]|'', opening with a character set (fast scan)
MARK_ANY = re.compile(r"[\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a](?:(?<=')'|(?<!'))")
# second words of multi-word cues (according to, pointed out, went on, shot back, put it)
_PARTICLE = {
    "according": "to",
    "pointed": "out",
    "points": "out",
    "went": "on",
    "goes": "on",
    "shot": "back",
    "fired": "back",
    "put": "it",
    "puts": "it",
}
_ON_PLACE_RE = re.compile(r"[ \u00a0]+(?!to\b)[A-Za-z]")
_PARTICLE_RE = re.compile(r"\s+(to|out|on|back|it)\b")


class Hit:
    """A reporting cue found in the text (duck-types the parts of ``re.Match`` used here)."""

    __slots__ = ("a", "b", "word")

    def __init__(self, a: int, b: int, word: str) -> None:
        self.a = a
        self.b = b
        self.word = word

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def span(self) -> tuple[int, int]:
        return self.a, self.b

    def group(self) -> str:
        return self.word


# verbs of stance and naming, too loose to be reporting cues but whose subject is the
# likeliest source of a quoted fragment when nothing better is found
_STANCE_VERBS = (
    "argue claim call compare denounce recognize include name discuss imagine confide "
    "declare exhort describe label brand dub deride blame criticize criticise praise accuse "
    "promise pledge vow demand urge question dismiss reject decry condemn laud hail tout mock "
    "slam blast deem term characterize characterise consider view refer cite insist suggest "
    "vow warn tell chide dub liken brand question"
).split()
STANCE_WORDS: set[str] = set(CUE_WORDS)
for _v in _STANCE_VERBS:
    STANCE_WORDS.update(_forms(_v))


def _trie_pattern(words: set[str]) -> str:
    """A regular expression matching exactly ``words``, factored as a trie (fast to scan)."""
    trie: dict[str, dict[str, Any]] = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


_LEXICON_RES: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _lexicon_re(words: set[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of ``words`` and the heads of multi-word cues, as whole lower-case words
    (group 1): a pattern for a cue right at the start of a range, and one for a cue after
    the non-letter that opens its match (a character set first: the engine scans for it
    fast)."""
    pats = _LEXICON_RES.get(id(words))
    if pats is None:
        body = _trie_pattern({w for w in words | set(_PARTICLE) if w.isalpha() and w.islower()})
        cue = r"(According|" + body + r")(?![a-z])"
        pats = (re.compile(r"(?<![A-Za-z])" + cue), re.compile(r"[^A-Za-z]" + cue))
        _LEXICON_RES[id(words)] = pats
    return pats


_BE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|been|being|be)[ \u00a0]+$")
_IRREGULAR_PAST = {"said", "told", "wrote", "written", "read", "put"}
_NOUN_BEFORE_RE = re.compile(
    r"(?:(?<![\w'\u2019])(?:a|an|the|another|his|her|its|their|our|my|your|every|each|"
    r"first|latest|subsequent|recent|earlier|later|separate|same|single)|\w['\u2019]s)"
    r"(?:[ \u00a0]+(?:subsequent|latest|recent|earlier|later|new|separate|second|first|last|"
    r"brief|short|long|lengthy|angry|single|same))?[ \u00a0]+$",
    re.IGNORECASE,
)


def scan_cues(text: str, a: int, b: int, words: set[str] = CUE_WORDS) -> list[Hit]:
    """The reporting cues of ``text[a:b]`` (words of the lexicon ``words``), in order."""
    out: list[Hit] = []
    at_start, after = _lexicon_re(words)
    m0 = at_start.match(text, a, b)
    found = after.finditer(text, a if m0 is None else m0.end(), b)
    for m in found if m0 is None else itertools.chain((m0,), found):
        start, nxt = m.span(1)
        w = m.group(1)
        lw = w.lower()
        if lw in _PARTICLE:
            p = _PARTICLE_RE.match(text, nxt, b)
            if p is None or p.group(1) != _PARTICLE[lw]:
                continue
            if lw in ("went", "goes") and _ON_PLACE_RE.match(text, p.end()):
                continue  # went on CNN / once the Senate goes on recess: no saying
            if lw == "according" or w[0].islower():
                out.append(Hit(start, p.end(), text[start : p.end()]))
            continue
        if w[0].isupper() or lw not in words:
            continue
        if nxt < b and text[nxt] in "'’-":
            continue  # said's, say-so
        if start >= 3 and text[start - 3 : start].lower() == "so-":
            continue  # so-called: an adjective, no reporting verb
        if lw == "charged" and _BE_BEFORE_RE.search(text, max(a, start - 12), start):
            continue  # was charged with battery: an indictment, no saying
        if (
            words is CUE_WORDS
            and not lw.endswith(("ed", "ing"))
            and lw not in _IRREGULAR_PAST
            and _NOUN_BEFORE_RE.search(text, max(a, start - 30), start)
        ):
            continue  # a subsequent tweet, his latest claim: a noun
        out.append(Hit(start, nxt, w))
    return out


class Cues:
    """The cues of one paragraph, searchable by offset."""

    __slots__ = ("by_start", "hits", "starts")

    def __init__(
        self, text: str, spans: list[tuple[int, int]], words: set[str] = CUE_WORDS
    ) -> None:
        if len(spans) == 1:
            self.hits = scan_cues(text, spans[0][0], spans[0][1], words)
        else:
            self.hits = [h for a, b in spans for h in scan_cues(text, a, b, words)]
        self.starts = [h.a for h in self.hits]
        self.by_start: dict[int, Hit] = {}
        for h in self.hits:
            self.by_start.setdefault(h.a, h)

    def between(self, a: int, b: int) -> list[Hit]:
        """Cues starting in ``[a, b)`` and ending by ``b``."""
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b)
        return [h for h in self.hits[i:j] if h.b <= b]

    def at(self, a: int) -> Hit | None:
        """The cue starting exactly at ``a``."""
        return self.by_start.get(a)


# nouns of saying whose possessor is the source of the quote that follows
# (his promise to be “neutral”, Trump's claim that “…”)
_SPEECH_NOUNS = (
    "promise pledge vow statement comment remark claim assertion contention argument "
    "message plea warning accusation rejection conclusion description "
    "insistence suggestion declaration demand dictum slogan tweet line words speech "
    "answer reply response admission complaint boast prediction threat"
).split()
_SPEECH_NOUN_RE = re.compile("|".join(_SPEECH_NOUNS))
_DATE_WORDS = (
    "(?:"
    + "|".join(
        "January February March April May June July August September October November "
        "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
    )
    + ")"
)  # her March comment that “…”
_POSSESSOR_RE = re.compile(
    r"(?<![\w.])(his|her|their|its|[A-Z][\w.-]*(?:[ \u00a0][A-Z][\w.-]*){0,3}(?=['\u2019]s))"
    r"(?:['\u2019]s)?[ \u00a0]+(?:(?:[a-z][\w-]*|"
    + _DATE_WORDS
    + r")[ \u00a0]+){0,2}?(?:"
    + "|".join(_SPEECH_NOUNS)
    + r")s?\b(?:[ \u00a0]+(?:(?:on|in|at|last|this)[ \u00a0]+[\w ]{0,20}?|[A-Z][a-z]+day))?"
    r"(?:(?:[ \u00a0]+(?:that|to|of|about|as))?[ \u00a0,:]*"
    r"(?:[ \u00a0](?:be|is|was|the|a|an|[a-z]+)){0,3}"
    # Trump's accusation that Hillary Clinton is playing the “…”
    r"|[ \u00a0]+that(?:[ \u00a0]+[A-Z][\w.\u2019'-]*){1,3}(?:[ \u00a0]+[a-z][\w\u2019'-]*){0,4})"
    r"[ \u00a0]*$"
)


def possessor_before(text: str, s0: int, qstart: int) -> tuple[int, int] | None:
    """The possessor of a noun of saying right before a quote (``his promise to be “…”``,
    ``Mr. Obama's rejection of “…”``), as a span without the ``'s``."""
    lo = max(s0, qstart - 90)
    if _SPEECH_NOUN_RE.search(text, lo, qstart) is None:
        return None  # (a quick test: the match holds one of the nouns)
    m = _POSSESSOR_RE.search(text, lo, qstart)
    if m is None:
        return None
    before = text[max(s0, m.start() - 20) : m.start()].split()
    if before and before[-1].lower() not in _POSSESSOR_AFTER and before[-1][-1:].isalpha():
        return None  # Trump defended his comments as “…”: the noun is an object
    return m.span(1)


_POSSESSOR_AFTER = {
    "over",
    "of",
    "between",
    "about",
    "by",
    "including",
    "and",
    "with",
    "from",
    "in",
    "on",
    "to",
    "was",
    "is",
    "under",
    "despite",
    "after",
    "against",
    "for",
    "like",
    "but",
    "that",
    "beyond",
    "amid",
    "since",
    "as",
    "at",
}

"""Speaker attribution for quotations: who said it, with which cue, and their full name.

:func:`attribute` works paragraph by paragraph on the pieces found by
:mod:`tui.core.quotes`. Reporting cues are found with a lexicon of reporting verbs
(``said``, ``told``, ``wrote``, ``added``, ``according to``...) outside the quotes.
For each piece, in order:

1. *after* — a speaker and a cue right after the closing mark: ``“…,” Rezaei said`` /
   ``“…,” said Rezaei`` / ``“…,” Jane Doe, a spokeswoman for X, said`` (the speaker
   is the part before an appositive). When the quote ends its sentence (``“… now.”
   Kai Brand said …``) this is only a last resort;
2. *before* — the last cue of the sentence before the opening mark and its subject:
   ``Rezaei said: “…”`` / ``Ms Hewitt told GMTV: “…”`` / ``Rezaei said that “…”`` /
   ``according to Rezaei, “…”`` / ``Trump called it “a disaster”``; a participle or
   a second verb takes the subject of the main clause (``X rejected it, saying “…”``,
   ``he laughed and said “…”``); ``Clinton, who was speaking…, told them “…”`` takes
   the antecedent; ``Ana Ruiz: “…”`` takes the name before the colon;
3. *later in the sentence* — ``“…” in the primary, said Paul Beck``;
4. *previous paragraph* — a paragraph ending ``X said:`` introduces the next one;
5. *same sentence* — a piece with no cue of its own shares the one of a neighbouring
   piece of the same sentence (``“…” and “…,” he said``; ``“…,” Rezaei said, “…”``);
   pieces of one multi-paragraph quotation share their speaker;
6. *guessed* — the subject of the sentence holding a quote with no cue (``Senator
   Lia Moss blamed the “reckless spending”``), else the nearest attributed quote of
   the paragraph, else the speaker of the previous paragraph's quote (follow-on).

``speaker`` is the mention as written; ``speaker_name`` resolves it to the fullest
name in the article, titles left out: a pronoun to the most recent person mentioned
before it (speakers and titled names; ``Mr``/``Ms`` give a gender), a short form to
the most frequent longer name ending with the same word (``Trump`` → ``Donald
Trump``). ``guessed`` is true for rule 6 and whenever the speaker is a pronoun.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.core.models import Span

__all__ = ["Attribution", "attribute", "strip_titles"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quotation piece is attributed to."""

    speaker: str | None
    speaker_span: Span | None
    speaker_name: str | None
    cue: str | None
    cue_span: Span | None
    guessed: bool
    explicit: bool
    """Read from a pattern next to the quote (even if the speaker is a pronoun)."""


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
_PAST_ONLY = "noted stated posted reported charged pointed went shot fired texted emailed".split()
_EXTRA = "noting stating posting reporting charging".split()
_DOUBLE = {"admit", "quip", "snap", "scoff"}


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


_CUE_WORDS: set[str] = set(_IRREGULAR) | set(_PAST_ONLY) | set(_EXTRA)
for _v in _REGULAR:
    _CUE_WORDS.update(_forms(_v))
# forms too often nouns (or too vague) to be cues on their own
_CUE_WORDS -= {"read", "reads", "put", "puts", "putting", "reading", "brand", "brands",
               "label", "labels", "counter", "counters", "call", "calls", "claims", "demand",
               "demands", "praise", "pointed", "went", "shot", "fired", "snap", "snaps",
               "vow", "vows", "joke", "jokes", "sigh", "sighs", "reason", "reasons", "repeat",
               "dub", "mock", "tout", "blast", "blasts", "slam", "slams", "hail", "wonder",
               "answer", "answers", "reply", "shout", "shouts", "stress", "confirm",
               "maintain", "deny", "testify", "urge", "remember", "reflect", "agree",
               "disagree", "continue", "rail", "rails", "chant", "chants", "remark",
               "remarks", "promise", "promises", "pledge", "pledges", "yell", "yells",
               "thunder", "gush", "fume", "fumes", "marvel", "marvels", "recount", "recounts",
               "muse", "muses", "caution", "observe", "suggest", "concede", "assure"}
_MARK_ANY = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]|''")
_ALPHA_RE = re.compile(r"(?<![A-Za-z])(?:[a-z]+|According)")
# second words of multi-word cues (according to, pointed out, went on, shot back, put it)
_PARTICLE = {"according": "to", "pointed": "out", "points": "out", "went": "on",
             "goes": "on", "shot": "back", "fired": "back", "put": "it", "puts": "it"}
_PARTICLE_RE = re.compile(r"\s+(to|out|on|back|it)\b")


class _Hit:
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


def _scan_cues(text: str, a: int, b: int) -> list[_Hit]:
    """The reporting cues of ``text[a:b]``, in order."""
    out: list[_Hit] = []
    for m in _ALPHA_RE.finditer(text, a, b):
        w = m.group()
        lw = w.lower()
        if lw in _PARTICLE:
            p = _PARTICLE_RE.match(text, m.end(), b)
            if p is None or p.group(1) != _PARTICLE[lw]:
                continue
            if lw == "according" or w[0].islower():
                out.append(_Hit(m.start(), p.end(), text[m.start() : p.end()]))
            continue
        if w[0].isupper() or lw not in _CUE_WORDS:
            continue
        nxt = m.end()
        if nxt < b and text[nxt] in "'’-":
            continue  # said's, say-so
        out.append(_Hit(m.start(), m.end(), w))
    return out


class _Cues:
    """The cues of one paragraph, searchable by offset."""

    __slots__ = ("hits", "starts")

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.hits = [h for a, b in spans for h in _scan_cues(text, a, b)]
        self.starts = [h.a for h in self.hits]

    def between(self, a: int, b: int) -> list[_Hit]:
        """Cues starting in ``[a, b)`` and ending by ``b``."""
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b)
        return [h for h in self.hits[i:j] if h.b <= b]

    def at(self, a: int) -> _Hit | None:
        """The cue starting exactly at ``a``."""
        i = bisect.bisect_left(self.starts, a)
        if i < len(self.starts) and self.starts[i] == a:
            return self.hits[i]
        return None



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
    "that", "and", "but", "because", "when", "as", "if", "while", "which", "where", "in",
    "on", "at", "to", "with", "after", "before", "for", "by", "from", "than", "so", "or",
    "what", "how", "why", "whom", "whose", "about", "into", "over", "during", "since",
    "until", "though", "although", "whether", "of", "like", "not", "is", "was", "are",
    "were", "be", "been", "has", "have", "had", "there", "this", "these", "those", "then",
    "also", "once", "again", "even", "said", "says", "told", "tells",
}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "one",
                "another", "some", "many", "several", "two", "three", "most", "other", "both",
                "this", "these", "those"}
_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "tonight", "tomorrow", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december",
    "earlier", "later", "last", "week", "month", "year", "night", "morning", "afternoon",
    "evening", "recently", "now", "then", "here", "there", "late", "early",
}
_APPOSITIVE_OPENERS = {"who", "whose", "whom", "which", "a", "an", "the", "himself", "herself",
                       "now", "also", "once", "formerly", "its", "his", "her", "their"}
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "rep",
    "representative", "gov", "governor", "president", "vice", "secretary", "minister",
    "prime", "general", "gen", "major", "maj", "colonel", "col", "lt", "lieutenant",
    "captain", "capt", "sgt", "sergeant", "admiral", "adm", "commander", "judge", "justice",
    "chief", "mayor", "ambassador", "sir", "dame", "lord", "lady", "rev", "reverend",
    "father", "sheikh", "ayatollah", "king", "queen", "prince", "princess", "former",
    "chairman", "chairwoman", "speaker", "leader", "attorney", "state", "house", "senate",
    "democratic", "republican", "gop", "candidate", "nominee", "presidential", "u.s.",
    "us", "sens", "reps", "mrs.", "congressman", "congresswoman", "superintendent",
    "rabbi", "imam", "pope", "brig", "supreme", "deputy", "acting", "retired", "army",
    "spokesman", "spokeswoman", "spokesperson", "sheriff", "officer", "detective",
    "director", "commissioner", "inspector", "agent", "coach", "the",
}
_FEMALE_TITLES = {"ms", "mrs", "miss", "dame", "lady", "queen", "princess", "congresswoman",
                  "chairwoman", "spokeswoman"}
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "congressman", "chairman", "father",
                "spokesman"}
_NOT_NAMES = {
    "in", "when", "but", "and", "the", "a", "an", "as", "if", "after", "before", "while",
    "on", "at", "for", "by", "with", "from", "to", "of", "that", "this", "these", "those",
    "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "its", "so", "yet",
    "still", "then", "there", "here", "now", "also", "even", "though", "although",
    "since", "because", "during", "among", "under", "over", "about", "asked", "said",
    "according", "speaking", "meanwhile", "however", "instead", "indeed", "yes", "no",
    "that's", "it's", "there's", "here's", "what's", "that\u2019s", "it\u2019s", "there\u2019s",
    "what", "why", "how", "who", "where", "which", "whether", "not", "all", "some", "many",
    "most", "few", "each", "every", "any", "none", "both", "either", "neither", "one",
}

_WORD_RE = re.compile(r"[^\W_][\w\u2019'.&-]*|\S")
_ABBREV = {"Mr", "Ms", "Dr", "Mrs", "Sen", "Rep", "Gov", "Gen", "St", "Jr", "Lt", "Col", "Sgt",
           "Capt", "Maj", "Adm", "Prof", "Rev", "Ft", "No", "Sens", "Reps", "Mt", "Vs", "vs",
           "Sr", "Inc", "Co", "Corp", "Ltd", "Ave", "Gens", "Govs", "Supt", "Sgts", "Messrs",
           # US state abbreviations as written in news copy (Cambridge, Mass.)
           "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
           "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
           "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo"}
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


# Noun phrases -------------------------------------------------------------------------


def _np_before(seg: str, end: int, floor: int, finite: bool = True) -> tuple[int, int] | None:
    """The noun phrase ending at ``seg[end]`` (subject of a following verb), as offsets."""
    toks = [(m.start(), m.end()) for m in _WORD_RE.finditer(seg, floor, end)]
    # drop auxiliaries/adverbs between subject and verb
    while toks:
        w = seg[toks[-1][0] : toks[-1][1]].lower()
        if (w in _AUX_SET or w.endswith("ly") and len(w) > 4) and not _is_cap(seg[toks[-1][0]]):
            toks.pop()
        else:
            break
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
            if t in (".", ";", ":", "(", ")"):
                break
            if t == "," and k + 1 < len(toks) - 1 and seg[
                toks[k + 1][0] : toks[k + 1][1]
            ].lower() in _APPOSITIVE_OPENERS:
                np = _np_before(seg, toks[k][0], floor)
                if np is not None:
                    return np
            k -= 1
        k = len(toks) - 2
        while k >= 0 and seg[toks[k][0] : toks[k][1]] not in (",", ".", ";", ":", "(", ")"):
            k -= 1
        if k < 0 or seg[toks[k][0] : toks[k][1]] != "," or len(toks) - k > 30:
            return None
        return _np_before(seg, toks[k][0], floor)
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
    if lw in _CLAUSE_LINKS:
        return None
    # collect a run of words
    k = len(toks) - 1
    start = k
    while k >= 0 and len(toks) - k <= 7:
        w = seg[toks[k][0] : toks[k][1]]
        wl = w.lower()
        if not w[0].isalnum() and w not in ("&",):
            break
        if (wl in _BREAK_WORDS or wl in _PRONOUNS) and not _is_cap(w):
            break
        if wl in _TIME_WORDS and k != len(toks) - 1:
            break
        start = k
        if wl in _DETERMINERS:
            break
        k -= 1
    # strip leading non-name capitalised words (sentence-initial In, When...)
    lead = start
    while start < len(toks) - 1:
        w0 = seg[toks[start][0] : toks[start][1]]
        if not _is_cap(w0) or w0.lower() not in _NOT_NAMES or w0.lower() in _DETERMINERS:
            break
        start += 1
    words = [seg[a:b] for a, b in toks[start:]]
    if all(w.lower() in _BREAK_WORDS or w.lower() in _TIME_WORDS for w in words):
        return None
    if len(words) == 1 and not _is_cap(words[0]) and words[0].lower() in _NOT_NAMES:
        return None
    # subject position: after the start, a punctuation mark, a conjunction or a relative
    if lead > 0:
        prev = seg[toks[lead - 1][0] : toks[lead - 1][1]]
        if prev[0].isalnum() and prev.lower() not in _SUBJ_BEFORE and not _is_cap(prev) and not (
            prev == "of" and any(_is_cap(w) for w in words)  # Secretary of State John Kerry
        ):
            return None
    elif toks[lead][0] > floor and seg[floor : toks[lead][0]].strip():
        return None
    if not any(_is_cap(w) for w in words) and words[0].lower() not in _DETERMINERS:
        if len(words) > 2:
            return None
    return toks[start][0], toks[-1][1]


_CLAUSE_LINKS = {"and", "but", "or", "then", "that", "which", "before", "after", "by",
                 "upon", "while", "when", "as", "to", "of", "without", "in", "with", "for",
                 "from", "on", "at"}
_SUBJ_BEFORE = {"and", "but", "that", "as", "while", "when", "because", "if", "so", "though",
                "although", "where", "after", "before", "since", "until", "which", "who",
                "whom", "whose", "once", "then", "also", "yet", "meanwhile", "later", "now",
                "today", "here", "there", "earlier", "ago", "recently", "instead", "too",
                "however", "again", "afterward", "afterwards", "soon", "only"}
_VERBISH = set(
    "sent made took gave came held met ran got went spent put kept left brought began "
    "thought felt saw heard knew found wants wanted is was has had did does will would "
    "could can may might should must sought stood sat won lost led paid became seemed "
    "appeared tried used spoke wrote said told says tells".split()
)


def _clause_subject(
    seg: str, s0: int, end: int, initial: bool = False, names_only: bool = False
) -> tuple[int, int] | None:
    """The subject of the clause ending at ``end``: the nearest nominative pronoun, or a
    name followed by a verb-like word, scanning back to the sentence start ``s0``."""
    toks = [(m.start(), m.end()) for m in _WORD_RE.finditer(seg, s0, end)]
    k = len(toks) - 1
    while k >= 0:
        a, b = toks[k]
        w = seg[a:b]
        wl = w.lower()
        if wl == "who" and not names_only and k >= 2 and seg[toks[k - 1][0]] == "," and any(
            seg[x:y] == "," for x, y in toks[k + 1 :]
        ):
            # Clinton, who was speaking to mayors, told them: the antecedent
            ante = _np_before(seg, toks[k - 1][0], s0)
            if ante is not None:
                return ante
        if wl in ("he", "she", "they", "i", "we", "who") and not names_only:
            return a, b
        if _is_cap(w) and wl not in _NOT_NAMES and wl not in _TIME_WORDS and not (
            w.endswith(".") and w[:-1] in _ABBREV
        ):
            # a name run ending here
            j = k
            while j - 1 >= 0 and _is_cap(seg[toks[j - 1][0] : toks[j - 1][1]]) and seg[
                toks[j - 1][0] : toks[j - 1][1]
            ].lower() not in _NOT_NAMES:
                j -= 1
            nxt = seg[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < len(toks) else ""
            nl = nxt.lower()
            before = seg[toks[j - 1][0] : toks[j - 1][1]] if j > 0 else "."
            at_start = before in (",", ".")
            if before == "." and nxt[:1].islower() and nl not in _BREAK_WORDS:
                return toks[j][0], b
            verbish = bool(nxt) and nxt[0].isalpha() and not _is_cap(nxt) and (
                nl in _VERBISH or nl in _AUX_SET or nl in _CUE_WORDS
                or (nl.endswith(("ed", "s")) and nl not in _BREAK_WORDS and len(nl) > 3)
            )
            if verbish or (at_start and nxt in (",", "")):
                a2 = toks[j][0]
                return a2, b
            k = j - 1
            continue
        k -= 1
    if initial:
        return _initial_np(seg, toks)
    return None


_SUBORDINATORS = {"when", "while", "if", "after", "before", "as", "although", "though",
                  "because", "since", "once", "until", "in", "on", "at", "during", "with",
                  "despite", "for", "by", "from", "following", "asked", "speaking", "unlike",
                  "like", "without", "amid", "over", "under", "through", "within", "still",
                  "but", "and", "yet", "so", "meanwhile", "however", "instead", "indeed",
                  "earlier", "later", "last", "this", "then", "now", "today", "yesterday"}


def _main_subject(seg: str, s0: int, end: int) -> tuple[int, int] | None:
    """The subject of the main clause of the sentence starting at ``s0`` (before ``end``):
    the first pronoun, name or noun phrase followed by a verb, after an introductory
    phrase (``When ..., he laughed and said``)."""
    toks = [(m.start(), m.end()) for m in _WORD_RE.finditer(seg, s0, end)]
    i = 0
    if toks and seg[toks[0][0] : toks[0][1]].lower() in _SUBORDINATORS:
        i = 1
        for k, (a, b) in enumerate(toks[:30]):
            if seg[a:b] == ",":
                i = k + 1
                break
    n = len(toks)
    while i < n:
        a, b = toks[i]
        w = seg[a:b]
        wl = w.lower()
        if wl in ("he", "she", "they", "i", "we"):
            return a, b
        if not w[0].isalnum() or wl in _NOT_NAMES and wl not in _DETERMINERS:
            return None
        if not _is_cap(w) and wl not in _DETERMINERS:
            return None
        if _key(wl) in _NOT_NAMES or wl in _TIME_WORDS:
            return None
        # a noun phrase: determiner or capitalised words, up to 6 words
        j = i
        while j < n and j - i < 6:
            x = seg[toks[j][0] : toks[j][1]]
            xl = x.lower()
            if not x[0].isalnum() or (j > i and not _is_cap(x) and (
                    xl in _BREAK_WORDS or xl in _AUX_SET or xl in _VERBISH or xl in _CUE_WORDS
                    or (xl.endswith("ed") and len(xl) > 4))):
                break
            j += 1
        if j == i:
            return None
        # skip an appositive or a parenthesis: Jane Doe, a spokeswoman, said / Cruz (R-Tex.)
        k = j
        if k < n and seg[toks[k][0] : toks[k][1]] in (",", "("):
            close = "," if seg[toks[k][0] : toks[k][1]] == "," else ")"
            m = k + 1
            while m < n and m - k < 25 and seg[toks[m][0] : toks[m][1]] != close:
                m += 1
            if m < n and m - k < 25:
                k = m + 1
        nxt = seg[toks[k][0] : toks[k][1]].lower() if k < n else ""
        if nxt and nxt[0].isalpha() and (
            nxt in _VERBISH or nxt in _AUX_SET or nxt in _CUE_WORDS
            or (nxt.endswith(("ed", "s")) and nxt not in _BREAK_WORDS and len(nxt) > 3)
        ):
            first = i
            while first < j - 1 and seg[toks[first][0] : toks[first][1]].lower() in _NOT_NAMES \
                    and seg[toks[first][0] : toks[first][1]].lower() not in _DETERMINERS:
                first += 1
            return toks[first][0], toks[j - 1][1]
        return None
    return None


def _initial_np(seg: str, toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The noun phrase opening a sentence (``The retired neurosurgeon`` addressed...)."""
    i = 0
    for k, (a, b) in enumerate(toks[:8]):
        if seg[a:b] == ",":
            if seg[toks[0][0] : toks[0][1]].lower() in _NOT_NAMES or k <= 3:
                i = k + 1
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
        if run and (wl in _BREAK_WORDS or wl in _AUX_SET or wl in _VERBISH
                    or wl in _CUE_WORDS):
            break
        if run and not _is_cap(w) and wl.endswith(("ed", "s")) and len(run) >= 1 and \
                seg[run[-1][0] : run[-1][1]].lower() not in _DETERMINERS:
            break
        if not run and not _is_cap(w):
            break
        run.append((a, b))
    while run and seg[run[0][0] : run[0][1]].lower() in _NOT_NAMES and \
            seg[run[0][0] : run[0][1]].lower() not in _DETERMINERS:
        run.pop(0)
    if not run or (len(run) == 1 and seg[run[0][0] : run[0][1]].lower() in _DETERMINERS):
        return None
    return run[0][0], run[-1][1]


_POST_STOP = _BREAK_WORDS | _TIME_WORDS | {"who", "whose", "which", "in", "on", "at"}


def _np_after(seg: str, begin: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``seg[begin]`` (``said Jane Doe, a spokeswoman``)."""
    toks = [(m.start(), m.end()) for m in _WORD_RE.finditer(seg, begin, limit)]
    out: list[tuple[int, int]] = []
    for a, b in toks:
        w = seg[a:b]
        wl = w.lower()
        if not w[0].isalnum():
            if w in (".",) and out and len(seg[out[-1][0] : out[-1][1]]) <= 3:
                continue
            break
        if out and wl in _POST_STOP and not _is_cap(w):
            break
        if not out and wl in _PRONOUNS:
            return a, b
        if not out and not _is_cap(w) and wl not in _DETERMINERS and not w[0].isdigit():
            # said campaign manager Jeff Weaver: a job title before a name is fine
            ahead = [seg[x:y] for x, y in toks[len(out) + 1 : len(out) + 4]]
            if wl in _POST_STOP or not any(_is_cap(x) for x in ahead):
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


# Attribution of one piece -------------------------------------------------------------

@dataclass(slots=True)
class _Found:
    speaker: Span
    cue: Span | None
    guessed: bool
    strength: int  # 3 after/before immediate, 2 in sentence, 1 guessed


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
    if m is None and seg.startswith(("read ", "reads "), p) and seg[p - 2 : p].strip(" ") in (
        ",\u201d", ',"', ",''", "\u201d", '"', "''"
    ):
        m = _Hit(p, seg.index(" ", p), seg[p : seg.index(" ", p)])  # “…,” read the sign
    if m is not None and m.group()[:1].islower():
        np = _np_after(seg, _skip_blank(seg, m.end()), limit)
        if np:
            return _Found(np, _cue_extent(seg, m), False, 3)
        return None
    # subject first: Rezaei said / Jane Doe, a spokeswoman for X, said
    return _after_subject_first(seg, cues, qend, p, min(limit, p + 200))


_AFTER_VERBS = {"notes", "states", "read", "reads", "recalls", "surmised", "commented",
                "questioned", "mused", "wondered", "offered", "quipped", "pressed",
                "interjected", "relayed", "echoed", "started", "began", "chimed", "boomed"}
_LEAD_BAD = {"and", "but", "or", "so", "then", "as", "if", "when", "while", "because", "that",
             "which", "where", "though", "although", "after", "before", "since", "until",
             "in", "on", "at", "for", "with", "by", "from", "to", "of", "is", "was", "are",
             "were", "has", "have", "had", "not", "there", "here",
             "it's", "what", "how", "why", "even", "also", "just", "only", "more", "most"}
_TOKEN_RE = re.compile(r"[^\W_][\w\u2019'.&-]*|[^\w\s]")


_CLOSE_MARKS = "\"'\u201d\u201c\u00bb\u203a\u2019"


def _abbreviation(word: str) -> bool:
    """``Mr.``, ``J.``, ``U.S.``: a word whose final period does not end a sentence."""
    core = word[:-1]
    return core in _ABBREV or len(core) == 1 or "." in core


def _after_subject_first(
    seg: str, cues: _Cues, qend: int, p: int, limit: int
) -> _Found | None:
    """``“…,” Jane Doe, a spokeswoman for X, said``: the words before the verb speak."""
    lower = 0
    depth = 0
    commas = 0
    k = qend - 1
    while k > 0 and seg[k] in _CLOSE_MARKS:
        k -= 1
    comma_end = seg[k] in ",?!\u2014-" or seg[qend:p].strip().startswith((",", "\u2014", "-"))
    for m in _TOKEN_RE.finditer(seg, p, limit):
        w = m.group()
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
            if w in "-\u2014\u2013" or (w == "." and m.start() > p and
                                         _ABBREV_RE.search(seg, max(0, m.start() - 6), m.start())):
                continue
            return None
        hit = cues.at(m.start()) if w[0].islower() else None
        bare = w.rstrip(".")
        if hit is not None or (bare in _AFTER_VERBS and comma_end):
            end = hit.end() if hit is not None else m.start() + len(bare)
            return _subject_span(seg, p, m.start(), (m.start(), end), hit)
        if w.endswith(".") and not _abbreviation(w):
            return None
        if not w[0].islower():
            continue
        if w in _AUX_SET or (w.endswith("ly") and len(w) > 4):
            continue
        lower += 1
        if lower > (6 if not commas else 24) or m.start() == p and w in _LEAD_BAD:
            return None
    return None


def _subject_span(
    seg: str, p: int, verb: int, cue: tuple[int, int], hit: _Hit | None
) -> _Found | None:
    """The speaker written between ``p`` and the verb at ``verb`` (auxiliaries dropped)."""
    toks = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(seg, p, verb)]
    while toks and (seg[toks[-1][0] : toks[-1][1]] in _AUX_SET or
                    seg[toks[-1][0] : toks[-1][1]] in (",", "-", "\u2014", "\u2013")):
        toks.pop()
    if not toks or len(toks) > 24:
        return None
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


def _skip_blank(seg: str, i: int) -> int:
    while i < len(seg) and seg[i].isspace():
        i += 1
    return i


def _sentence_start(seg: str, floor: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` (not before ``floor``)."""
    best = floor
    for m in _SENT_END_RE.finditer(seg, floor, min(len(seg), pos + 3)):
        if m.end() <= pos and _is_sentence_end(seg, m):
            best = m.end()
    return best


def _sentence_end(seg: str, pos: int, limit: int) -> int:
    for m in _SENT_END_RE.finditer(seg, pos, limit):
        if _is_sentence_end(seg, m):
            return m.start() + 1
    return limit


def _before(seg: str, cues: _Cues, floor: int, qstart: int) -> _Found | None:
    """Speaker and cue in the sentence before the opening mark."""
    s0 = _sentence_start(seg, floor, qstart)
    hits = cues.between(s0, qstart)
    tail = seg[s0:qstart].rstrip()
    for k in range(len(hits) - 1, -1, -1):
        m = hits[k]
        word = m.group().lower()
        strength = 3 if qstart - m.end() <= 25 else 2
        if word.startswith("according"):
            np = _np_after(seg, _skip_blank(seg, m.end()), qstart)
            if np:
                return _Found(np, m.span(), False, strength)
            continue
        np = _np_before(seg, m.start(), s0, not word.endswith("ing"))
        if np:
            return _Found(np, _cue_extent(seg, m), False, strength)
        if seg[s0 : m.start()].strip():
            # participle (", saying"), coordination (and said), relative (a video that said)
            np = None
            prev = seg[s0 : m.start()].rstrip()
            if word.endswith("ing") and prev.endswith(",") or prev.endswith((" and", " but")):
                np = _main_subject(seg, s0, m.start())
            if np is None:
                np = _clause_subject(seg, s0, m.start())
            if np:
                return _Found(np, _cue_extent(seg, m), False, 2)
        else:
            # inverted: Said Rezaei: “…”
            np = _np_after(seg, _skip_blank(seg, m.end()), qstart)
            if np and seg[np[1] : qstart].strip() in (":", ","):
                return _Found(np, _cue_extent(seg, m), False, 3)
        continue
    # colon cue: Rezaei: “…”
    if tail.endswith(":"):
        colon = s0 + len(tail) - 1
        np = _np_before(seg, colon, s0)
        if np and np[0] - s0 <= 1 and _is_cap(seg[np[0]]):
            return _Found(np, (colon, colon + 1), False, 2)
        # ... - Frank Newport and Jim Harter: “…” / Former secretary Ana Ruiz: “…”
        nm = _NAME_COLON_RE.search(seg, max(s0, colon - 60), colon + 1)
        if nm is not None:
            before = seg[max(s0, nm.start() - 12) : nm.start()].split()
            if not before or before[-1].lower() not in _PREPOSITIONS:
                return _Found(nm.span(1), (colon, colon + 1), False, 2)
    return None


_PREPOSITIONS = {"in", "on", "at", "to", "from", "with", "by", "for", "of", "about", "into",
                 "over", "under", "after", "before", "during", "via", "than", "like"}
_NAME_COLON_RE = re.compile(
    r"(?<![\w.])((?:[A-Z][\w\u2019'-]*\.?[ \u00a0]){0,3}[A-Z][\w\u2019'-]*[a-z])[ \u00a0]?:$"
)


def _after_in_sentence(seg: str, cues: _Cues, qend: int, limit: int) -> _Found | None:
    """A cue later in the sentence: “A disaster” is what Trump called it."""
    end = _sentence_end(seg, qend, limit)
    for m in cues.between(qend, end):
        if not m.group()[:1].islower():
            continue
        if seg[qend : m.start()].rstrip().endswith(","):
            # “a disaster” in the primary, said Paul Beck
            np = _np_after(seg, _skip_blank(seg, m.end()), end)
            if np:
                return _Found(np, _cue_extent(seg, m), False, 2)
        np = _np_before(seg, m.start(), qend)
        if np:
            return _Found(np, _cue_extent(seg, m), False, 2)
        return None
    return None


# Names ------------------------------------------------------------------------------


_PRE_NAME_RE = re.compile(
    r"(?:(?:[A-Z][\w\u2019'-]*"
    r"|(?:Mrs?|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|[A-Z])\.|"
    r"al|bin|de|del|da|van|von|der|la|le|ibn)[ \u00a0]){1,5}$"
)
_TITLED_RE = re.compile(r"(M(?:rs?|s|iss)|Dr|Sen|Rep|Gov|Senator|President)\.?[ \u00a0]"
                        r"(?:[A-Z][\w\u2019'-]+[ \u00a0])*([A-Z][\w\u2019'-]+)")


_ANTECEDENT_RE = re.compile(
    r"((?:[A-Z][\w\u2019'-]*\.?[ \u00a0]){0,3}[A-Z][\w\u2019'-]*)(?:[ \u00a0]\([^()]{1,20}\))?"
    r",?[ \u00a0]$"
)


_PARTICLES = {"al", "bin", "de", "del", "da", "van", "von", "der", "la", "le", "ibn"}


_APPOSED_NAME_RE = re.compile(
    r",[ \u00a0]((?:[A-Z][\w\u2019'-]*\.?[ \u00a0]){1,3}[A-Z][\w\u2019'-]*),"
)


_SUBJECT_NAME_RE = re.compile(
    r"((?:[A-Z][a-z\u2019'-]+[ \u00a0]){1,2}([A-Z][a-z\u2019'-]+))[ \u00a0]"
    r"(?:[a-z]+ed|said|says|told|tells|wrote|writes|spoke|is|was|has|had|will|would)\b"
)


_GENDER_RE = re.compile(r"\b(?:[Hh]e|[Hh]is|him|[Ss]he|[Hh]er|hers)\b")


class _Names:
    """Full names of the article by last word, and where persons are mentioned (lazy)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full: dict[str, str | None] = {}
        self._where: dict[str, list[int]] = {}
        self.gender: dict[str, str] = {}
        self._pending: set[str] | None = None
        self._pos: list[int] = []
        self._who: list[str] = []
        self._resolved: dict[str, str | None] = {}

    def _occurrences(self, key: str) -> list[int]:
        """Where the word ``key`` occurs (noting a gendered title right before it)."""
        where = self._where.get(key)
        if where is not None:
            return where
        text = self.text
        where = []
        n = len(key)
        i = text.find(key)
        while i >= 0:
            j = i + n
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                where.append(i)
                if key not in self.gender and i >= 3 and text[i - 1] in " \u00a0":
                    w0 = text.rfind(" ", max(0, i - 14), i - 1) + 1
                    title = text[w0 : i - 1].rstrip(".").lower()
                    if title in _FEMALE_TITLES:
                        self.gender[key] = "f"
                    elif title in _MALE_TITLES:
                        self.gender[key] = "m"
            i = text.find(key, j)
        self._where[key] = where
        if key not in self.gender:
            # the first pronoun after a few mentions: Clinton ... she
            votes = 0
            for i in where[:5]:
                m = _GENDER_RE.search(text, i + n, i + n + 90)
                if m is not None:
                    votes += 1 if m.group().lower() in _MALE else -1
            if votes:
                self.gender[key] = "m" if votes > 0 else "f"
        return where

    def full(self, key: str) -> str | None:
        """The most frequent multi-word name ending with ``key``, titles left out."""
        if key in self._full:
            return self._full[key]
        text = self.text
        counts: dict[str, int] = {}
        for i in self._occurrences(key)[:8]:
            if i < 2 or text[i - 1] not in " \u00a0" or not (
                text[i - 2] == "." or text[i - 2].isalpha()
            ):
                continue
            w0 = text.rfind(" ", max(0, i - 30), i - 1) + 1
            if not (text[w0 : w0 + 1].isupper() or text[w0 : i - 1] in _PARTICLES):
                continue
            m = _PRE_NAME_RE.search(text, max(0, i - 60), i)
            if m is None:
                continue
            words = m.group().split()
            while words and words[0].lower().rstrip(".") in _NOT_NAMES and \
                    words[0].lower().rstrip(".") not in _TITLES:
                words.pop(0)
            name = strip_titles(" ".join(words + [key]))
            if len(name.split()) > 1:
                counts[name] = counts.get(name, 0) + 1
        best = max(counts, key=lambda c: (counts[c], len(c))) if counts else None
        self._full[key] = best
        return best

    def resolve(self, mention: str) -> str | None:
        """The fullest name for a name mention (``Ms Hewitt`` → ``Patricia Hewitt``)."""
        if mention in self._resolved:
            return self._resolved[mention]
        name = self._resolve(mention)
        self._resolved[mention] = name
        return name

    def _resolve(self, mention: str) -> str | None:
        words = mention.split()
        # keep the trailing capitalised run (Trump campaign manager Corey Lewandowski)
        k = len(words)
        while k > 0 and (_is_cap(words[k - 1]) or words[k - 1].lower() in ("al", "bin", "de",
                                                                            "van", "von")):
            k -= 1
        run = words[k:]
        if not run:
            return None
        name = strip_titles(" ".join(run))
        if not name or name.lower() in _NOT_NAMES or name.lower() in _TITLES:
            return None
        key = _key(name.split()[-1])
        if not key:
            return None
        full = self.full(key)
        if full and len(full.split()) >= len(name.split()):
            return full
        return name

    def add_persons(self, keys: set[str]) -> None:
        """Persons (last words) whose mentions pronouns may refer to; indexed when needed."""
        self._pending = keys

    def _index(self) -> None:
        keys = self._pending or set()
        self._pending = None
        text = self.text
        for m in _TITLED_RE.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalnum():
                continue
            key = _key(m.group(2))
            keys.add(key)
            t = m.group(1).lower()
            if t in _FEMALE_TITLES:
                self.gender.setdefault(key, "f")
            elif t in _MALE_TITLES:
                self.gender.setdefault(key, "m")
        pairs: list[tuple[int, str]] = []
        for key in keys:
            if len(key) >= 2:
                pairs.extend((i, key) for i in self._occurrences(key))
        pairs.sort()
        self._pos = [p for p, _ in pairs]
        self._who = [k for _, k in pairs]

    def recent_person(self, pos: int, pronoun: str) -> str | None:
        """The most recent person mentioned before ``pos`` fitting the pronoun's gender."""
        if self._pending is not None:
            self._index()
        i = bisect.bisect_left(self._pos, pos) - 1
        want = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
        found: str | None = None
        while i >= 0:
            key = self._who[i]
            g = self.gender.get(key)
            if want is None or g is None or g == want:
                found = key
                break
            i -= 1
        # a person acting since then, not yet indexed (Tomas Reyes disagreed. “…,” he said)
        since = self._pos[i] + 1 if found is not None else 0
        later: str | None = None
        for m in _SUBJECT_NAME_RE.finditer(self.text, max(since, pos - 600), pos):
            if m.group(1).split()[0].lower() not in _NOT_NAMES:
                key = _key(m.group(2))
                self._occurrences(key)
                g = self.gender.get(key)
                if want is None or g is None or g == want:
                    later = key
        if later is not None:
            return self.full(later) or later
        if found is not None:
            return self.full(found) or found
        return None


def _key(word: str) -> str:
    if word.endswith(("\u2019s", "'s")):
        word = word[:-2]
    return word.rstrip(".,;:\u2019'")


# Driver -----------------------------------------------------------------------------


_REACH = 320


def attribute(
    text: str, pieces: list[tuple[int, int, int, int, int]]
) -> list[Attribution | None]:
    """Attribute each quotation piece ``(start, end, group, para_start, para_end)`` of ``text``.

    Returns one :class:`Attribution` (or None when no speaker was found) per piece.
    """
    n = len(pieces)
    found: list[_Found | None] = [None] * n
    weak: list[_Found | None] = [None] * n  # “… now.” Kai Brand said: maybe a new sentence
    para_cues: dict[int, _Cues] = {}
    # explicit patterns, per paragraph
    i = 0
    while i < n:
        ps, pe = pieces[i][3], pieces[i][4]
        j = i
        while j < n and pieces[j][3] == ps:
            j += 1
        # cues are looked for outside the quotes, at most _REACH characters away from one
        spans: list[tuple[int, int]] = []
        prev_end = ps
        for k in range(i, j):
            s = pieces[k][0]
            lo = max(prev_end, s - _REACH)
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], s)
            elif lo < s:
                spans.append((lo, s))
            prev_end = pieces[k][1]
            nxt = pieces[k + 1][0] if k + 1 < j else pe
            hi = min(nxt, prev_end + _REACH)
            if hi > prev_end:
                spans.append((prev_end, hi))
        cues = _Cues(text, spans)
        para_cues[ps] = cues
        for k in range(i, j):
            s, e = pieces[k][0], pieces[k][1]
            nxt = pieces[k + 1][0] if k + 1 < j else pe
            prv = pieces[k - 1][1] if k > i else ps
            f = _after(text, cues, e, nxt)
            if f is not None and _ends_sentence(text, s, e):
                f.strength = 1  # “… now.” He said … starts a new sentence
            b = _before(text, cues, prv, s)
            if b is not None and (f is None or f.strength < b.strength):
                f = b
            if f is None:
                f = _after_in_sentence(text, cues, e, nxt)
            if f is None and k == i and not text[ps:s].strip():
                f = _lead_in(text, ps)
            if f is not None and f.strength == 1:
                weak[k] = f
                f = None
            found[k] = f
        # same sentence: “A” and “B,” he said
        for k in range(j - 1, i - 1, -1):
            if found[k] is None and k + 1 < j and found[k + 1] is not None:
                gap = text[pieces[k][1] : pieces[k + 1][0]]
                if not _SENT_END_RE.search(gap + " A") and len(gap) < 40:
                    f2 = found[k + 1]
                    assert f2 is not None
                    found[k] = _Found(f2.speaker, f2.cue, False, 2)
        for k in range(i + 1, j):
            if found[k] is None and found[k - 1] is not None:
                gap = text[pieces[k - 1][1] : pieces[k][0]]
                if not _SENT_END_RE.search(gap + " A") and len(gap) < 40:
                    f2 = found[k - 1]
                    assert f2 is not None
                    found[k] = _Found(f2.speaker, f2.cue, False, 2)
        i = j
    # groups: pieces of one quotation share their speaker
    by_group: dict[int, _Found] = {}
    for k in range(n):
        f = found[k]
        if f is not None and pieces[k][2] not in by_group:
            by_group[pieces[k][2]] = f
    for k in range(n):
        g = pieces[k][2]
        if g in by_group and (found[k] is None or found[k] is not by_group[g]):
            found[k] = by_group[g]
    # guessed: paragraph neighbours, then the previous paragraph
    last: _Found | None = None
    last_para = -1
    i = 0
    while i < n:
        ps = pieces[i][3]
        j = i
        while j < n and pieces[j][3] == ps:
            j += 1
        para_found = sorted((f for f in found[i:j] if f is not None), key=lambda f: f.speaker)
        found_at = [f.speaker[0] for f in para_found]
        starts = [pieces[x][0] for x in range(i, j)]
        prev_cs: tuple[int, int] | None = None
        prev_k = -2  # index of the last guess made without a sentence start in reach
        for k in range(i, j):
            if found[k] is None:
                cs = None
                if prev_k == k - 1 and not _SENT_END_RE.search(
                    text, pieces[k - 1][1], pieces[k][0] + 1
                ):
                    cs, prev_k = prev_cs, k  # one endless sentence: as for the previous quote
                else:
                    floor = max(ps, pieces[k][0] - 2 * _REACH)
                    s0 = _sentence_start(text, floor, pieces[k][0])
                    endless = s0 == floor > ps
                    x = i + bisect.bisect_right(starts, s0) - 1
                    if x >= i and pieces[x][0] < s0 < pieces[x][1]:
                        s0 = pieces[x][1]  # the sentence began inside that quote
                    if k > i and s0 < pieces[k - 1][0]:
                        # Ms. Ruiz said that “…” and that the city should not bear “…”
                        wide = _before(text, para_cues[ps], s0, pieces[k][0])
                        if wide is not None:
                            cs = wide.speaker
                    if cs is None and _WORD_RE.search(text, s0, pieces[k][0]):
                        cs = _main_subject(text, s0, pieces[k][0]) or _clause_subject(
                            text, s0, pieces[k][0], initial=True)
                    if endless:
                        prev_cs, prev_k = cs, k  # no sentence start within reach
                if cs is not None:
                    found[k] = _Found(cs, None, True, 1)
                elif para_found:
                    x = bisect.bisect_left(found_at, pieces[k][0])
                    near = min(para_found[max(0, x - 1) : x + 1],
                               key=lambda f: abs(f.speaker[0] - pieces[k][0]))
                    found[k] = _Found(near.speaker, near.cue, True, 1)
                elif last is not None and _blank_between(text, last_para, ps):
                    found[k] = _Found(last.speaker, last.cue, True, 1)
                elif weak[k] is not None:
                    found[k] = weak[k]
        if found[j - 1] is not None:
            last = found[j - 1]
            last_para = pieces[j - 1][4]
        else:
            last = None
        i = j
    return _finish(text, pieces, found)


def _lead_in(text: str, ps: int) -> _Found | None:
    """Attribution from the previous paragraph when it ends with a colon (``X said:``)."""
    end = ps - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0 or text[end - 1] != ":":
        return None
    start = text.rfind("\n", 0, end) + 1
    floor = start
    for m in _MARK_ANY.finditer(text, start, end):
        floor = m.end()
    return _before(text, _Cues(text, [(floor, end)]), floor, end)


def _ends_sentence(text: str, s: int, e: int) -> bool:
    """The quotation ``text[s:e]`` ends with a full stop inside its closing mark."""
    k = e - 1
    while k > s and not text[k].isalnum() and text[k] not in ".,?!":
        k -= 1
    return text[k] == "."


def _blank_between(text: str, a: int, b: int) -> bool:
    return a >= 0 and text[a:b].strip() == ""


def _finish(
    text: str, pieces: list[tuple[int, int, int, int, int]], found: list[_Found | None]
) -> list[Attribution | None]:
    names = _Names(text)
    persons: set[str] = set()
    for f in found:
        if f is None:
            continue
        mention = text[f.speaker[0] : f.speaker[1]]
        if mention.lower() not in _PRONOUNS:
            r = names.resolve(mention)
            if r and _is_cap(r):
                persons.add(_key(r.split()[-1]))
    names.add_persons(persons)
    out: list[Attribution | None] = []
    cache: dict[tuple[int, int, int], Attribution] = {}
    for (s, _e, _g, _ps, _pe), f in zip(pieces, found):
        if f is None:
            out.append(None)
            continue
        ck = (f.speaker[0], f.cue[0] if f.cue else -1, s if text[f.speaker[0]:f.speaker[1]].lower()
              in _PRONOUNS else -1)
        if ck in cache and cache[ck].explicit != f.guessed:
            out.append(cache[ck])
            continue
        mention = text[f.speaker[0] : f.speaker[1]]
        ml = mention.lower()
        if ml in _PRONOUNS:
            name = names.recent_person(f.speaker[0], ml) if ml not in ("i", "we", "you", "it",
                                                                       "they", "who") else None
            if ml == "who":
                # Ana Ruiz, who has called…: the name right before
                m = _ANTECEDENT_RE.search(text, max(0, f.speaker[0] - 80), f.speaker[0])
                name = names.resolve(m.group(1)) if m else None
            if name is None and (ml == "who" or ml == "i"):
                name = names.recent_person(f.speaker[0], "")
            if name is None and ml in ("he", "she", "who", "i"):
                cs = _clause_subject(text, max(0, f.speaker[0] - 400), f.speaker[0],
                                     names_only=True)
                if cs is not None:
                    name = names.resolve(text[cs[0] : cs[1]])
        else:
            name = names.resolve(mention)
            if name is None:
                # The mayor, Lena Kurz, said: the name in apposition
                m = _APPOSED_NAME_RE.match(text, f.speaker[1])
                if m is not None:
                    name = names.resolve(m.group(1))
        a = Attribution(
            mention,
            f.speaker,
            name,
            text[f.cue[0] : f.cue[1]] if f.cue else None,
            f.cue,
            f.guessed or ml in _PRONOUNS,  # who “he” is was inferred
            not f.guessed,
        )
        cache[ck] = a
        out.append(a)
    return out

"""Binary features of a speaker candidate, for the learned choice (:mod:`.choose`).

Each feature is a short name; a candidate has the ones that hold for it. They say
which rules put the candidate forward and how strongly, the kind of mention (pronoun,
``who``, a titled name, a capitalised name, a lower-case noun phrase), where it stands
(side of the quote, distance, same sentence, same paragraph), the cue (``said``,
``told``, ``according to``, other), the quote (short, opening its paragraph), whether
the previous quote had the same speaker, and a few conjunctions of these.
"""

from __future__ import annotations

from tui.core.quotes.attribution.candidates import Candidate
from tui.core.quotes.attribution.cues import CUE_WORDS
from tui.core.quotes.attribution.paragraphs import Piece
from tui.core.quotes.attribution.titles import TITLES
from tui.core.quotes.attribution.word_classes import DETERMINERS, PRONOUNS
from tui.core.quotes.attribution.words import SENT_END_RE, name_key

_SAY = {"said", "says", "say", "saying", "added", "adds", "told", "tells", "asked", "asks"}


def mention_kind(mention: str) -> str:
    """``pronoun``, ``who``, ``titled``, ``name``, ``possessive``, ``phrase``."""
    words = mention.split()
    if not words:
        return "phrase"
    low = mention.lower()
    if low == "who":
        return "who"
    if low in PRONOUNS:
        return "pronoun"
    if words[-1].endswith(("\u2019s", "'s", "\u2019", "s'")):
        return "possessive"
    if words[0].lower() in DETERMINERS or not mention[:1].isupper():
        return "phrase"
    first = words[0].rstrip(".")
    if first in TITLES or first.lower() in TITLES:
        return "titled"
    if all(w[:1].isupper() for w in words):
        return "name"
    return "phrase"


def _cue_class(text: str, cue: tuple[int, int] | None) -> str:
    if cue is None:
        return "none"
    word = text[cue[0] : cue[1]].lower().split()
    if not word:
        return "other"
    if word[0] == "according":
        return "according"
    if word[0] in ("told", "tells", "tell"):
        return "told"
    if word[0] in _SAY:
        return "said"
    if cue[1] - cue[0] <= 1:
        return "mark"  # a colon, a dash
    return "other"


_FUNCTION_WORDS = {
    "by",
    "to",
    "of",
    "with",
    "for",
    "about",
    "at",
    "from",
    "and",
    "on",
    "in",
    "against",
    "said",
    "says",
    "told",
    "according",
    "asked",
    "added",
    "wrote",
    "like",
    "than",
    "whom",
}


def _word_before(text: str, a: int) -> str:
    """The word (or mark) before a mention, generalised: a function word, a cue word,
    a mark, ``cap`` or ``word``."""
    i = a
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return "start"
    ch = text[i - 1]
    if not ch.isalnum():
        return "mark" if ch not in ",.;:" else ch
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'\u2019"):
        j -= 1
    w = text[j:i].lower()
    if w in _FUNCTION_WORDS:
        return w
    return "cue" if w in CUE_WORDS else "cap" if text[j].isupper() else "word"


def _word_after(text: str, b: int) -> str:
    """The word (or mark) after a mention, generalised like :func:`_word_before`."""
    i = b
    if text.startswith(("\u2019s", "'s"), i):
        return "possessive"
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    if i >= len(text) or text[i] == "\n":
        return "end"
    ch = text[i]
    if not ch.isalnum():
        return "mark" if ch not in ",.;:" else ch
    j = i
    while j < len(text) and text[j].isalnum():
        j += 1
    w = text[i:j].lower()
    if w in _FUNCTION_WORDS:
        return w
    return "cue" if w in CUE_WORDS else "cap" if text[i].isupper() else "word"


def _distance(gap: int) -> str:
    if gap <= 3:
        return "0"
    if gap <= 25:
        return "25"
    if gap <= 80:
        return "80"
    if gap <= 200:
        return "200"
    return "far"


def candidate_features(
    text: str, pieces: list[Piece], k: int, c: Candidate, n_candidates: int
) -> list[str]:
    """The features of candidate ``c`` of piece ``k``."""
    s, e, _g, ps, pe = pieces[k]
    a, b = c.found.speaker
    mention = text[a:b]
    kind = mention_kind(mention)
    feats = ["bias", f"kind={kind}"]
    for src in c.sources:
        feats.append(f"src={src}")
        feats.append(f"src={src}&kind={kind}")
    feats.append(f"strength={c.found.strength}")
    cue = _cue_class(text, c.found.cue)
    feats.append(f"cue={cue}")
    if b <= s:
        side, gap = "before", s - b
    elif a >= e:
        side, gap = "after", a - e
    else:
        side, gap = "inside", 0
    feats.append(f"side={side}")
    feats.append(f"dist={_distance(gap)}")
    feats.append(f"side={side}&kind={kind}")
    lo, hi = (b, s) if side == "before" else (e, a)
    if side != "inside":
        if "\n" in text[lo:hi]:
            feats.append("other_paragraph")
        elif SENT_END_RE.search(text, lo, hi) is not None:
            feats.append("other_sentence")
        else:
            feats.append("same_sentence")
    nwords = len(mention.split())
    feats.append(f"words={min(nwords, 4)}")
    qwords = len(text[s:e].split())
    quote = "short" if qwords <= 3 else "long" if qwords > 12 else "mid"
    feats.append(f"quote={quote}")
    feats.append(f"quote={quote}&kind={kind}")
    if not text[ps:s].strip():
        feats.append("opens_paragraph")
    if not text[e:pe].strip():
        feats.append("ends_paragraph")
    feats.append(f"before_word={_word_before(text, a)}")
    feats.append(f"after_word={_word_after(text, b)}")
    feats.append(f"candidates={min(n_candidates, 4)}")
    feats.append(f"sources={min(len(c.sources), 4)}")
    if kind in ("name", "titled", "possessive"):
        key = name_key(mention.split()[-1])
        if len(key) > 2:
            count = text.count(key)
            feats.append(f"mentions={'1' if count <= 1 else '2-4' if count <= 4 else '5+'}")
    return feats


def _sentence_initial(text: str, a: int) -> bool:
    """Whether the mention at ``a`` opens its sentence (a subject's place)."""
    i = a
    while i > 0 and text[i - 1] in ' \u00a0\u201c"':
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?:;"


def rank_features(
    text: str, pieces: list[Piece], k: int, listed: list[Candidate]
) -> list[list[str]]:
    """Features of each candidate of piece ``k`` relative to the others: the nearest
    on its side of the quote, the nearest of its kind (pronoun or not), and whether it
    opens its sentence."""
    s, e = pieces[k][0], pieces[k][1]
    gaps: list[tuple[str, int]] = []
    for c in listed:
        a, b = c.found.speaker
        side = "before" if b <= s else "after" if a >= e else "inside"
        gaps.append((side, s - b if side == "before" else a - e if side == "after" else 0))
    out: list[list[str]] = []
    for i, c in enumerate(listed):
        a, b = c.found.speaker
        side, gap = gaps[i]
        kind = mention_kind(text[a:b])
        pron = kind in ("pronoun", "who")
        fs: list[str] = []
        same_side = [g for sd, g in gaps if sd == side]
        if gap <= min(same_side):
            fs.append(f"nearest_{side}")
            fs.append(f"nearest_{side}&kind={kind}")
        if all(gap <= g for j, (sd, g) in enumerate(gaps) if j != i):
            fs.append("nearest")
        same_kind = [
            gaps[j][1]
            for j, d in enumerate(listed)
            if gaps[j][0] == side
            and (mention_kind(text[d.found.speaker[0] : d.found.speaker[1]]) in ("pronoun", "who"))
            == pron
        ]
        if gap <= min(same_kind):
            fs.append(f"nearest_of_kind_{side}")
        if _sentence_initial(text, a):
            fs.append("sentence_initial")
            fs.append(f"sentence_initial&kind={kind}")
        out.append(fs)
    return out

"""The learned decision to report a marked span as a quotation, or leave it out.

The hand-written policy of :mod:`.find` (``_is_quotation``) leaves out titles, names
and markup debris; most span errors on annotated news are this decision, not the
pairing of marks: scare quotes and titles that nobody is said to have said. A logistic
model over generic features of the span (its size and case, what stands before and
after it, whether a verb of saying is in its sentence, what the attribution found,
and the policy's own decision) may overrule the policy. Its weights are a small JSON
file next to this module, ``keep_weights.json``, written by
``benchmarks/train_keep.py`` and read once, lazily; without it the policy decides.
No lexical identities of the quoted words are features.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tui.core.quotes.scare import sentence_bounds

KEEP_WEIGHTS_FILE = Path(__file__).with_name("keep_weights.json")

_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2039\u203a"
_SAYING = {
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "wrote",
    "writes",
    "called",
    "calls",
    "according",
    "declared",
    "insisted",
    "argued",
    "noted",
    "described",
    "tweeted",
    "claimed",
    "warned",
    "explained",
    "stated",
    "promised",
    "urged",
}
_NAMING = {"as", "titled", "entitled", "called", "named", "dubbed", "nicknamed", "labeled"}
_PREPOSITIONS = {"on", "in", "at", "to", "from", "of", "for", "about", "with", "by", "into"}
_SMALL = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "is", "be"}
_WORD_RE = re.compile(r"[\w\u2019'-]+")


@dataclass(frozen=True, slots=True)
class KeepModel:
    """Feature weights of the keep decision: keep when their sum is positive."""

    weights: dict[str, float]

    def keep(self, features: list[str]) -> bool:
        w = self.weights
        return sum(w.get(f, 0.0) for f in features) > 0.0

    @classmethod
    def from_json(cls, data: object) -> KeepModel:
        """A model from the parsed weights file (``{"weights": {feature: weight}}``)."""
        if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
            raise ValueError("keep weights: expected an object with a 'weights' object")
        return cls({str(k): float(v) for k, v in data["weights"].items()})


_loaded: list[KeepModel | None] = []


def default_keep_model() -> KeepModel | None:
    """The shipped keep model, read on first use; None (the policy alone) if it is
    missing or unreadable."""
    if not _loaded:
        try:
            data = json.loads(KEEP_WEIGHTS_FILE.read_text(encoding="utf-8"))
            _loaded.append(KeepModel.from_json(data))
        except (OSError, ValueError):
            _loaded.append(None)
    return _loaded[0]


def _size(n: int) -> str:
    return (
        "1"
        if n <= 1
        else "2"
        if n == 2
        else "3"
        if n == 3
        else "7"
        if n <= 7
        else "12"
        if n <= 12
        else "long"
    )


def _shape(words: list[str]) -> str:
    """``caps`` (all upper case), ``title`` (every word capitalised, small words aside),
    ``upper`` (the first word capitalised), ``lower``, ``other``."""
    letters = [c for w in words for c in w if c.isalpha()]
    if not letters:
        return "other"
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return "caps"
    firsts = [w.lstrip(_MARKS)[:1] for w in words]
    if not firsts[0].isalpha():
        return "other"
    if firsts[0].isupper():
        if all(
            c.isupper() or not c.isalpha() or w.lower() in _SMALL for c, w in zip(firsts, words)
        ):
            return "title" if len(words) > 1 else "cap1"
        return "upper"
    return "lower"


def _before(text: str, lo: int, start: int) -> str:
    i = start
    while i > lo and text[i - 1] in " \u00a0":
        i -= 1
    if i <= lo:
        return "start"
    ch = text[i - 1]
    if not ch.isalnum():
        return {",": ",", ":": ":", "(": "(", "-": "dash", "\u2014": "dash"}.get(ch, "mark")
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in "'\u2019"):
        j -= 1
    w = text[j:i].lower()
    if w in _NAMING:
        return "naming"
    if w in _SAYING:
        return "saying"
    if w in _PREPOSITIONS:
        return "preposition"
    if w.endswith(("\u2019s", "'s")):
        return "possessive"
    if w in ("the", "a", "an", "his", "her", "their", "its", "this", "that"):
        return "determiner"
    return "cap" if text[j].isupper() else "word"


def _after(text: str, end: int, hi: int) -> str:
    i = end
    while i < hi and text[i] in " \u00a0":
        i += 1
    if i >= hi:
        return "end"
    ch = text[i]
    if not ch.isalnum():
        return {",": ",", ".": ".", ":": ":", ")": ")", ";": ";"}.get(ch, "mark")
    m = _WORD_RE.match(text, i)
    w = m.group(0).lower() if m else ""
    if w in _SAYING:
        return "saying"
    if w in ("and", "or"):
        return "and"
    return "cap" if text[i].isupper() else "word"


def keep_features(
    text: str,
    span: tuple[int, int, int, int],
    attributed: str,
    rule: bool,
) -> list[str]:
    """Features of the marked span ``(start, end, paragraph start, paragraph end)``;
    ``attributed`` is ``explicit``, ``guessed`` or ``none`` (what the attribution read);
    ``rule`` the policy's decision."""
    start, end, ps, pe = span
    body = text[start:end]
    words = body.split(None, 13)
    n = len(words)
    size = _size(n)
    shape = _shape(words) if words else "other"
    inner = body.rstrip(_MARKS + " ")
    closing = inner[-1:] if inner else ""
    lo, hi = sentence_bounds(text, start, end, ps, pe)
    outside = (text[lo:start] + " " + text[end:hi]).lower()
    saying = any(w in _SAYING for w in _WORD_RE.findall(outside))
    before, after = _before(text, ps, start), _after(text, end, pe)
    whole = not text[ps:start].strip() and not text[end:pe].strip()
    r = "keep" if rule else "drop"
    feats = [
        "bias",
        f"rule={r}",
        f"size={size}",
        f"shape={shape}",
        f"shape={shape}&size={size}",
        f"attributed={attributed}",
        f"attributed={attributed}&rule={r}",
        f"rule={r}&size={size}",
        f"rule={r}&shape={shape}",
        f"before={before}",
        f"after={after}",
        f"before={before}&size={size}",
        f"closing={'punct' if closing in '.,!?' and closing else 'none'}",
        f"saying_in_sentence={saying}",
        f"saying_in_sentence={saying}&size={size}",
        f"saying_in_sentence={saying}&attributed={attributed}",
    ]
    if whole:
        feats.append("whole_paragraph")
    elif not text[ps:start].strip():
        feats.append("opens_paragraph")
    return feats

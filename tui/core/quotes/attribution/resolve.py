"""From what the passes found to an :class:`Attribution`: the mention as written, the
fullest name the article gives it, who a pronoun (``he``, ``who``, ``I``) stands for."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.models import Span
from tui.core.quotes.attribution.clause_subjects import clause_subject
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.layouts import after_timestamp
from tui.core.quotes.attribution.names import ANTECEDENT_RE, APPOSED_NAME_RE, Names
from tui.core.quotes.attribution.paragraphs import Piece
from tui.core.quotes.attribution.plausible import (
    cut_at_sentence_end,
    plausible_speaker,
    trim_tail,
)
from tui.core.quotes.attribution.word_classes import PRONOUNS
from tui.core.quotes.attribution.words import name_key, sentence_start


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
    plausible: bool = True
    """The mention can name a speaker (:mod:`.plausible`); the quotation is kept or left
    out as if it had this speaker, and then shown with none."""


def resolve(text: str, pieces: list[Piece], found: list[Found | None]) -> list[Attribution | None]:
    """The :class:`Attribution` of each piece from what was found for it: the mention
    as written, its fullest name in the article, who a pronoun stands for."""
    names = Names(text)
    persons: set[str] = set()
    for f in found:
        if f is None:
            continue
        mention = text[f.speaker[0] : f.speaker[1]]
        if mention.lower() not in PRONOUNS:
            r = names.resolve(mention)
            if r and r[:1].isupper():
                persons.add(name_key(r.split()[-1]))
    names.add_persons(persons)
    out: list[Attribution | None] = []
    cache: dict[tuple[int, int, int], Attribution] = {}
    plausible: dict[tuple[str, bool], bool] = {}  # the same mention comes back often
    for (s, _e, _g, _ps, _pe), f in zip(pieces, found):
        if f is None:
            out.append(None)
            continue
        mention = text[f.speaker[0] : f.speaker[1]]
        ml = mention.lower()
        if ml == "who" and sentence_start(text, f.speaker[1], s) > f.speaker[1]:
            # said Ana Ruiz, who noted …. “…”: a later sentence names the antecedent
            m = ANTECEDENT_RE.search(text, max(0, f.speaker[0] - 80), f.speaker[0])
            if m is not None:
                f = Found(m.span(1), f.cue, f.guessed, f.strength)
                mention, ml = m.group(1), m.group(1).lower()
        span = trim_tail(text, cut_at_sentence_end(text, after_timestamp(text, f.speaker), f.cue))
        if span != f.speaker:
            f = Found(span, f.cue, f.guessed, f.strength)
            mention = text[span[0] : span[1]]
            ml = mention.lower()
        ck = (f.speaker[0], f.cue[0] if f.cue else -1, s if ml in PRONOUNS else -1)
        if ck in cache and cache[ck].explicit != f.guessed:
            out.append(cache[ck])
            continue
        if ml in PRONOUNS:
            name = (
                names.recent_person(f.speaker[0], ml)
                if ml not in ("i", "we", "you", "it", "they", "who")
                else None
            )
            if ml == "who":
                # Ana Ruiz, who has called…: the name right before
                m = ANTECEDENT_RE.search(text, max(0, f.speaker[0] - 80), f.speaker[0])
                name = names.resolve(m.group(1)) if m else None
            if name is None and (ml == "who" or ml == "i"):
                name = names.recent_person(f.speaker[0], "")
            if name is None and ml in ("he", "she", "who", "i"):
                cs = clause_subject(text, max(0, f.speaker[0] - 400), f.speaker[0], names_only=True)
                if cs is not None:
                    name = names.resolve(text[cs[0] : cs[1]])
        else:
            name = names.resolve(mention)
            if name is None:
                # The mayor, Lena Kurz, said: the name in apposition
                m = APPOSED_NAME_RE.match(text, f.speaker[1])
                if m is not None:
                    name = names.resolve(m.group(1))
        pk = (mention, f.cue is not None)
        ok = plausible.get(pk)
        if ok is None:
            ok = plausible[pk] = plausible_speaker(mention, pk[1])
        a = Attribution(
            mention,
            f.speaker,
            name,
            text[f.cue[0] : f.cue[1]] if f.cue else None,
            f.cue,
            f.guessed or ml in PRONOUNS,  # who “he” is was inferred
            not f.guessed,
            ok,
        )
        cache[ck] = a
        out.append(a)
    return out

"""Quotation finding: quote marks, multi-paragraph quotations and their speakers.

:func:`find_quotes` scans an article paragraph by paragraph (a paragraph is one
line; blank lines are skipped when looking for a paragraph that reopens a
quotation) and pairs quotation marks left to right:

* ``“ ”``, ``„ “`` (or ``„ ”``), ``« »``, ``‹ ›`` are paired by their shape;
* straight ``"`` and the two-apostrophe ``''`` of some wires open or close
  according to their context (after a blank, a bracket or a dash and before a
  non-blank they open; glued to a word and followed by a blank or punctuation
  they close; otherwise they alternate);
* single marks (``‘ ’ '``) are never quotation marks, so apostrophes and nested
  single quotes cannot disturb the pairing; marks of another family inside an
  open quotation are nested marks and are ignored;
* a quotation left open at the end of its paragraph runs to the end of the
  paragraph; when the next paragraph opens with a mark, both pieces form one
  quotation (same ``group``). An opening mark of the same family inside an open
  quotation ends the previous (unclosed) one just before it.

The pairing is :mod:`tui.core.quotes.marks`. Speakers and cues are found by
:mod:`tui.core.quotes.attribution.driver`. Marked spans that
are not quotations are left out (unless ``keep_all``): markup debris
(``author="@x"``) and short spans (three words at most) with no speaker read from a
pattern next to them that look like titles or names (``“Saturday Night Live”``) or
have no speaker at all, or that read as the writer's own words (:mod:`.scare`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.models import Span
from tui.core.quotes.attribution import (
    DEFAULT,
    Attribution,
    Default,
    PieceTrace,
    SpeakerModel,
    attribute,
)
from tui.core.quotes.keep import KeepModel, default_keep_model, keep_features
from tui.core.quotes.marks import MARK_CHARS, Piece, headline_piece, paragraph_pieces
from tui.core.quotes.scare import writers_own

__all__ = ["Quote", "find_quotes", "quote_pieces"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One paragraph piece of a quotation and its attribution."""

    start: int
    """Offset of the opening mark in the article text."""
    end: int
    """Offset just past the closing mark (exclusive); for an unclosed piece, the end
    of the paragraph text with trailing blanks trimmed."""
    speaker: str | None
    """The speaker mention as written next to the quote (``"he"``, ``"Ms Hewitt"``), or None."""
    speaker_span: Span | None
    """Where :attr:`speaker` stands in the text."""
    speaker_name: str | None
    """The fullest name in the article the mention refers to, titles left out, or None."""
    cue: str | None
    """The reporting verb or phrase as written (``"said"``, ``"according to"``), or None."""
    cue_span: Span | None
    """Where :attr:`cue` stands in the text."""
    guessed: bool
    """True when the speaker was inferred rather than read from a pattern next to the quote."""
    group: int
    """Pieces of one multi-paragraph quotation share this number (0, 1, 2... in order)."""


def quote_pieces(text: str) -> list[tuple[int, int, int]]:
    """The quotation pieces of ``text`` as ``(start, end, group)``, without attribution."""
    return [(s, e, g) for s, e, g, _ps, _pe in _all_pieces(text)]


def _all_pieces(text: str) -> list[Piece]:
    """The pieces of the paragraphs, after a quoting headline's (``'We will win,' says
    Ortega``) when the headline has none of its own."""
    pieces = paragraph_pieces(text)
    head = headline_piece(text)
    if head and not (pieces and pieces[0][3] == head[0][3]):
        return head + pieces
    return pieces


def find_quotes(
    text: str,
    *,
    keep_all: bool = False,
    model: SpeakerModel | None | Default = DEFAULT,
    trace: list[PieceTrace] | None = None,
    keep_model: KeepModel | None | Default = DEFAULT,
    keep_trace: list[tuple[int, int, list[str]]] | None = None,
) -> list[Quote]:
    """All quotations in ``text``, in order, one :class:`Quote` per paragraph piece.

    Short marked spans that are not attributed and look like titles, and markup
    debris, are left out unless ``keep_all`` is true (see :func:`_is_quotation`).
    ``model`` chooses among the speakers the rules put forward (the shipped one by
    default; None: the rules alone); ``trace`` receives what it saw (for training).
    ``keep_model`` may overrule that policy (:mod:`.keep`; the shipped one by default,
    None: the policy alone); ``keep_trace`` receives each span's features.
    """
    pieces = _all_pieces(text)
    if not pieces:
        return []
    attrs = attribute(text, pieces, model, trace)
    out: list[Quote] = []
    groups: dict[int, int] = {}
    km = default_keep_model() if isinstance(keep_model, Default) else keep_model
    for p, a in zip(pieces, attrs):
        if km is not None or keep_trace is not None:
            rule = _is_quotation(text, p, a)
            how = "none" if a is None else "explicit" if a.explicit else "guessed"
            feats = keep_features(text, (p[0], p[1], p[3], p[4]), how, rule)
            if keep_trace is not None:
                keep_trace.append((p[0], p[1], feats))
            keep = rule if km is None or (p[0] > 0 and text[p[0] - 1] == "=") else km.keep(feats)
        else:
            keep = keep_all or _is_quotation(text, p, a)
        if not keep and not keep_all:
            continue
        if a is not None and not a.plausible:
            a = None  # “blog”, guessed to be said by “The”: no speaker
        out.append(_make(p[0], p[1], groups.setdefault(p[2], len(groups)), a))
    return out


_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "is", "be"}


_PREPOSITIONS = {"on", "in", "at", "to", "from", "of", "for", "about", "during", "with", "by"}


def _title_case(words: list[str]) -> bool:
    """Every word capitalised (small words aside): ``“Meet the Press”``, ``“Sanity.”``."""
    firsts = [w.lstrip(MARK_CHARS)[:1] for w in words]
    return firsts[0].isupper() and all(
        c.isupper() or not c.isalpha() or w.lower() in _SMALL_WORDS for c, w in zip(firsts, words)
    )


_MEDIA_NOUNS = {
    "book",
    "memoir",
    "autobiography",
    "biography",
    "novel",
    "show",
    "program",
    "programme",
    "podcast",
    "film",
    "movie",
    "documentary",
    "series",
    "sitcom",
    "album",
    "song",
    "anthem",
}


_NETWORK_WORDS = {"channel", "news", "network", "radio", "tv", "television"}


def _names_a_work(before: list[str], n: int) -> bool:
    """Whether the words ``before`` a title-case quote of ``n`` words show it is the name
    of a show or a book: right after a preposition (``said on “Meet the Press”``, six
    words at most), after a network's possessive (``CNN’s “New Day”``, ``Fox News
    Channel’s “Hannity”``) or after a media noun (``his memoir, “Tough Choices”``)."""
    if not before:
        return False
    last = before[-1]
    if n <= 6 and last.lower() in _PREPOSITIONS:
        return True
    if last.endswith(("\u2019s", "'s")):
        stem = last[:-2]
        return (len(stem) >= 2 and stem.isupper()) or stem.lower() in _NETWORK_WORDS
    if last.endswith(",") and len(before) > 1:
        last = last[:-1]
    return last.lower() in _MEDIA_NOUNS


def _all_caps(words: list[str]) -> bool:
    """Every letter upper case: a headline (``“DIVISIVE, STUPID AND WRONG”``)."""
    letters = [c for w in words for c in w if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


_NAMING = {
    "as",
    "titled",
    "entitled",
    "called",
    "calls",
    "named",
    "dubbed",
    "read",
    "reads",
    "reading",
    ":",
}


_URL_AFTER_RE = re.compile(r"\s*(?:https?://|www\.)")


_BYLINE_AFTER_RE = re.compile(r",?\s+by\s+[A-Z]")


def _is_quotation(text: str, p: Piece, a: Attribution | None) -> bool:
    """Whether a marked span is worth reporting as a quotation.

    Left out: markup debris (``author="@x"``: the mark follows ``=``; a span paired
    across a tag, ``">… <tweet/>``); scare quotes (:func:`.scare.writers_own`: three
    words at most, only a guessed speaker, no verb or noun of saying in the sentence);
    linked excerpts and article titles of newsletters (``“…,” by Ann Lee: “…” http://``); titles of
    shows and books (``said on “Meet the Press”``, ``CNN’s “New Day”``, ``her memoir,
    “Tough Choices”``, see :func:`_names_a_work`); and short spans (three words at
    most) without a speaker read from a pattern next to them that look like titles or
    names (``“Saturday Night Live”``) or that have no speaker at all, unless a naming
    word comes right before them (``refers to him as “Chris”``, ``titled “Scam”``,
    ``one message: “Dump Trump”``).
    """
    start, end, _group, para_start, _para_end = p
    if start > 0 and text[start - 1] == "=":
        return False
    body = text[start:end]
    if "<" in body or ">" in body:
        return False  # paired across markup: ``">Rubio stadium event …<tweet/>``
    words = body.split(None, 13)  # past 12 words only their number counts
    if not words:
        return False
    n = len(words)
    title = n <= 7 and _title_case(words)
    if title and _names_a_work(text[max(para_start, start - 40) : start].split(), n):
        return False
    after = text[end : end + 12]
    if (
        ("http" in after or "www." in after)
        and _URL_AFTER_RE.match(after)
        or "by" in after
        and _BYLINE_AFTER_RE.match(after)
        and (
            text[end - 2 : end - 1] == "," or n <= 12 and (title if n <= 7 else _title_case(words))
        )
    ):
        return False  # a linked excerpt or an article's title: “…,” by Ann Lee: “…” http://
    if a is not None and a.explicit:
        return True
    if n <= 3 and a is not None and writers_own(text, p, a):
        return False  # a scare quote: ``The “qualified” spat bubbled up``
    before = text[max(para_start, start - 16) : start].split()
    if before and (before[-1].lower().rstrip(",") in _NAMING or before[-1].endswith(":")):
        return True  # what someone is called, as written: refers to him as “Chris”
    if n <= 7 and (title or _all_caps(words)):
        return False  # “Tales From the Crypt”, a headline, with nobody read as saying it
    if n > 3:
        return True
    if a is None:
        return False
    return not title and not all(not w.lstrip(MARK_CHARS)[:1].isalpha() for w in words)


def _make(start: int, end: int, group: int, a: Attribution | None) -> Quote:
    if a is None:
        return Quote(start, end, None, None, None, None, None, False, group)
    return Quote(
        start,
        end,
        a.speaker,
        a.speaker_span,
        a.speaker_name,
        a.cue,
        a.cue_span,
        a.guessed,
        group,
    )

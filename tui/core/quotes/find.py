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

Speakers and cues are found by :mod:`tui.core.quotes.attribution.driver`. Marked spans that
are not quotations are left out (unless ``keep_all``): markup debris
(``author="@x"``) and short spans (three words at most) with no speaker read from a
pattern next to them that look like titles or names (``“Saturday Night Live”``) or
have no speaker at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.models import Span

if TYPE_CHECKING:  # the rule engine is imported when quotations are first found
    from tui.core.quotes.attribution.driver import Attribution

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


# Marks -----------------------------------------------------------------------------

# a character set first lets the regex engine scan fast; a lone ' is no mark
_MARK_RE = re.compile(r"[\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a](?:(?<=')'{1,2}|(?<!'))")
_ALNUM_RE = re.compile(r"[^\W_]")  # exactly the characters for which str.isalnum() holds
_MARK_CHARS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019("
_BLANKS = " \t\r\f\v\u00a0\u2009\u200a\u202f\ufeff\u200b"
_OPEN_BEFORE = "([{\u2014\u2013\u2015-/"
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013\u2015-\u2026/'\u2019*"

# family names
_CURLY, _LOW9, _GUIL, _SGUIL, _STRAIGHT, _TWO = range(6)
_OPENERS = {"\u201c": _CURLY, "\u201e": _LOW9, "\u00ab": _GUIL, "\u2039": _SGUIL}
_CLOSERS: dict[int, str] = {
    _CURLY: "\u201d",
    _LOW9: "\u201c\u201d",
    _GUIL: "\u00bb",
    _SGUIL: "\u203a",
}


def _is_blank(ch: str) -> bool:
    return ch.isspace() or ch in _BLANKS


def _context(para: str, i: int, j: int) -> tuple[bool, bool]:
    """(opens, closes) judged from the characters around the mark ``para[i:j]``."""
    if i > 0:
        prev = para[i - 1]
        prev_blank = prev.isspace() or prev in _BLANKS
    else:
        prev, prev_blank = "", True
    if j < len(para):
        nxt = para[j]
        nxt_blank = nxt.isspace() or nxt in _BLANKS
        opens = not nxt_blank and (prev_blank or prev in _OPEN_BEFORE)
        closes = (
            not prev_blank
            and prev not in "([{"
            and (nxt_blank or nxt in _CLOSE_AFTER or nxt in '"\u201d\u201c')
        )
    else:
        opens = False
        closes = not prev_blank and prev not in "([{"
    return opens, closes


def _rstrip_end(para: str, start: int, end: int) -> int:
    while end > start and _is_blank(para[end - 1]):
        end -= 1
    return end


def _pair_paragraph(para: str, first: int = 0) -> list[tuple[int, int, bool]]:
    """Pair the marks of one paragraph: ``(start, end, open_end)`` offsets into ``para``
    (``first``: where its first mark is, when known)."""
    out: list[tuple[int, int, bool]] = []
    cur_start = -1
    cur_family = -1
    cur_mark_end = -1
    nest = -1  # family of a nested quotation open inside the current one
    for m in _MARK_RE.finditer(para, first):
        i, j = m.start(), m.end()
        mark = m.group()
        if mark[0] == "'":
            if len(mark) == 3:
                # ''' is '' plus a nested single quote: the double mark sits on the outside
                opens, closes = _context(para, i, j)
                if cur_start >= 0 and cur_family == _TWO and not (opens and not closes):
                    i = j - 2
                else:
                    j = i + 2
            family = _TWO
        elif mark == '"':
            family = _STRAIGHT
        elif mark in _OPENERS and not (cur_family == _LOW9 and mark == "\u201c"):
            family = _OPENERS[mark]
        elif mark == "\u201d" or mark == "\u201c":
            family = _LOW9 if cur_family == _LOW9 else _CURLY
        elif mark == "\u00bb":
            family = _GUIL
        else:
            family = _SGUIL
        opens, closes = _context(para, i, j)
        if cur_start < 0:
            # nothing open: only an opening mark matters
            if family in (_STRAIGHT, _TWO):
                if closes and not opens:
                    continue  # stray closing mark
            elif mark in _OPENERS:
                pass
            elif mark == "\u201d" and not closes:
                pass  # a closing mark where nothing is open and none could close: a typo
            else:
                continue
            cur_start, cur_family, cur_mark_end, nest = i, family, j, -1
            continue
        if family != cur_family:
            # another family: a nested quote opens or closes, or a mismatched closing mark
            if family in (_STRAIGHT, _TWO):
                role_open, role_close = opens and not closes, closes and not opens
            elif mark in _OPENERS and mark != "\u201c" or (mark == "\u201c" and family == _CURLY):
                role_open, role_close = not (closes and not opens), closes and not opens
            else:
                role_open, role_close = opens and not closes, not (opens and not closes)
            if nest >= 0:
                if family == nest:
                    if not role_open:
                        nest = -1
                elif role_close:
                    out.append((cur_start, j, False))
                    cur_start, cur_family, nest = -1, -1, -1
            elif role_open:
                if i == cur_mark_end:  # "“ : the first mark is a stray
                    cur_start, cur_family, cur_mark_end = i, family, j
                else:
                    nest = family
            elif role_close:
                out.append((cur_start, j, False))
                cur_start, cur_family = -1, -1
            continue
        if family in (_STRAIGHT, _TWO):
            is_close = not (opens and not closes)
        elif mark in _CLOSERS[family]:
            is_close = True
        else:  # an opener of the open family
            is_close = not opens  # typo: “word“ closes
        nest = -1
        if is_close:
            out.append((cur_start, j, False))
            cur_start = -1
            cur_family = -1
        else:
            # the open quote lacks its closing mark: it ends before the new one
            out.append((cur_start, _rstrip_end(para, cur_start, i), True))
            cur_start, cur_family, cur_mark_end = i, family, j
    if cur_start >= 0:
        out.append((cur_start, _rstrip_end(para, cur_start, len(para)), True))
    return [p for p in out if _ALNUM_RE.search(para, p[0], p[1])]


_Piece = tuple[int, int, int, int, int]
"""A quotation piece: ``(start, end, group, para_start, para_end)``."""


def quote_pieces(text: str) -> list[tuple[int, int, int]]:
    """The quotation pieces of ``text`` as ``(start, end, group)``, without attribution."""
    return [(s, e, g) for s, e, g, _ps, _pe in _pieces(text)]


def _pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    group = -1
    open_at = -1  # end of the paragraph whose last piece ran open to its end
    n = len(text)
    pos = 0
    while True:
        m = _MARK_RE.search(text, pos)
        if m is None:
            break
        ps = text.rfind("\n", 0, m.start()) + 1
        pe = text.find("\n", m.start())
        if pe < 0:
            pe = n
        para = text[ps:pe]
        found = _pair_paragraph(para, m.start() - ps)
        reopen = open_at >= 0 and not text[open_at:ps].strip()
        lead = len(para) - len(para.lstrip())
        for k, (s, e, _open_end) in enumerate(found):
            if not (k == 0 and reopen and s == lead):
                group += 1
            pieces.append((ps + s, ps + e, group, ps, pe))
        open_at = -1
        if found and found[-1][2] and found[-1][1] == _rstrip_end(para, 0, len(para)):
            open_at = pe
        pos = pe + 1
    return pieces


def find_quotes(text: str, *, keep_all: bool = False) -> list[Quote]:
    """All quotations in ``text``, in order, one :class:`Quote` per paragraph piece.

    Short marked spans that are not attributed and look like titles, and markup
    debris, are left out unless ``keep_all`` is true (see :func:`_is_quotation`).
    """
    pieces = _pieces(text)
    if not pieces:
        return []
    from tui.core.quotes.attribution.driver import attribute  # heavy: its first use

    attrs = attribute(text, pieces)
    out: list[Quote] = []
    groups: dict[int, int] = {}
    for p, a in zip(pieces, attrs):
        if not keep_all and not _is_quotation(text, p, a):
            continue
        out.append(_make(p[0], p[1], groups.setdefault(p[2], len(groups)), a))
    return out


_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "is", "be"}
_PREPOSITIONS = {"on", "in", "at", "to", "from", "of", "for", "about", "during", "with", "by"}


def _title_case(words: list[str]) -> bool:
    """Every word capitalised (small words aside): ``“Meet the Press”``, ``“Sanity.”``."""
    firsts = [w.lstrip(_MARK_CHARS)[:1] for w in words]
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


def _is_quotation(text: str, p: _Piece, a: Attribution | None) -> bool:
    """Whether a marked span is worth reporting as a quotation.

    Left out: markup debris (``author="@x"``: the mark follows ``=``); linked excerpts
    and article titles of newsletters (``“…,” by Ann Lee: “…” http://``); titles of
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
    words = text[start:end].split(None, 13)  # past 12 words only their number counts
    if not words:
        return False
    n = len(words)
    title = n <= 7 and _title_case(words)
    if title and _names_a_work(text[max(para_start, start - 40) : start].split(), n):
        return False
    after = text[end : end + 12]
    if (
        _URL_AFTER_RE.match(after)
        or _BYLINE_AFTER_RE.match(after)
        and (
            text[end - 2 : end - 1] == "," or n <= 12 and (title if n <= 7 else _title_case(words))
        )
    ):
        return False  # a linked excerpt or an article's title: “…,” by Ann Lee: “…” http://
    if a is not None and a.explicit:
        return True
    before = text[max(para_start, start - 16) : start].split()
    if before and (before[-1].lower().rstrip(",") in _NAMING or before[-1].endswith(":")):
        return True  # what someone is called, as written: refers to him as “Chris”
    if n <= 7 and (title or _all_caps(words)):
        return False  # “Tales From the Crypt”, a headline, with nobody read as saying it
    if n > 3:
        return True
    if a is None:
        return False
    return not title and not all(not w.lstrip(_MARK_CHARS)[:1].isalpha() for w in words)


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

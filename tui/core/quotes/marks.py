"""Quotation marks paired into quotation pieces, paragraph by paragraph.

Which marks open and which close is read from their context (a blank or a bracket
before, a letter after); a mark without its pair runs to the end of its paragraph; a
quotation reopened by the next paragraph is one group of pieces."""

from __future__ import annotations

import re

# a character set first lets the regex engine scan fast; a lone ' is no mark
_MARK_RE = re.compile(r"[\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a](?:(?<=')'{1,2}|(?<!'))")


_ALNUM_RE = re.compile(r"[^\W_]")  # exactly the characters for which str.isalnum() holds


MARK_CHARS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019("


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


Piece = tuple[int, int, int, int, int]
"""A quotation piece: ``(start, end, group, para_start, para_end)``."""


_MARK_NEEDLES = ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2039", "\u203a", "''")
"""What ``_MARK_RE`` matches first: one of its double marks, or two apostrophes."""


def _next_mark(text: str, pos: int, ahead: list[int]) -> int:
    """Where ``_MARK_RE.search(text, pos)`` matches (-1: nowhere), found with ``str.find``
    (faster than the regex's scan); ``ahead`` keeps each needle's next place (-2: not
    looked for yet) from one call to the next, ``pos`` never going back."""
    best = -1
    for x, needle in enumerate(_MARK_NEEDLES):
        at = ahead[x]
        if at == -2 or 0 <= at < pos:
            at = text.find(needle, pos)
            ahead[x] = at
        if at >= 0 and (best < 0 or at < best):
            best = at
    return best


def paragraph_pieces(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    group = -1
    open_at = -1  # end of the paragraph whose last piece ran open to its end
    n = len(text)
    pos = 0
    ahead = [-2] * len(_MARK_NEEDLES)
    while True:
        at = _next_mark(text, pos, ahead)
        if at < 0:
            break
        ps = text.rfind("\n", 0, at) + 1
        pe = text.find("\n", at)
        if pe < 0:
            pe = n
        para = text[ps:pe]
        found = _pair_paragraph(para, at - ps)
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


_HEADLINE_RE = re.compile(
    r"[ \t]*('[^'\n]{2,120}?[^\s'],?')[ \u00a0]*,?[ \u00a0]+"
    r"(?:says|said|warns|insists|claims|admits|vows|tells)[ \u00a0]+[A-Z][^\n]*$"
)


def headline_piece(text: str) -> list[Piece]:
    """A headline quoting someone in single marks (``'We will win,' says Ortega``): the
    one place single marks are read as quotation marks, when the headline (the first
    line) is only that."""
    ps = len(text) - len(text.lstrip())
    pe = text.find("\n", ps)
    if pe < 0:
        pe = len(text)
    m = _HEADLINE_RE.match(text, ps, pe)
    if m is None:
        return []
    return [(m.start(1), m.end(1), -1, ps, pe)]

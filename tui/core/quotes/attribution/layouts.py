"""News layouts that name a speaker outside a sentence: transcript labels, name lines
before a quotation, signatures after one.

* a transcript label opening the quotation names its speaker (``"OSTER: You shipped
  those jobs ..."``, also inside one long quotation);
* a line that is only a name (and an appositive) ending with a colon introduces the
  quotation of the next paragraph (``Ana Ruiz, the mayor:``, a round-up's lead-in);
* a dash and a name after the quotation sign it, on the same line (``"…" — Ana Ruiz, a
  teacher``), or a line of its own with a handle or a date (``— Mia Koh (@miakoh) May
  28, 2016``, in :mod:`.around`);
* a line ``Jane Doe, Little Ashby`` right after a quotation signs it (a letter);
* a live blog's time stamp is no part of a speaker (``22:45 Governor Lia Moss told``).
"""

from __future__ import annotations

import re

from tui.core.quotes.attribution.found import Found

_NAME = r"[A-Z][\w\u2019'-]*(?:\.?[ \u00a0][A-Z][\w\u2019'-]*){0,4}"
_CAPS = r"[A-Z][A-Z\u2019'.-]+"
_LABEL_RE = re.compile(
    r"[\"'\u201c\u201e\u00ab]+[ \u00a0]*(" + _CAPS + r"(?:[ \u00a0]" + _CAPS + r"){0,3}):[ \u00a0]"
)
_NAME_LINE_RE = re.compile(
    r"[ \t]*(?:[-*\u2022\u2013\u2014][ \t]+)?(" + _NAME + r")(?:,[^\n:\"\u201c]{1,60})?:[ \t]*$"
)
_SAME_LINE_RE = re.compile(
    r"[ \u00a0]*[-\u2014\u2013]+[ \u00a0]*(" + _NAME + r")(?:[ \u00a0]*\(@\w+\))?"
    r"(?:,[^\n\"\u201c]{1,80})?\.?[ \u00a0]*$"
)
_LETTER_SIGN_RE = re.compile(
    r"[ \t]*\n[ \t]*([A-Z][\w'-]*\w(?:[ \u00a0][A-Z][\w'-]*\w){1,2}),[ \u00a0]"
    r"[A-Z][\w'-]*(?:[ \u00a0][A-Z][\w'-]*){0,2}\.?[ \t]*(?:\n|$)"
)


def transcript_label(text: str, s: int, e: int) -> Found | None:
    """``"OSTER: You shipped …"``: the label opening the quotation."""
    m = _LABEL_RE.match(text, s, e)
    if m is None or len(m.group(1)) < 2:
        return None
    return Found(m.span(1), (m.end(1), m.end(1) + 1), False, 3)


def name_line(text: str, ps: int) -> Found | None:
    """The paragraph before ``ps`` is a name line ending with a colon (``Ana Ruiz, the
    mayor:``)."""
    end = ps
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0 or text[end - 1] != ":":
        return None
    start = text.rfind("\n", 0, end) + 1
    m = _NAME_LINE_RE.match(text, start, end)
    if m is None:
        return None
    return Found(m.span(1), (end - 1, end), False, 2)


def signed_on_the_line(text: str, e: int, pe: int) -> Found | None:
    """``"…" — Ana Ruiz, a teacher from Lyon``: a signature after the quotation."""
    m = _SAME_LINE_RE.match(text, e, pe)
    if m is None:
        return None
    return Found(m.span(1), (m.start(1) - 1, m.start(1)), False, 2)


def letter_signature(text: str, pe: int) -> Found | None:
    """A line ``Jane Doe, Little Ashby`` right after the quotation's paragraph."""
    m = _LETTER_SIGN_RE.match(text, pe)
    if m is None:
        return None
    return Found(m.span(1), None, False, 2)


_TIMESTAMP_RE = re.compile(r"\d{1,2}[:.](\d{2}[ \u00a0]+)")


def after_timestamp(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without the minutes of a live blog's time stamp it starts with
    (``22:45 Governor Lia Moss`` read as ``45 Governor Lia Moss``)."""
    a, b = span
    if not text[a : a + 1].isdigit():
        return span
    m = _TIMESTAMP_RE.match(text, max(0, a - 3), b)
    if m is None or m.start(1) != a or m.end(1) >= b:
        return span
    return (m.end(1), b)

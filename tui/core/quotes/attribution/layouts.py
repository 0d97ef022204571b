"""News layouts that name a speaker outside a sentence: transcript labels, name lines
before a quotation, signatures after one.

* a transcript label opening the quotation names its speaker (``"OSTER: You shipped
  those jobs ..."``, also inside one long quotation; a label in title case, ``"Oster:
  …"``, only when the quotation holds a second one);
* a label that is all the paragraph holds before the quotation names its speaker: an
  interview's ``Q:``, ``A.``, ``Marta Lind:``, in bold mark-up or not (``**Q:**``);
* a line that is only a name (and an appositive) ending with a colon introduces the
  quotation of the next paragraph (``Ana Ruiz, the mayor:``, a round-up's lead-in);
* a line opening with a name and an appositive before a colon and the quotation
  (``* Ana Ruiz, the mayor: "…"``) names the person, not the appositive; a handle right
  before the colon names its owner (``TWEET OF THE DAY, from @lenaholm: "…"``);
* a dash signature on the quotation's line outranks a lead-in before it (``QUOTE OF THE
  DAY: "…" — Ana Ruiz, on CNN's "State of the Union"``);
* a dash and a name after the quotation sign it, on the same line (``"…" — Ana Ruiz, a
  teacher``, ``"…" — Joel Amani (@jamani) May 28, 2016``, ``"…" — @miakoh``), or a line
  of its own with a handle or a date (``— Mia Koh (@miakoh) May 28, 2016``, in
  :mod:`.around`); a name of two words or more in parentheses, on the same line or the
  next (``"…" (Ruth Adair, Islay)``), signs it too;
* a line ``Jane Doe, Little Ashby`` (or ``Jane Doe, Little Ashby, Kent``) right after a
  quotation signs it (a letter);
* a live blog's time stamp is no part of a speaker (``22:45 Governor Lia Moss told``).
"""

from __future__ import annotations

import re

from tui.core.quotes.attribution.found import Found

_NAME = r"[A-Z][\w\u2019'-]*(?:\.?[ \u00a0][A-Z][\w\u2019'-]*){0,4}"
_HANDLE = r"@\w{2,}"
_TITLE = r"[\"\u201c][^\n\"\u201c\u201d]{1,40}[\"\u201d]"  # a show's title in marks
_DATE = r"[A-Z][a-z]+\.?[ \u00a0]\d{1,2},[ \u00a0]\d{4}"
_CAPS = r"[A-Z][A-Z\u2019'.-]+"
_LABEL_RE = re.compile(
    r"[\"'\u201c\u201e\u00ab]+[ \u00a0]*(" + _CAPS + r"(?:[ \u00a0]" + _CAPS + r"){0,3}):[ \u00a0]"
)
_BOLD = r"(?:\*\*|__)?"
_NAME_LINE_RE = re.compile(
    r"[ \t]*(?:[-*\u2022\u2013\u2014][ \t]+)?"
    + _BOLD
    + r"("
    + _NAME
    + r")"
    + _BOLD
    + r"(?:,[^\n:\"\u201c*]{1,60})?:"
    + _BOLD
    + r"[ \t]*$"
)
_SAME_LINE_RE = re.compile(
    r"[ \u00a0]*[-\u2014\u2013]+[ \u00a0]*(" + _NAME + "|" + _HANDLE + r")"
    r"(?:[ \u00a0]*\([^()\n\"\u201c]{1,30}\))?(?:[ \u00a0]+" + _DATE + r")?"
    r"(?:,(?:[^\n\"\u201c\u201d]|" + _TITLE + r"){1,80})?\.?[ \u00a0]*$"
)
_PERSON = r"[A-Z][\w\u2019'-]*(?:\.?[ \u00a0][A-Z][\w\u2019'-]*){1,3}"
_PAREN_SIGN = r"\((" + _PERSON + r")(?:,[^()\n\"\u201c]{1,60})?\)\.?[ \u00a0]*"
_PAREN_SAME_LINE_RE = re.compile(r"[ \u00a0]*" + _PAREN_SIGN + r"$")
_PAREN_NEXT_LINE_RE = re.compile(r"[ \t]*\n[ \t]*" + _PAREN_SIGN + r"(?:\n|$)")
_PLACE = r"[A-Z][\w'-]*(?:[ \u00a0][A-Z][\w'-]*){0,2}"
_LETTER_SIGN_RE = re.compile(
    r"[ \t]*\n[ \t]*([A-Z][\w'-]*\w(?:[ \u00a0][A-Z][\w'-]*\w){1,2}),[ \u00a0]"
    + _PLACE
    + r"(?:,[ \u00a0]"
    + _PLACE
    + r")?\.?[ \t]*(?:\n|$)"
)
_TITLE_LABEL = r"[A-Z][a-z][\w\u2019'-]*(?:[ \u00a0][A-Z][a-z][\w\u2019'-]*){0,2}"
_TITLE_LABEL_RE = re.compile(
    r"[\"'\u201c\u201e\u00ab]+[ \u00a0]*(" + _TITLE_LABEL + r"):[ \u00a0]+(?=[A-Z])"
)
_LATER_LABEL_RE = re.compile(r"[.!?][ \u00a0]+(" + _TITLE_LABEL + r"):[ \u00a0]+[A-Z]")
_PARA_LABEL_RE = re.compile(
    r"[ \t]*" + _BOLD + r"(Q|A|" + _NAME + r")" + _BOLD + r"[ \u00a0]*([:.])" + _BOLD + r"[ \t]*$"
)
_APPOSED_COLON_RE = re.compile(
    r"[ \t]*(?:[-*\u2022\u2013\u2014][ \t]+)?"
    + _BOLD
    + r"("
    + _NAME
    + r")"
    + _BOLD
    + r",([^\n:;\"\u201c\u201d*]{1,60}):"
    + _BOLD
    + r"[ \t]*$"
)


def transcript_label(text: str, s: int, e: int) -> Found | None:
    """``"OSTER: You shipped …"``: the label opening the quotation (in title case,
    ``"Oster: …"``, only with a second label later in it)."""
    if text.find(":", s, min(e, s + 40)) < 0:
        return None  # the usual case: no colon near the opening mark
    m = _LABEL_RE.match(text, s, e)
    if m is None or len(m.group(1)) < 2:
        m = _TITLE_LABEL_RE.match(text, s, e)
        if m is None or _LATER_LABEL_RE.search(text, m.end(), e) is None:
            return None
    return Found(m.span(1), (m.end(1), m.end(1) + 1), False, 3)


def paragraph_label(text: str, ps: int, s: int) -> Found | None:
    """The paragraph holds only a label before the quotation at ``s``: ``Q:``, ``A.``,
    ``Marta Lind:``, ``**Q:**``."""
    end = s
    while end > ps and text[end - 1] in " \t":
        end -= 1
    if end == ps or end - ps > 60 or text[end - 1] not in ":.*_":
        return None  # the usual case: no label, or text before the quote
    m = _PARA_LABEL_RE.match(text, ps, s)
    if m is None or (m.group(2) == "." and len(m.group(1)) > 1):
        return None  # ``Lind. "…"``: a sentence, not a label
    return Found(m.span(1), m.span(2), False, 3)


_HANDLE_COLON_RE = re.compile(
    r"(?<![\w@\"\u201c\u2018'])(" + _HANDLE + r")[ \u00a0]*:$"
)  # not “@ilduce2016: “…”, a post quoted inside a post


def handle_before_colon(text: str, s0: int, colon: int) -> tuple[int, int] | None:
    """``TWEET OF THE DAY, from @lenaholm: "…"``: a handle right before the colon."""
    m = _HANDLE_COLON_RE.search(text, max(s0, colon - 40), colon + 1)
    return m.span(1) if m is not None else None


def apposed_name_colon(text: str, colon: int) -> tuple[int, int] | None:
    """``* Ana Ruiz, the mayor: "…"``: the name opening the line before a lower-case
    appositive and the colon (``In Ohio, the mood was grim:`` is no such line)."""
    m = _APPOSED_COLON_RE.match(text, text.rfind("\n", 0, colon) + 1, colon + 1)
    if m is None:
        return None
    words = m.group(2).split()
    if not words or not words[0][:1].islower() or len(words) > 8:
        return None  # HEADLINE, BUT MORE - David Wasserman: a name ends the line
    if any(w.lower() in _FINITE or not w[:1].isalnum() for w in words):
        return None
    if text[m.start(1) : m.end(1)].split()[0].lower() in _NOT_A_NAME_START:
        return None
    return m.span(1)


_FINITE = frozenset("is was are were has had have will would can could said says".split())
_NOT_A_NAME_START = frozenset(
    """in on at for from by with after before since during as but and or so the a an this
    that these those there here then when while if asked meanwhile however instead""".split()
)


def name_line(text: str, ps: int) -> Found | None:
    """The paragraph before ``ps`` is a name line ending with a colon (``Ana Ruiz, the
    mayor:``, also in bold mark-up: ``**Ana Ruiz, the mayor:**``)."""
    end = ps
    while end > 0 and text[end - 1].isspace():
        end -= 1
    colon = end
    while colon > 0 and text[colon - 1] in "*_":
        colon -= 1
    if colon <= 0 or text[colon - 1] != ":":
        return None
    start = text.rfind("\n", 0, end) + 1
    m = _NAME_LINE_RE.match(text, start, end)
    if m is None:
        return None
    return Found(m.span(1), (colon - 1, colon), False, 2)


def signed_on_the_line(text: str, e: int, pe: int) -> Found | None:
    """``"…" — Ana Ruiz, a teacher from Lyon`` or ``"…" (Ruth Adair, Islay)``: a
    signature after the quotation."""
    m = _SAME_LINE_RE.match(text, e, pe) or _PAREN_SAME_LINE_RE.match(text, e, pe)
    if m is None:
        return None
    return Found(m.span(1), (m.start(1) - 1, m.start(1)), False, 2)


def paren_signature(text: str, pe: int) -> Found | None:
    """A line ``(Tom Hill, fisherman)`` right after the quotation's paragraph: a name of
    two words or more (``(Applause)`` signs nothing)."""
    m = _PAREN_NEXT_LINE_RE.match(text, pe)
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

"""Rule 6, the guesses: a speaker for a quotation no pattern next to it names.

In order: the subject of a verb of stance (or a possessor of a noun of saying) before
the quote, the cue of a wider stretch of the sentence, the speaker of the sentence
before, the subject of the sentence; else the nearest attributed quote of the
paragraph, the cue of the sentence before a quote opening a sentence, the previous
paragraph's speaker (follow-on), a weak reading, or, for a paragraph opening with the
quote, the subject of a cue in the last sentence of the previous paragraph.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from tui.core.quotes.attribution.before import before_quote
from tui.core.quotes.attribution.candidates import Pool
from tui.core.quotes.attribution.cues import MARK_ANY, Cues
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.main_subject import main_subject_span
from tui.core.quotes.attribution.paragraphs import REACH, Piece, paragraphs
from tui.core.quotes.attribution.rules import said_before
from tui.core.quotes.attribution.subjects import guess_subject, stance_or_possessor
from tui.core.quotes.attribution.word_classes import PRONOUNS
from tui.core.quotes.attribution.words import SENT_END_RE, WORD_RE, sentence_start

Span2 = tuple[int, int]


@dataclass(slots=True)
class _Paragraph:
    """What the guesses for the pieces ``i:j`` of one paragraph read."""

    i: int
    j: int
    ps: int
    cues: Cues
    para_found: list[Found]  # the speakers found before guessing, by position
    found_at: list[int]
    starts: list[int]
    last: Found | None  # the previous paragraph's last speaker
    last_para: int  # where that paragraph ends (-1: none)


def guess_pass(
    text: str,
    pieces: list[Piece],
    found: list[Found | None],
    weak: list[Found | None],
    para_cues: dict[int, Cues],
    pool: Pool,
) -> None:
    """Fill in ``found`` where it is None, paragraph by paragraph."""
    last: Found | None = None
    last_para = -1
    for i, j in paragraphs(pieces):
        ps = pieces[i][3]
        if any(found[x] is None for x in range(i, j)):  # anything to guess here
            para_found = sorted((f for f in found[i:j] if f is not None), key=lambda f: f.speaker)
            para = _Paragraph(
                i,
                j,
                ps,
                para_cues[ps],
                para_found,
                [f.speaker[0] for f in para_found],
                [pieces[x][0] for x in range(i, j)],
                last,
                last_para,
            )
            _guess_paragraph(text, pieces, found, weak, para, pool)
        if found[j - 1] is not None:
            last = found[j - 1]
            last_para = pieces[j - 1][4]
        else:
            last = None


def _guess_paragraph(
    text: str,
    pieces: list[Piece],
    found: list[Found | None],
    weak: list[Found | None],
    para: _Paragraph,
    pool: Pool,
) -> None:
    prev_cs: Span2 | None = None
    prev_k = -2  # index of the last guess made without a sentence start in reach
    for k in range(para.i, para.j):
        if found[k] is not None:
            continue
        cs: Span2 | None = None
        prev_at: Span2 | None = None
        if prev_k == k - 1 and not SENT_END_RE.search(text, pieces[k - 1][1], pieces[k][0] + 1):
            cs, prev_k = prev_cs, k  # one endless sentence: as for the previous quote
        else:
            cs, prev_at, endless = _in_sentence(text, pieces, found, para, k)
            if endless:
                prev_cs, prev_k = cs, k  # no sentence start within reach
        found[k] = _fallback(text, pieces, weak, para, k, cs, prev_at, pool)


def _in_sentence(
    text: str, pieces: list[Piece], found: list[Found | None], para: _Paragraph, k: int
) -> tuple[Span2 | None, Span2 | None, bool]:
    """A guess from the sentence of piece ``k``: ``(speaker, prev_at, endless)`` where
    ``prev_at`` is where to read the sentence before when the quote opens a sentence,
    and ``endless`` says no sentence start was in reach."""
    i, ps = para.i, para.ps
    floor = max(ps, pieces[k][0] - 2 * REACH)
    s0 = sentence_start(text, floor, pieces[k][0])
    endless = s0 == floor > ps
    x = i + bisect.bisect_right(para.starts, s0) - 1
    if i <= x < k and pieces[x][0] <= s0 < pieces[x][1]:
        s0 = pieces[x][1]  # the sentence began inside that quote
    cs: Span2 | None = None
    prev_at: Span2 | None = None
    if k > i and s0 < pieces[k - 1][0]:
        # Ms. Ruiz said that “…” and that the city should not bear “…”
        wide = before_quote(text, para.cues, s0, pieces[k][0])
        if wide is not None:
            cs = wide.speaker
    if cs is None and s0 < pieces[k][0]:
        cs = stance_or_possessor(text, s0, pieces[k][0])
    if cs is None and ps < s0 < pieces[k][0]:
        # … drive out bad, he said. Usually only when “…”: the
        # paraphrase goes on, with the speaker of the sentence before
        cs = said_before(text, ps, s0)
    if cs is None and WORD_RE.search(text, s0, pieces[k][0]):
        cs = guess_subject(text, s0, pieces[k][0])
        if cs is not None and k > i and pieces[k - 1][0] <= cs[0] < pieces[k - 1][1]:
            # “progress we made” and her pledge “to …”: no speaker inside
            # the quote before; the sentence goes on with its speaker
            f1 = found[k - 1]
            cs = f1.speaker if f1 is not None else None
    elif cs is None and s0 > ps:
        # the quote opens a sentence: “she said she …. “I really believe…”
        lo = pieces[k - 1][1] if k > i else ps
        prev_at = (s0, max(lo, floor))
    return cs, prev_at, endless


def _fallback(
    text: str,
    pieces: list[Piece],
    weak: list[Found | None],
    para: _Paragraph,
    k: int,
    cs: Span2 | None,
    prev_at: Span2 | None,
    pool: Pool,
) -> Found | None:
    """The guess for piece ``k``: its sentence's (``cs``), else the paragraph's nearest
    speaker, the sentence before, the previous paragraph's, a weak reading. The cheap
    alternatives are noted in ``pool`` even when an earlier one wins."""
    ps = para.ps
    near: Found | None = None
    if para.para_found:
        x = bisect.bisect_left(para.found_at, pieces[k][0])
        nf = min(
            para.para_found[max(0, x - 1) : x + 1],
            key=lambda f: abs(f.speaker[0] - pieces[k][0]),
        )
        near = Found(nf.speaker, nf.cue, True, 1)
        pool.note(k, "nearest", near)
    last: Found | None = None
    if para.last is not None and _blank_between(text, para.last_para, ps):
        last = Found(para.last.speaker, para.last.cue, True, 1)
        pool.note(k, "previous_paragraph", last)
    if cs is not None:
        f = Found(cs, None, True, 1)
        pool.note(k, "sentence", f)
        return f
    if near is not None:
        return near
    if prev_at is not None and (prev_sent := _previous_sentence(text, *prev_at)) is not None:
        pool.note(k, "previous_sentence", prev_sent)
        return prev_sent
    if last is not None:
        return last
    if weak[k] is not None:
        return weak[k]
    if not text[ps : pieces[k][0]].strip():
        f2 = _previous_sentence(text, ps)
        pool.note(k, "previous_sentence", f2)
        return f2
    return None


def _previous_sentence(text: str, ps: int, start: int = -1) -> Found | None:
    """A guess for a quotation opening a paragraph (or a sentence, at ``ps``): the
    sentence before it, back to the paragraph start (or ``start``), names a cue and its
    subject (``Sam Lau said in a statement.``)."""
    end = ps
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] == ":":
        return None  # nothing before, or a lead-in (handled as rule 4)
    if start < 0:
        start = text.rfind("\n", 0, end) + 1
    floor = start
    for m in MARK_ANY.finditer(text, start, end):
        floor = m.end()
    s0 = sentence_start(text, floor, end - 1)
    f = before_quote(text, Cues(text, [(s0, end)]), s0, end)
    if f is None:
        return None
    if f.cue is not None and text[f.speaker[0] : f.speaker[1]].lower() in PRONOUNS:
        # Bolton distanced himself … by saying he would help if asked. “…”: the
        # sentence's subject, not a pronoun inside what it reports
        main = main_subject_span(text, s0, f.cue[0])
        if main is not None and main[1] <= f.speaker[0]:
            return Found(main, f.cue, True, 1)
    return Found(f.speaker, f.cue, True, 1)


def _blank_between(text: str, a: int, b: int) -> bool:
    return a >= 0 and text[a:b].strip() == ""

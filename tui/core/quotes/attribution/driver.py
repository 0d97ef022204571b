"""Speaker attribution for quotations: who said it, with which cue, and their full name.

:func:`attribute` works paragraph by paragraph on the pieces found by
:mod:`tui.core.quotes.find`. Reporting cues are found with a lexicon of reporting verbs
(``said``, ``told``, ``wrote``, ``added``, ``according to``...) outside the quotes.
For each piece, in order:

1. *after* — a speaker and a cue right after the closing mark: ``“…,” Rezaei said`` /
   ``“…,” said Rezaei`` / ``“…,” Jane Doe, a spokeswoman for X, said`` (the speaker
   is the part before an appositive); after a comma, a past or present tense outside
   the lexicon also serves (``“…,” it recommended``). When the quote ends its
   sentence (``“… now.” Kai Brand said …``) this is only a last resort, and a verb
   taking its own clause (``“…,” Jo Lee said the cases differ``) yields to rule 2;
2. *before* — the last cue of the sentence before the opening mark and its subject:
   ``Rezaei said: “…”`` / ``Ms Hewitt told GMTV: “…”`` / ``Rezaei said that “…”`` /
   ``according to Rezaei, “…”`` / ``Trump called it “a disaster”``; a participle or
   a second verb takes the subject of the main clause (``X rejected it, saying “…”``,
   ``he laughed and said “…”``); ``Clinton, who was speaking…, told them “…”`` takes
   the antecedent; ``Ana Ruiz: “…”`` takes the name before the colon, ``The headline
   reads: “…”`` the subject of the sentence; a passive takes the agent (``X was asked
   by Y whether “…”``), an inverted parenthetical the name after the verb (``The
   trouble, says Nora Quist, an economist, is that “…”``), and a survey framing the
   sentence is the source itself (``In a CNN poll, 31% of voters said “…”``). When
   that cue is far from the quote or stands in a relative clause, a reporting clause
   opening the sentence wins (``Rubio said that … Trump, whom he called “a con
   artist”``: the quote is part of what Rubio said);
   A passive naming the quote takes its agent (``has been called “…” by Ana Ruiz``,
   ``seen by organizers as a “…”``),
   and a cue right before the quote outranks a speaker after it (``what Ana Ruiz
   called “…,” the club charged``); a ``with`` absolute speaks for itself (``X denied
   it, with Ana Ruiz calling it “…”``), as does ``to which 21% said “…”`` (module clauses);
3. *later in the sentence* — ``“…” in the primary, said Paul Beck``;
4. *previous or next paragraph* — a paragraph ending ``X said:`` introduces the next
   one; a paragraph ``— Ana Ruiz.`` signs the quotation that ends the one before;
5. *same sentence* — a piece with no cue of its own shares the one of a neighbouring
   piece of the same sentence (``“…” and “…,” he said``; ``“…,” Rezaei said, “…”``);
   pieces of one multi-paragraph quotation share their speaker;
6. *guessed* — the subject of a verb of stance before the quote (``the council denounced
   the “…”``; a named possessor of a noun of saying after it is nearer: ``Ana Ruiz
   blamed Lee Park's claim that “…”``), else the subject of the sentence holding a
   quote with no cue (``Senator Lia Moss blamed the “reckless spending”``; a pronoun
   right after a verb like ``saying he is “…”`` is what is reported, not who reports;
   before it, the
   possessor of a noun of saying: ``over her remark that “…”``), else the nearest
   attributed quote of the paragraph, else the cue of the sentence before a quote that
   opens a sentence, else the speaker of the previous
   paragraph's quote (follow-on), else, for a paragraph opening with the quote, the
   subject of a cue in the last sentence of the previous paragraph (``Sam Lau said in
   a statement.``). A subject guessed inside the quote just before is no speaker: the
   quote goes on with that quote's speaker (``the “gains we made” and her pledge “…”``).

A source named with ``according to`` later in the cue's sentence outranks the cue's
subject (``“…,” the judge said, according to the Post``). Subjects skip time and
setting phrases before their verb (``Ana Ruiz on Friday called``, ``Ruiz in her speech
called``; module adverbials); ``, and he accused X of “…”`` keeps its own subject; a
cue inside an opening ``since``/``when`` clause frames nothing.

``speaker`` is the mention as written; ``speaker_name`` resolves it to the fullest
name in the article, titles left out (:mod:`.names`). ``guessed`` is true for
rule 6, for colon cues after a verb outside the lexicon, and whenever the speaker is
a pronoun (who "he" is was inferred).

Modules: :mod:`.words` (word classes, sentence bounds), :mod:`.cues`
(the cue lexicon), :mod:`.phrases` (noun phrases and clause subjects),
:mod:`.patterns` (the patterns of rules 1–4), :mod:`.names` (name
and pronoun resolution); this module runs them over an article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.core.models import Span
from tui.core.quotes.attribution.around import _after_in_sentence, _lead_in
from tui.core.quotes.attribution.cues import (
    _MARK_ANY,
    _Cues,
)
from tui.core.quotes.attribution.names import (
    _ANTECEDENT_RE,
    _APPOSED_NAME_RE,
    _Names,
)
from tui.core.quotes.attribution.patterns import (
    _after,
    _before,
    _Found,
)
from tui.core.quotes.attribution.phrases import (
    _clause_subject,
    _main_subject,
)
from tui.core.quotes.attribution.rules import (
    _according_to,
    _ends_sentence,
    _leads_next,
    _object_of,
    _object_possible,
    _own_object,
    _passive_agent,
    _said_before,
)
from tui.core.quotes.attribution.subjects import _guess_subject, _stance_or_possessor
from tui.core.quotes.attribution.words import (
    _PRONOUNS,
    _SENT_END_RE,
    _WORD_RE,
    _key,
    _sentence_start,
    strip_titles,
)

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


# Driver -----------------------------------------------------------------------------


_REACH = 320


def attribute(text: str, pieces: list[tuple[int, int, int, int, int]]) -> list[Attribution | None]:
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
            b = None
            if (
                f is None
                or f.strength < 3
                or _object_possible(text, s)
                or _leads_next(text, f, nxt, k + 1 < j)
                or _own_object(text, f)
            ):  # else no speaker read before the quote outranks f
                b = _passive_agent(text, s, e, nxt) or _before(text, cues, prv, s, ps)
            if b is not None and (
                f is None
                or f.strength < b.strength
                or (f.strength == b.strength and _object_of(text, b, s))
                or _leads_next(text, f, nxt, k + 1 < j)
                or _own_object(text, f)
            ):
                f = b
            if f is None and not _ends_sentence(text, s, e):
                f = _after_in_sentence(text, cues, e, nxt)
            if f is not None and f.strength > 1:
                f = _according_to(text, cues, f, pe)
            if f is None and k == i and not text[ps:s].strip():
                f = _lead_in(text, ps)
            if f is None and k == j - 1 and not text[e:pe].strip():
                f = _signed(text, pe)
            if f is not None and f.strength == 1:
                weak[k] = f
                f = None
            found[k] = f
        # same sentence: “A” and “B,” he said
        for k in range(j - 1, i - 1, -1):
            if found[k] is None and k + 1 < j and found[k + 1] is not None:
                gap = text[pieces[k][1] : pieces[k + 1][0]]
                if (
                    not _SENT_END_RE.search(gap + " A")
                    and len(gap) < 40
                    and not (_ends_sentence(text, pieces[k][0], pieces[k][1]) and gap.strip())
                ):
                    f2 = found[k + 1]
                    assert f2 is not None
                    found[k] = _Found(f2.speaker, f2.cue, False, 2)
        for k in range(i + 1, j):
            if found[k] is None and found[k - 1] is not None:
                gap = text[pieces[k - 1][1] : pieces[k][0]]
                f2 = found[k - 1]
                assert f2 is not None
                if not _SENT_END_RE.search(gap + " A") and (
                    len(gap) < 40
                    or (
                        f2.cue is not None
                        and pieces[k - 1][1] <= f2.speaker[0]
                        and f2.cue[1] <= pieces[k][0]
                        and len(gap) < 160
                        and gap.rstrip().endswith(",")
                        and _opens_lower(text, pieces[k][0])
                    )
                ):  # “…,” said Ana Ruiz, a spokeswoman for the mayor, “…”
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
        guess = any(found[x] is None for x in range(i, j))  # anything to guess here
        para_found = (
            sorted((f for f in found[i:j] if f is not None), key=lambda f: f.speaker)
            if guess
            else []
        )
        found_at = [f.speaker[0] for f in para_found]
        starts = [pieces[x][0] for x in range(i, j)] if guess else []
        prev_cs: tuple[int, int] | None = None
        prev_k = -2  # index of the last guess made without a sentence start in reach
        for k in range(i, j):
            if found[k] is None:
                cs = None
                prev_at: tuple[int, int] | None = None
                if prev_k == k - 1 and not _SENT_END_RE.search(
                    text, pieces[k - 1][1], pieces[k][0] + 1
                ):
                    cs, prev_k = prev_cs, k  # one endless sentence: as for the previous quote
                else:
                    floor = max(ps, pieces[k][0] - 2 * _REACH)
                    s0 = _sentence_start(text, floor, pieces[k][0])
                    endless = s0 == floor > ps
                    x = i + bisect.bisect_right(starts, s0) - 1
                    if i <= x < k and pieces[x][0] <= s0 < pieces[x][1]:
                        s0 = pieces[x][1]  # the sentence began inside that quote
                    if k > i and s0 < pieces[k - 1][0]:
                        # Ms. Ruiz said that “…” and that the city should not bear “…”
                        wide = _before(text, para_cues[ps], s0, pieces[k][0])
                        if wide is not None:
                            cs = wide.speaker
                    if cs is None and s0 < pieces[k][0]:
                        cs = _stance_or_possessor(text, s0, pieces[k][0])
                    if cs is None and ps < s0 < pieces[k][0]:
                        # … drive out bad, he said. Usually only when “…”: the
                        # paraphrase goes on, with the speaker of the sentence before
                        cs = _said_before(text, ps, s0)
                    if cs is None and _WORD_RE.search(text, s0, pieces[k][0]):
                        cs = _guess_subject(text, s0, pieces[k][0])
                        if (
                            cs is not None
                            and k > i
                            and pieces[k - 1][0] <= cs[0] < pieces[k - 1][1]
                        ):
                            # “progress we made” and her pledge “to …”: no speaker inside
                            # the quote before; the sentence goes on with its speaker
                            f1 = found[k - 1]
                            cs = f1.speaker if f1 is not None else None
                    elif cs is None and s0 > ps:
                        # the quote opens a sentence: “she said she …. “I really believe…”
                        lo = pieces[k - 1][1] if k > i else ps
                        prev_at = (s0, max(lo, floor))
                    if endless:
                        prev_cs, prev_k = cs, k  # no sentence start within reach
                if cs is not None:
                    found[k] = _Found(cs, None, True, 1)
                elif para_found:
                    x = bisect.bisect_left(found_at, pieces[k][0])
                    near = min(
                        para_found[max(0, x - 1) : x + 1],
                        key=lambda f: abs(f.speaker[0] - pieces[k][0]),
                    )
                    found[k] = _Found(near.speaker, near.cue, True, 1)
                elif (
                    prev_at is not None
                    and (prev_sent := _previous_sentence(text, *prev_at)) is not None
                ):
                    found[k] = prev_sent
                elif last is not None and _blank_between(text, last_para, ps):
                    found[k] = _Found(last.speaker, last.cue, True, 1)
                elif weak[k] is not None:
                    found[k] = weak[k]
                elif not text[ps : pieces[k][0]].strip():
                    found[k] = _previous_sentence(text, ps)
        if found[j - 1] is not None:
            last = found[j - 1]
            last_para = pieces[j - 1][4]
        else:
            last = None
        i = j
    return _finish(text, pieces, found)


def _signed(text: str, pe: int) -> _Found | None:
    """The next paragraph signs the quotation that ends this one: ``— Ana Ruiz.`` (or
    ``— Ana Ruiz, Lyon.``)."""
    m = _DASH_SIGN_RE.match(text, pe)
    if m is None:
        return None
    return _Found(m.span(1), (m.start(1) - 1, m.start(1)), False, 2)


def _previous_sentence(text: str, ps: int, start: int = -1) -> _Found | None:
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
    for m in _MARK_ANY.finditer(text, start, end):
        floor = m.end()
    s0 = _sentence_start(text, floor, end - 1)
    f = _before(text, _Cues(text, [(s0, end)]), s0, end)
    if f is None:
        return None
    if f.cue is not None and text[f.speaker[0] : f.speaker[1]].lower() in _PRONOUNS:
        # Bolton distanced himself … by saying he would help if asked. “…”: the
        # sentence's subject, not a pronoun inside what it reports
        main = _main_subject(text, s0, f.cue[0])
        if main is not None and main[1] <= f.speaker[0]:
            return _Found(main, f.cue, True, 1)
    return _Found(f.speaker, f.cue, True, 1)


_DASH_SIGN_RE = re.compile(
    r"\s*\n\s*[-\u2014\u2013]+[ \u00a0]*"
    r"([A-Z][\w\u2019'-]*(?:\.?[ \u00a0][A-Z][\w\u2019'-]*){0,4})(?:,[^\n,]{1,60})?\.?[ \u00a0]*"
    r"(?:\n|$)"
)


def _opens_lower(text: str, s: int) -> bool:
    """Whether the quotation at ``s`` opens with a lower-case word (a sentence going on)."""
    head = text[s : s + 4].lstrip("\"'\u201c\u2018\u201e\u00ab ")
    return head[:1].islower()


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
            if r and r[:1].isupper():
                persons.add(_key(r.split()[-1]))
    names.add_persons(persons)
    out: list[Attribution | None] = []
    cache: dict[tuple[int, int, int], Attribution] = {}
    for (s, _e, _g, _ps, _pe), f in zip(pieces, found):
        if f is None:
            out.append(None)
            continue
        mention = text[f.speaker[0] : f.speaker[1]]
        ml = mention.lower()
        if ml == "who" and _sentence_start(text, f.speaker[1], s) > f.speaker[1]:
            # said Ana Ruiz, who noted …. “…”: a later sentence names the antecedent
            m = _ANTECEDENT_RE.search(text, max(0, f.speaker[0] - 80), f.speaker[0])
            if m is not None:
                f = _Found(m.span(1), f.cue, f.guessed, f.strength)
                mention, ml = m.group(1), m.group(1).lower()
        ck = (f.speaker[0], f.cue[0] if f.cue else -1, s if ml in _PRONOUNS else -1)
        if ck in cache and cache[ck].explicit != f.guessed:
            out.append(cache[ck])
            continue
        if ml in _PRONOUNS:
            name = (
                names.recent_person(f.speaker[0], ml)
                if ml not in ("i", "we", "you", "it", "they", "who")
                else None
            )
            if ml == "who":
                # Ana Ruiz, who has called…: the name right before
                m = _ANTECEDENT_RE.search(text, max(0, f.speaker[0] - 80), f.speaker[0])
                name = names.resolve(m.group(1)) if m else None
            if name is None and (ml == "who" or ml == "i"):
                name = names.recent_person(f.speaker[0], "")
            if name is None and ml in ("he", "she", "who", "i"):
                cs = _clause_subject(
                    text, max(0, f.speaker[0] - 400), f.speaker[0], names_only=True
                )
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

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

Modules: :mod:`.word_classes`, :mod:`.titles` and :mod:`.words` (word classes,
titles, sentence bounds), :mod:`.cues` (the cue lexicon), :mod:`.noun_phrases`,
:mod:`.clause_subjects` and :mod:`.main_subject` (noun phrases and subjects),
:mod:`.after` and :mod:`.before` (the patterns of rules 1–4), :mod:`.rules` (which
pattern wins), :mod:`.guess` (rule 6), :mod:`.names` and :mod:`.resolve` (name and
pronoun resolution); this module runs the passes over an article: explicit patterns
and neighbours per paragraph, quotations sharing a speaker, guesses, resolution.
"""

from __future__ import annotations

from tui.core.quotes.attribution.after import after_quote
from tui.core.quotes.attribution.around import after_in_sentence, lead_in, signed
from tui.core.quotes.attribution.before import before_quote
from tui.core.quotes.attribution.candidates import Pool
from tui.core.quotes.attribution.choose import (
    DEFAULT,
    Default,
    PieceTrace,
    SpeakerModel,
    choose,
    default_model,
)
from tui.core.quotes.attribution.cues import Cues
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.guess import guess_pass
from tui.core.quotes.attribution.layouts import (
    letter_signature,
    name_line,
    paragraph_label,
    paren_signature,
    signed_on_the_line,
    transcript_label,
)
from tui.core.quotes.attribution.paragraphs import REACH, Piece, paragraphs
from tui.core.quotes.attribution.resolve import Attribution, resolve
from tui.core.quotes.attribution.rules import (
    according_to,
    ends_sentence,
    leads_next,
    object_of,
    object_possible,
    own_object,
    passive_agent,
)
from tui.core.quotes.attribution.titles import strip_titles
from tui.core.quotes.attribution.words import SENT_END_RE

__all__ = ["Attribution", "attribute", "strip_titles"]


def attribute(
    text: str,
    pieces: list[Piece],
    model: SpeakerModel | None | Default = DEFAULT,
    trace: list[PieceTrace] | None = None,
) -> list[Attribution | None]:
    """Attribute each quotation piece ``(start, end, group, para_start, para_end)`` of ``text``.

    Returns one :class:`Attribution` (or None when no speaker was found) per piece.
    The passes: explicit patterns, then neighbours of one sentence (per paragraph);
    pieces of one quotation share their speaker; guesses; the learned choice among
    everything the passes read (``model``: the shipped one by default, None for the
    rules alone); names resolved. ``trace``, when given, receives each piece's
    candidates and their features (for training).
    """
    if isinstance(model, Default):
        model = default_model()
    n = len(pieces)
    found: list[Found | None] = [None] * n
    weak: list[Found | None] = [None] * n  # “… now.” Kai Brand said: maybe a new sentence
    para_cues: dict[int, Cues] = {}
    chooses = model is not None or trace is not None  # else the pool is never read
    pool = Pool(n, wide=chooses, keep=chooses)
    for i, j in paragraphs(pieces):
        cues = Cues(text, _cue_spans(pieces, i, j))
        para_cues[pieces[i][3]] = cues
        _explicit_pass(text, pieces, i, j, cues, found, weak, pool)
        _sentence_pass(text, pieces, i, j, found, pool)
    _group_pass(pieces, found, pool)
    guess_pass(text, pieces, found, weak, para_cues, pool)
    if model is not None:
        found = choose(text, pieces, found, pool, model, trace)
    elif trace is not None:
        choose(text, pieces, found, pool, None, trace)
    return resolve(text, pieces, found)


def _cue_spans(pieces: list[Piece], i: int, j: int) -> list[tuple[int, int]]:
    """Where the paragraph of pieces ``i:j`` is searched for cues: outside the quotes,
    at most :data:`REACH` characters away from one."""
    ps, pe = pieces[i][3], pieces[i][4]
    spans: list[tuple[int, int]] = []
    prev_end = ps
    for k in range(i, j):
        s = pieces[k][0]
        lo = max(prev_end, s - REACH)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], s)
        elif lo < s:
            spans.append((lo, s))
        prev_end = pieces[k][1]
        nxt = pieces[k + 1][0] if k + 1 < j else pe
        hi = min(nxt, prev_end + REACH)
        if hi > prev_end:
            spans.append((prev_end, hi))
    return spans


def _explicit_pass(
    text: str,
    pieces: list[Piece],
    i: int,
    j: int,
    cues: Cues,
    found: list[Found | None],
    weak: list[Found | None],
    pool: Pool,
) -> None:
    """Rules 1-4 for each piece of one paragraph; a weak reading (strength 1) is kept
    in ``weak`` as a last resort."""
    for k in range(i, j):
        f = _explicit(text, pieces, k, i, j, cues, pool)
        if f is not None and f.strength == 1:
            weak[k] = f
            pool.note(k, "weak", f)
            f = None
        found[k] = f


def _explicit(
    text: str, pieces: list[Piece], k: int, i: int, j: int, cues: Cues, pool: Pool
) -> Found | None:
    """The speaker read from a pattern next to piece ``k`` (rules 1-4); every reading
    made on the way is noted in ``pool``."""
    ps, pe = pieces[k][3], pieces[k][4]
    s, e = pieces[k][0], pieces[k][1]
    nxt = pieces[k + 1][0] if k + 1 < j else pe
    prv = pieces[k - 1][1] if k > i else ps
    label = transcript_label(text, s, e)
    if label is None:
        sign = (
            signed_on_the_line(text, e, pe)
            if text[e : e + 3].lstrip()[:1] in _DASHES and text[ps:s].rstrip()[-1:] in ("", ":")
            else None
        )
        if sign is not None:
            # QUOTE OF THE DAY: “…” — Ana Ruiz, on CNN: the signature outranks a label
            # (not a sentence: Rajoy said he was “…”--Kim Hjelmgaard, a brief's byline)
            pool.note(k, "signed", sign)
            return sign
        label = paragraph_label(text, ps, s)
    if label is not None:
        pool.note(k, "label", label)
        return label
    f = after_quote(text, cues, e, nxt)
    if f is not None and ends_sentence(text, s, e):
        f.strength = 1  # “… now.” He said … starts a new sentence
    pool.note(k, "after", f)
    b = None
    needed = (
        f is None
        or f.strength < 3
        or object_possible(text, s)
        or leads_next(text, f, nxt, k + 1 < j)
        or own_object(text, f)
    )  # else no speaker read before the quote outranks f
    if needed or pool.wide:
        b = passive_agent(text, s, e, nxt)
        pool.note(k, "passive", b)
        if b is None:
            b = before_quote(text, cues, prv, s, ps)
            pool.note(k, "before", b)
        if not needed:
            b = None
    if b is not None and (
        f is None
        or f.strength < b.strength
        or (f.strength == b.strength and object_of(text, b, s))
        or leads_next(text, f, nxt, k + 1 < j)
        or own_object(text, f)
    ):
        f = b
    if f is None and not ends_sentence(text, s, e):
        f = after_in_sentence(text, cues, e, nxt)
        pool.note(k, "in_sentence", f)
    if f is not None and f.strength > 1:
        g = according_to(text, cues, f, pe)
        if g is not f:
            pool.note(k, "according", g)
        f = g
    if f is None and k == i and not text[ps:s].strip():
        f = lead_in(text, ps) or name_line(text, ps)
        pool.note(k, "lead_in", f)
    if f is None and k == j - 1:
        if text[e:pe].strip():
            f = signed_on_the_line(text, e, pe)
        else:
            f = signed(text, pe) or letter_signature(text, pe) or paren_signature(text, pe)
        pool.note(k, "signed", f)
    return f


_DASHES = ("-", "\u2014", "\u2013")


def _sentence_pass(
    text: str, pieces: list[Piece], i: int, j: int, found: list[Found | None], pool: Pool
) -> None:
    """Rule 5: a piece with no cue shares the one of a neighbouring piece of its sentence
    (``“A” and “B,” he said``; ``“…,” said Ana Ruiz, a spokeswoman for the mayor, “…”``)."""
    for k in range(j - 1, i - 1, -1):
        if found[k] is None and k + 1 < j and found[k + 1] is not None:
            gap = text[pieces[k][1] : pieces[k + 1][0]]
            if (
                not SENT_END_RE.search(gap + " A")
                and len(gap) < 40
                and not (ends_sentence(text, pieces[k][0], pieces[k][1]) and gap.strip())
            ):
                f2 = found[k + 1]
                assert f2 is not None
                found[k] = Found(f2.speaker, f2.cue, False, 2)
                pool.note(k, "neighbour", found[k])
    for k in range(i + 1, j):
        if found[k] is None and found[k - 1] is not None:
            gap = text[pieces[k - 1][1] : pieces[k][0]]
            f2 = found[k - 1]
            assert f2 is not None
            if not SENT_END_RE.search(gap + " A") and (
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
                found[k] = Found(f2.speaker, f2.cue, False, 2)
                pool.note(k, "neighbour", found[k])


def _group_pass(pieces: list[Piece], found: list[Found | None], pool: Pool) -> None:
    """Pieces of one quotation share their speaker (the first one found)."""
    by_group: dict[int, Found] = {}
    for k, f in enumerate(found):
        if f is not None and pieces[k][2] not in by_group:
            by_group[pieces[k][2]] = f
    for k in range(len(pieces)):
        g = pieces[k][2]
        if g in by_group and (found[k] is None or found[k] is not by_group[g]):
            found[k] = by_group[g]
            pool.note(k, "group", found[k])


def _opens_lower(text: str, s: int) -> bool:
    """Whether the quotation at ``s`` opens with a lower-case word (a sentence going on)."""
    head = text[s : s + 4].lstrip("\"'\u201c\u2018\u201e\u00ab ")
    return head[:1].islower()

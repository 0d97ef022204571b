"""Sentence bounds and the noun phrase after a cue, as the attribution rules read them.

All texts here are invented for the tests.
"""

from __future__ import annotations

import random

import pytest

from tui.core.quotes.attribution.noun_phrases import np_after
from tui.core.quotes.attribution.words import SENT_END_RE, is_sentence_end, sentence_end

TEXT = (
    "Mr. Lee met Dr. Ana Ruiz in Salem, Ore., at 3.30 p.m. on Friday. "
    "\u201cIs it over?\u201d she asked. \u201cNo!\u201d (He left.) The U.S. team won 2-1."
)


@pytest.mark.parametrize(
    ("pos", "after"),
    [
        (0, "Friday."),  # Mr., Dr., Ore., 3.30 and p.m. end nothing
        (TEXT.index("Is it"), "asked."),  # “…?” she asked: a lower-case word goes on
        (TEXT.index("she asked"), "asked."),
        (TEXT.index("No!"), "No!"),
        (TEXT.index("He left"), "left."),
        (TEXT.index("The U.S."), "2-1."),
    ],
)
def test_a_sentence_ends_at_its_stop_not_at_an_abbreviation(pos: int, after: str) -> None:
    end = sentence_end(TEXT, pos, len(TEXT))
    assert TEXT[:end].endswith(after)


def test_no_stop_before_the_limit_ends_the_sentence_at_the_limit() -> None:
    limit = TEXT.index(" Friday")
    assert sentence_end(TEXT, 0, limit) == limit
    assert sentence_end(TEXT, limit + 5, limit) == limit  # a start past the limit


def _first_stop_that_ends(seg: str, pos: int, limit: int) -> int:
    """The definition: just past the first stop at or after ``pos`` whose match of
    ``SENT_END_RE`` (read up to ``limit``) ends a sentence."""
    for p in range(max(pos, 0), limit):
        if seg[p] in ".!?":
            m = SENT_END_RE.match(seg, p, limit)
            if m is not None and is_sentence_end(seg, m):
                return p + 1
    return limit


def test_sentence_end_is_the_first_stop_that_ends_a_sentence() -> None:
    rng = random.Random(14)
    pieces = ["Mr.", "J.", "U.S.", "3.5", "end.", "why?", "no!", "\u201d", ")", " ", "  ", "A"]
    pieces += ["the", "\u201c", "'", "\n", "a"]
    for _ in range(400):
        seg = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        for _ in range(5):
            pos = rng.randrange(len(seg) + 1)
            limit = rng.randrange(len(seg) + 1)
            assert sentence_end(seg, pos, limit) == _first_stop_that_ends(seg, pos, limit)


def test_a_job_title_before_a_name_after_the_cue_is_part_of_the_phrase() -> None:
    # the first word is lower case; the three words after it show a name follows
    text = "said campaign manager Jeff Weaver, who has run the race since the spring " * 3
    assert text[slice(*np_after(text, 5, len(text)) or (0, 0))] == "campaign manager Jeff Weaver"


def test_the_phrase_after_the_cue_runs_to_the_first_stop_word() -> None:
    text = "said Deputy Mayor Ana Maria Ruiz on Friday in Salem, " + "and so on " * 40
    span = np_after(text, 5, len(text))
    assert span is not None
    assert text[span[0] : span[1]] == "Deputy Mayor Ana Maria Ruiz"

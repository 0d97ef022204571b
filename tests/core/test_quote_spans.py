"""Which marked spans are reported as quotations: scare quotes, titles of works,
nicknames, quoted single words, headline quotes and markup debris, on fixture articles
of ``tests/fixtures/spans`` (invented for the tests), and the scare-quote test of
:mod:`tui.core.quotes.scare` branch by branch."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.quotes import find_quotes
from tui.core.quotes.attribution import Attribution
from tui.core.quotes.scare import sentence_bounds, writers_own

SPANS = Path(__file__).resolve().parents[1] / "fixtures" / "spans"

# (the span as written, reported or not)
EXPECTED: dict[str, list[tuple[str, bool]]] = {
    "scare": [
        ("\u201cWe will not pay twice,\u201d", True),  # the headline quote
        ("\u201cWe will not pay twice,\u201d", True),  # the body's, said by Ana Ruiz
        ("\u201cfairness\u201d", False),  # one word, nobody said it in its sentence
        ("\u201criver first\u201d", False),  # a label; the cue guessed is a neighbour's
        ("\u201ca tax on mud\u201d", True),  # Ruiz called the levy ...
        ("\u201csimply unaffordable.\u201d", True),
        ("\u201cnearly empty\u201d", True),  # his warning that ...: a noun of saying
    ],
    "titles": [
        ("\u201cMorning Harbor\u201d", False),  # a show
        ("\u201cIt was the worst week of my life,\u201d", True),
        ("\u201cRivers and Rates,\u201d", False),  # a book
        ("\u201cJack\u201d", False),  # a nickname inside a name
        ("\u201cthe Ferryman\u201d", True),  # what he is called, as written
        ("\u201cnot going anywhere.\u201d", True),
    ],
    "words": [
        ("\u201cNever,\u201d", True),  # said Ana Ruiz
        ("\u201coutrageous\u201d", True),  # the mayor called the bill ...
        ("\u201cgreen\u201d", False),  # its "green" credentials: nobody said it
        ("\u201cmaybe,\u201d", True),  # his answer, ...: a noun of saying
    ],
    "markup": [
        ('"@anaruiz"', False),
        ('"May 2, 2016"', False),
        ('"The levy vote is tonight. Come early.<tweet/>.', False),  # paired across a tag
        ('"We packed the hall and we won."', True),
    ],
}


def _spans(name: str) -> tuple[str, list[tuple[str, bool]]]:
    text = (SPANS / f"{name}.txt").read_text(encoding="utf-8")
    kept = {(q.start, q.end) for q in find_quotes(text)}
    every = find_quotes(text, keep_all=True)
    return text, [(text[q.start : q.end], (q.start, q.end) in kept) for q in every]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_spans_are_kept_or_left_out(name: str) -> None:
    _text, got = _spans(name)
    assert got == EXPECTED[name]


def test_the_headline_quote_keeps_its_speaker() -> None:
    text = (SPANS / "scare.txt").read_text(encoding="utf-8")
    head = find_quotes(text)[0]
    assert head.start == 0 and head.speaker == "Ana Ruiz"


def _guess(text: str, speaker: str | None, cue: str | None) -> Attribution:
    at = text.index(speaker) if speaker else -1
    span = (at, at + len(speaker)) if speaker else None
    return Attribution(speaker, span, speaker, cue, None, True, False)


def _piece(text: str, quoted: str) -> tuple[int, int, int, int, int]:
    start = text.index(quoted)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return (start, start + len(quoted), 0, line_start, line_end if line_end >= 0 else len(text))


TWO = "Ana Ruiz spoke first. The \u201criver first\u201d plan would cost twice as much.\n"


def test_writers_own_branch_by_branch() -> None:
    p = _piece(TWO, "\u201criver first\u201d")
    # two words, speaker guessed from another sentence, no cue: the writer's own
    assert writers_own(TWO, p, _guess(TWO, "Ana Ruiz", None))
    # the same words with the guessed speaker inside the sentence: left to the policy
    inside = "The \u201criver first\u201d plan of Ana Ruiz would cost twice as much.\n"
    q = _piece(inside, "\u201criver first\u201d")
    assert not writers_own(inside, q, _guess(inside, "Ana Ruiz", None))
    # ... unless the guess came with a cue, a neighbour's
    assert writers_own(inside, q, _guess(inside, "Ana Ruiz", "said"))
    # one word is the writer's own even with its speaker in the sentence
    one = "The \u201cfairness\u201d row of Ana Ruiz began in March.\n"
    assert writers_own(one, _piece(one, "\u201cfairness\u201d"), _guess(one, "Ana Ruiz", None))
    # a verb or a noun of saying anywhere in the sentence makes it reported
    for said in (
        "Ana Ruiz spoke first. The \u201criver first\u201d plan, she argued, costs too much.\n",
        "Ana Ruiz spoke first. Her promise of a \u201criver first\u201d plan costs too much.\n",
    ):
        r = _piece(said, "\u201criver first\u201d")
        assert not writers_own(said, r, _guess(said, "Ana Ruiz", None))


def test_sentence_bounds_stop_at_sentence_ends_within_the_paragraph() -> None:
    start = TWO.index("\u201c")
    lo, hi = sentence_bounds(TWO, start, start + 13, 0, len(TWO) - 1)
    assert TWO[lo:hi] == "The \u201criver first\u201d plan would cost twice as much."

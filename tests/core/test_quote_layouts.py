"""News layouts: each fixture article in ``tests/fixtures/layouts`` gets its speakers
right (and the rules for one layout do not break another)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.quotes import find_quotes

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"

EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    # Q&A: the question mark-up and a caps name before the colon
    "qa": [
        ("What will you cut", "Q"),
        ("Nothing that keeps", "MARTA LIND"),
        ("And the unions", "Q"),
        ("They have been told", "LIND"),
    ],
    # a transcript with NAME: labels inside one long quotation
    "transcript": [("OSTER: You shipped", "OSTER")],
    # signed after a dash, on the same line and on the next
    "dash": [("We walked because", "Ana Ruiz"), ("It is the only river", "Kai Brand")],
    # a live blog: time stamps are no part of a speaker
    "liveblog": [
        ("We are going to win", "Governor Lia Moss"),
        ("It is far too early", "Tom Reyes"),
    ],
    # a round-up whose items open with a name line ending in a colon
    "bullets": [("This is a good day", "Ana Ruiz"), ("The council has made", "Kai Brand")],
    # an embedded post signed with a handle and a date
    "social": [("What a night", "striker Joel Amani"), ("Heartbroken but", "Mia Koh")],
    # a pull quote repeating the body
    "pull": [("I never thought", "Nia Okafor"), ("I never thought", "Nia Okafor")],
    # letters signed at the end
    "letters": [("The bypass will cut", "Jane Doe"), ("I have lived here", "Tom Hill")],
}


def _speakers(name: str) -> list[tuple[str, str | None]]:
    text = (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")
    return [(text[q.start : q.end], q.speaker) for q in find_quotes(text, keep_all=True)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_speakers(name: str) -> None:
    got = _speakers(name)
    want = EXPECTED[name]
    assert len(got) == len(want)
    for (quote, speaker), (opening, expected) in zip(got, want):
        assert opening in quote
        assert speaker == expected, quote


def test_headline_quote_says_x() -> None:
    assert _speakers("headline") == [("'We will win,'", "Ortega")]


def test_single_marks_in_a_headline_that_only_names_a_word_are_no_quotation() -> None:
    text = "'Blog' picked as word of the year\n\nThe term was looked up most often.\n"
    assert find_quotes(text, keep_all=True) == []

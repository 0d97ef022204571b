"""News layouts: each fixture article in ``tests/fixtures/layouts`` gets its speakers
right (and the rules for one layout do not break another)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.quotes import find_quotes
from tui.core.quotes.attribution.layouts import apposed_name_colon, paragraph_label

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
    # Q&A with marks of other houses: Q. and A., bold labels, A: for the interviewee
    "qa_marks": [
        ("How bad was", "Q"),
        ("Worse than anything", "A"),
        ("And the fishing fleet", "Q"),
        ("Every boat came back", "Ines Varga"),
        ("When will the port", "Q"),
        ("Not before Friday", "A"),
    ],
    # title-case labels, two inside one quotation
    "transcript_title": [("Hallam: You closed", "Hallam")],
    # a round-up whose items put the name, an appositive and the quote on one line;
    # a sentence opening with a place and a comma is no such item
    "bullets_inline": [
        ("This is a dark day", "Ana Ruiz"),
        ("We were told nothing", "Kai Brand"),
        ("nobody saw this coming", "one worker"),
    ],
    # posts signed with a handle alone, or a name, a handle and a date on the line
    "social_handles": [
        ("Gutted for the fans", "@lenaholm"),
        ("Proud of this group", "Joel Amani"),
        ("See you all", "@lenaholm"),
    ],
    # a name in parentheses on the same line or the next signs the quotation; a
    # stage direction does not (the follow-on quote keeps the speaker before)
    "signed_parens": [
        ("The ferry is our lifeline", "Ruth Adair"),
        ("Nobody asked", "Tom Hill"),
        ("We will be back", "Ana Ruiz"),
        ("And the day after", "Ana Ruiz"),
    ],
    # a round-up in mark-up: a title and party after a dash, bold names before a colon
    "roundup_marks": [
        ("This ruling will cost", "Sen. Ana Ruiz"),
        ("A costly mistake", "Kai Brand"),
        ("We will hold hearings", "Lena Ortiz"),
    ],
    # a newsletter: a signature outranks a lead-in label, not a sentence's cue (a
    # brief's byline); handles as labels and before a colon
    "playbook": [
        ("We are not going anywhere", "Sen. Ana Ruiz"),
        ("State of the Union", "Sen. Ana Ruiz"),
        ("The vote is a disgrace", "@kaibrand"),
        ("See you all", "@lenaholm"),
        ("dead on arrival", "Governor Lia Moss"),
    ],
    # letters signed with a name and two places
    "letters_places": [("The new timetable", "Ruth Adair"), ("Nobody asked", "Calum Reid")],
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


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ('* Ana Ruiz, the mayor: "', "Ana Ruiz"),
        ('Kai Brand, a union organiser: "', "Kai Brand"),
        ('In Ohio, the mood was grim: "', None),
        ('Ana Ruiz, who was there, said: "', None),
        ('FAVOR CRUZ, BUT ECONOMY FAVORS TRUMP - David Wasserman: "', None),
    ],
)
def test_a_name_and_appositive_before_a_colon(line: str, name: str | None) -> None:
    span = apposed_name_colon(line, line.rindex(":"))
    assert (line[span[0] : span[1]] if span else None) == name


@pytest.mark.parametrize(
    ("para", "label"),
    [("Q: ", "Q"), ("A. ", "A"), ("**Marta Lind:** ", "Marta Lind"), ("Lind. ", None)],
)
def test_a_paragraph_that_is_only_a_label(para: str, label: str | None) -> None:
    text = para + '"Yes."'
    f = paragraph_label(text, 0, len(para))
    assert (text[f.speaker[0] : f.speaker[1]] if f else None) == label

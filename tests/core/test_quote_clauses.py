"""Speaker attribution across clauses: relative clauses, participles, subordinate
clauses, framing sources (``According to X``, ``reports X``).

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def speaker(text: str, needle: str) -> str | None:
    return quote(text, needle).speaker


def test_relative_clause_cue_is_not_the_frame() -> None:
    # the cue of the relative clause (who says) does not report the main clause
    text = (
        "Graham, who says the allies should send more troops, tweeted on Monday that the "
        "strategy of the president \u201cwill not destroy the group and he knows it.\u201d"
    )
    q = quote(text, "will not destroy")
    assert q.speaker == "Graham"
    assert q.cue == "tweeted"


def test_participle_takes_subject_before_an_earlier_quote() -> None:
    text = (
        "Sen. Ana Ruiz visited the \u201cMorning Show\u201d to discuss her rival, Tom Lee, "
        "saying \u201con his worst day\u201d he would be a better mayor."
    )
    q = quote(text, "worst day")
    assert q.speaker == "Sen. Ana Ruiz"
    assert q.cue == "saying"


def test_sentence_initial_participle_is_no_name() -> None:
    text = (
        "It was a contrast. Reprising one of her lines, the former secretary of state talked "
        "about continuing the \u201cprogress we made together\u201d in place."
    )
    assert speaker(text, "progress") == "the former secretary"


def test_name_before_a_participle_is_its_subject() -> None:
    text = (
        "\u201cThis is one of those things,\u201d said Mr. Burr, adding that he did not think "
        "the party \u201cwill get there.\u201d"
    )
    assert speaker(text, "get there") == "Mr. Burr"


def test_lower_case_subject_after_an_introductory_phrase() -> None:
    text = "Across Europe, diplomats have been startled by the \u201cisolationist\u201d tone."
    assert speaker(text, "isolationist") == "diplomats"


def test_subordinate_clause_subject_speaks() -> None:
    text = "The debate turned sour when Tom Lee mentioned the \u201csecret deal\u201d twice."
    q = quote(text, "secret deal")
    assert q.speaker == "Tom Lee"
    assert q.guessed


def test_what_she_called_takes_a_name_with_of() -> None:
    text = (
        "Senator Ana Ruiz of Ohio, who campaigned with her, said voters are in what she "
        "called a \u201cfoul mood.\u201d"
    )
    assert speaker(text, "foul mood") == "Senator Ana Ruiz of Ohio"


def test_according_to_opening_the_sentence_outranks_its_subject() -> None:
    text = "According to the Ledger, Ruiz praised her \u201cwonderful donors\u201d at the dinner."
    q = quote(text, "wonderful donors")
    assert q.speaker == "the Ledger"
    assert q.cue == "According to"
    assert q.cue_span is not None and text[q.cue_span[0] : q.cue_span[1]] == "According to"


def test_outlet_reporting_at_the_end_of_the_sentence() -> None:
    text = (
        "\u201cWe will win this one,\u201d said Ana Ruiz, a local organizer, reports the "
        "Daily Ledger."
    )
    q = quote(text, "win this one")
    assert q.speaker == "the Daily Ledger"
    assert q.cue == "reports"
    other = "\u201cWe will win,\u201d Ana Ruiz said. The Ledger first reported her bid in May."
    assert speaker(other, "We will win") == "Ana Ruiz"


def test_clause_after_a_quote_is_no_speaker() -> None:
    text = (
        "Tom Lee opened the debate saying \u201cof course\u201d Ana Ruiz has the experience to "
        "lead -- having argued last week that she did not."
    )
    assert speaker(text, "of course") == "Tom Lee"


def test_verb_ends_a_subject_before_a_participle() -> None:
    text = (
        "He sent an email as the committee meeting began vowing to \u201cfight for every "
        "vote\u201d in the city."
    )
    assert speaker(text, "every vote") == "He"

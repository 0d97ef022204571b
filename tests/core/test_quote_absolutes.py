"""``with`` absolutes and relative clauses: whose cue a quote hangs on.

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def test_with_absolute_subject_after_a_prepositional_phrase_speaks() -> None:
    # "the staff at the port" is cut at "at": the noun phrase after "with" speaks
    text = (
        "Councilor Ida Pferd voted against the budget, with the staff at the port saying "
        "it was \u201cnot a serious plan for the harbor.\u201d"
    )
    q = quote(text, "serious plan")
    assert q.speaker == "the staff"


def test_with_absolute_between_cue_and_quote_gives_its_own_subject() -> None:
    # the cue "denied" belongs to the club; the absolute clause names who called it so
    text = (
        "The rowing club has denied the story, with Bertil Haas taking to the radio to "
        "call the report \u201ca fairy tale\u201d on Tuesday."
    )
    q = quote(text, "fairy tale")
    assert q.speaker == "Bertil Haas"


def test_with_absolute_is_not_overruled_by_an_earlier_clause() -> None:
    # "how the port authority responds" opens the sentence, but the absolute speaks
    text = (
        "The flood started a debate over how the port authority responds to storms, with "
        "Mayor Ona Lindqvist telling reporters on Friday she saw the delay as "
        "\u201centirely avoidable\u201d in the first place."
    )
    q = quote(text, "entirely avoidable")
    assert q.speaker == "Mayor Ona Lindqvist"


def test_relative_subject_of_a_copula_keeps_the_cue_of_the_relative() -> None:
    # "which an audit said was “…”": the audit said it, not the senator who criticized
    text = (
        "Senator Pia Moll criticized the ferry contract, which an independent audit said "
        "was \u201cbadly overpriced\u201d but legal."
    )
    q = quote(text, "badly overpriced")
    assert q.speaker == "an independent audit"


def test_relative_after_to_answers_with_its_own_subject() -> None:
    # "to which 30 percent said": those who answered, not the survey's framing clause
    text = (
        "This mood was reflected in another question that asked farmers about next year, to "
        "which 30 percent said \u201cmuch worse\u201d and 14 percent said \u201cnot bad.\u201d"
    )
    q = quote(text, "much worse")
    assert q.speaker == "30 percent"

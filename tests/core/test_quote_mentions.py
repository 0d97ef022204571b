"""Speaker mentions: which phrase of the sentence is the subject of the reporting verb.

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def test_time_adverbial_between_subject_and_verb_is_skipped() -> None:
    # "who" is the object of "called"; its subject is Reyes, before "on Thursday"
    text = (
        "Much of the anger was aimed at the treasurer, who Reyes on Thursday called "
        "\u201ca menace to the whole valley.\u201d"
    )
    assert quote(text, "menace").speaker == "Reyes"


def test_setting_phrase_between_subject_and_verb_is_skipped() -> None:
    text = (
        "The break with the old guard was complete when Varga in his first speech called "
        "the council members \u201cclerks of the quarry\u201d and promised a new charter."
    )
    assert quote(text, "clerks of the quarry").speaker == "Varga"


def test_noun_of_saying_after_a_verb_of_stance_gives_its_possessor() -> None:
    # the mayor blames the press; the words quoted are Varga's claim
    text = (
        "Mayor Ida Brenner on Monday blamed the press for seizing on Ted Varga\u2019s "
        "claim that Treasurer Olav Dunn \u201chid the losses,\u201d saying the "
        "reporters had missed the larger picture."
    )
    assert quote(text, "hid the losses").speaker == "Ted Varga"


def test_restrictive_relative_without_a_cue_is_no_speaker() -> None:
    text = (
        "Disputes between the mills and the county are old. The charter guarantees a "
        "pension for clerks who serve in \u201cgood standing\u201d and protects their pay."
    )
    q = quote(text, "good standing")
    assert q.speaker is not None
    assert "charter" in q.speaker


def test_quote_opening_with_a_modal_is_no_object_of_the_verb_before() -> None:
    # "Nothing the mayor said" is the subject; the quote is its predicate
    text = (
        "Nothing the mayor said \u201cwill calm the farmers,\u201d the Oregon senator "
        "said on Friday."
    )
    assert quote(text, "calm the farmers").speaker == "the Oregon senator"


def test_verb_taking_an_infinitive_or_stranding_a_preposition_reports_nothing() -> None:
    text = (
        "Ms. Lund added that the vote \u201cis going to be about water\u201d \u2014 an "
        "issue Democrats have struggled with for years."
    )
    assert quote(text, "about water").speaker == "Ms. Lund"


def test_coordinated_clause_keeps_its_own_subject() -> None:
    # ", and he accused": a clause of its own, not part of what was said on Sunday
    text = (
        "Mr. Aldo, who spoke at the rally on Friday, said on a radio show on Sunday "
        "that the council had ignored his letters, and he accused the harbor board of "
        "quietly running a \u201csecret government.\u201d"
    )
    assert quote(text, "secret government").speaker == "he"


def test_cue_in_an_opening_subordinate_clause_frames_nothing() -> None:
    text = (
        "Ever since Nora Quist announced her campaign last spring, she\u2019s said the "
        "same thing at every fair and every town hall: \u201cIt is about the river.\u201d"
    )
    assert quote(text, "about the river").speaker == "she"

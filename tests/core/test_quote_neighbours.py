"""Speakers found across a neighbouring quotation: split quotes with long appositives,
titles inside the speaker's description, and verbs that take the quote as object.

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def test_split_quote_with_a_long_appositive_keeps_its_speaker() -> None:
    text = (
        "Volunteers said they had been calling voters for weeks. \"We've had an office "
        "in the valley since last April,\" said Ana Ruiz, the campaign's regional "
        'communications director, "and we\'ve been building friendships that last."'
    )
    assert quote(text, "office in the valley").speaker == "Ana Ruiz"
    second = quote(text, "building friendships")
    assert second.speaker == "Ana Ruiz"
    assert second.cue == "said"


def test_quote_opening_the_sentence_is_no_subject_for_the_next_one() -> None:
    # the sentence starts at the first quote's opening mark: its words are not a subject
    text = (
        "Protesters gathered at noon. \u201cWe've waited two years for this,\u201d said "
        "Ilse Dorn, who chairs the tenants' board and has organized the march "
        "through the old port district, \u201cand we're not leaving.\u201d"
    )
    assert quote(text, "not leaving").speaker != "We've"


def test_verb_taking_the_quote_as_object_does_not_invert() -> None:
    # "described the damage": the words after the verb are its object, not a speaker
    text = (
        'Pollard, who estimates that his costs were "in the six figures," described '
        'the damage as "terrible. It really wears you down," he said.'
    )
    q = quote(text, "six figures")
    assert q.speaker != "the damage"
    assert q.cue != "described"


def test_possessor_of_a_remark_with_a_month_before_it() -> None:
    text = (
        "Another holdout, the miners' union, is unlikely to back Ms. Vance after her "
        'March comment that, "We\'re going to close a lot of old plants."'
    )
    assert quote(text, "old plants").speaker == "her"


def test_as_x_put_it_across_a_title_in_the_appositive() -> None:
    text = (
        "As Akiko Tran, professor of law at Dunmore and author of \u201cThe Quiet "
        "Court,\u201d put it, \u201cthe council should remember that a compromise today "
        "may be far better than what it gets later.\u201d"
    )
    q = quote(text, "compromise today")
    assert q.speaker == "Akiko Tran"
    assert q.cue == "put it"


def test_inverted_cue_with_its_own_speaker_is_not_read_across_a_quote() -> None:
    text = (
        "\u201cThe gifts were all opened: a kettle, a lamp,\u201d says the ad's narrator, "
        "going on to list a series of other \u201cpresents.\u201d"
    )
    q = quote(text, "presents")
    assert q.speaker != "a lamp"
    assert q.speaker is not None and "narrator" in q.speaker


def test_a_month_in_a_surname_is_no_time_phrase() -> None:
    text = 'Theresa May said the plan was "a firm commitment" to parents.'
    assert quote(text, "firm commitment").speaker == "Theresa May"


def test_a_name_in_apposition_to_a_title_is_the_speaker() -> None:
    text = (
        "The Shadow Secretary of State for the Family, Oda Brenn, said: \u201cThese plans "
        "were announced in December.\u201d"
    )
    q = quote(text, "These plans")
    assert q.speaker == "Oda Brenn"
    assert q.speaker_name == "Oda Brenn"


def test_passive_agent_before_as_needs_a_verb_of_regard() -> None:
    # "revealed by the report as": the report reveals, Dr Lund describes
    text = (
        "Dr Lund described the level of action taken by firms as revealed by the report "
        "as \u201ctoo little, too late\u201d."
    )
    assert quote(text, "too little").speaker == "Dr Lund"
    text = "The levy was described by one union as a \u201cbonfire of the boards\u201d."
    assert quote(text, "bonfire").speaker == "one union"


def test_noun_before_a_participle_later_in_the_sentence_is_no_speaker() -> None:
    text = (
        "The film shows Mr Obst laughing at a sketch of him, which he calls \u201cgood "
        "fun\u201d, apart from the falsehood of a comment suggesting he wants more tolls."
    )
    assert quote(text, "good fun").speaker == "he"


def test_with_clause_subject_stops_before_its_participle() -> None:
    text = (
        "The airline warned it may move 700 jobs abroad, with Mr Ekdahl quoted as saying "
        "that the carrier could no longer stay \u201call-Nordic\u201d."
    )
    assert quote(text, "all-Nordic").speaker == "Mr Ekdahl"


def test_appositive_without_its_closing_comma_keeps_the_name() -> None:
    text = (
        "Kai Brandt, a spokesman for the Lindqvist campaign said: \u201cThe page was "
        "closed for security reasons.\u201d"
    )
    assert quote(text, "security reasons").speaker == "Kai Brandt"


def test_with_before_a_subordinate_participle_is_no_absolute() -> None:
    # "with Ivo Berg after claiming": the club boss claims, not Berg
    text = (
        "Club boss Ola Sund has reopened his dispute with Ivo Berg after claiming the "
        "striker was \u201cnot good enough\u201d for the side."
    )
    assert quote(text, "not good enough").speaker == "Ola Sund"


def test_with_clause_without_a_verb_of_saying_keeps_the_cue_before() -> None:
    text = 'Ana Ruiz said the plan failed, with costs soaring to "unsustainable levels."'
    assert quote(text, "unsustainable").speaker == "Ana Ruiz"


def test_a_quoted_question_after_asked_is_its_object() -> None:
    text = 'Ruiz asked "will you come," Lee said.'
    assert quote(text, "will you come").speaker == "Ruiz"


def test_participle_after_an_inverted_cue_takes_its_speaker() -> None:
    text = '"It is a sham," said Ana Ruiz, a spokeswoman for the mayor, adding "we will fight it."'
    q = quote(text, "fight it")
    assert q.speaker == "Ana Ruiz"
    assert q.cue == "adding"


def test_a_place_in_apposition_is_no_speaker_name() -> None:
    text = 'The mayor of Trenton, New Jersey, said "no tolls this year."'
    assert quote(text, "no tolls").speaker != "New Jersey"


def test_impersonal_it_is_no_speaker() -> None:
    text = 'It\'s said that "tolls" are a tax by another name.'
    assert quote(text, "tolls").speaker is None

"""Main-clause subjects for participles, coordinated verbs and postmodified subjects.

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def test_subject_with_a_prepositional_phrase_speaks() -> None:
    # "a columnist for the weekly Harbor Post": not the name in the clause before
    text = (
        "When Mr. Olsen was named to the board, a columnist for the weekly Harbor Post said "
        "he was \u201cdeeply embarrassed\u201d by the choice."
    )
    q = quote(text, "deeply embarrassed")
    assert q.speaker == "a columnist for the weekly Harbor Post"


def test_adverb_after_the_comma_keeps_the_main_subject_of_a_participle() -> None:
    text = (
        "Mayor Inga Ruud has expressed doubts, and even a little fear, about her debate with "
        "Lars Berg later this month, recently telling one aide that she is unsure about "
        "\u201cwhich Lars Berg will appear.\u201d"
    )
    q = quote(text, "will")
    assert q.speaker == "Mayor Inga Ruud"


def test_coordinator_opening_the_sentence_is_no_introductory_phrase() -> None:
    # "But Ms. Dahl, …, stood …, and described": not the appositive name before "and"
    text = (
        "But Ms. Dahl, making it plain that trade mattered most, stood beside the new "
        "minister, Erik Vang, and described the talks as \u201cfully open.\u201d"
    )
    q = quote(text, "fully open")
    assert q.speaker == "Ms. Dahl"


def test_comma_inside_a_number_is_no_appositive_boundary() -> None:
    text = (
        "Ruiz, later claiming - wrongly - that Governor Ott wanted to close 12,000 acres, "
        "said the farmers were \u201cunder siege\u201d this year."
    )
    q = quote(text, "under siege")
    assert q.speaker == "Ruiz"


def test_rough_number_and_even_open_the_main_subject() -> None:
    text = (
        "Outside the town hall in Weston, about 300 farmers gathered in two rows, holding "
        "signs and chanting \u201cno new tolls.\u201d"
    )
    q = quote(text, "no new tolls")
    assert q.speaker is not None and "300 farmers" in q.speaker
    text = (
        "Alongside the union's protest, even a senior party adviser said Ruiz must choose a "
        "side, saying, \u201cSooner or later she has to decide where she stands.\u201d"
    )
    q = quote(text, "Sooner or later")
    assert q.speaker == "a senior party adviser"


def test_subject_with_an_age_and_several_appositives() -> None:
    text = (
        "68-year-old Hanne Moe, founder of the Coast Trust, board member in the 1990s, "
        "backed Ruiz last week, saying she \u201chas always kept her word on fishing.\u201d"
    )
    q = quote(text, "kept her word")
    assert q.speaker == "68-year-old Hanne Moe"


def test_went_on_before_a_noun_is_no_cue() -> None:
    # "once the council goes on recess": no saying; Ruiz's "said that" frames the quote
    text = (
        "By contrast, Councilor Ana Ruiz said that once the council goes on recess, "
        "\u201cI will knock on every door I can.\u201d"
    )
    q = quote(text, "knock on every door")
    assert q.speaker == "Councilor Ana Ruiz"


def test_passive_charged_is_no_cue() -> None:
    # "was charged with": an indictment, not a speaker after the quote
    text = (
        "Mayor Tove Lunde defended her driver as a \u201cvery careful man\u201d Tuesday, hours "
        "after the driver was charged with speeding in Weston."
    )
    q = quote(text, "careful man")
    assert q.speaker == "Mayor Tove Lunde"

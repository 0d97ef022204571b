"""Sources of quotes read from the words around them: time adverbials, possessors,
verb forms, passive agents, partitives, participles, long titles, earlier quotes.

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def test_time_adverbial_between_subject_and_verb() -> None:
    # "who" is the object of the relative clause; its subject comes after it
    text = (
        "Much of the anger was aimed at the treasurer.\n"
        "The budget office is run by Lena Park, who Mayor Tom Diaz on Tuesday called "
        "\u201ca careless steward of public money.\u201d\n"
    )
    assert quote(text, "careless steward").speaker == "Mayor Tom Diaz"


def test_named_possessor_outranks_a_verb_of_stance() -> None:
    # "pledge" after a possessive is a noun: no verb of stance in "Ana Ruiz's pledge"
    text = (
        "The union met on Monday.\nThe worries raised by many Irish farmers go beyond "
        "Ana Ruiz's bold pledge to stay \u201cfirmly neutral\u201d during the talks.\n"
    )
    assert quote(text, "firmly neutral").speaker == "Ana Ruiz"


def test_named_possessor_nearer_than_the_stance_verb() -> None:
    text = (
        "The mayor spoke at noon.\nGov. Nora Quist blamed reporters for making much of "
        "Lee Brandt's claim that Governor Quist \u201cwrecked the budget,\u201d saying "
        "the numbers were fine.\n"
    )
    assert quote(text, "wrecked the budget").speaker == "Lee Brandt"


def test_doubled_consonant_forms_of_a_verb_of_stance() -> None:
    text = (
        "The two rivals met again in Ohio.\nThe race is close, in what one local "
        "columnist has dubbed \u201cthe pretzel primary,\u201d after a snack popular "
        "in the state.\n"
    )
    assert quote(text, "pretzel primary").speaker == "one local columnist"


def test_having_plus_participle_takes_the_main_subject() -> None:
    text = (
        "The critics had a list.\nThat Senator Ada Fenn also misjudged the treasurer, "
        "having called him a \u201creformer.\u201d The list went on.\n"
    )
    assert quote(text, "reformer").speaker == "Senator Ada Fenn"


def test_agent_of_a_passive_before_as() -> None:
    text = (
        "The panel will meet on Friday.\nIt will look at a late entry into the race, "
        "an option seen by many organizers as a \u201clast resort\u201d for the party.\n"
    )
    assert quote(text, "last resort").speaker == "many organizers"


def test_partitive_subject_of_a_participle() -> None:
    text = (
        "Fenn and her backers tried to tie Brandt to the governor, with one of her ads "
        "asking, \u201cIs Lee Brandt his own man?\u201d\n"
    )
    assert quote(text, "his own man").speaker == "one of her ads"


def test_participle_after_a_quote_ending_in_a_comma() -> None:
    text = (
        "Jo Tran has given a passionate defense of \u201cOhio values,\u201d saying the "
        "state embodied the \u201cgrit and warmth of the Midwest.\u201d\n"
    )
    assert quote(text, "grit and warmth").speaker == "Jo Tran"


def test_long_title_before_a_name_is_one_subject() -> None:
    text = (
        "In response to Brandt\u2019s comments in Dayton, Regional Transit Authority "
        "Deputy Director Ana Ruiz released a statement saying that Brandt had \u201cmisread "
        "the map\u201d during the launch event for Brandt Tower, calling it a \u201csad "
        "mistake.\u201d\n"
    )
    assert quote(text, "sad mistake").speaker == (
        "Regional Transit Authority Deputy Director Ana Ruiz"
    )


def test_no_subject_inside_the_quote_before() -> None:
    # "we" belongs to the first quote; the second goes on with the same speaker
    text = (
        "It was a sharp contrast.\nReprising one of her own favorite lines, the former "
        "secretary of state talked about continuing the \u201cprogress we had under "
        "Governor Lee\u201d and her commitment \u201cto do everything we possibly can "
        "not to let the rivals undo it.\u201d\n"
    )
    assert quote(text, "to do everything").speaker == "the former secretary"

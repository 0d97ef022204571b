"""Mentions a reader would accept: titles agree, spans stop at a sentence end, short
forms resolve to the fullest name, and words that name no one are no speaker."""

from __future__ import annotations

import pytest

from tui.core.quotes import find_quotes
from tui.core.quotes.attribution.plausible import (
    cut_at_sentence_end,
    plausible_speaker,
    trim_tail,
)

SPOUSES = (
    "Asked about the memo, Mr Blair said the statement was a \u201cfair summary\u201d of it.\n\n"
    "In a book out this week, a member of Cherie Blair's chambers says the adviser warned "
    "Tony Blair in March.\n"
)
KNIGHT = (
    "Auditor General Sir John Bourn said the figures were rising. Sir John said "
    "\u201csubstantial progress\u201d had been made since then.\n"
)
ACROSS = (
    "Kai Ruud starred against the French on Saturday. \u201cThere is a chance for us now to "
    "go on and win the group, even though it is a tough one,\u201d said the Dublin player. "
    "Norway, Ireland, France and Wales are all tied on five points.\n"
)


def test_a_title_never_resolves_to_a_person_it_cannot_name() -> None:
    (q,) = find_quotes(SPOUSES)
    assert q.speaker == "Mr Blair"
    assert q.speaker_name != "Cherie Blair"


def test_a_title_resolves_when_the_article_tells_who() -> None:
    text = "Tony Blair spoke first. " + SPOUSES.replace("Cherie Blair's", "a")
    (q,) = find_quotes(text)
    assert q.speaker_name == "Tony Blair"


def test_a_short_form_resolves_to_the_fullest_name() -> None:
    (q,) = find_quotes(KNIGHT)
    assert q.speaker == "Sir John"
    assert q.speaker_name == "John Bourn"


def test_a_speaker_never_runs_over_a_sentence_end() -> None:
    (q,) = find_quotes(ACROSS)
    assert q.speaker == "the Dublin player"


@pytest.mark.parametrize(
    ("text", "span", "cue", "kept"),
    [
        ("said the player. Norway won", (5, 27), (0, 4), "the player"),
        ("Norway won. Kai Ruud said", (0, 20), (21, 25), "Kai Ruud"),
        ("said Mr. Ruud and Ms. Lee", (5, 25), (0, 4), "Mr. Ruud and Ms. Lee"),
    ],
)
def test_cut_at_sentence_end(
    text: str, span: tuple[int, int], cue: tuple[int, int], kept: str
) -> None:
    a, b = cut_at_sentence_end(text, span, cue)
    assert text[a:b] == kept


@pytest.mark.parametrize(
    ("mention", "has_cue", "ok"),
    [
        ("he", False, True),
        ("his", False, True),
        ("another", False, True),
        ("35", True, True),
        ("analysts", False, True),
        ("police", False, True),
        ("Ferguson", False, True),
        ("the firm", False, True),
        ("It", True, True),
        ("It", False, False),
        ("The", False, False),
        ("swear", False, False),
        ("afterwards", True, False),
        ("Well", False, False),
        ("This", True, False),
        ("A", True, True),
        ("A", False, False),
        ("@miakoh", True, True),
        ("@miakoh", False, False),
    ],
)
def test_plausible_speaker(mention: str, has_cue: bool, ok: bool) -> None:
    assert plausible_speaker(mention, has_cue) is ok


def test_a_scare_quote_guessed_to_a_word_that_names_no_one_has_no_speaker() -> None:
    text = (
        "The term \u201cweb log\u201d has been picked as the phrase of the year by a "
        "dictionary firm.\n\n"
        "It leaves out words such as curses, that everyone looks up, or pairs that "
        "trouble, such as \u201caccept\u201d and \u201cexcept\u201d.\n"
    )
    quotes = {text[q.start : q.end]: q.speaker for q in find_quotes(text, keep_all=True)}
    assert quotes["\u201cweb log\u201d"] is None
    assert quotes["\u201caccept\u201d"] is None


# A capital opening a sentence or a headline tells nothing about a name.
HEADLINE_ADJECTIVE = (
    "Furious Okafor hits out at referee\n\n"
    "Harbour City manager Dele Okafor said his side were robbed on Saturday.\n\n"
    "\u201cWe deserved at least a point,\u201d said Okafor.\n"
)
WEEKDAY = (
    "On Tuesday Maria Lindqvist said the port would stay open. "
    "\u201cNothing has changed for the shipping lines,\u201d Ms Lindqvist said.\n"
)
ROLE_NOUN = (
    "Bassist Tomas Reyes left the band in May. The band's other bassist stayed.\n\n"
    "\u201cIt was time to go,\u201d Reyes said.\n"
)
FIRST_NAME_OPENING = (
    "Ayla Demir spoke to the council on Monday.\n\n\u201cThe budget is tight,\u201d Demir said.\n"
)


def test_a_headline_word_loses_to_the_name_a_sentence_gives() -> None:
    (q,) = find_quotes(HEADLINE_ADJECTIVE)
    assert q.speaker_name == "Dele Okafor"  # not "Furious Okafor" from the headline


def test_a_weekday_opens_no_name() -> None:
    (q,) = find_quotes(WEEKDAY)
    assert q.speaker_name == "Maria Lindqvist"  # not "Tuesday Maria Lindqvist"


def test_a_word_the_article_writes_in_lower_case_is_no_first_name() -> None:
    (q,) = find_quotes(ROLE_NOUN)
    assert q.speaker_name == "Tomas Reyes"  # "bassist" is written in lower case too


def test_a_first_name_opening_its_sentence_stays() -> None:
    (q,) = find_quotes(FIRST_NAME_OPENING)
    assert q.speaker_name == "Ayla Demir"


def test_a_full_name_keeps_its_given_name() -> None:
    # The slogan writes "Vote Blair" as often as the article names Tony Blair: a name
    # that already has a given name is never given another one.
    text = (
        "Tony Blair has told supporters he is \u201cback\u201d, said his aides.\n\n"
        "\u201cWe will win,\u201d Tony Blair said.\n\n"
        "One placard read: Vote Blair, get Brown. A second read Vote Blair too, and a "
        "third Vote Blair again.\n"
    )
    quotes = find_quotes(text)
    assert [q.speaker_name for q in quotes if q.speaker == "Tony Blair"] == ["Tony Blair"]


def test_a_given_name_is_not_swapped_for_the_more_frequent_one() -> None:
    text = (
        "Hillary Clinton spoke first. Hillary Clinton then left. Aides to Hillary Clinton "
        "stayed.\n\n"
        "\u201cShe will be a fine president,\u201d Bill Clinton said on Monday.\n"
    )
    (q,) = find_quotes(text)
    assert q.speaker == "Bill Clinton"
    assert q.speaker_name == "Bill Clinton"


def test_a_first_word_that_is_no_given_name_gives_way_to_the_full_name() -> None:
    # "Continued" only opens a line: the article names Roger Stone inside sentences.
    text = (
        "Allies of Roger Stone met on Friday, and Roger Stone spoke to them.\n\n"
        "Continued Stone: \u201cI have never met him,\u201d in a statement.\n"
    )
    (q,) = find_quotes(text)
    assert (q.speaker, q.speaker_name) == ("Continued Stone", "Roger Stone")


def test_a_name_never_takes_a_word_from_the_sentence_before() -> None:
    text = (
        "Springer defends the show\n\n"
        "Talk show host Jerry Springer, whose series gave the play its story, has said he "
        "would not have staged it.\n\n"
        "The network had 4,000 complaints before the play was shown, and crowds gathered "
        "outside its studios across the UK. Springer helped open the show and came to the "
        "first night. \u201cI would not have staged it. I do not mock other faiths,\u201d "
        "he said.\n"
    )
    (q,) = find_quotes(text)
    assert q.speaker == "he"
    assert q.speaker_name == "Jerry Springer"


@pytest.mark.parametrize(
    ("mention", "kept"),
    [
        ("Mr Hockney meanwhile", "Mr Hockney"),
        ("Gardener afterwards", "Gardener"),
        ("several lawmakers as", "several lawmakers"),
        ("chairman Peter Sanders said", "chairman Peter Sanders"),
        ("The company now,", "The company"),
        ("USA Today", "USA Today"),  # a capital: a name's word
        ("Al From", "Al From"),
        ("Many of those", "Many of those"),
        ("meanwhile", "meanwhile"),  # the first word always stays
    ],
)
def test_a_mention_never_ends_with_an_adverb_or_a_preposition(mention: str, kept: str) -> None:
    text = f"On Monday {mention} spoke."
    start = text.index(mention)
    a, b = trim_tail(text, (start, start + len(mention)))
    assert text[a:b] == kept


def test_a_trailing_adverb_leaves_the_speaker_as_written() -> None:
    text = "Mr Hockney meanwhile told reporters: \u201cThe gallery will open in the spring.\u201d\n"
    (q,) = find_quotes(text)
    assert q.speaker == "Mr Hockney"

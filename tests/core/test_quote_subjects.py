"""The subject guessed for a quote with no cue skips noun phrases that name no one."""

from __future__ import annotations

import pytest

from tui.core.quotes.find import find_quotes

CASES = [
    pytest.param(  # a sentence adverb opening the sentence is no speaker
        "“We can do better,” Ann Bell said on Monday.\nThe mayor has a clear complaint. "
        "Specifically, “the budget leaves out the schools and the parks.”\n",
        "the budget",
        "Ann Bell",
        id="sentence-adverb",
    ),
    pytest.param(  # nor is a participle opening the sentence
        "“The vote was a disgrace,” Tom Reyes said.\nAcknowledging that the council "
        "“did its best under pressure,” though, Reyes did praise the clerk.\n",
        "did its best",
        "Tom Reyes",
        id="opening-participle",
    ),
    pytest.param(  # nor a lone article
        "Crowds marched all day.\nIn Boston, the chants were especially strong in front of "
        "the old hall, the first landmark meant “to honor the workers.”\n",
        "to honor",
        "the chants",
        id="lone-article",
    ),
    pytest.param(  # nor a state abbreviation: the subject after it speaks
        "“We will win,” Dana Fox said.\nAt a rally that month in Aspen, Colo., the retired "
        "teacher ended her speech with a line: “Every obstacle yields to resolve.”\n",
        "Every obstacle",
        "the retired teacher",
        id="state-abbreviation",
    ),
    pytest.param(  # nor a nationality adjective before its noun
        "“We will keep helping,” said Lena Ortiz, who runs the shelter.\nAnd while most of "
        "the Syrian families here are Muslim, that is no surprise because “it is a mostly "
        "Muslim country.”\n",
        "it is a mostly",
        "Lena Ortiz",
        id="nationality-adjective",
    ),
    pytest.param(  # a negated verb is cut from the noun phrase
        "Fox has a new lineup this year.\nIts hosts don't hesitate to report that “the "
        "science is still in question” on many nights.\n",
        "the science",
        "Its hosts",
        id="negated-verb",
    ),
    pytest.param(  # past an adjective, the next name further back
        "Democrats on the House panel plan to release dozens of transcripts in an effort "
        "to disprove Republican claims of “significant breakthroughs” in the inquiry.\n",
        "significant",
        "Democrats",
        id="next-name-back",
    ),
    pytest.param(  # the possessor of a noun of saying, past a clause subject
        "The debate turned sour on Tuesday.\nJohn Smith's accusation that Mary Jones is "
        "playing the “victim card” set off a long fight.\n",
        "victim card",
        "John Smith",
        id="possessor-that-clause",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CASES)
def test_subject_guess(text: str, quote: str, speaker: str) -> None:
    found = [q for q in find_quotes(text) if quote in text[q.start : q.end]]
    assert found, quote
    assert found[0].speaker == speaker

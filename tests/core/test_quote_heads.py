"""Speaker heads: which mention of a sentence is reported as the speaker.

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def test_participle_skips_a_lone_article_subject() -> None:
    # the subject "The first protest" is cut to a lone "The": no speaker, so the
    # clause before the participle gives it
    text = (
        "The first protest came during a visit to the county college, when Hardwick "
        "supporters blocked the stage, chanting \u201cnot our mayor!\u201d"
    )
    q = quote(text, "not our mayor")
    assert q.speaker is not None
    assert q.speaker != "The"
    assert "Hardwick" in q.speaker


def test_relative_pronoun_of_an_earlier_sentence_gives_its_antecedent() -> None:
    # the second quote opens a new sentence: "who" is read as the antecedent
    text = (
        "\u201cSales are flat this spring,\u201d said Ms. Odile Brandt, who noted that "
        "the price of some farms had \u201cfallen sharply\u201d since the drought. "
        "\u201cWe expect a slow recovery, not a boom.\u201d"
    )
    q = quote(text, "slow recovery")
    assert q.speaker == "Ms. Odile Brandt"

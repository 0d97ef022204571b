"""Speaker attribution: clauses that follow a quote, nouns that look like cues, survey
frames, datelines and ``notes``.

All article texts here are invented for the tests.
"""

from __future__ import annotations

from tests.core.quoting import quote


def test_verb_after_the_quote_with_its_own_clause() -> None:
    # the verb after the quote takes its own clause: the quote is the claim before it
    text = (
        "But even as Ana Ruiz argued on Monday that \u201cthe budget is in good shape,\u201d "
        "one of the city auditors said the accounts were far from settled."
    )
    assert quote(text, "good shape").speaker == "Ana Ruiz"


def test_verb_after_the_quote_without_complement_still_speaks() -> None:
    text = (
        "Ana Ruiz argued on Monday that the plan was sound. \u201cThe budget is in good "
        "shape,\u201d one of the city auditors said on Tuesday."
    )
    assert quote(text, "good shape").speaker == "one of the city auditors"


def test_noun_after_a_determiner_is_no_cue() -> None:
    # “a subsequent tweet”: a noun, not the verb of the sentence
    text = (
        "In a subsequent tweet, Ana Ruiz said she was delaying a hearing set for Friday "
        "\u201cbecause of the storm warnings.\u201d"
    )
    assert quote(text, "storm warnings").speaker == "Ana Ruiz"


def test_notes_is_a_cue() -> None:
    text = (
        "So who was the most accurate? The institute notes that the surveys they checked "
        "are not \u201call of the same quality,\u201d with some far better than others."
    )
    assert quote(text, "same quality").speaker == "The institute"


def test_survey_frame_with_a_coordinated_group() -> None:
    text = (
        "In a national poll released Monday, 42% of farmers and farm workers said they "
        "were \u201cvery worried\u201d about the harvest."
    )
    assert quote(text, "very worried").speaker == "a national poll"


def test_dateline_is_not_the_subject() -> None:
    text = (
        "LYON \u2014 Mayor Ana Ruiz on Tuesday tweeted a photo of the bridge with the words "
        "\u201cfinally open!\u201d above it."
    )
    assert quote(text, "finally open").speaker == "Mayor Ana Ruiz"

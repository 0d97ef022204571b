"""Everyone quoted in a corpus: counts, pronouns counted for their name, the fuzzy filter."""

from __future__ import annotations

from tui.core.quotes import QuoteTable, filter_speakers, find_quotes, speaker_index
from tui.core.quotes.find import Quote

ARTICLES = [
    'Talks resumed.\n\n"We are close," Mohsen Rezaei said.\n\n'
    'He added: "Nothing is signed."\n\n"Later," said Ann Lee.\n',
    'Rezaei was firm.\n\n"We will not move," Mohsen Rezaei said.\n',
    "No quotations here at all.\n",
]


def test_each_speaker_with_quotations_and_articles_pronouns_for_their_name() -> None:
    table = QuoteTable.of(find_quotes(text) for text in ARTICLES)
    speakers = {s.name: s for s in speaker_index(table)}
    rezaei = speakers["Mohsen Rezaei"]
    assert (rezaei.quotes, rezaei.articles) == (3, 2)  # "He added" counts for him
    assert "He" not in speakers and "he" not in speakers
    assert (speakers["Ann Lee"].quotes, speakers["Ann Lee"].articles) == (1, 1)
    assert [s.name for s in speaker_index(table)][0] == "Mohsen Rezaei"  # most quoted first
    first = rezaei.places[0]
    assert ARTICLES[first[0]][first[1] : first[2]] == '"We are close,"'


def test_a_quotation_over_paragraphs_counts_once_and_unnamed_pronouns_are_left_out() -> None:
    pieces = [
        Quote(0, 10, "Ann Lee", (12, 19), "Ann Lee", "said", None, False, 0),
        Quote(20, 30, "Ann Lee", (32, 39), "Ann Lee", "said", None, False, 0),
        Quote(40, 50, "she", (52, 55), None, "said", None, True, 1),
    ]
    (only,) = speaker_index(QuoteTable.of([pieces]))
    assert (only.name, only.quotes, only.articles) == ("Ann Lee", 1, 1)


def test_the_filter_is_fuzzy_on_the_name_and_keeps_the_order() -> None:
    table = QuoteTable.of(find_quotes(text) for text in ARTICLES)
    speakers = speaker_index(table)
    assert [s.name for s in filter_speakers(speakers, "rezai")] == ["Mohsen Rezaei"]
    assert [s.name for s in filter_speakers(speakers, "lee")] == ["Ann Lee"]
    assert filter_speakers(speakers, "  ") == speakers
    assert filter_speakers(speakers, "nobody") == []

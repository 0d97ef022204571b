"""The early answer a cold load gives before its index is in (tui.core.search.early)."""

from __future__ import annotations

import threading

from tui.core.corpus.read import parse_article
from tui.core.models import Article
from tui.core.search.early import early_pattern, scan_articles


def _articles() -> list[Article]:
    texts = [
        "# One\n\nArsenal won. Wenger smiled.\n\nNothing here at all.\n",
        "# Two\n\nThe arsenals of old.\n\nWENGER spoke of Arsenal and arsenal again.\n",
        "# Three\n\nWengerish is no Warsenal.\n",
    ]
    return [parse_article(text, f"a{n}.md") for n, text in enumerate(texts)]


def test_passages_with_more_query_words_come_first_then_whole_words() -> None:
    articles = _articles()
    found = scan_articles(articles, "wenger arsenal", 10)
    assert found is not None
    # Both words: article 1's last passage (3 matches) before article 0's (2 matches).
    best = [(hit.article, hit.passage) for hit in found.hits[:2]]
    assert best == [(1, 2), (0, 1)]
    assert found.hits[0].score > found.hits[1].score
    # A word matches as the start of a longer one ("arsenals", "Wengerish"), after the
    # passages that hold it whole; "arsenal" in "Warsenal" starts no word.
    rest = [(hit.article, hit.passage) for hit in found.hits[2:]]
    assert rest == [(1, 1), (2, 1)]
    assert found.total == 4 and found.scanned == 3


def test_spans_are_the_matched_words_inside_their_passage() -> None:
    articles = _articles()
    found = scan_articles(articles, "arsenal wenger", 10)
    assert found is not None
    for hit in found.hits:
        text = articles[hit.article].text
        assert hit.matches and list(hit.matches) == sorted(hit.matches)
        for start, end in hit.matches:
            assert hit.start <= start < end <= hit.end
            assert text[start:end].lower().startswith(("arsenal", "wenger"))


def test_the_limit_keeps_the_best() -> None:
    found = scan_articles(_articles(), "arsenal", 1)
    assert found is not None and len(found.hits) == 1
    assert (found.hits[0].article, found.hits[0].passage) == (1, 2)  # two matches
    assert found.total == 3


def test_the_budget_stops_the_scan_after_the_article_that_reaches_it() -> None:
    articles = _articles()
    found = scan_articles(articles, "arsenal", 10, budget=len(articles[0].text))
    assert found is not None and found.scanned == 1
    assert {hit.article for hit in found.hits} == {0} and found.total == 1


def test_a_query_with_syntax_is_left_to_the_index() -> None:
    for query in ('"wenger arsenal"', "speaker:wenger", "wenger -arsenal", "a | b", "  "):
        assert early_pattern(query) is None
        assert scan_articles(_articles(), query, 10) is None
    assert early_pattern("well-known") is not None  # a hyphen inside a word is no exclusion


def test_a_cancelled_scan_answers_nothing() -> None:
    cancel = threading.Event()
    cancel.set()
    assert scan_articles(_articles(), "arsenal", 10, cancel) is None

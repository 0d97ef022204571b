"""Tests for the search engine (tui.core.search.index, query, vocab, scoring)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.models import Article
from tui.core.search.index import SYNTAX_HELP, SearchCancelled, SearchHit, SearchIndex
from tui.core.search.query import AnyOf, AnyScope, Phrase, Scope, Word, parse_query
from tui.core.search.vocab import max_typos

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b21618fc476bdc62.txt"


def make(
    id: str, paragraphs: list[str], *, title: str = "", date: str | None = None, folder: str = ""
) -> Article:
    """An article whose passages are the given paragraphs, separated by blank lines."""
    text, spans = "", []
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        spans.append((len(text), len(text) + len(paragraph)))
        text += paragraph
    return Article(
        id=id,
        path=id + ".txt",
        text=text,
        title=title or id,
        date=date,
        folder=folder,
        passages=spans,
    )


ARTICLES = [
    make(
        "war",
        [
            "The ceasefire agreement was signed in Geneva.",
            "Troops withdrew from the northern border after the agreement.",
            "Observers said the ceasefire held overnight.",
        ],
        title="Ceasefire holds",
        date="2024-12-02",
        folder="world/mideast",
    ),
    make(
        "econ",
        [
            "Inflation fell to two percent, the central bank said.",
            "The bank kept interest rates unchanged.",
            "Markets rallied on the news from the central bank.",
        ],
        title="Bank holds rates",
        date="2025-01-15",
        folder="business",
    ),
    make(
        "sport",
        [
            "Café owners in Zürich cheered the national team.",
            "The team won the final after extra time.",
            "Supporters sang outside the stadium.",
        ],
        title="Final won",
        date="2024-11-30",
        folder="sport",
    ),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(ARTICLES)


def top(index: SearchIndex, query: str, **kwargs: bool) -> tuple[int, int] | None:
    hits = index.search(query, 5, **kwargs)
    return (hits[0].article, hits[0].passage) if hits else None


def words(index: SearchIndex, hit: SearchHit) -> list[str]:
    text = index.articles[hit.article].text
    return [text[s:e] for s, e in hit.matches]


# -- parser -------------------------------------------------------------------


def test_parse_each_syntax_element() -> None:
    query = parse_query(
        'plain \'exact "two words" ^start !gone a | b title:bank '
        "date:2024-12 in:World speaker:Rezaei"
    )
    assert query.clauses == (
        Word("plain"),
        Word("exact", exact=True),
        Phrase(("two", "words")),
        Word("start", anchored=True),
        AnyOf((Word("a"), Word("b"))),
    )
    assert query.excluded == (Word("gone"),)
    assert query.scopes == (
        Scope("title", "bank"),
        Scope("date", "2024-12"),
        Scope("in", "world"),
        Scope("speaker", "rezaei"),
    )


def test_parse_date_ranges_and_invalid_scopes_are_literal() -> None:
    assert parse_query("date:2024-12..2025-01").scopes == (Scope("date", "2024-12", "2025-01"),)
    assert parse_query("date:2024-12-02").scopes == (Scope("date", "2024-12-02"),)
    assert parse_query("date:..2024").scopes == (Scope("date", "", "2024"),)
    assert parse_query("date:soon").clauses == (Word("date"), Word("soon"))
    assert parse_query("title:").clauses == (Word("title"),)
    assert parse_query('"open phrase').clauses == (Word("open"), Word("phrase"))
    assert parse_query('| ! ^ \' ""').empty


def test_syntax_help_mentions_every_operator() -> None:
    for token in (
        "'word",
        '"a phrase"',
        "^word",
        "!word",
        "a | b",
        "title:",
        "date:",
        "in:",
        "speaker:",
    ):
        assert token in SYNTAX_HELP


# -- matching -----------------------------------------------------------------


def test_exact_and_accent_folding(index: SearchIndex) -> None:
    assert top(index, "cafe zurich") == (2, 0)
    assert top(index, "CAFÉ") == (2, 0)


@pytest.mark.parametrize(
    "query",
    [
        "inflaton",  # deletion
        "inflattion",  # insertion
        "inflasion",  # substitution
        "inlfation",  # transposition (costs 1)
    ],
)
def test_one_typo_of_each_class(index: SearchIndex, query: str) -> None:
    assert top(index, query) == (1, 0)


def test_typo_thresholds_by_length() -> None:
    assert [max_typos(n) for n in (1, 3, 4, 7, 8, 20)] == [0, 0, 1, 1, 2, 2]
    index = SearchIndex.build(
        [make("a", ["cat sat on the mat", "agreement reached", "signs were seen"])]
    )
    assert index.search("cot", prefix_last=False) == []  # 3 letters: no typo
    assert top(index, "sings", prefix_last=False) == (0, 2)  # 5 letters: 1 typo (swap)
    assert index.search("snigs", prefix_last=False) == []  # 2 typos refused at 5
    assert top(index, "agremnet", prefix_last=False) == (0, 1)  # 8 letters: 2 typos
    assert index.search("agrmnet", prefix_last=False) == []  # 3 typos


def test_exact_word_allows_no_typo_or_prefix(index: SearchIndex) -> None:
    assert index.search("'inflaton") == []
    assert index.search("'infla") == []
    assert top(index, "'inflation") == (1, 0)


def test_prefix_of_last_word_and_abbreviations(index: SearchIndex) -> None:
    assert top(index, "stadi") == (2, 2)
    assert index.search("ob", prefix_last=False) == []  # 2 letters: prefix only when last
    assert top(index, "ob") == (0, 2)
    assert top(index, "supp stad") == (2, 2)  # fzf-style abbreviations
    hit = index.search("obser overn")[0]
    assert words(index, hit) == ["Observers", "overnight"]


def test_phrase_requires_adjacent_words_in_order(index: SearchIndex) -> None:
    hits = index.search('"central bank"')
    assert [(h.article, h.passage) for h in hits] == [(1, 0), (1, 2)]
    assert index.search('"bank central"') == []
    assert words(index, hits[0]) == ["central", "bank"]


def test_anchor_matches_passage_start(index: SearchIndex) -> None:
    assert {(h.article, h.passage) for h in index.search("^the")} == {(0, 0), (1, 1), (2, 1)}
    assert [(h.article, h.passage) for h in index.search("^troops")] == [(0, 1)]
    assert index.search("^ceasefire") == []


def test_exclusion_removes_passages(index: SearchIndex) -> None:
    found = {(h.article, h.passage) for h in index.search("bank")}
    assert found == {(1, 0), (1, 1), (1, 2)}
    assert {(h.article, h.passage) for h in index.search("bank !rates")} == {(1, 0), (1, 2)}
    assert {(h.article, h.passage) for h in index.search('bank !"central bank"')} == {(1, 1)}


def test_or_matches_either(index: SearchIndex) -> None:
    found = {(h.article, h.passage) for h in index.search("stadium | geneva")}
    assert found == {(0, 0), (2, 2)}


def test_scopes_title_date_folder(index: SearchIndex) -> None:
    assert {h.article for h in index.search("the title:bank", 20)} == {1}
    assert {h.article for h in index.search("the date:2024-12", 20)} == {0}
    assert {h.article for h in index.search("the date:2024-11..2024-12", 20)} == {0, 2}
    assert {h.article for h in index.search("the date:2025", 20)} == {1}
    assert {h.article for h in index.search("the in:world", 20)} == {0}
    assert {h.article for h in index.search("in:busi", 20)} == {1}
    assert index.search("in:nowhere") == []


def test_speaker_scope() -> None:
    article = make(
        "q", ["He said “we will win” today.", "Nothing here.", "“Rates stay,” the governor said."]
    )
    index = SearchIndex.build([article])
    first = article.text.index("“we")
    second = article.text.index("“Rates")
    index.set_speakers(
        [[(first, first + 13, "Mohsen Rezaei"), (second, second + 13, "Andrew Bailey")]]
    )
    assert [h.passage for h in index.search("speaker:rezaei")] == [0]
    assert [h.passage for h in index.search("speaker:rezaie")] == [0]  # fuzzy name
    assert [h.passage for h in index.search("said speaker:bailey")] == [2]
    assert index.search("speaker:nobody") == []
    assert [h.passage for h in index.search("said !speaker:rezaei")] == [2]
    assert [h.passage for h in index.search("speaker:bailey | speaker:rezaei")] == [0, 2]


# -- ranking ------------------------------------------------------------------


def test_all_words_beat_some_and_partial_matches_still_come(index: SearchIndex) -> None:
    hits = index.search("ceasefire agreement", 10)
    assert (hits[0].article, hits[0].passage) == (0, 0)
    assert {(h.article, h.passage) for h in hits[1:]} == {(0, 1), (0, 2)}
    assert hits[0].score > hits[1].score


def test_fewer_typos_and_whole_words_rank_higher() -> None:
    index = SearchIndex.build([make("a", ["the team lost", "the tram left", "teams of four"])])
    hits = index.search("team", 3)
    assert [h.passage for h in hits][:2] == [0, 2]  # exact, then prefix
    assert hits[-1].passage == 1  # typo last
    assert hits[0].score > hits[1].score > hits[2].score


def test_proximity_and_order(index: SearchIndex) -> None:
    shuffled = SearchIndex.build(
        [
            make(
                "a",
                [
                    "red apples and many other things were green",
                    "green apples were red",
                    "the green apples",
                ],
            )
        ]
    )
    assert [h.passage for h in shuffled.search("green apples", 3)] == [2, 1, 0]


def test_rare_words_weigh_more() -> None:
    index = SearchIndex.build([make("a", ["the common word", "the zygote", "the common"])])
    assert index.search("common zygote", 3)[0].passage == 1


def test_deterministic_tie_break() -> None:
    index = SearchIndex.build([make("a", ["same text", "same text"]), make("b", ["same text"])])
    assert [(h.article, h.passage) for h in index.search("same text")] == [(0, 0), (0, 1), (1, 0)]


def test_match_spans_are_exact_offsets(index: SearchIndex) -> None:
    hit = index.search("zurich cafe")[0]
    text = index.articles[hit.article].text
    assert hit.matches == (
        (text.index("Café"), text.index("Café") + 4),
        (text.index("Zürich"), text.index("Zürich") + 6),
    )
    assert all(hit.start <= s < e <= hit.end for s, e in hit.matches)
    assert (hit.start, hit.end) == index.articles[hit.article].passages[hit.passage]


def test_search_article_in_passage_order(index: SearchIndex) -> None:
    hits = index.search_article(0, "ceasefire")
    assert [h.passage for h in hits] == [0, 2]
    assert [h.passage for h in index.search_article(0, "ceasefire agreement")] == [0]
    assert index.search_article(9, "x") == []


# -- robustness ---------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "x" * 10_000,
        "!!!???",
        "\x00\x1b[31m\x07",
        ".*+?()[]{}\\^$|",
        "'''\"\"\"",
        "title: date: in: speaker:",
        "date:9999-99..0000",
        "| | |",
        "!a !b !c",
        "^",
        "a" * 300,
        "(?P<x>",
        "\ud800",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉",
        " ".join(["word"] * 3000),
    ],
)
def test_hostile_queries_never_raise(index: SearchIndex, query: str) -> None:
    before = index.failures
    assert isinstance(index.search(query), list)
    assert isinstance(index.search_article(0, query), list)
    assert index.failures == before  # answered, not swallowed


def test_a_failure_inside_is_counted_and_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    index = SearchIndex.build(ARTICLES)

    def broken(*_args: object) -> list[SearchHit]:
        raise RuntimeError("a bug")

    monkeypatch.setattr(index, "_search", broken)
    assert index.search("ceasefire") == []
    assert index.search_article(0, "ceasefire") == []
    assert index.failures == 2
    assert "search failed for 'ceasefire'" in caplog.text


def test_state_round_trip_answers_the_same() -> None:
    index = SearchIndex.build(ARTICLES)
    again = SearchIndex.from_state(index.state(), ARTICLES)
    for query in ("ceasefire", "bank rates", "agrement", "'bank !rates", "cent"):
        assert again.search(query) == index.search(query)
    assert sorted(index.state()["fields"]) == list(SearchIndex.STATE)
    with pytest.raises(ValueError):
        SearchIndex.from_state(index.state(), ARTICLES[:1])
    broken = index.state()
    del broken["vocab"]["words.blob"]
    with pytest.raises(ValueError):
        SearchIndex.from_state(broken, ARTICLES)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_a_valid_query(query: str) -> None:
    index = SearchIndex.build(ARTICLES)
    hits = index.search(query)
    assert index.failures == 0
    assert len(hits) <= 10
    for hit in hits:
        assert list(hit.matches) == sorted(hit.matches)


def test_build_progress_and_cancel() -> None:
    seen: list[tuple[int, int]] = []
    SearchIndex.build(ARTICLES, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SearchCancelled):
        SearchIndex.build(ARTICLES, cancel=cancel)
    assert SearchIndex.build(ARTICLES).search("bank", cancel=cancel) == []


# -- acceptance on the seed article -------------------------------------------


@pytest.fixture(scope="module")
def seed() -> SearchIndex:
    text = SEED.read_text(encoding="utf-8")
    body = text.index("TEHRAN")
    paragraphs = [p for p in text[body:].split("\n\n") if p.strip()]
    article = make("seed", [p.strip() for p in paragraphs])
    return SearchIndex.build([article])


def test_seed_ceasefire_agreement(seed: SearchIndex) -> None:
    hit = seed.search("ceasfire agreemnt")[0]
    assert "2020 ceasefire agreement" in seed.articles[0].passage_text(hit.passage)


def test_seed_occupation_of_aleppo(seed: SearchIndex) -> None:
    hit = seed.search("occupaton of alepo")[0]
    assert seed.articles[0].passage_text(hit.passage).startswith("“The occupation of Aleppo")


def test_typo_index_finds_exactly_what_a_full_scan_finds() -> None:
    import random

    from rapidfuzz.distance import OSA

    from tui.core.search.vocab import KIN, STEM, TYPO, Vocabulary

    rng = random.Random(3)
    letters = "abcdeor"
    vocab = Vocabulary()
    for _ in range(3000):
        vocab.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 12))))
    vocab.freeze([1] * len(vocab.terms))
    for _ in range(300):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(4, 12)))
        limit = max_typos(len(word))
        expected = {t for t, term in enumerate(vocab.terms) if OSA.distance(word, term) <= limit}
        found = vocab.match(word)
        assert expected <= set(found), word
        # Anything more is another form of the word, of a kin stem or of a one-typo match.
        assert {found[t] for t in set(found) - expected} <= {STEM, KIN, TYPO[1] * STEM}, word


def test_typo_candidates_kept_across_keystrokes_match_as_a_fresh_look_up() -> None:
    import random

    from tui.core.search.vocab import Vocabulary

    rng = random.Random(5)
    letters = "abcdeor"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 12))) for _ in range(3000)]

    def vocabulary() -> Vocabulary:
        vocab = Vocabulary()
        for word in words:
            vocab.add(word)
        vocab.freeze([1] * len(vocab.terms))
        return vocab

    typed, fresh = vocabulary(), vocabulary()
    for _ in range(40):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(6, 12)))
        for end in range(4, len(word) + 1):  # each keystroke of the word, as the box sends it
            fresh._cache.clear()
            fresh._heads.clear()
            found = typed.match(word[:end], prefix=True)
            assert list(found.items()) == list(fresh.match(word[:end], prefix=True).items())


def test_typo_candidates_kept_are_dropped_when_words_are_added() -> None:
    from array import array

    from tui.core.search.vocab import TYPO, Vocabulary

    vocab = Vocabulary()
    for word in ("negotiated", "talks"):
        vocab.add(word)
    vocab.freeze([1, 1])
    assert vocab.match("negotiatxons") == {}  # its head's candidates are kept
    tid = vocab.add("negotiations")
    vocab.extend(2, array("I", [1, 1, 1]))
    assert vocab.match("negotiatons").get(tid) == TYPO[1]  # same head: the new word is found


def test_parse_negated_phrase_or_phrase_and_quoted_scope() -> None:
    query = parse_query('!"central bank" a | "b c" title:"two words"')
    assert query.excluded == (Phrase(("central", "bank")),)
    assert query.clauses == (AnyOf((Word("a"), Phrase(("b", "c")))),)
    assert query.scopes == (Scope("title", "two words"),)


def test_title_scope_with_typo_and_two_words(index: SearchIndex) -> None:
    assert {h.article for h in index.search("the title:ceasfire", 20)} == {0}
    assert {h.article for h in index.search('the title:"bank rates"', 20)} == {1}
    assert index.search('the title:"bank ceasefire"') == []


def test_scope_only_query_lists_passages_in_order(index: SearchIndex) -> None:
    hits = index.search("in:sport")
    assert [(h.article, h.passage) for h in hits] == [(2, 0), (2, 1), (2, 2)]
    assert all(h.matches == () for h in hits)


def test_repeated_words_count_once() -> None:
    from tui.core.search.index import parse_query

    assert parse_query("a a a a") == parse_query("a")
    assert parse_query("gaza !truce !truce gaza") == parse_query("gaza !truce")


def test_end_anchors_and_anchored_exclusions(index: SearchIndex) -> None:
    def found(query: str) -> set[tuple[int, int]]:
        return {(h.article, h.passage) for h in index.search(query, 20)}

    assert found("agreement$") == {(0, 1)}  # the other "agreement" is not last
    assert found("bank$") == {(1, 2)}
    assert found("^troops agreement$") == {(0, 1)}
    assert found("^stadium$") == set()
    assert found('"central bank"$') == {(1, 2)}
    assert found("bank !^the") == {(1, 0), (1, 2)}  # (1, 1) starts with "The"
    assert found("bank !bank$") == {(1, 0), (1, 1)}
    assert found('bank !"central bank"$') == {(1, 1), (1, 0)}


def test_negated_scopes_and_either_scope(index: SearchIndex) -> None:
    def articles(query: str) -> set[int]:
        return {h.article for h in index.search(query, 20)}

    assert articles("the !in:world") == {1, 2}
    assert articles("the !title:bank !date:2024-11") == {0}
    assert articles("the title:ceasefire | title:final") == {0, 2}
    assert articles("the in:sport | !date:2024") == {1, 2}
    assert articles("title:ceasefire | in:busi") == {0, 1}


def test_parse_keeps_every_fzf_form() -> None:
    query = parse_query("^a$ b$ !^c !d$ !in:x !speaker:y title:p | title:q")
    assert query.clauses == (Word("a", anchored=True, at_end=True), Word("b", at_end=True))
    assert query.excluded == (Word("c", anchored=True), Word("d", at_end=True))
    assert query.scopes == (
        Scope("in", "x", negated=True),
        Scope("speaker", "y", negated=True),
        AnyScope((Scope("title", "p"), Scope("title", "q"))),
    )
    assert query.fields == {"in", "speaker", "title"}


def test_the_words_no_passage_has_are_named(index: SearchIndex) -> None:
    found = index.find("ceasefire zzyzx held", 10)
    assert found.hits and found.unmatched == ("zzyzx",)  # ranked on the other two
    assert index.find("ceasfire helds", 10).unmatched == ()  # a typo, another form: matched
    assert index.find("bank | qqwx", 10).unmatched == ()  # one alternative matched
    assert index.find("qqwx | zzyzx bank", 10).unmatched == ("qqwx | zzyzx",)
    assert index.find('"zzyzx team" | qqwx bank', 10).unmatched == ('"zzyzx team" | qqwx',)
    assert index.find('"zzyzx team" bank', 10).hits == []  # a phrase must match: no hits
    assert index.find("!zzyzx bank", 10).unmatched == ()  # an exclusion asks for nothing


def test_a_cache_entry_trimmed_by_another_search_is_a_miss_not_an_error() -> None:
    from collections import OrderedDict

    from tui.core.search.vocab import _keep, _recall

    class Raced(OrderedDict[str, int]):
        def move_to_end(self, key: str, last: bool = True) -> None:
            del self[key]  # another thread trimmed it between the look-up and the move
            super().move_to_end(key, last)

    recent = Raced(a=1)
    assert _recall(recent, "a") == 1
    kept: OrderedDict[str, int] = OrderedDict()
    for number in range(5):
        _keep(kept, str(number), number, 3)
    assert list(kept) == ["2", "3", "4"]
    assert _recall(kept, "2") == 2 and list(kept) == ["3", "4", "2"]

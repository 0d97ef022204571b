"""Word families beyond one stem (kin stems) and how much a weak match counts (its rarity)."""

from __future__ import annotations

from tests.core.test_search import make
from tui.core.search.compile import compile_query
from tui.core.search.index import SearchIndex
from tui.core.search.query import parse_query
from tui.core.search.stems import Families, stem
from tui.core.search.vocab import KIN, PREFIX, STEM, TYPO

WORDS = [
    "programme",
    "programming",
    "represents",
    "representation",
    "bloodied",
    "blood",
    "headbutt",
    "headbutted",
    "count",
    "country",
    "organ",
    "organize",
    "prince",
    "principled",
    "negotiated",
    "negotiations",
]


def kin_of(families: Families, word: str) -> set[str]:
    return {WORDS[tid] for tid in families.kin(stem(word))}


def test_kin_stems_join_the_forms_snowball_leaves_apart() -> None:
    families = Families.build(WORDS)
    # Stems that extend one another by a letter: "programm" / "program", "bloodi" / "blood".
    assert kin_of(families, "programming") == {"programme"}
    assert kin_of(families, "programme") == {"programming"}
    assert kin_of(families, "bloodied") == {"blood"}
    assert kin_of(families, "headbutt") == {"headbutted"}
    # One more stemmer pass: "represent" (representation) stems to "repres" (represents).
    assert kin_of(families, "represents") == {"representation"}
    assert kin_of(families, "representation") == {"represents"}


def test_short_stems_and_long_endings_are_not_kin() -> None:
    families = Families.build(WORDS)
    assert kin_of(families, "count") == set()  # "countri": two letters on five
    assert kin_of(families, "organ") == set()
    assert kin_of(families, "principled") == set()  # "princ" is three letters short
    assert kin_of(families, "negotiated") == set()  # one family, not kin of itself
    assert Families.build(["news", "newsy"]).kin("news") == []  # shorter than KIN_MIN


def test_a_kin_form_ranks_below_the_word_and_its_forms_above_unrelated_words() -> None:
    index = SearchIndex.build(
        [
            make("a", ["The programme airs on Fridays."]),
            make("b", ["The weather on Fridays."]),
            make("c", ["The programming airs on Fridays."]),
            make("d", ["The programmes air on Fridays."]),
        ]
    )
    found = index.vocab.match("programming")
    ids = index.vocab.ids
    assert found[ids["programming"]] == 1.0
    assert found[ids["programme"]] == found[ids["programmes"]] == KIN
    assert TYPO[1] < KIN < PREFIX < STEM
    hits = index.search("programming fridays", 5)
    assert [h.article for h in hits][:3] == [2, 0, 3]
    assert hits[-1].article == 1


def test_a_weak_match_counts_only_as_much_as_its_word_is_rare() -> None:
    common = [make(f"be{n}", ["It will be fine."]) for n in range(30)]
    index = SearchIndex.build(
        [
            *common,
            make("common", ["be at the harbour"]),
            make("rare", ["being at the harbour"]),
            make("beings", ["Human beings spoke."]),
        ]
    )
    compiled = compile_query(
        index.vocab, index.postings, index.live, parse_query("brings harbour"), True
    )
    assert compiled is not None
    terms = compiled.clauses[0].options[0].terms
    ids = index.vocab.ids
    assert terms[ids["beings"]] == TYPO[1]  # the best match: as it was
    assert terms[ids["being"]] == TYPO[1] * STEM  # as rare as the best: as it was
    assert terms[ids["be"]] < TYPO[1] * STEM / 4  # in 31 of 33 passages
    # Both have a form of a one-typo match of "brings": the one of a rare word wins.
    assert index.articles[index.search("brings harbour", 2)[0].article].id == "rare"

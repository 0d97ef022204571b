"""The index build's shortcuts give what the plain loops gave: word ids in the order the
words first come, every deletion of one or two letters, the posting rows joined whole."""

from __future__ import annotations

from array import array
from itertools import combinations

import pytest

import tui.core.packed as packed_module
from tui.core.packed import Packed, join_settled, pack_rows, settled
from tui.core.search.vocab import Vocabulary, _neighbourhood, passage_ids


def _deletions(word: str, depth: int) -> set[str]:
    """Every string made from ``word`` by deleting up to ``depth`` letters, one by one."""
    found = {word}
    for count in range(1, depth + 1):
        for gone in combinations(range(len(word)), count):
            found.add("".join(c for n, c in enumerate(word) if n not in gone))
    return found


@pytest.mark.parametrize("word", ["a", "ab", "aab", "banana", "straße", "mississ", "zzzzzz"])
def test_the_neighbourhood_is_every_deletion_of_one_or_two_letters(word: str) -> None:
    assert _neighbourhood(word, 1) == _deletions(word, 1)
    assert _neighbourhood(word, 2) == _deletions(word, 2)


def test_new_words_get_ids_in_the_order_they_first_come() -> None:
    vocab, raw_ids = Vocabulary(), dict[str, int]()
    text = "grain Harbour grain comet harbour Comet Iran's Iran"
    ids = passage_ids(text, 0, len(text), raw_ids, vocab)
    assert [vocab.terms[tid] for tid in ids] == text.lower().replace("'s", "").split()
    assert [vocab.terms[tid] for tid in range(len(vocab.terms))] == [
        "grain",
        "harbour",
        "comet",
        "iran",
    ]
    assert list(raw_ids) == ["grain", "Harbour", "comet", "harbour", "Comet", "Iran's", "Iran"]
    again = "comet wheat grain barley"
    ids = passage_ids(again, 0, len(again), raw_ids, vocab)
    assert ids == [2, 4, 0, 5]


@pytest.mark.parametrize("packed_from", [0, 1 << 25])
def test_joined_rows_are_what_packing_and_settling_them_gives(
    packed_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packed_module, "PACKED_FROM", packed_from)
    rows = [array("I", range(n, 3 * n, 2)) for n in range(40)] + [array("I", [9, 70000])]
    expected = settled(pack_rows(rows, 70001))
    joined = join_settled(rows, 70001)
    assert type(joined) is type(expected)
    if isinstance(joined, Packed):
        assert isinstance(expected, Packed)
        assert (joined.width, bytes(joined.data)) == (expected.width, bytes(expected.data))
    else:
        assert joined == expected
    assert all(len(row) == 0 for row in rows)  # each row let go once copied

"""One speaker-name rule for the ``speaker:`` search scope and ``quotes --speaker``."""

from __future__ import annotations

import pytest

from tui.core.models import Article
from tui.core.names import max_typos, name_matches
from tui.core.quotes import speaker_matches
from tui.core.search import SearchIndex

NAME = "Roman Abramovich"

CASES = [
    ("abramovich", True),  # a word of the name
    ("Abramovich", True),  # case folds
    ("roman abramovich", True),  # every word
    ("abram", True),  # the start of a word
    ("abramovch", True),  # one letter left out
    ("abarmovich", True),  # a swap costs 1
    ("abmrovich", True),  # swap and deletion across it: Damerau 2 (restricted Damerau: 3)
    ("abrmvch", False),  # 7 letters: 1 typo only, here 3
    ("rom", True),  # a prefix needs no typo allowance
    ("rmo", False),  # 3 letters: no typo
    ("roman smith", False),  # every typed word must match
    ("", False),
    ("!!!", False),
]


def _scope_matches(typed: str) -> bool:
    """Whether ``speaker:typed`` finds the one quotation by :data:`NAME`."""
    text = "“We will win,” he said."
    article = Article(id="a", path="a.txt", text=text, title="a", passages=[(0, len(text))])
    index = SearchIndex.build([article])
    index.set_speakers([[(0, 14, NAME)]])
    return bool(index.search(f'speaker:"{typed}"'))


@pytest.mark.parametrize(("typed", "expected"), CASES)
def test_one_rule_for_the_scope_and_the_quotes_filter(typed: str, expected: bool) -> None:
    assert name_matches(typed, NAME) is expected
    assert speaker_matches(typed, NAME) is expected
    if typed.strip("!"):  # an empty scope value is no scope at all
        assert _scope_matches(typed) is expected


def test_any_of_several_names() -> None:
    assert name_matches("rezaei", None, "he", "Mohsen Rezaei")
    assert not name_matches("rezaei", None, "")


def test_apostrophes_fold_as_in_the_index() -> None:
    assert name_matches("o'neill", "Martin O’Neill")
    assert name_matches("oneill", "Martin O'Neill")


def test_typo_limit_by_length() -> None:
    assert [max_typos(n) for n in (0, 3, 4, 7, 8, 30)] == [0, 0, 1, 1, 2, 2]

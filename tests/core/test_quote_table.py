"""The column-wise quotation table: lists in, the same lists out, compact state round trip."""

from __future__ import annotations

import pytest

from tui.core.quotes.find import Quote, find_quotes
from tui.core.quotes.table import QuoteTable

ARTICLES = [
    'Talks resumed.\n\n"We are close," Mohsen Rezaei said. "Very close."\n\n'
    'He added: "Nothing is signed."\n',
    "No quotations here at all.\n",
    "“A first paragraph of a long quote\n\n“and its second,” the minister told reporters.\n",
]


def test_lists_come_back_equal() -> None:
    lists = [find_quotes(text) for text in ARTICLES]
    assert lists[0] and not lists[1] and lists[2]
    table = QuoteTable.of(lists)
    assert len(table) == 3 and list(table) == [0, 1, 2]
    assert [table[n] for n in table] == lists
    assert table.total() == sum(map(len, lists))
    assert table.count(0) == len(lists[0]) and table.count(1) == 0
    assert 2 in table and 3 not in table and -1 not in table
    with pytest.raises(KeyError):
        table[3]


def test_missing_spans_and_strings_stay_missing() -> None:
    bare = Quote(5, 9, None, None, None, None, None, True, 0)
    named = Quote(20, 30, "he", (31, 33), "Ann Lee", "said", (34, 38), False, 1)
    table = QuoteTable.of([[bare, named], [named]])
    assert table[0] == [bare, named] and table[1] == [named]
    assert table.strings == ["he", "Ann Lee", "said"]  # each distinct string once
    assert table.speakers(0) == [(20, 30, "Ann Lee")]


def test_state_round_trip_and_damage() -> None:
    table = QuoteTable.of(find_quotes(text) for text in ARTICLES)
    again = QuoteTable.from_state(table.state())
    assert again == table and again[0] == table[0]
    state = table.state()
    state["guessed"] = b"\x00"  # fewer rows than the columns
    with pytest.raises(ValueError):
        QuoteTable.from_state(state)
    state = table.state()
    state["strings"] = []  # string numbers pointing nowhere
    with pytest.raises(ValueError):
        QuoteTable.from_state(state)


def test_rows_copied_from_a_sharing_table_are_the_same_quotes() -> None:
    base = QuoteTable.of(find_quotes(text) for text in ARTICLES)
    table = QuoteTable.sharing(base)
    table.append_from(base, 2)
    table.append(find_quotes(ARTICLES[1] + ' "New words," she said.'))
    table.append_from(base, 0)
    assert table[0] == base[2] and table[2] == base[0]
    assert table[1] and table[1][0].speaker == "she"
    assert table.strings[: len(base.strings)] == base.strings
    assert QuoteTable.from_state(table.state()) == table

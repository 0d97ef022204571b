"""Numbers in 3 bytes each: the storage of the index's word ids and posting lists."""

from __future__ import annotations

import random
from array import array

import pytest

import tui.core.packed as packed_module
from tui.core.models import Article
from tui.core.packed import WIDE, Packed
from tui.core.ragged import Ragged
from tui.core.search import SearchIndex
from tui.core.text import TOKEN_RE, word_key


def test_packed_numbers_read_back_as_the_array_they_came_from() -> None:
    rng = random.Random(3)
    values = array("I", [rng.choice((0, 1, 255, 256, 65535, 65536, WIDE)) for _ in range(40)])
    values.extend(rng.randrange(WIDE + 1) for _ in range(500))
    packed = Packed.of(values)
    assert packed.width == 3 and len(packed.data) == 3 * len(values)
    assert len(packed) == len(values)
    assert list(packed) == values.tolist()
    assert packed[-1] == values[-1] and packed[7] == values[7]
    for start, stop in ((0, 0), (0, 1), (5, 77), (300, 540), (530, 900), (10, 3)):
        got = packed[start:stop]
        assert type(got) is array and got.typecode == "I"
        assert got == values[start:stop]
    assert packed[::7] == values[::7]
    with pytest.raises(IndexError):
        packed[len(values)]


def test_packed_views_of_bytes_read_like_the_bytes() -> None:
    values = array("I", range(0, 3 * WIDE, 9973))
    wide = Packed.of(values)
    assert wide.width == 4  # numbers above 3 bytes keep 4
    narrow = Packed.of(array("I", (v & WIDE for v in values)))
    for packed in (wide, narrow):
        view = Packed(memoryview(bytes(packed.data)), packed.width)
        assert view[3:900] == packed[3:900] and view[5] == packed[5]


def test_a_number_too_big_for_3_bytes_is_refused_and_a_widened_copy_takes_it() -> None:
    packed = Packed.of([1, 2, 3])
    with pytest.raises(OverflowError):
        packed.extend([4, WIDE + 1])
    assert list(packed) == [1, 2, 3]  # nothing of the refused batch is kept
    wider = packed.widened()
    wider.extend([4, WIDE + 1])
    assert wider.width == 4 and list(wider) == [1, 2, 3, 4, WIDE + 1]
    with pytest.raises(ValueError):
        Packed(b"\x00" * 4, 3)


def _rows(tokens: array[int], offsets: array[int], terms: int) -> list[list[int]]:
    """The passages of every word id, from the passages' word ids."""
    rows: list[list[int]] = [[] for _ in range(terms)]
    for passage in range(len(offsets) - 1):
        for tid in sorted(set(tokens[offsets[passage] : offsets[passage + 1]])):
            rows[tid].append(passage)
    return rows


def _articles() -> list[Article]:
    rng = random.Random(11)
    words = [f"w{n}x" for n in range(300)] + ["harbour", "grain", "comet", "latin"]
    articles = []
    for number in range(60):
        paragraphs = [" ".join(rng.choices(words, k=rng.randint(3, 40))) for _ in range(4)]
        text = "\n\n".join(paragraphs)
        spans, at = [], 0
        for paragraph in paragraphs:
            spans.append((at, at + len(paragraph)))
            at += len(paragraph) + 2
        articles.append(
            Article(
                id=f"a/{number}",
                path=f"a/{number}.txt",
                text=text,
                title=f"t{number}",
                passages=spans,
            )
        )
    return articles


def test_a_small_index_keeps_plain_arrays() -> None:
    index = SearchIndex.build(_articles())  # far below PACKED_FROM: slicing stays cheap
    assert type(index.tokens) is array
    assert type(index.postings) is Ragged and type(index.postings.flat) is array


def test_the_packed_index_answers_as_one_of_plain_arrays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(packed_module, "PACKED_FROM", 0)  # as large corpora are
    articles = _articles()
    index = SearchIndex.build(articles)
    assert type(index.tokens) is Packed and index.tokens.width == 3
    assert type(index.postings) is Ragged and type(index.postings.flat) is Packed
    # The same index with plain arrays, its word ids found again from the texts.
    tokens = array("I")
    for article in articles:
        for start, end in article.passages:
            found = TOKEN_RE.findall(article.text, start, end)
            tokens.extend(index.vocab.ids.get(word_key(word), -1) for word in found)
    assert index.tokens[0 : len(index.tokens)] == tokens
    state = index.state()
    fields = dict(state["fields"])
    fields["tokens"] = tokens
    rows = _rows(tokens, index.offsets, len(index.vocab.terms))
    fields["postings"] = Ragged.join(array("I", row) for row in rows)
    assert list(index.postings) == [array("I", row) for row in rows]
    plain = SearchIndex.from_state({"fields": fields, "vocab": state["vocab"]}, articles)
    assert type(plain.tokens) is array
    queries = ["harbour grain", "w12x w13x", "comet latn", "w1", '"w5x w6x"', "grain !comet"]
    for query in queries:
        assert index.find(query, 20) == plain.find(query, 20), query
    assert any(index.search(query, 5) for query in queries)


def test_long_packed_rows_are_widened_once_and_the_oldest_let_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tui.core.ragged as module

    monkeypatch.setattr(module, "LONG_ROW", 4)
    monkeypatch.setattr(module, "WIDE_HELD", 12)
    rows = [array("I", range(n, n + size)) for n, size in ((0, 2), (5, 6), (40, 6), (90, 6))]
    packed = Packed.of(array("I", [v for row in rows for v in row]))
    starts = array("Q", [0])
    for row in rows:
        starts.append(starts[-1] + len(row))
    table = Ragged(packed, starts)
    one, two = table[1], table[2]
    assert (one, two) == (rows[1], rows[2])
    assert table[1] is one and table[2] is two  # widened once, then shared
    assert table[1] is one  # read last: the least recent is now row 2
    assert table[3] == rows[3]  # 18 numbers exceed 12: row 2 is let go, row 1 kept
    assert table[1] is one
    assert table[2] == rows[2] and table[2] is not two
    assert table[0] == rows[0] and table[0] is not table[0]  # short rows are never kept
    assert list(table) == rows

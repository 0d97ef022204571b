"""Words as one UTF-8 blob (:mod:`tui.core.search.wordlist`) and the vocabulary built on it."""

from __future__ import annotations

import random
from array import array

from tui.core.search.vocab import PREFIX, Vocabulary
from tui.core.search.wordlist import Sorted, WordList, WordTable

LETTERS = "abeoé߀\udc80𝔘"
"""ASCII, two-byte, three-byte, a lone surrogate (from an undecodable file) and four-byte."""


def _words(rng: random.Random, count: int, letters: str = LETTERS) -> list[str]:
    return sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) for _ in range(count)}
    )


def test_sorted_bytes_find_what_sorted_strings_hold() -> None:
    rng = random.Random(5)
    words = _words(rng, 2000)
    listed = WordList.of(words)
    assert list(listed) == words and len(listed) == len(words)
    keys = Sorted(listed)
    for number, word in enumerate(words):
        assert keys.find(word) == number
    for _ in range(500):
        probe = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 4)))
        expected = [n for n, word in enumerate(words) if word.startswith(probe)]
        low, high = keys.prefixed(probe)
        assert list(range(low, high)) == expected, probe
        assert keys.find(probe) == (words.index(probe) if probe in words else -1)


def test_the_hash_table_finds_every_word_and_nothing_else() -> None:
    rng = random.Random(8)
    words = _words(rng, 3000)
    rng.shuffle(words)
    listed = WordList.of(words)
    table = WordTable.of(listed)
    WordTable.check(table.slots, len(words))
    assert len(table.slots) >= 2 * len(words)
    for number, word in enumerate(words):
        assert table.find(listed, word) == number
    absent = {"".join(rng.choice(LETTERS) for _ in range(7)) for _ in range(500)} - set(words)
    assert all(table.find(listed, word) == -1 for word in absent)
    assert WordTable().find(WordList(), "a") == -1


def test_an_order_array_sorts_words_kept_in_id_order() -> None:
    rng = random.Random(6)
    words = _words(rng, 500)
    rng.shuffle(words)
    order = array("I", sorted(range(len(words)), key=words.__getitem__))
    keys = Sorted(WordList.of(words), order)
    for number, word in enumerate(words):
        assert order[keys.find(word)] == number


def test_vocabulary_ids_terms_and_prefixes_after_freeze_and_extend() -> None:
    rng = random.Random(7)
    letters = LETTERS.replace("\udc80", "")  # index keys are word characters: no surrogates
    first, later = _words(rng, 1500, letters), _words(rng, 400, letters)
    rng.shuffle(first)
    vocab = Vocabulary()
    ids = {word: vocab.add(word) for word in first}
    vocab.freeze([1] * len(vocab.terms))
    known = len(vocab.terms)
    for word in later:
        ids.setdefault(word, vocab.add(word))
    assert vocab.add(first[0]) == ids[first[0]]  # a frozen word is found, not added again
    vocab.extend(known, array("I", [1] * len(vocab.terms)))
    restored = Vocabulary.from_state(vocab.state())
    for each in (vocab, restored):
        assert len(each.terms) == len(ids) == len(each.ids)
        for word, tid in ids.items():
            assert each.ids.get(word, -1) == tid and each.terms[tid] == word
        assert each.ids.get("absent-word", -1) == -1 and "absent-word" not in each.ids
        for probe in ("ab", "éo", "߀a", "𝔘b"):
            wanted = {tid for word, tid in ids.items() if word.startswith(probe) and word != probe}
            found = {t for t, q in each.match(probe, prefix=True).items() if q == PREFIX}
            assert found == wanted, probe


def test_articles_of_one_folder_share_its_string_and_titles_are_arrays() -> None:
    from tui.core.models import Article
    from tui.core.search import SearchIndex

    text = "Bank rates\n\nrates rise again"
    articles = [
        Article(
            id=f"a{n}",
            path=f"news/a{n}.txt",
            text=text,
            title="Bank rates",
            folder="news/",
            passages=[(12, len(text))],
        )
        for n in range(3)
    ]
    built = SearchIndex.build(articles)
    state = built.state()
    # As read from a cache: one string object per article.
    state["fields"]["folders"] = ["".join(list(folder)) for folder in state["fields"]["folders"]]
    again = SearchIndex.from_state(state, articles)
    for index in (built, again):
        assert index.folders == ["news"] * 3
        assert index.folders[0] is index.folders[1] is index.folders[2]
        rows = list(index.title_postings.values())
        assert rows and all(type(row) is array and list(row) == [0, 1, 2] for row in rows)
    assert again.search("title:bank rates") == built.search("title:bank rates")

"""Tests for normalisation and tokenisation (tui.core.text)."""

from __future__ import annotations

from tui.core.text import fold, iter_tokens, keys, raw_tokens, tokenize, word_key


def test_fold_case_accents_and_apostrophes() -> None:
    assert fold("Café") == "cafe"
    assert fold("STRASSE") == fold("Straße") == "strasse"
    assert fold("Iran’s") == "iran's"
    assert fold("ﬁnal") == "final"
    assert fold("Ångström") == "angstrom"


def test_word_key_strips_possessive_and_apostrophes() -> None:
    assert word_key("Iran’s") == "iran"
    assert word_key("Iran's") == "iran"
    assert word_key("don’t") == "dont"
    assert word_key("O'Brien") == "obrien"
    assert word_key("Über") == "uber"
    assert word_key("s") == "s"


def test_tokenize_spans_point_into_original_text() -> None:
    text = "L’Été, c'est 2024! Al-Assad’s men"
    tokens = tokenize(text)
    assert [t.key for t in tokens] == ["lete", "cest", "2024", "al", "assad", "men"]
    for token in tokens:
        assert fold(text[token.start : token.end]).replace("'", "").startswith(token.key)
    assert tokens[0].span == (0, 5)
    assert tokens[4].span == (text.index("Assad"), text.index("Assad") + len("Assad’s"))


def test_tokenize_range_gives_absolute_offsets() -> None:
    text = "alpha beta gamma"
    tokens = tokenize(text, 6, 16)
    assert [(t.key, t.span) for t in tokens] == [("beta", (6, 10)), ("gamma", (11, 16))]


def test_underscores_and_punctuation_split_tokens() -> None:
    assert keys("foo_bar, baz... (qux)") == ["foo", "bar", "baz", "qux"]
    assert keys("!!! ??? ...") == []


def test_combining_marks_stay_inside_tokens() -> None:
    decomposed = "Cafe\u0301 noir"
    assert [t.key for t in tokenize(decomposed)] == ["cafe", "noir"]
    assert tokenize(decomposed)[0].span == (0, 5)


def test_raw_tokens_align_with_iter_tokens() -> None:
    text = "It’s the U.S. — naïve 'quotes' and x'"
    assert raw_tokens(text) == [text[t.start : t.end] for t in iter_tokens(text)]


def test_clip_words_keeps_what_fits_and_cuts_longer_text_at_a_word() -> None:
    from tui.core.text import clip_words

    assert clip_words("  a short\n\tline ", 40) == "a short line"
    text = "The minister said the report, published today, was wrong about everything"
    clipped = clip_words(text, 40)
    assert clipped == "The minister said the report, published…"
    assert len(clipped) <= 41 and text.startswith(clipped[:-1])
    assert clip_words("alpha beta gamma delta " + "x" * 80, 30) == "alpha beta gamma delta…"
    assert clip_words("y" * 80, 30) == "y" * 30 + "…"  # one long word: cut where it must be
    assert clip_words("Short: " + "z" * 60, 30) == "Short: " + "z" * 23 + "…"  # cut too early


def test_a_made_title_is_cut_as_before() -> None:
    from tui.core.corpus.metadata import made_title

    words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"
    made = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do…"
    assert made_title(words, 0) == made
    assert made_title("", 0) == "(untitled)"
    assert made_title("   Two words  ", 0) == "Two words"

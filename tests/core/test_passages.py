"""Splitting a body into passages."""

from __future__ import annotations

from tui.core.corpus.passages import MAX_PASSAGE, split_passages


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_passages(text)]


def test_blank_lines_separate_paragraphs_and_spans_are_trimmed() -> None:
    text = "  First para.  \n\n\n Second\npara wrapped. \n \nThird."
    assert texts(text) == ["First para.", "Second\npara wrapped.", "Third."]


def test_long_lines_are_paragraphs_of_their_own() -> None:
    line = "A sentence that is long enough to be a paragraph on its own in a wire text. " * 2
    text = f"{line}\n{line}\n{line}"
    assert len(split_passages(text)) == 3


def test_very_long_paragraph_is_cut_at_sentence_ends() -> None:
    sentence = "This sentence has exactly some words in it for the test. "
    text = sentence * 60
    spans = split_passages(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_PASSAGE + len(sentence) for s, e in spans)
    assert all(text[e - 1] == "." for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())


def test_start_offset_and_empty() -> None:
    assert split_passages("Title\n\nBody", 7) == [(7, 11)]
    assert split_passages("\n\n  \n") == []

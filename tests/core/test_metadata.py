"""Titles, dates, datelines and front matter."""

from __future__ import annotations

from tui.core.corpus.metadata import MADE_TITLE_MAX, read_metadata


def test_short_first_line_followed_by_blank_is_the_title() -> None:
    text = "Ad sales boost profits\n\nQuarterly profits rose.\n"
    meta = read_metadata(text)
    assert meta.title == "Ad sales boost profits"
    assert meta.title_span == (0, 22)
    assert text[meta.body_start :].startswith("Quarterly")
    assert meta.date is None


def test_long_first_line_makes_a_title_from_the_opening_words() -> None:
    text = "date 2024-12-02 TEHRAN – " + "word " * 60
    meta = read_metadata(text)
    assert meta.date == "2024-12-02"
    assert meta.dateline == "TEHRAN"
    assert meta.title.startswith("word word")  # the dateline is kept out of the title
    assert meta.title.endswith("…") and len(meta.title) <= MADE_TITLE_MAX + 1
    assert meta.title_span is None
    assert text[meta.body_start :].startswith("TEHRAN")


def test_leading_blank_before_date_marker() -> None:
    meta = read_metadata(" date 2024-12-02 Body text that runs on.")
    assert meta.date == "2024-12-02"
    assert meta.title == "Body text that runs on."


def test_first_line_without_blank_after_is_body() -> None:
    meta = read_metadata("One line\ncontinues here\n")
    assert meta.title_span is None
    assert meta.title == "One line continues here"


def test_front_matter() -> None:
    text = '---\ntitle: "Quoted: title"\ndate: 2023-05-06T10:00\nsource: Wire\n---\n\nBody.\n'
    meta = read_metadata(text)
    assert (meta.title, meta.date, meta.source) == ("Quoted: title", "2023-05-06", "Wire")
    assert text[meta.body_start :] == "Body.\n"


def test_invalid_date_is_ignored() -> None:
    assert read_metadata("date 2024-13-45 Body.").date is None


def test_datelines() -> None:
    assert read_metadata("x\n\nNEW YORK (AP) — Body").dateline == "NEW YORK"
    assert read_metadata("x\n\nST. LOUIS, Mo. - Body").dateline == "ST. LOUIS"
    assert read_metadata("x\n\nThe US – Body").dateline is None

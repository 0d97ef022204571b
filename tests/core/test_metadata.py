"""Titles, dates, datelines and front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.corpus import load_corpus, read_article
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


def test_markdown_heading_is_the_title_without_its_hashes() -> None:
    text = "# Grain talks resume #\nNegotiators met again.\n"
    meta = read_metadata(text)
    assert meta.title == "Grain talks resume"
    assert meta.title_span is not None
    assert text[slice(*meta.title_span)] == "Grain talks resume"
    assert text[meta.body_start :].startswith("Negotiators")
    assert read_metadata("#hashtag first\n\nBody.\n").title == "#hashtag first"  # no heading


@pytest.mark.parametrize(
    "written",
    [
        "2024-12-02",
        "2024-12-02T10:00:00Z",
        "2024-12-02T23:30:00-05:00",
        "2024/12/02",
        "Mon, 02 Dec 2024 10:00:00 +0000",
        "December 2, 2024",
        "Dec. 2, 2024",
        "2 Dec 2024",
        "Monday, 2nd December 2024",
    ],
)
def test_dates_in_many_formats(written: str) -> None:
    assert read_metadata(f"---\ndate: {written}\n---\nBody.\n").date == "2024-12-02"
    assert read_metadata(f"---\npublished: '{written}'\n---\nBody.\n").date == "2024-12-02"
    meta = read_metadata(f"date: {written}\n\nTitle here\n\nBody.\n")
    assert (meta.date, meta.title) == ("2024-12-02", "Title here")


def test_impossible_dates_are_warnings_not_dates() -> None:
    meta = read_metadata("---\ndate: 2024-02-31\n---\nBody.\n")
    assert meta.date is None and meta.warnings == ["date: invalid date '2024-02-31' (ignored)"]
    meta = read_metadata("date 31 February 2023 Body text.")
    assert meta.date is None and "invalid date" in meta.warnings[0]
    assert meta.title == "Body text."
    meta = read_metadata("---\ndate: sometime soon\n---\nBody.\n")
    assert meta.date is None and "unreadable date" in meta.warnings[0]


def test_published_url_and_author_are_read() -> None:
    text = (
        "---\ntitle: Wire story\npublished: 2 Dec 2024\nauthor: Ada Quill\n"
        "url: https://example.org/story\n---\nBody.\n"
    )
    meta = read_metadata(text)
    assert (meta.date, meta.author, meta.url) == (
        "2024-12-02",
        "Ada Quill",
        "https://example.org/story",
    )
    assert read_metadata("---\nsource: https://x.test/a\n---\nB").url == "https://x.test/a"
    assert read_metadata("---\nsource: The Wire\n---\nB").url is None


def test_a_cp1251_file_is_read_in_cyrillic_and_the_warning_names_it(tmp_path: Path) -> None:
    body = (
        "Президент заявил журналистам, что переговоры продолжатся на следующей неделе. "
        "Министр иностранных дел подтвердил, что делегации встретятся в Москве.\n"
    )
    path = tmp_path / "ru.txt"
    path.write_bytes(("Переговоры продолжатся\n\n" + body).encode("cp1251"))
    result = read_article(path, tmp_path)
    assert isinstance(result, tuple)
    article, warning = result
    assert article.title == "Переговоры продолжатся" and article.encoding == "cp1251"
    assert warning.message.endswith("read as cp1251")


def test_an_impossible_date_reaches_the_load_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2024-02-30 Body text.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].date is None
    assert [w.message for w in corpus.warnings] == ["invalid date '2024-02-30' (ignored)"]

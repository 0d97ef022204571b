"""Loading a folder: which files are articles, decoding, skipping, ids and order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.core.corpus import CorpusError, load_corpus
from tui.core.corpus.read import NotText, decode


def test_fixture_corpus_loads_every_article_sorted_by_date(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    assert [a.id for a in corpus.articles] == [
        "world/grain-talks",
        "world/harbour-bridge",
        "science/markup-test",  # undated ones last, by title
        "science/comet-survey",
    ]
    assert corpus.skipped == [] and corpus.warnings == []


def test_article_fields(corpus_dir: Path) -> None:
    article = load_corpus(corpus_dir).by_id("world/harbour-bridge")
    assert article is not None
    assert article.path == "world/harbour-bridge.txt"
    assert article.folder == "world"
    assert article.date == "2025-03-14"
    assert article.dateline == "VALMORA"
    assert article.title.startswith("The city council of Valmora voted")
    assert article.text.startswith("date 2025-03-14 VALMORA")
    first = article.passage_text(0)
    assert first.startswith("VALMORA – The city council")


def test_skipped_files_are_reported_and_the_rest_loads(messy_corpus: Path) -> None:
    corpus = load_corpus(messy_corpus)
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert reasons == {
        "blank.md": "empty file",
        "empty.txt": "empty file",
        "image.txt": "binary file",
    }
    assert {w.path for w in corpus.warnings} == {"latin.txt"}
    assert "cp1252" in corpus.warnings[0].message
    latin = corpus.by_id("latin")
    assert latin is not None and "crème brûlée" in latin.text
    assert len(corpus.articles) == 5  # four fixtures + latin; notes.rst is not an article


def test_hidden_files_and_folders_are_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref\n")
    (tmp_path / ".draft.txt").write_text("secret\n")
    (tmp_path / "a.TXT").write_text("Visible\n\nBody.\n")
    assert [a.id for a in load_corpus(tmp_path).articles] == ["a"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Title\n\nBody.\n")
    locked.chmod(0)
    corpus = load_corpus(tmp_path)
    assert corpus.skipped[0].reason == "permission denied"


def test_broken_link_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    assert corpus.skipped[0].path == "gone.txt"
    assert "broken link" in corpus.skipped[0].reason


def test_missing_folder_and_file_instead_of_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="folder not found"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(CorpusError, match="not a folder"):
        load_corpus(tmp_path / "f.txt")


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Déjà vu\r\nline two\rthree".encode(), "Déjà vu\nline two\nthree", "utf-8"),
        (b"\xef\xbb\xbfWith BOM", "With BOM", "utf-8"),
        ("UTF-16 text\n".encode("utf-16"), "UTF-16 text\n", "utf-16"),
        ("caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "caf\u00e9 \u201cquoted\u201d", "cp1252"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert (decoded.warning is not None) == (encoding == "cp1252")


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b" \n\t", "empty file"), (b"ab\x00cd\x01\x02", "binary file")],
)
def test_decode_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason):
        decode(data)


def test_loading_writes_nothing(corpus_dir: Path) -> None:
    before = {
        p: (p.stat().st_mtime_ns, p.read_bytes()) for p in corpus_dir.rglob("*") if p.is_file()
    }
    load_corpus(corpus_dir)
    after = {
        p: (p.stat().st_mtime_ns, p.read_bytes()) for p in corpus_dir.rglob("*") if p.is_file()
    }
    assert before == after

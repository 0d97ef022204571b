"""The main screen's plain parts: its view state, its status texts, its worker bodies."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.message import Message

from tui.core.corpus import Corpus
from tui.core.library import Library
from tui.core.models import LoadWarning, Skipped
from tui.core.quotes import Quote
from tui.ui import jobs, status_text
from tui.ui.messages import FindFinished, SearchFinished
from tui.ui.session import Session, asks_speaker


def _library(corpus_dir: Path) -> Library:
    return Library(corpus_dir, use_cache=False).load_now()


def test_a_search_answer_belongs_only_to_its_query_and_index(corpus_dir: Path) -> None:
    index = _library(corpus_dir).index
    other = _library(corpus_dir).index
    assert Session.search_is_current("grain", "grain", index, index)
    assert not Session.search_is_current("grain", "grains", index, index)  # typed on
    assert not Session.search_is_current("grain", "grain", other, index)  # reloaded since
    assert not Session.search_is_current("grain", "grain", None, index)


def test_find_matches_belong_only_to_the_open_article_and_words() -> None:
    session = Session(open_article=2)
    assert session.find_is_current(2, "comet", "comet")
    assert not session.find_is_current(1, "comet", "comet")
    assert not session.find_is_current(2, "comet", "comets")


def test_speaker_scopes_are_recognised() -> None:
    assert asks_speaker("speaker:rezaei")
    assert asks_speaker("grain speaker:voss")
    assert not asks_speaker("speaker rezaei")


def test_status_texts() -> None:
    root = Path("/data/news")
    assert status_text.plural(1, "article") == "1 article"
    assert status_text.plural(2_225, "article") == "2,225 articles"
    assert status_text.reading(root, 3, 1_200) == "Loading /data/news: 3/1,200 files…"
    assert status_text.from_cache(root, "read", 2, 5) == (
        "Loading /data/news from the cache: reading changed files 2/5…"
    )
    corpus = Corpus(root)
    assert status_text.problems(corpus) == ""
    corpus.skipped.append(Skipped("a.txt", "empty file"))
    corpus.warnings += [LoadWarning("b.txt", "cp1252"), LoadWarning("c.txt", "cp1252")]
    assert status_text.problems(corpus) == "1 file skipped, 2 warnings (w: details)"
    assert status_text.indexing(4) == "4 articles · indexing…"
    assert status_text.indexing(4, 1, 4) == "4 articles · indexing 1/4…"
    assert status_text.search_ready(4, 30) == "4 articles · 30 passages · search ready"
    assert status_text.search_result("grain", 3, False) == "3 hits for 'grain'"
    assert status_text.search_result("grain zzz", 3, False, None, ("zzz", "x" * 900)) == (
        f"3 hits for 'grain zzz' · no passage has 'zzz', '{'x' * 40}…'"
    )
    assert status_text.search_result("speaker:x", 0, True) == (
        "no match for 'speaker:x' yet · quotations are still being found"
    )
    assert status_text.search_result("speaker:x", 0, False) == "no match for 'speaker:x'"
    assert status_text.partial_result("grain", 3, 3, 4, 4) == (
        "3 hits so far for 'grain' · partial: words as typed, 4 articles · indexing…"
    )
    assert status_text.partial_result("grain", 50, 135, 812, 2_225, 128, 2_225) == (
        "50 of 135 hits so far for 'grain' · partial: words as typed, 812 of 2,225 articles"
        " · indexing 128/2,225…"
    )
    quote = Quote(0, 9, "he", (10, 12), "Ivo Marsh", "said", (13, 17), True, 0)
    assert status_text.quote_visited(quote, 0, 3) == "Quote 1/3: Ivo Marsh (guessed) · said"
    anonymous = Quote(0, 9, None, None, None, None, None, False, 0)
    assert status_text.quote_visited(anonymous, 2, 3) == "Quote 3/3: speaker unknown"


def test_jobs_post_nothing_once_cancelled(corpus_dir: Path) -> None:
    library = _library(corpus_dir)
    assert library.index is not None
    posted: list[Message] = []
    live, cancelled = threading.Event(), threading.Event()
    cancelled.set()
    jobs.search(library.index, "grain", 10, posted.append, cancelled)
    jobs.find_in_article(library.index, 0, "grain", posted.append, cancelled)
    assert posted == []
    jobs.search(library.index, "grain", 10, posted.append, live)
    jobs.find_in_article(library.index, 0, "grain", posted.append, live)
    assert [type(m) for m in posted] == [SearchFinished, FindFinished]


def test_the_load_job_reports_a_missing_folder(tmp_path: Path) -> None:
    posted: list[Message] = []
    jobs.load_and_index(tmp_path / "gone", posted.append, threading.Event(), use_cache=False)
    assert len(posted) == 1 and "folder not found" in getattr(posted[0], "reason", "")

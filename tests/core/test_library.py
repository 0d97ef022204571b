"""The core's one owner of a loaded corpus: the load pipeline and what a Library answers."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path

import pytest

import tui.core.library
import tui.core.quotes.policy as policy
from tui.core.cache import cache_state
from tui.core.corpus import Corpus, CorpusError
from tui.core.library import Library, LoadEvents, freeze_start, load
from tui.core.models import Article
from tui.core.quotes import QuoteTable, find_quotes
from tui.core.search import SearchIndex


class Recorder(LoadEvents):
    """Every event, by name, in the order it came."""

    def __init__(self, stop_at: str | None = None, cancel: threading.Event | None = None):
        self.names: list[str] = []
        self.corpus: Corpus | None = None
        self.stop_at, self.cancel = stop_at, cancel

    def _seen(self, name: str) -> None:
        if not self.names or self.names[-1] != name:
            self.names.append(name)
        if name == self.stop_at and self.cancel is not None:
            self.cancel.set()

    def articles_read(self, articles: list[Article], done: int, total: int) -> None:
        self._seen("articles_read")

    def cache_progress(self, stage: str, done: int, total: int) -> None:
        self._seen("cache_progress")

    def corpus_loaded(self, corpus: Corpus, warnings: list[str], reused: int, reread: int) -> None:
        self.corpus = corpus
        self._seen("corpus_loaded")

    def index_progress(self, done: int, total: int) -> None:
        self._seen("index_progress")

    def index_built(self, index: SearchIndex, seconds: float) -> None:
        self._seen("index_built")

    def quotes_found(self, quotes: QuoteTable) -> None:
        self._seen("quotes_found")


def test_cold_then_warm_load_report_in_order(corpus_dir: Path) -> None:
    cold = Recorder()
    load(corpus_dir, cold)
    assert cold.names == [
        "articles_read",
        "corpus_loaded",
        "index_progress",
        "index_built",
        "quotes_found",
    ]
    warm = Recorder()
    load(corpus_dir, warm)  # the cold load wrote the cache
    assert warm.names == ["cache_progress", "corpus_loaded", "index_built", "quotes_found"]
    assert cold.corpus is not None and warm.corpus is not None
    assert [a.id for a in warm.corpus.articles] == [a.id for a in cold.corpus.articles]


def test_without_the_cache_nothing_is_written(corpus_dir: Path, cache_dir: Path) -> None:
    events = Recorder()
    load(corpus_dir, events, use_cache=False)
    assert "index_built" in events.names
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_a_listing_needs_no_index(corpus_dir: Path) -> None:
    events = Recorder()
    load(corpus_dir, events, use_cache=False, index=False)
    assert events.names == ["articles_read", "corpus_loaded", "quotes_found"]


@pytest.mark.parametrize("stage", ["articles_read", "corpus_loaded", "index_built"])
def test_a_cancelled_load_reports_nothing_more(corpus_dir: Path, stage: str) -> None:
    cancel = threading.Event()
    events = Recorder(stop_at=stage, cancel=cancel)
    load(corpus_dir, events, use_cache=False, cancel=cancel)
    assert events.names[-1] == stage
    assert "quotes_found" not in events.names


def test_a_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="folder not found"):
        load(tmp_path / "nowhere", Recorder())


def test_load_now_fills_the_library(corpus_dir: Path) -> None:
    library = Library(corpus_dir, use_cache=False).load_now()
    assert library.corpus is not None and library.index is not None and library.quotes_ready
    for number, article in enumerate(library.articles):
        assert library.quotes_of(number) == find_quotes(article.text)
        assert library.number_of(article.id) == number
    assert library.number_of("no/such/article") is None
    hits = library.search("grain", 5).hits
    assert hits and library.articles[hits[0].article].id == "world/grain-talks"
    spans = library.find(hits[0].article, "grain")
    text = library.articles[hits[0].article].text
    assert spans and all(text[s:e].lower().startswith("grain") for s, e in spans)


def test_the_loaded_index_is_out_of_the_collectors_sight(corpus_dir: Path) -> None:
    # A full collection must not traverse the corpus and index on a keystroke.
    gc.unfreeze()
    try:
        library = Library(corpus_dir, use_cache=False).load_now(quotes=False)
        assert library.index is not None
        assert gc.get_freeze_count() > 0
        assert not any(obj is library.index for obj in gc.get_objects())
    finally:
        gc.unfreeze()


class _Cycle:
    """An object in a reference cycle, like a widget that points at its parent."""

    def __init__(self) -> None:
        self.me = self


def test_a_cycle_frozen_by_one_load_is_collected_at_the_next(corpus_dir: Path) -> None:
    # A long session reloads many times: what was alive at one freeze and died since
    # (in a cycle, so reference counting cannot free it) must not stay forever.
    gc.unfreeze()
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        Library(corpus_dir, use_cache=False).load_now(quotes=False)
        del cycle
        assert gone() is not None  # frozen: no collection sees it
        Library(corpus_dir, use_cache=False).load_now(quotes=False)
        assert gone() is None
    finally:
        gc.unfreeze()


def test_the_start_freeze_collects_nothing_and_the_first_load_frees_its_garbage(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before the first frame: the imports' objects frozen, no collection paid for then.
    monkeypatch.setattr(tui.core.library, "_START_FROZEN", threading.Event())
    gc.unfreeze()
    try:
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        del garbage
        freeze_start()
        assert gone() is not None and gc.get_freeze_count() > 0  # frozen, not collected
        frozen = gc.get_freeze_count()
        kept = [_Cycle() for _ in range(100)]
        freeze_start()  # once a process: a second call freezes nothing more
        assert gc.get_freeze_count() <= frozen  # the 100 new objects are not frozen
        Library(corpus_dir, use_cache=False).load_now(quotes=False)
        assert gone() is None and len(kept) == 100  # the load's settle collected it
    finally:
        gc.unfreeze()


def test_a_new_corpus_drops_the_old_index_and_quotes(corpus_dir: Path) -> None:
    library = Library(corpus_dir, use_cache=False).load_now()
    library.adopt_corpus(Corpus(corpus_dir))
    assert library.index is None and not library.quotes_ready
    assert library.articles == [] and library.search("grain", 5).hits == []
    assert library.quotes_of(0) == []


def test_one_size_policy_for_quotes(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library(corpus_dir, use_cache=False).load_now(quotes=False)
    quoted = next(n for n, a in enumerate(library.articles) if find_quotes(a.text))
    size = len(library.articles[quoted].text)
    # Before the corpus-wide table: found on demand up to the window size, none past it.
    monkeypatch.setattr(policy, "ON_DEMAND_LIMIT", size - 1)
    assert library.quotes_of(quoted) == []
    monkeypatch.setattr(policy, "BULK_LIMIT", size - 1)
    table = QuoteTable.find_all([a.text for a in library.articles])
    assert table is not None and table[quoted] == []
    monkeypatch.setattr(policy, "BULK_LIMIT", size)
    table = QuoteTable.find_all([a.text for a in library.articles])
    assert table is not None and table[quoted] == find_quotes(library.articles[quoted].text)
    library.adopt_quotes(table)
    assert library.quotes_of(quoted) == table[quoted]


def test_find_all_stops_when_cancelled() -> None:
    cancel = threading.Event()
    cancel.set()
    assert QuoteTable.find_all(["“Yes,” she said."], cancel) is None


def test_the_cache_is_written_before_the_quotations_are_found(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A session that ends while the quotations are still being found (find_all gives
    # up when cancelled) still leaves a warm cache; the next start finds them.
    with monkeypatch.context() as patched:  # only this patch is undone after (not the cache dir)
        patched.setattr(QuoteTable, "find_all", staticmethod(lambda texts, cancel=None: None))
        cold = Recorder()
        load(corpus_dir, cold)
    assert cold.names[-1] == "index_built"
    assert cache_state(corpus_dir) == (True, None)
    events = Recorder()
    load(corpus_dir, events)
    assert events.names == ["cache_progress", "corpus_loaded", "index_built", "quotes_found"]
    warm = Library(corpus_dir).load_now()
    for number, article in enumerate(warm.articles):
        assert warm.quotes_of(number) == find_quotes(article.text)
    assert warm.search("Brandauer said", 3)  # the speakers the quotations name, too
    assert warm.search("speaker:Brandauer", 3)
    again = Library(corpus_dir).load_now()  # the quotations were written back
    assert [again.quotes_of(n) for n in range(len(again.articles))] == warm.all_quotes()


def test_quotations_found_on_demand_are_kept_for_a_few_articles(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.core.library as library_module

    monkeypatch.setattr(library_module, "QUOTES_KEPT", 2)
    library = Library(corpus_dir, use_cache=False).load_now(quotes=False)
    assert len(library.articles) >= 3
    for number in range(3):
        assert library.quotes_of(number) == find_quotes(library.articles[number].text)
    assert sorted(library._shown) == [1, 2]  # the oldest went; a long session stays bounded


def test_quotations_found_elsewhere_are_kept_only_for_the_article_still_loaded(
    corpus_dir: Path,
) -> None:
    library = Library(corpus_dir, use_cache=False).load_now(quotes=False)
    old = library.articles[0]
    found = find_quotes(old.text)
    library.keep_quotes(old, found)
    assert library.has_quotes_of(0) and library.quotes_of(0) is found
    library.load_now(quotes=False)  # a reload: the same file, a new article
    library.keep_quotes(old, [])  # a worker's answer for the article before the reload
    assert not library.has_quotes_of(0)
    assert library.quotes_of(0) == found  # found again for the new article, not the stale []

"""A query typed while a cold load indexes is answered early, as partial, then in full."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from tests.helpers import idle
from tui.core.library import Library
from tui.core.search import SearchIndex
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

SIZE = (120, 40)


def _held_index(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Hold the next index build: the corpus is read, the index not built until ``go``.

    Returns (``reached``, set once the build is waiting; ``go``, which lets it on)."""
    build = SearchIndex.build.__func__  # type: ignore[attr-defined]
    reached, go = threading.Event(), threading.Event()

    def held(cls: type[SearchIndex], *args: Any, **kwargs: Any) -> SearchIndex:
        reached.set()
        go.wait(60)
        return build(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(SearchIndex, "build", classmethod(held))
    return reached, go


async def _until(pilot: Pilot[None], condition: Any) -> None:
    """Let the app run until ``condition()`` holds (bounded; no timing is asserted)."""
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("never got there")


async def _complete(app: App[object], pilot: Pilot[None]) -> None:
    await idle(app)
    await pilot.pause()


async def test_a_query_during_a_cold_load_is_answered_early_then_in_full(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached, go = _held_index(monkeypatch)
    app = SeedApp(corpus_dir, use_cache=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", *"grain talks")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await _until(pilot, reached.is_set)
        results = screen.query_one(ResultList)  # mounted by the early answer
        await _until(pilot, lambda: bool(screen.mounted(ResultList) and results.hits))
        status = screen.query_one(StatusBar)
        assert screen.library.index is None  # still indexing: this answer is partial
        assert "so far for 'grain talks'" in status.message and "partial" in status.message
        assert "indexing" in status.message
        assert (results.border_title or "").startswith("partial")
        article = screen.library.articles[results.hits[0].article]
        assert article.id == "world/grain-talks"
        await pilot.press("enter")  # a partial answer opens nothing: the full one will
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert app.focused is screen.query_one(SearchBox)  # Enter on a hit moves to the reader
        assert screen.session.opening == "grain talks"  # kept for the complete answer
        go.set()
        await _complete(app, pilot)
        expected = Library(corpus_dir, use_cache=False).load_now().search("grain talks", 50)
        assert screen.library.index is not None
        assert [(h.article, h.passage, h.matches) for h in results.hits] == [
            (h.article, h.passage, h.matches) for h in expected.hits
        ]
        assert "so far" not in status.message and "partial" not in (results.border_title or "")
        assert reader.article is not None and reader.article.id == "world/grain-talks"
        assert app.focused is reader and screen.session.opening is None


async def test_typing_on_during_the_load_replaces_the_early_answer(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached, go = _held_index(monkeypatch)
    app = SeedApp(corpus_dir, use_cache=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", *"grain")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await _until(pilot, lambda: screen.session.partial is not None)
        await pilot.press(*" harbour")
        await _until(pilot, lambda: (screen.session.partial or ("",))[0] == "grain harbour")
        status = screen.query_one(StatusBar)
        assert "so far for 'grain harbour'" in status.message
        await pilot.press(*' "x"')  # a phrase: left to the index, the old answer goes
        await _until(pilot, lambda: screen.session.partial is None)
        assert not screen.shown_hits()
        go.set()
        await _complete(app, pilot)
        assert screen.library.index is not None
        assert screen.session.hits_query == 'grain harbour "x"'

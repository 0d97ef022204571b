"""The load job's hold: once the index is in, the quotations wait for the first answer."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.message import Message

from tui.ui import jobs
from tui.ui.messages import IndexBuilt, QuotesFound


def _until(condition: Callable[[], bool], seconds: float = 120.0) -> None:
    """Wait for ``condition`` (generously: the machine may be slow), else fail."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the load job never got there"
        time.sleep(0.01)


def _start(
    corpus_dir: Path, hold: threading.Event, cancel: threading.Event
) -> tuple[list[Message], threading.Thread]:
    posted: list[Message] = []
    worker = threading.Thread(
        target=jobs.load_and_index,
        args=(corpus_dir, posted.append, cancel, False, None, hold),
        daemon=True,
    )
    worker.start()
    _until(lambda: any(isinstance(m, IndexBuilt) for m in posted))
    return posted, worker


@pytest.fixture(autouse=True)
def long_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "HOLD_SECONDS", 600.0)  # only the events end the hold here


def test_quotations_wait_until_the_first_answer_lets_them(corpus_dir: Path) -> None:
    hold = threading.Event()
    posted, worker = _start(corpus_dir, hold, threading.Event())
    time.sleep(0.3)  # time enough to find the quotations of a few articles, were it let
    assert worker.is_alive()
    assert not any(isinstance(m, QuotesFound) for m in posted)
    hold.set()
    worker.join(120)
    assert not worker.is_alive()
    assert isinstance(posted[-1], QuotesFound)


def test_a_cancelled_load_stops_waiting_and_reports_nothing_more(corpus_dir: Path) -> None:
    cancel = threading.Event()
    posted, worker = _start(corpus_dir, threading.Event(), cancel)
    cancel.set()
    worker.join(120)
    assert not worker.is_alive()
    assert not any(isinstance(m, QuotesFound) for m in posted)


async def test_the_load_goes_on_once_the_first_answer_is_on_screen(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A query typed before the index is in: its hits are painted before the quotations
    # (and the collection that freezes the index) take their turn.
    from tests.helpers import idle
    from tui.ui.app import SeedApp
    from tui.ui.screens.main import MainScreen
    from tui.ui.widgets.result_list import ResultList

    seen: list[tuple[bool, bool]] = []
    shown = MainScreen.first_answer_shown

    def first_answer_shown(self: MainScreen) -> None:
        results = self.query_one(ResultList)  # laid out and painted, not only filled
        seen.append((self.first_answer.is_set(), bool(results.hits) and results.region.height > 0))
        shown(self)

    monkeypatch.setattr(MainScreen, "first_answer_shown", first_answer_shown)
    start = MainScreen.start_loading
    monkeypatch.setattr(MainScreen, "start_loading", lambda self: None)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"comet")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        start(screen)  # the load starts with the query already in the box
        await idle(app)
        await pilot.pause()
        assert seen == [(False, True)]  # held until then, and the hits were painted
        assert screen.first_answer.is_set() and screen.library.quotes_ready

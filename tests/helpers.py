"""Helpers shared by the UI and snapshot tests."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tui.ui.screens.main import MainScreen


async def idle(app: App[object]) -> None:
    """Wait until no worker is running (a worker cancelled by a newer one is fine)."""
    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        if not any(worker.is_running for worker in app.workers):
            return


def screen_text(app: App[object]) -> str:
    """What the terminal shows now, as plain text lines."""
    update = app.screen._compositor.render_full_update(simplify=True)
    return "\n".join("".join(strip.text for strip in line) for line in update.strips)


async def ready(pilot: Pilot[None]) -> MainScreen:
    """Wait until loading, indexing and quotes are done; the main screen."""
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    await idle(pilot.app)
    await pilot.pause()
    return screen


def held_load(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the next folder load until the returned event is set."""
    from tui.ui import jobs

    loading = jobs.load_and_index
    go = threading.Event()

    def slow_load(*args: Any, **kwargs: Any) -> None:
        go.wait(30)
        loading(*args, **kwargs)

    monkeypatch.setattr(jobs, "load_and_index", slow_load)
    return go


def held_corpus_quotes(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the corpus-wide quotations back (the index comes) until the event is set."""
    import tui.core.quotes.table

    release = threading.Event()
    real = tui.core.quotes.table.corpus_quotes

    def slow_corpus_quotes(text: str) -> list[object]:
        release.wait(10)
        return real(text)

    monkeypatch.setattr(tui.core.quotes.table, "corpus_quotes", slow_corpus_quotes)
    return release


async def until_indexed(pilot: Pilot[Any], screen: MainScreen) -> None:
    """Wait (5 s at most) until ``screen``'s library has its index."""
    for _ in range(250):
        await pilot.pause(0.02)
        if screen.library.index is not None:
            return
    raise AssertionError("the index never came")

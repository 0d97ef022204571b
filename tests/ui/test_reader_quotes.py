"""Pilot tests: before the corpus's quotations are in, a search hit is painted first and
its article's quotations are found in a worker; keys that need them sooner find them."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App

import tui.core.quotes
from tests.helpers import held_corpus_quotes, idle, until_indexed
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.status_bar import StatusBar

SIZE = (120, 40)


async def test_a_hit_is_painted_while_its_articles_quotations_are_still_being_found(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = held_corpus_quotes(monkeypatch)
    events: list[str] = []
    threads: list[threading.Thread] = []
    finish = threading.Event()
    real_find = tui.core.quotes.on_demand_quotes

    def finding(text: str) -> list[Any]:
        if "Brandauer" in text:  # the hit's article: held until the test lets it finish
            threads.append(threading.current_thread())
            finish.wait(10)
            events.append("found")
        return real_find(text)

    monkeypatch.setattr(tui.core.quotes, "on_demand_quotes", finding)
    draw = App._display

    def display(self: App[object], screen: Any, renderable: Any) -> None:
        draw(self, screen, renderable)
        if isinstance(screen, MainScreen) and renderable is not None:
            reader = screen.query_one(ArticleReader)
            if reader.article is not None and "Brandauer" in reader.article.text:
                events.append("painted")

    monkeypatch.setattr(App, "_display", display)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await until_indexed(pilot, screen)
        events.clear()
        await pilot.press("slash", *"harbour bridge corrosion")
        for _ in range(100):
            await pilot.pause(0.02)
            if "painted" in events:
                break
        # Painted while the finding is held: it runs beside the UI, not on its thread.
        assert events[:1] == ["painted"]
        assert threads and threading.main_thread() not in threads
        reader = screen.query_one(ArticleReader)
        assert reader.quotes_pending and reader.drawn_quotes == []
        finish.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if not reader.quotes_pending:
                break
        assert not reader.quotes_pending
        number = screen.query_one(ResultList).hits[0].article
        assert screen.library.has_quotes_of(number)  # kept: opening it again finds none
        assert reader.drawn_quotes == screen.library.quotes_of(number)
        assert len(reader.drawn_quotes) == 5  # highlighted once found
        release.set()
        await idle(app)


async def test_next_quotation_pressed_with_the_opening_key_finds_them_at_once(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = held_corpus_quotes(monkeypatch)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await until_indexed(pilot, screen)
        # One burst from the article list: the next article (the harbour bridge) opens, the
        # reader takes the focus, and the quotation keys come before the frame after which
        # its quotations would be found.
        burst = [("j", "j"), ("enter", "\r"), *[("right_square_bracket", "]")] * 2]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert reader.current_quote == 1
        assert screen.query_one(StatusBar).message.startswith("Quote 2/5: the council’s own study")
        release.set()
        await idle(app)

"""Pilot test for the speakers view: filter as you type, a speaker's quotations, open one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from tests.helpers import held_load, idle, ready
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.screens.speakers import SpeakersScreen
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar


def rows(screen: SpeakersScreen) -> list[str]:
    listing = screen.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_speakers_filter_list_their_quotations_and_open_one(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await ready(pilot)
        assert isinstance(main, MainScreen)
        await pilot.press("S")
        await idle(app)
        await pilot.pause()
        view = app.screen
        assert isinstance(view, SpeakersScreen)
        everyone = rows(view)
        assert any(row.startswith("Ilse Brandauer  ") for row in everyone)
        assert any(row.startswith("Helena Voss  ") for row in everyone)
        await pilot.press(*"brandaur")  # a typo: fuzzy on the name
        await idle(app)
        await pilot.pause()
        (only,) = rows(view)
        assert only.startswith("Ilse Brandauer  ") and "1 article" in only
        await pilot.press("enter")  # her quotations, across articles
        await pilot.pause()
        quotations = rows(view)
        assert quotations and all("\n" in row for row in quotations)
        await pilot.press("escape")  # back to the speakers, the filter kept
        await pilot.pause()
        assert rows(view) == [only]
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is main
        reader = main.query_one(ArticleReader)
        assert app.focused is reader and reader.current_quote is not None
        quote = reader.quotes[reader.current_quote]
        assert (quote.speaker_name or quote.speaker) == "Ilse Brandauer"
        line = reader._layout.line_of_offset(quote.start)
        assert reader.scroll_y <= line < reader.scroll_y + reader.size.height
        assert "Ilse Brandauer" in main.query_one(StatusBar).message


async def test_keys_typed_after_S_during_the_load_filter_the_view_when_it_fills(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # S before the quotations are found opens the view at once: the name typed next goes
    # to its filter (not to the article list's keys), and Enter on it lists the
    # quotations once the speakers are in.
    go = held_load(monkeypatch)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press("S", *"brandaur", "enter")
        view = app.screen
        assert isinstance(view, SpeakersScreen) and not view.filled
        assert view.query_one(Input).value == "brandaur"
        assert "Finding" in str(view.query_one("#speakers-title", Static).render())
        go.set()
        await idle(app)
        await pilot.pause()
        await idle(app)
        await pilot.pause()
        assert app.screen is view and view.filled
        assert view.speaker is not None and view.speaker.name == "Ilse Brandauer"
        quotations = rows(view)
        assert quotations and all("\n" in row for row in quotations)
        assert main.query_one(SearchBox).value == ""

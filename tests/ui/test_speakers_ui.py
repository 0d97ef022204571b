"""Pilot test for the speakers view: filter as you type, a speaker's quotations, open one."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.helpers import idle, ready
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.screens.speakers import SpeakersScreen
from tui.ui.widgets.reader import ArticleReader
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

"""Pilot tests for quotations in the browser: the quotes panel and the speaker filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher

from tests.helpers import held_corpus_quotes, idle, ready, until_indexed
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.quote_panel import SNIPPET_LINES, QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.status_bar import StatusBar

SIZE = (120, 40)


async def test_quotes_panel_lists_speakers_and_jumps(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "quotation_mark")
        await pilot.pause()
        panel = screen.query_one(QuotePanel)
        assert screen.query_one(ContentSwitcher).current == "quotes"
        assert app.focused is panel
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert len(prompts) == 5
        assert prompts[0].startswith("Ilse Brandauer · said\n“The bridge has carried")
        assert prompts[4].startswith("Tomas Reyes")
        await pilot.press("down", "down")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert reader.current_quote == 2
        assert screen.query_one(StatusBar).message.startswith("Quote 3/5: Ilse Brandauer")
        await pilot.press("enter")
        assert app.focused is reader
        await pilot.press("quotation_mark")  # close again: back to the article list
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "articles"


async def test_speaker_filter_lists_the_passages_quoting_a_speaker(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"speaker:brandauer")
        await idle(app)
        await pilot.pause()
        hits = screen.query_one(ResultList).hits
        texts = [screen.library.corpus.articles[h.article].text[h.start : h.end] for h in hits]
        assert len(texts) == 2
        assert any("proper rest" in t for t in texts)
        assert any("islanders cut off" in t for t in texts)
        await pilot.press("ctrl+a", "ctrl+k", *"speaker:voss")  # fuzzy on the name
        await idle(app)
        await pilot.pause()
        hits = screen.query_one(ResultList).hits
        assert {screen.library.articles[h.article].id for h in hits} == {"science/comet-survey"}


async def test_speaker_query_typed_before_the_quotations_is_answered_when_they_come(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = held_corpus_quotes(monkeypatch)  # the index comes, not the quotations
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await until_indexed(pilot, screen)
        assert screen.library.index is not None and not screen.library.quotes_ready
        await pilot.press("slash", *"speaker:brandauer")
        for _ in range(50):
            await pilot.pause(0.02)
            if "for 'speaker:brandauer'" in screen.query_one(StatusBar).message:
                break
        status = screen.query_one(StatusBar).message
        assert status.startswith("no match for 'speaker:brandauer' yet")
        assert "quotations are still being found" in status
        release.set()
        await idle(app)
        await pilot.pause()
        assert len(screen.query_one(ResultList).hits) == 2
        assert screen.query_one(StatusBar).message == "2 hits for 'speaker:brandauer'"


async def test_quotes_panel_opened_from_the_reader_uses_the_whole_narrow_screen(
    corpus_dir: Path,
) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: one pane at a time
        screen = await ready(pilot)
        await pilot.press("j", "enter", "quotation_mark")
        await pilot.pause()
        panel = screen.query_one(QuotePanel)
        assert app.focused is panel
        head, body = str(panel.get_option_at_index(0).prompt).split("\n", 1)
        assert head == "Ilse Brandauer · said"
        width = panel.pane_width()
        assert width > 60
        assert len(body) > 20 * SNIPPET_LINES or not body.endswith("…")

"""What the first frame is made of: the main screen without the parts hidden at start
(results, quotes panel, filter line, find bar). Each of those is mounted by the key that
first needs it, and that key and the ones typed right after it land there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher

from tests.helpers import idle, ready
from tests.ui.test_key_bursts import burst
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.list_filter import ListFilter
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList

SIZE = (120, 40)
HIDDEN = (ResultList, QuotePanel, ListFilter, FindBar)


def shown_lists(screen: MainScreen) -> list[str]:
    """The ids of the left pane's lists that are displayed."""
    switcher = screen.query_one(ContentSwitcher)
    return [str(child.id) for child in switcher.children if child.display]


async def test_no_hidden_part_is_mounted_at_start(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert [kind.__name__ for kind in HIDDEN if screen.query(kind)] == []
        assert shown_lists(screen) == ["articles"]
        screen.part(QuotePanel)  # mounted while another list shows: hidden until current
        await pilot.pause()
        assert shown_lists(screen) == ["articles"]


async def test_a_query_typed_at_once_mounts_the_results_and_shows_them_alone(
    corpus_dir: Path,
) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "/", *"grain")
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        assert results.hits and shown_lists(screen) == ["results"]
        await burst(pilot, "escape", "escape")  # to the results, then the list: they hide
        assert shown_lists(screen) == ["articles"]
        assert not screen.query(QuotePanel)  # the other parts are still not mounted


async def test_the_quotes_key_mounts_the_panel_and_focuses_it(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "j", "quotation_mark", "j")
        panel = screen.query_one(QuotePanel)
        assert app.focused is panel and shown_lists(screen) == ["quotes"]
        assert panel.option_count == 5 and panel.highlighted == 1  # the j after it moved it
        await burst(pilot, "quotation_mark")
        assert shown_lists(screen) == ["articles"]
        assert isinstance(app.focused, ArticleList)


async def test_the_filter_key_mounts_the_line_under_the_list(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "f", *"comet", "enter")
        line = screen.query_one(ListFilter)
        assert line.value == "comet" and line.display
        assert line.parent is screen.query_one("#left")
        assert line.region.y > screen.query_one(ArticleList).region.y  # under the list
        assert isinstance(screen.focused, ArticleList)


async def test_slash_in_the_reader_mounts_the_find_bar_under_it(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "enter", "/", *"grain")
        await idle(pilot.app)
        await pilot.pause()
        find = screen.query_one(FindBar)
        assert screen.focused is find and find.value == "grain"
        reader = screen.query_one(ArticleReader)
        assert find.parent is screen.query_one("#right")
        assert find.region.y > reader.region.y and find.region.height > 0
        assert reader.find_matches  # the bar's search ran on the open article


async def test_the_footer_composes_its_keys_again_only_when_they_change(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets._footer import FooterKey

    from tui.ui.widgets.footer import KeyFooter

    start = MainScreen.start_loading
    monkeypatch.setattr(MainScreen, "start_loading", lambda self: None)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        footer = screen.query_one(KeyFooter)
        await burst(pilot, "/", *"grain")
        keys = list(footer.query(FooterKey))
        assert "Clear" in [key.description for key in keys]  # the search box's keys
        start(screen)
        await ready(pilot)
        for _ in range(3):  # the screen's bindings told again (as on each key while loading)
            footer.bindings_changed(screen)
        await burst(pilot)
        assert list(footer.query(FooterKey)) == keys  # the same keys: not composed again
        await burst(pilot, "escape", "escape")  # the list: other keys, composed again
        assert "Clear" not in [key.description for key in footer.query(FooterKey)]

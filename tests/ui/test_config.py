"""The configuration file through the running app (Pilot): keymap, theme, reader width, problems."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ready
from tui.config import load_config
from tui.ui.app import SeedApp
from tui.ui.widgets.reader import ArticleReader

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"

CONFIG = """\
theme = "nord"
reader_width = 40
animations = false
colour = "red"
reader_width_typo == 3

[keys]
"app.bookmarks" = "ctrl+b"
"app.nothing" = "ctrl+n"
"""


async def test_the_config_file_sets_theme_keys_width_and_reports_problems(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    config = load_config(path)
    app = SeedApp(CORPUS, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.theme == "nord"
        assert app.animation_level == "none"
        problems = "\n".join(app.config_problems)
        assert f"{path} line 4: unknown setting 'colour'" in problems
        assert f"{path} line 5" in problems  # the broken line, left out
        assert f"{path} line 9: no binding has the id 'app.nothing'" in problems
        assert len(app.config_problems) == 3  # each once
        shown = [str(n.message) for n in app._notifications]  # as the other UI tests read them
        assert shown == app.config_problems
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert type(app.screen).__name__ == "BookmarksScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("B")  # the old key no longer opens them
        await pilot.pause()
        assert type(app.screen).__name__ == "MainScreen"
        reader = app.screen.query_one(ArticleReader)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article is not None
        widest = max(len(strip.text.rstrip()) for strip in reader._layout.lines)
        assert 30 <= widest <= 40


async def test_without_a_config_file_nothing_changes(tmp_path: Path) -> None:
    config = load_config(None)  # the default place, absent in the test environment
    assert config.problems == [] and config.path is None
    app = SeedApp(CORPUS, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.config_problems == []
        reader = app.screen.query_one(ArticleReader)
        await pilot.press("enter")
        await pilot.pause()
        assert max(len(strip.text.rstrip()) for strip in reader._layout.lines) > 40

"""The command palette opens on its commands; articles join once the user types."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette

from tests.helpers import ready
from tui.ui.app import SeedApp

SIZE = (120, 40)


def prompts(app: SeedApp) -> list[str]:
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    commands = palette.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def test_the_palette_opens_on_commands_alone(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        shown = prompts(app)
        assert any(prompt.startswith("Speakers") for prompt in shown), shown
        assert not any("Open article" in prompt for prompt in shown), shown


async def test_typing_adds_articles_below_the_matching_commands(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"se")  # "Search", "Save passage…" and titles with s…e
        await pilot.pause(0.5)
        shown = prompts(app)
        kinds = ["article" if "Open article" in prompt else "command" for prompt in shown]
        assert "article" in kinds and "command" in kinds, shown
        first_article = kinds.index("article")
        assert "command" not in kinds[first_article:], shown

"""The seedtui application: styles, the command palette, and the main screen."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.resources import styles_dir
from tui.ui.commands import ArticleCommands
from tui.ui.screens.main import MainScreen


class SeedApp(App[None]):
    """A keyboard-first browser for a folder of text documents."""

    TITLE = "seedtui"
    CSS_PATH = [
        styles_dir() / "app.tcss",
        styles_dir() / "panes.tcss",
        styles_dir() / "reader.tcss",
    ]
    COMMANDS = App.COMMANDS | {ArticleCommands}

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        """The folder being browsed."""

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.root))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield SystemCommand("Search", "Focus the search box", screen.action_focus_search)
            yield SystemCommand("Skipped files", "Show files that were skipped or read with "
                                "a warning", screen.action_load_report)
            yield SystemCommand("Keys and syntax", "Show the help", screen.action_help)

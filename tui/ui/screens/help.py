"""The help screen: every key of the focused pane and the app, made from the bindings."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.search import SYNTAX_HELP

_KEY_NAMES = {
    "slash": "/", "question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]",
    "space": "space", "escape": "esc",
}


def key_label(key: str) -> str:
    """A key as a person types it: ``slash`` → ``/``, ``ctrl+p`` → ``ctrl+p``."""
    return _KEY_NAMES.get(key, key)


def bindings_table(bindings: Mapping[str, ActiveBinding]) -> Table:
    """A table of the bindings, grouped by the pane that owns them."""
    table = Table(box=None, show_header=True, header_style="bold", expand=True)
    table.add_column("Key", no_wrap=True)
    table.add_column("Does")
    table.add_column("Where", style="dim")
    seen: set[tuple[str, str]] = set()
    for key, active in bindings.items():
        binding: Binding = active.binding
        if not binding.description or (key, binding.description) in seen:
            continue
        seen.add((key, binding.description))
        where = type(active.node).__name__
        table.add_row(Text(key_label(key)), Text(binding.description), Text(where))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists the active bindings and the search syntax; any of Esc, q, ? closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("q", "dismiss", "Close", show=False, id="help.close-q"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close-question"),
    ]

    def __init__(self, bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = dict(bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys", style="bold"), classes="help-heading")
            yield Static(bindings_table(self.bindings), id="help-keys")
            yield Static(Text("Search syntax", style="bold"), classes="help-heading")
            yield Static(Text(SYNTAX_HELP), id="help-syntax")
            yield Static(
                Text("Tab / Shift+Tab move between panes. Esc or ? closes this help."),
                classes="help-note",
            )

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
from tui.ui.clipboard import TERMINAL_NOTES
from tui.ui.closing import close_bindings

_KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "greater_than_sign": ">",
    "less_than_sign": "<",
    "space": "space",
    "escape": "esc",
    "apostrophe": "'",
    "quotation_mark": '"',
}
_PANES = {
    "ArticleReader": "Reader",
    "ArticleList": "Article list",
    "ResultList": "Search results",
    "SearchBox": "Search box",
    "FindBar": "Find in article",
    "QuotePanel": "Quotes panel",
}
_LEFT_OUT = {"scroll_left", "scroll_right", "page_left", "page_right"}
"""Actions that say nothing useful in a reader of wrapped text."""


def key_label(key: str) -> str:
    """A key as a person types it: ``slash`` → ``/``, ``ctrl+p`` → ``ctrl+p``."""
    return _KEY_NAMES.get(key, key)


def bindings_table(bindings: Mapping[str, ActiveBinding]) -> Table:
    """The bindings as a table, grouped by pane, keys of one action on one row."""
    groups: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for key, active in bindings.items():
        binding: Binding = active.binding
        if not binding.description or binding.action in _LEFT_OUT or key.startswith("super+"):
            continue
        pane = _PANES.get(type(active.node).__name__, "Everywhere")
        rows = groups.setdefault(pane, {})
        description, keys = rows.setdefault(binding.action, (binding.description, []))
        keys.append(key_label(key))
    table = Table(box=None, show_header=False, expand=True, padding=(0, 2, 0, 0))
    table.add_column("Key", no_wrap=True, min_width=14)
    table.add_column("Does")
    order = [*_PANES.values(), "Everywhere"]
    for pane in sorted(groups, key=order.index):
        table.add_row(Text(pane, style="bold underline"), Text(""))
        for description, keys in groups[pane].values():
            table.add_row(Text(" / ".join(keys)), Text(description))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists the active bindings and the search syntax; any of Esc, q, ? closes it."""

    BINDINGS = [
        *close_bindings("help"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close-question"),
    ]

    def __init__(self, bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = dict(bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(
                Text("Keys (of the focused pane, then everywhere)"), classes="help-heading"
            )
            yield Static(bindings_table(self.bindings), id="help-keys")
            yield Static(Text("Search syntax"), classes="help-heading")
            yield Static(Text(SYNTAX_HELP), id="help-syntax")
            yield Static(Text("Copying"), classes="help-heading")
            yield Static(Text(TERMINAL_NOTES), id="help-copy")
            yield Static(
                Text(
                    "Tab / Shift+Tab move between panes. Esc or ? closes this help; "
                    "j/k or arrows scroll it."
                ),
                classes="help-note",
            )

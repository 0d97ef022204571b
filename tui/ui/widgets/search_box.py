"""The search box: where queries are typed, with the query history on Up and Down.

Escape posts :class:`SearchBox.Left` (the screen steps back a level and keeps the
query); ``ctrl+u`` clears the box. Up walks back through earlier queries that
contain what was typed (like a shell's history search), Down walks forward again
and, past the newest, moves to the results.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from tui.core.state import QueryHistory


class SearchBox(Input):
    """A single-line query box; the screen runs the search on every change."""

    BINDINGS = [
        # The screen's action, run at once (not a message): a key typed right after
        # Escape then reaches the pane Escape moved to.
        Binding("escape", "screen.leave_search", "Back", id="search.leave"),
        Binding("up", "older", "Earlier query", show=False, id="search.history-older"),
        Binding("down", "newer", "Later query / results", show=False, id="search.results"),
        Binding("ctrl+u", "clear", "Clear", id="search.clear"),
    ]

    @dataclass
    class Left(Message):
        """The user pressed Escape in the box."""

        search_box: SearchBox

    @dataclass
    class ToResults(Message):
        """The user pressed Down: move to the results."""

        search_box: SearchBox

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="/ search passages · typos are fine · ↑ earlier queries · F1 help", id=id
        )
        self.history = QueryHistory()
        """Earlier queries (the screen sets the remembered one)."""
        self._recalled: str | None = None
        """The text the box was last given from the history (its Changed is no edit)."""

    def _recall(self, text: str) -> None:
        self._recalled = text
        self.value = text
        self.cursor_position = len(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        # An edit (not a recalled query) ends a history walk; the screen gets the event too.
        if event.value != self._recalled:
            self._recalled = None
            self.history.reset()

    def action_leave(self) -> None:
        """Leave the box (the query stays)."""
        self.history.reset()
        self.post_message(self.Left(self))

    def action_older(self) -> None:
        """Show the previous query that contains what was typed."""
        typed = self.value if not self.history.walking else ""
        found = self.history.older(typed)
        if found is None:
            self.app.bell()
        else:
            self._recall(found)

    def action_newer(self) -> None:
        """Show the next newer query; at the newest, move to the results."""
        if not self.history.walking:
            self.post_message(self.ToResults(self))
            return
        found = self.history.newer()
        if found is not None:
            self._recall(found)

    def action_clear(self) -> None:
        """Empty the box (the results go, the article list shows)."""
        self.history.reset()
        self.value = ""

    def remember(self) -> None:
        """Record the box's query in the history (the user acted on its results)."""
        if self.value.strip():
            self.history.add(self.value)

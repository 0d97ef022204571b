"""The search box: where queries are typed. Escape posts :class:`SearchBox.Left`."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBox(Input):
    """A single-line query box; the screen runs the search on every change."""

    BINDINGS = [
        Binding("escape", "leave", "Leave search", id="search.leave"),
        Binding("down", "to_results", "Results", show=False, id="search.results"),
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
            placeholder="/ search passages · typos are fine · F1 help and syntax", id=id
        )

    def action_leave(self) -> None:
        """Leave the search."""
        self.post_message(self.Left(self))

    def action_to_results(self) -> None:
        """Move the focus to the results."""
        self.post_message(self.ToResults(self))

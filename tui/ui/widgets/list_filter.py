"""The article list's filter line (``f`` or ``&``, as in less): the list keeps only the
articles whose title, folder, id or date hold every word typed.

Typing filters at once; Enter or Down goes back to the list with the filter kept;
Escape clears the filter and closes the line. Escape in the list clears a kept
filter too (one level, before anything else).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class ListFilter(Input):
    """A one-line box under the article list; the screen filters the list on each change."""

    BINDINGS = [
        Binding("escape", "close(True)", "Clear filter", id="filter.clear"),
        Binding("down", "close(False)", "To the list", show=False, id="filter.to-list"),
    ]

    @dataclass
    class Closed(Message):
        """The line was closed; ``cleared`` when the filter went with it."""

        list_filter: ListFilter
        cleared: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="filter: words of title, folder, id or date · Enter keeps · Esc clears",
            id=id,
        )

    def open(self) -> None:
        """Show the line (the screen focuses it)."""
        self.add_class("-active")

    def action_close(self, cleared: bool) -> None:
        """Back to the list; with ``cleared``, the filter goes and the line hides."""
        if cleared:
            self.value = ""
            self.remove_class("-active")
        elif not self.value.strip():
            self.remove_class("-active")
        self.post_message(self.Closed(self, cleared))

    async def action_submit(self) -> None:
        self.action_close(False)

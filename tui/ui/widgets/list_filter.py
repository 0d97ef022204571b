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
from textual.widget import Widget
from textual.widgets import Input


class ListFilter(Input):
    """A one-line box under the article list; the screen filters the list on each change."""

    DEFAULT_CSS = """
    ListFilter {
        display: none;
    }
    """

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
            select_on_focus=False,  # f again edits the kept filter, it does not replace it
        )
        self.return_focus: Widget | None = None
        """Where the focus goes back on close (set by the screen): moved there at once,
        so a key typed right after Enter or Escape reaches the list, not this line."""

    @property
    def active(self) -> bool:
        """Whether the line is in use (being typed in, or holding a kept filter)."""
        return self.has_class("-active")

    def open(self) -> None:
        """Show the line (the screen focuses it)."""
        self._show(True)

    def follow(self, current: str | None) -> None:
        """The left pane shows ``current``: the line shows only with the article list."""
        self.set_class(current != "articles", "-elsewhere")
        self._show(self.active)

    def _show(self, active: bool) -> None:
        # Set at once (not through a class's style, applied at the next refresh), so
        # the line can take the focus in the same key's handling: "fcomet" typed fast
        # lands whole in it.
        self.set_class(active, "-active")
        self.display = active and not self.has_class("-elsewhere")

    def action_close(self, cleared: bool) -> None:
        """Back to the list; with ``cleared``, the filter goes and the line hides."""
        if cleared:
            self.value = ""
        if cleared or not self.value.strip():
            self._show(False)
        if self.return_focus is not None:
            self.screen.set_focus(self.return_focus)
        self.post_message(self.Closed(self, cleared))

    async def action_submit(self) -> None:
        self.action_close(False)

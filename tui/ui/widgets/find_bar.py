"""The in-article search box (like ``/`` in less), shown under the reader while in use."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input


class FindBar(Input):
    """Searches the open article as you type; Enter keeps the matches, Esc clears them."""

    BINDINGS = [
        Binding("escape", "close(True)", "Clear and close", id="find.close"),
    ]

    @dataclass
    class Closed(Message):
        """The bar was closed; ``cleared`` when the matches should go too."""

        find_bar: FindBar
        cleared: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="find in this article · Enter keeps · n/N move · Esc clears", id=id
        )
        self.return_focus: Widget | None = None
        """Where the focus goes back on close (set by the screen); moved there at once,
        so a key pressed right after Enter (n, N) reaches it and not this box."""

    def open(self) -> None:
        """Show the bar (the screen focuses it)."""
        self.add_class("-active")

    def action_close(self, cleared: bool) -> None:
        """Hide the bar and tell the screen."""
        self.remove_class("-active")
        if self.return_focus is not None:
            self.screen.set_focus(self.return_focus)
        if cleared:
            self.value = ""
            self.border_subtitle = ""
        self.post_message(self.Closed(self, cleared))

    def show_count(self, index: int | None, total: int, counting: bool = False) -> None:
        """Show ``k/N`` (or ``no match``) on the bar's border; ``k/N+…`` while still counting."""
        if total == 0:
            self.border_subtitle = "no match" if self.value.strip() else ""
        else:
            self.border_subtitle = f"{(index or 0) + 1}/{total}{'+…' if counting else ''}"

    async def action_submit(self) -> None:
        self.action_close(False)

"""An option list that also moves with vim keys; the base of the three lists of the left pane."""

from __future__ import annotations

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList


class VimOptionList(OptionList):
    """``OptionList`` plus j/k/g/G, with prompts that are never parsed as markup."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def pane_width(self) -> int:
        """Cells a prompt may use, measured on the container (the screen's width while
        the container is hidden).

        The border and padding take 4 cells, and the scrollbar its width: its gutter
        is kept (``scrollbar-gutter: stable``), so a prompt measured before the list
        grows long enough for a scrollbar still fits beside it, unwrapped.
        """
        container = self.parent if isinstance(self.parent, Widget) else self
        room = container.content_region.width - 4 - self.styles.scrollbar_size_vertical
        if room <= 0:  # hidden (a narrow screen shows one pane at a time): shown, the
            # left pane gets the screen's width
            room = self.screen.size.width - 4 - self.styles.scrollbar_size_vertical
        return max(room, 20)

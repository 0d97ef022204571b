"""The search box: where queries are typed. Escape posts :class:`SearchBox.Left`.

Its placeholder names the key that searches the corpus from where the focus is:
``/`` from the lists, ``ctrl+f`` (which works from anywhere) when ``/`` means
something else there (find in the article, a literal ``/`` in the find bar).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from tui.ui.widgets.reader import ArticleReader

SLASH_HINT = "/ search passages · typos are fine · F1 help and syntax"
"""The placeholder while ``/`` goes to the corpus search."""
READER_HINT = "ctrl+f search passages · / finds in this article · F1 help and syntax"
"""The placeholder while the reader has the focus (``/`` finds in the article there)."""
TYPING_HINT = "ctrl+f search passages · F1 help and syntax"
"""The placeholder while another box has the focus (``/`` is typed there)."""


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
        super().__init__(placeholder=SLASH_HINT, id=id)

    def name_keys(self, focus: str) -> None:
        """Name the key that searches the corpus when the focus is on ``focus``:
        ``reader`` (with an article open), ``typing`` (another box) or anything else."""
        self.placeholder = {"reader": READER_HINT, "typing": TYPING_HINT}.get(focus, SLASH_HINT)

    def action_leave(self) -> None:
        """Leave the search."""
        self.post_message(self.Left(self))

    def action_to_results(self) -> None:
        """Move the focus to the results."""
        self.post_message(self.ToResults(self))


def focus_kind(widget: Widget) -> str:
    """What ``/`` does on ``widget``, for :meth:`SearchBox.name_keys`."""
    if isinstance(widget, ArticleReader) and widget.article is not None:
        return "reader"
    if isinstance(widget, Input) and not isinstance(widget, SearchBox):
        return "typing"
    return "lists"

"""The search box: where queries are typed, with the query history on Up and Down.

Escape posts :class:`SearchBox.Left` (the screen steps back a level and keeps the
query); ``ctrl+u`` clears the box. Up walks back through earlier queries that
contain what was typed (like a shell's history search), Down walks forward again
and, past the newest, moves to the results. Its placeholder names the key that
searches the corpus from where the focus is: ``/`` from the lists, ``ctrl+s``
(which works from anywhere) when ``/`` means something else there.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from tui.core.state import QueryHistory
from tui.ui.widgets.reader import ArticleReader

SLASH_HINT = "/ search passages · typos are fine · ↑ earlier queries · F1 help"
"""The placeholder while ``/`` goes to the corpus search."""
READER_HINT = "ctrl+s search passages · / finds in this article · F1 help and syntax"
"""The placeholder while the reader has the focus (``/`` finds in the article there)."""
TYPING_HINT = "ctrl+s search passages · F1 help and syntax"
"""The placeholder while another box has the focus (``/`` is typed there)."""


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
        super().__init__(placeholder=SLASH_HINT, id=id)
        self.history = QueryHistory()
        """Earlier queries (the screen sets the remembered one)."""
        self._recalled: str | None = None
        """The text the box was last given from the history (its Changed is no edit)."""

    def name_keys(self, focus: str) -> None:
        """Name the key that searches the corpus when the focus is on ``focus``:
        ``reader`` (with an article open), ``typing`` (another box) or anything else."""
        self.placeholder = {"reader": READER_HINT, "typing": TYPING_HINT}.get(focus, SLASH_HINT)

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


def focus_kind(widget: Widget) -> str:
    """What ``/`` does on ``widget``, for :meth:`SearchBox.name_keys`."""
    if isinstance(widget, ArticleReader) and widget.article is not None:
        return "reader"
    if isinstance(widget, Input) and not isinstance(widget, SearchBox):
        return "typing"
    return "lists"

"""The bookmarks view: every bookmarked passage of the corpus; Enter opens one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.state import Bookmark
from tui.core.text import clip_words
from tui.ui.closing import close_bindings
from tui.ui.render import safe

SNIPPET_MAX = 160
"""Characters of a bookmarked passage shown under its title (cut at a word, then "…")."""


class BookmarksScreen(ModalScreen[Bookmark | None]):
    """Lists bookmarks with their article title and the start of the passage."""

    BINDINGS = close_bindings("bookmarks", "dismiss(None)")

    def __init__(self, bookmarks: list[tuple[Bookmark, str]]) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        """Each bookmark with a snippet of its passage."""

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-body"):
            yield Static(Text("Bookmarks (Enter opens, Esc closes)", style="bold"))
            if not self.bookmarks:
                yield Static(Text("No bookmarks yet: press m in the reader to mark a passage."))
            options = []
            for bookmark, snippet in self.bookmarks:
                prompt = Text(
                    safe(bookmark.title or bookmark.article),
                    style="bold",
                    no_wrap=True,
                    overflow="ellipsis",
                )
                prompt.append("\n" + safe(clip_words(snippet, SNIPPET_MAX)))
                options.append(Option(prompt))
            yield OptionList(*options, id="bookmark-list", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.bookmarks[event.option_index][0])

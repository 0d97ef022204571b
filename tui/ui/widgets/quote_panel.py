"""The quotes panel: every quotation of the open article with its speaker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import Article
from tui.core.text import clip_words
from tui.ui.render import safe
from tui.ui.widgets.vim_list import VimOptionList

if TYPE_CHECKING:
    from tui.core.quotes import Quote

SNIPPET_LINES = 3
"""Lines of quotation shown under each speaker (about)."""


def speaker_label(quote: Quote) -> str:
    """Who said it, as shown to the user: the resolved name, a '?' when it is a guess."""
    who = quote.speaker_name or quote.speaker
    if not who:
        return "unattributed"
    return f"{who} (guessed)" if quote.guessed else who


class QuotePanel(VimOptionList):
    """Lists the open article's quotations; posts :class:`Highlighted` and :class:`Chosen`."""

    COMPONENT_CLASSES = {"quotes--speaker", "quotes--unknown", "quotes--cue"}

    @dataclass
    class Highlighted(Message):
        """The cursor moved to quotation ``index`` of the article."""

        quote_panel: QuotePanel
        index: int

    @dataclass
    class Chosen(Message):
        """The user pressed Enter on quotation ``index``."""

        quote_panel: QuotePanel
        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.quotes: list[Quote] = []
        self._width = 0
        self._quiet: int | None = None
        """A row put back under the cursor after a re-fill: not a move, not told."""

    def _prompt(self, article: Article, quote: Quote, width: int) -> Text:
        known = quote.speaker_name or quote.speaker
        style = self.get_component_rich_style(
            "quotes--speaker" if known else "quotes--unknown", partial=True
        )
        head = Text(safe(speaker_label(quote)), style=style, no_wrap=True, overflow="ellipsis")
        if quote.cue:
            head.append(
                f" · {safe(quote.cue)}", self.get_component_rich_style("quotes--cue", partial=True)
            )
        head.truncate(width, overflow="ellipsis")
        body = clip_words(safe(article.text[quote.start : quote.end]), width * SNIPPET_LINES - 1)
        return Text.assemble(head, "\n", body)

    def show_quotes(self, article: Article | None, quotes: list[Quote]) -> None:
        """List the quotations of ``article``."""
        self.article = article
        self.quotes = quotes
        self.clear_options()
        if article is None:
            return
        width = self._width = self.pane_width()
        if not quotes:
            self.add_option(Option(Text("No quotations in this article."), disabled=True))
            return
        self.add_options([Option(self._prompt(article, quote, width)) for quote in quotes])

    def on_resize(self) -> None:
        # Filled while hidden (narrow terminal), the prompts were cut for a zero-width pane.
        if self.article is not None and self.pane_width() != self._width:
            highlighted = self.highlighted
            self.show_quotes(self.article, self.quotes)
            if highlighted is not None and highlighted < self.option_count:
                # The reader stays where the user left it: a resize is not a visit.
                self._quiet = highlighted
                self.highlighted = highlighted

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        quiet, self._quiet = self._quiet, None
        if event.option_index != quiet:
            self.post_message(self.Highlighted(self, event.option_index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, event.option_index))

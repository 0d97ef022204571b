"""The speakers view: everyone quoted in the corpus, filtered fuzzily as you type.

It opens empty and is filled (:meth:`SpeakersScreen.fill`) once the speakers are
counted, after the quotations are found: what is typed before then is kept in the
filter and applied when they come.

Enter on a speaker lists all their quotations across articles; Enter on one
closes the view and opens its article at the quotation (Esc steps back: from the
quotations to the speakers, from the speakers to the main screen). Filtering
runs in a worker: thousands of names are too many to match between two keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.core.models import Article
from tui.core.quotes import Speaker, filter_speakers
from tui.ui.render import safe

SHOWN = 500
"""Speakers listed at most (the filter narrows the rest)."""


@dataclass(frozen=True)
class QuotePlace:
    """Where a chosen quotation is: the article number and its span."""

    article: int
    start: int
    end: int


class SpeakersScreen(ModalScreen[QuotePlace | None]):
    """Lists speakers with their counts; then one speaker's quotations."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="speakers.back"),
        Binding("down", "to_list", "List", show=False, id="speakers.to-list"),
    ]

    def __init__(
        self, speakers: list[Speaker] | None = None, articles: list[Article] | None = None
    ) -> None:
        super().__init__()
        self.filled = speakers is not None
        """Whether the speakers are in (``False``: the view waits for :meth:`fill`)."""
        self.speakers = speakers or []
        """Everyone quoted, most quoted first."""
        self.articles = articles or []
        self.shown: list[Speaker] = []
        """The speakers listed now (after the filter)."""
        self.speaker: Speaker | None = None
        """The speaker whose quotations are listed (``None``: the speakers are)."""
        self.filtered: list[Speaker] = self.speakers
        """The speakers the filter keeps."""
        self._enter_waiting = False
        """Enter was pressed in the filter before the speakers were in: done once they are."""

    def compose(self) -> ComposeResult:
        with Vertical(id="speakers-body"):
            yield Static(id="speakers-title")
            yield Input(
                placeholder="type a name · Enter lists their quotations", id="speakers-filter"
            )
            yield OptionList(id="speakers-list", markup=False)

    def on_mount(self) -> None:
        if self.filled:
            self._show_speakers(self.speakers)
        else:
            self._title("Finding the quotations and their speakers… · Esc closes")

    def fill(self, speakers: list[Speaker], articles: list[Article]) -> None:
        """Show ``speakers`` (quoted in ``articles``), through what was typed meanwhile."""
        if self.filled or not self.is_attached:
            return
        self.filled, self.speakers, self.articles = True, speakers, articles
        typed = self.query_one(Input).value
        if typed:
            self._filter(typed)
        else:
            self._show_speakers(speakers)
            self._enter_if_waiting()

    def _enter_if_waiting(self) -> None:
        if self._enter_waiting:
            self._enter_waiting = False
            self._list_highlighted()

    def _list_highlighted(self) -> None:
        """List the quotations of the highlighted speaker (if any is listed)."""
        if self.shown:
            self._show_quotes(self.shown[self.query_one(OptionList).highlighted or 0])

    def _title(self, text: str) -> None:
        self.query_one("#speakers-title", Static).update(Text(text, style="bold"))

    def _show_speakers(self, speakers: list[Speaker]) -> None:
        self.speaker = None
        self.filtered = speakers
        self.shown = speakers[:SHOWN]
        listing = self.query_one(OptionList)
        listing.clear_options()
        for speaker in self.shown:
            row = Text(safe(speaker.name), style="bold", no_wrap=True, overflow="ellipsis")
            quotes = f"{speaker.quotes} quotation{'s' if speaker.quotes != 1 else ''}"
            places = f"{speaker.articles} article{'s' if speaker.articles != 1 else ''}"
            row.append(f"  {quotes} · {places}")
            listing.add_option(Option(row))
        more = f" (first {SHOWN})" if len(speakers) > SHOWN else ""
        self._title(f"{len(speakers):,} of {len(self.speakers):,} speakers{more} · Esc closes")
        if self.shown:
            listing.highlighted = 0

    def _show_quotes(self, speaker: Speaker) -> None:
        self.speaker = speaker
        listing = self.query_one(OptionList)
        listing.clear_options()
        for number, start, end in speaker.places:
            article = self.articles[number]
            row = Text(safe(article.title), style="bold", no_wrap=True, overflow="ellipsis")
            row.append("\n" + " ".join(safe(article.text[start:end]).split())[:200])
            listing.add_option(Option(row))
        self._title(f"{speaker.name}: {speaker.quotes} quotations · Enter opens · Esc back")
        listing.highlighted = 0
        listing.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.filled:
            self._filter(event.value)

    @work(thread=True, exclusive=True, group="speakers-filter")
    def _filter(self, typed: str) -> None:
        found = filter_speakers(self.speakers, typed)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._answer, typed, found)

    def _answer(self, typed: str, found: list[Speaker]) -> None:
        if typed == self.query_one(Input).value and self.speaker is None:
            self._show_speakers(found)
            self._enter_if_waiting()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not self.filled:
            self._enter_waiting = True
        else:
            self._list_highlighted()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.speaker is None:
            self._show_quotes(self.shown[event.option_index])
        else:
            number, start, end = self.speaker.places[event.option_index]
            self.dismiss(QuotePlace(number, start, end))

    def action_to_list(self) -> None:
        """From the filter box down into the list."""
        self.query_one(OptionList).focus()

    def action_back(self) -> None:
        """From the quotations back to the speakers; from the speakers, close."""
        if self.speaker is not None:
            self._show_speakers(self.filtered)
            self.query_one(Input).focus()
        else:
            self.dismiss(None)

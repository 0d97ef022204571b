"""The main screen's key actions, kept apart from its coordinating of widgets and workers.

A mixin for :class:`tui.ui.screens.main.MainScreen`: every key the screen binds lands
in one of these ``action_*`` methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import ContentSwitcher

from tui.core.clipboard import citation
from tui.core.state import Bookmark
from tui.ui.clipboard import copy_with_osc52, save_clipping
from tui.ui.screens.main_parts import PartsView
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.library import Library
    from tui.ui.memory import Memory
    from tui.ui.screens.speakers import QuotePlace
    from tui.ui.session import Session


class MainActions(PartsView):
    """The main screen's actions: search, panes, hits, history, bookmarks, copying."""

    if TYPE_CHECKING:  # provided by MainScreen, which mixes this class in
        root: Path
        memory: Memory
        library: Library
        session: Session

        def open_article(
            self,
            index: int,
            passage: int | None = None,
            matches: tuple[tuple[int, int], ...] = (),
            record: bool = True,
        ) -> None: ...
        def open_by_id(self, article_id: str, offset: int | None = None) -> None: ...
        def remember_position(self) -> None: ...
        def refresh_bookmarks(self) -> None: ...
        def start_loading(self) -> None: ...
        def show_list(self, name: str) -> None: ...
        def describe_view(self) -> None: ...
        def clear_search(self) -> None: ...

    def action_slash(self) -> None:
        """``/``: in the reader, find in the article; in a search box, a literal ``/``;
        elsewhere, go to the corpus search."""
        focused = self.focused
        if isinstance(focused, (SearchBox, FindBar)):
            focused.insert_text_at_cursor("/")
        elif isinstance(focused, ArticleReader) and focused.article is not None:
            self.action_find_in_article()
        else:
            self.set_focus(self.query_one(SearchBox))

    def action_clear_search(self) -> None:
        """Forget the query and its results, back to the article list."""
        self.clear_search()

    def action_focus_search(self) -> None:
        """Move to the corpus search box."""
        self.set_focus(self.query_one(SearchBox))

    def action_find_in_article(self) -> None:
        """Open the in-article search under the reader."""
        find = self.part(FindBar)
        find.return_focus = self.query_one(ArticleReader)
        self.session.find_origin = self.query_one(ArticleReader).find_origin()
        find.open()
        self.set_focus(find)

    def action_toggle_quotes(self) -> None:
        """Show the open article's quotations and speakers on the left, or hide them."""
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == "quotes":
            self.show_list(self.session.quotes_return)
            return
        reader = self.query_one(ArticleReader)
        if reader.article is None:
            self.notify("Open an article first.", severity="warning")
            return
        self.session.quotes_return = switcher.current or "articles"
        panel = self.part(QuotePanel)
        switcher.current = "quotes"
        panel.show_quotes(reader.article, reader.quotes)
        if reader.quotes:
            panel.highlighted = reader.current_quote or 0
        self.set_focus(panel)
        self.describe_view()

    def action_switch_pane(self) -> None:
        """Switch between the list and the reader (they share the space when narrow)."""
        if isinstance(self.focused, ArticleReader):
            current = self.query_one(ContentSwitcher).current or "articles"
            self.set_focus(self.query_one(f"#{current}"))
        else:
            self.set_focus(self.query_one(ArticleReader))

    def _walk_hits(self, step: int) -> None:
        results = self.mounted(ResultList)
        if results is None or not results.hits:
            self.notify("No search results to walk: search with / first.", severity="warning")
            return
        current = results.highlighted if results.highlighted is not None else -1
        target = current + step
        if not 0 <= target < len(results.hits):
            self.notify("No more hits." if step > 0 else "This is the first hit.")
            return
        results.highlighted = target
        hit = results.hits[target]
        self.open_article(hit.article, hit.passage, hit.matches)
        self.query_one(StatusBar).message = f"Hit {target + 1}/{len(results.hits)}"

    def action_next_hit(self) -> None:
        """Open the next-ranked search hit, whatever article it is in."""
        self._walk_hits(1)

    def action_previous_hit(self) -> None:
        """Open the previous-ranked search hit."""
        self._walk_hits(-1)

    def action_back(self) -> None:
        """Go back to the previously opened article."""
        self.remember_position()
        article_id = self.memory.history.back()
        if article_id is None:
            self.notify("No earlier article in the history.")
        else:
            self.open_by_id(article_id, self.memory.position(article_id))

    def action_forward(self) -> None:
        """Go forward again in the history."""
        self.remember_position()
        article_id = self.memory.history.forward()
        if article_id is None:
            self.notify("No later article in the history.")
        else:
            self.open_by_id(article_id, self.memory.position(article_id))

    def action_speakers(self) -> None:
        """Everyone quoted in the corpus; Enter lists a speaker's quotations, then opens one.

        The view opens at once, so the keys typed after ``S`` filter it even while the
        quotations are still being found (it fills when they are, :meth:`fill_speakers`)."""
        from tui.ui.screens.speakers import SpeakersScreen

        self.app.push_screen(SpeakersScreen(), self._speaker_chosen)
        self.fill_speakers()

    def fill_speakers(self) -> None:
        """Give an open, still empty speakers view everyone quoted, if the quotations are in."""
        from tui.ui.screens.speakers import SpeakersScreen

        quotes = self.library.quotes
        waiting = [
            view
            for view in self.app.screen_stack
            if isinstance(view, SpeakersScreen) and not view.filled
        ]
        if quotes is None or not waiting:
            return
        articles = self.library.articles

        def build() -> None:
            from tui.core.quotes import speaker_index

            speakers = speaker_index(quotes)
            for view in waiting:
                self.app.call_from_thread(view.fill, speakers, articles)

        self.run_worker(build, thread=True, exclusive=True, group="speakers")

    def _speaker_chosen(self, place: QuotePlace | None) -> None:
        if place is None:
            return
        article = self.library.articles[place.article]
        self.open_article(place.article, article.passage_at(place.start))
        reader = self.query_one(ArticleReader)
        self.set_focus(reader)
        for index, quote in enumerate(reader.quotes):
            if quote.start == place.start:
                reader.visit_quote(index)
                break

    def action_toggle_bookmark(self) -> None:
        """Bookmark the reader's current passage (or remove its bookmark)."""
        reader = self.query_one(ArticleReader)
        article = reader.article
        passage = reader.current_passage()
        if article is None or passage is None:
            self.notify("Open an article to bookmark a passage.", severity="warning")
            return
        added = self.memory.toggle_bookmark(article.id, article.passages[passage], article.title)
        self.refresh_bookmarks()
        self.notify("Bookmarked." if added else "Bookmark removed.")
        self.save_soon()

    def action_bookmarks(self) -> None:
        """Show every bookmark of this corpus."""
        from tui.ui.screens.bookmarks import BookmarksScreen

        entries = []
        for bookmark in self.memory.bookmarks:
            article = self.library.corpus.by_id(bookmark.article) if self.library.corpus else None
            snippet = article.text[bookmark.start : bookmark.end] if article else "(missing)"
            entries.append((bookmark, snippet))

        def chosen(bookmark: Bookmark | None) -> None:
            if bookmark is not None:
                self.open_by_id(bookmark.article, bookmark.start)
                self.set_focus(self.query_one(ArticleReader))

        self.app.push_screen(BookmarksScreen(entries), chosen)

    def action_copy(self) -> None:
        """Copy the current quotation or passage, with its citation, through OSC 52."""
        text = self.citation_for_reader()
        if text is None:
            self.notify("Nothing to copy: open an article first.", severity="warning")
            return
        copy_with_osc52(self.app, text)
        self.notify(f"Copied {len(text):,} characters (OSC 52). Y saves to a file instead.")

    def action_save_clipping(self) -> None:
        """Append the current quotation or passage, with its citation, to the clippings file."""
        text = self.citation_for_reader()
        if text is None:
            self.notify("Nothing to save: open an article first.", severity="warning")
            return
        folder = self.memory.folder

        def write() -> None:
            try:
                path = save_clipping(folder, text)
            except OSError as error:
                self.app.call_from_thread(self.notify, f"Could not save: {error}", severity="error")
                return
            self.app.call_from_thread(self.notify, f"Saved to {path}")

        self.run_worker(write, thread=True, group="clippings")

    def save_soon(self) -> None:
        """Write the remembered state in a worker."""

        def write() -> None:
            problem = self.memory.save()
            if problem:
                self.app.call_from_thread(self.notify, problem, severity="warning")

        self.run_worker(write, thread=True, exclusive=True, group="state")

    def action_reload(self) -> None:
        """Read the folder again: new, changed and removed files show without a restart."""
        self.remember_position()
        self.session.reloading = True
        self.notify(f"Reloading {self.root}…")
        self.start_loading()

    def action_help(self) -> None:
        """Show the keys of the focused pane and the app, and the search syntax."""
        from tui.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.active_bindings))

    def action_load_report(self) -> None:
        """Show the files that were skipped or read with a warning."""
        from tui.ui.screens.report import LoadReport

        if self.library.corpus is not None:
            self.app.push_screen(LoadReport(self.library.corpus))

    def citation_for_reader(self) -> str | None:
        """The current quotation or passage of the reader, with its citation."""
        reader = self.query_one(ArticleReader)
        article = reader.article
        if article is None:
            return None
        if reader.current_quote is not None:
            quote = reader.quotes[reader.current_quote]
            return citation(
                article.text[quote.start : quote.end],
                article.title,
                article.date,
                article.id,
                quote.speaker_name or quote.speaker,
            )
        passage = reader.current_passage()
        if passage is None:
            return None
        return citation(article.passage_text(passage), article.title, article.date, article.id)

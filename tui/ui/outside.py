"""Out of the app: the article in ``$PAGER`` or ``$EDITOR``, its URL, a Markdown citation, exports.

A mixin for the main screen, like :mod:`tui.ui.actions`. The pager and the editor
run with the app suspended (Textual's public :meth:`App.suspend`) and open at the
line of the current passage; the URL opens through :meth:`App.open_url`. Exports
write the results, the quotation panel's quotations or the bookmarks, as JSON
Lines, CSV or Markdown, into ``exports/`` under the state folder, in a worker.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.widgets import ContentSwitcher

from tui.core.export import FORMATS, export_text, markdown_citation
from tui.ui.clipboard import copy_with_osc52
from tui.ui.screens.main_parts import PartsView
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.ui.memory import Memory

LINE_FLAG = {"less", "most", "more", "vi", "vim", "nvim", "view", "nano", "emacs", "micro", "kak"}
"""Pagers and editors that take ``+LINE`` before the file to open at that line."""
EXPORTS = "exports"
KINDS = {"results": "search results", "quotes": "quotations", "bookmarks": "bookmarks"}
_COLUMNS = {
    "results": ("id", "title", "start", "end", "score", "text"),
    "quotes": ("id", "title", "start", "end", "speaker", "speaker_name", "cue", "text"),
    "bookmarks": ("id", "title", "start", "end", "text"),
}


def command_line(program: str, path: Path, line: int) -> list[str]:
    """The argv that opens ``path`` at ``line`` with ``program`` (``$PAGER``, ``$EDITOR``)."""
    words = shlex.split(program) or ["less"]
    name = Path(words[0]).name
    if name in LINE_FLAG:
        return [*words, f"+{line}", str(path)]
    if name in ("code", "codium", "subl"):
        return [*words, "--goto" if name != "subl" else "", f"{path}:{line}"]
    return [*words, str(path)]


class OutsideActions(PartsView):
    """The main screen's ways out: pager, editor, URL, Markdown citation, exports."""

    BINDINGS = [
        Binding("o", "open_pager", "Open in $PAGER", show=False, id="app.pager"),
        Binding("e", "open_editor", "Open in $EDITOR", show=False, id="app.editor"),
        Binding("U", "open_url", "Open the article's URL", show=False, id="app.open-url"),
        Binding("c", "copy_markdown", "Copy as Markdown", show=False, id="app.copy-markdown"),
        Binding("X", "export('', 'jsonl')", "Export the list", show=False, id="app.export"),
    ]

    if TYPE_CHECKING:  # provided by MainScreen
        root: Path
        memory: Memory
        library: Library

    def _reading(self) -> tuple[Any, int] | None:
        """The open article and the 1-based line of its current passage."""
        reader = self.query_one(ArticleReader)
        article = reader.article
        if article is None:
            self.notify("Open an article first.", severity="warning")
            return None
        passage = reader.current_passage()
        offset = article.passages[passage][0] if passage is not None else 0
        return article, article.text.count("\n", 0, offset) + 1

    def _run_outside(self, argv: list[str]) -> None:
        try:
            with self.app.suspend():
                result = subprocess.run(argv, check=False)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to another program.", severity="error")
            return
        except OSError as error:
            self.notify(f"Could not run {argv[0]}: {error.strerror or error}", severity="error")
            return
        if result.returncode not in (0, None):
            self.notify(f"{argv[0]} exited with status {result.returncode}", severity="warning")

    def _open_with(self, variables: tuple[str, ...], fallback: str) -> None:
        reading = self._reading()
        if reading is None:
            return
        article, line = reading
        program = next((os.environ[v] for v in variables if os.environ.get(v)), fallback)
        path = (self.root / article.path) if not Path(article.path).is_absolute() else None
        if path is None or not path.is_file():
            self.notify(f"The file of {article.id} is gone.", severity="error")
            return
        self._run_outside([word for word in command_line(program, path, line) if word])

    def action_open_pager(self) -> None:
        """Read the article's file in ``$PAGER`` (else ``less``) at the current passage."""
        self._open_with(("PAGER",), "less")

    def action_open_editor(self) -> None:
        """Edit the article's file in ``$VISUAL``/``$EDITOR`` (else ``vi``) at the passage."""
        self._open_with(("VISUAL", "EDITOR"), "vi")

    def action_open_url(self) -> None:
        """Open the front matter's ``url`` in the browser."""
        reading = self._reading()
        if reading is None:
            return
        article = reading[0]
        if not article.url:
            self.notify("This article has no url: in its front matter.", severity="warning")
            return
        self.app.open_url(article.url)
        self.notify(f"Opening {article.url}")

    def action_copy_markdown(self) -> None:
        """Copy the current quotation or passage as a Markdown block quote with its source."""
        reader = self.query_one(ArticleReader)
        article = reader.article
        if article is None:
            self.notify("Nothing to copy: open an article first.", severity="warning")
            return
        speaker = None
        if reader.current_quote is not None:
            quote = reader.quotes[reader.current_quote]
            start, end, speaker = quote.start, quote.end, quote.speaker_name or quote.speaker
        else:
            passage = reader.current_passage()
            if passage is None:
                return
            start, end = article.passages[passage]
        text = markdown_citation(
            article.text[start:end], article.title, article.date, article.id, speaker, article.url
        )
        copy_with_osc52(self.app, text)
        self.notify(f"Copied as Markdown ({len(text):,} characters).")

    def export_rows(self, kind: str) -> list[dict[str, Any]]:
        """The rows of ``kind`` (``results``, ``quotes``, ``bookmarks``) as shown now."""
        corpus = self.library.corpus
        if corpus is None:
            return []
        if kind == "results":
            hits = self.shown_hits()
            return [
                {
                    "id": corpus.articles[hit.article].id,
                    "title": corpus.articles[hit.article].title,
                    "start": hit.start,
                    "end": hit.end,
                    "score": round(hit.score, 4),
                    "text": corpus.articles[hit.article].text[hit.start : hit.end],
                }
                for hit in hits
                if hit.article < len(corpus.articles)
            ]
        if kind == "quotes":
            panel = self.mounted(QuotePanel)
            article = panel.article if panel is not None else None
            if panel is None or article is None:
                return []
            return [
                {
                    "id": article.id,
                    "title": article.title,
                    "start": quote.start,
                    "end": quote.end,
                    "speaker": quote.speaker,
                    "speaker_name": quote.speaker_name,
                    "cue": quote.cue,
                    "text": article.text[quote.start : quote.end],
                }
                for quote in panel.quotes
            ]
        rows = []
        for bookmark in self.memory.bookmarks:
            found = corpus.by_id(bookmark.article)
            text = found.text[bookmark.start : bookmark.end] if found else ""
            rows.append(
                {
                    "id": bookmark.article,
                    "title": found.title if found else bookmark.title,
                    "start": bookmark.start,
                    "end": bookmark.end,
                    "text": text,
                }
            )
        return rows

    def action_export(self, kind: str, fmt: str) -> None:
        """Write ``kind`` (the left pane's list when empty) as ``fmt`` under ``exports/``."""
        if not kind:
            shown = self.query_one(ContentSwitcher).current
            kind = {"results": "results", "quotes": "quotes"}.get(shown or "", "bookmarks")
        rows = self.export_rows(kind)
        if not rows:
            self.notify(f"No {KINDS[kind]} to export.", severity="warning")
            return
        text = export_text(rows, _COLUMNS[kind], fmt)
        folder = self.memory.folder / EXPORTS
        name = f"{kind}-{time.strftime('%Y%m%d-%H%M%S')}.{fmt}"

        def write() -> None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_text(text, encoding="utf-8")
            except OSError as error:
                message = f"Could not export: {error.strerror or error}"
                self.app.call_from_thread(self.notify, message, severity="error")
                return
            done = f"Exported {len(rows)} {KINDS[kind]} to {folder / name}"
            self.app.call_from_thread(self.notify, done)

        self.run_worker(write, thread=True, group="export")


def outside_commands(screen: OutsideActions) -> Iterator[SystemCommand]:
    """The command palette's entries for the ways out of the app."""
    yield SystemCommand(
        "Open in pager", "The article in $PAGER at this passage", screen.action_open_pager
    )
    yield SystemCommand(
        "Open in editor", "The article in $EDITOR at this passage", screen.action_open_editor
    )
    yield SystemCommand(
        "Open URL", "The url: of the article's front matter", screen.action_open_url
    )
    yield SystemCommand(
        "Copy as Markdown",
        "The passage or quotation as a Markdown quote",
        screen.action_copy_markdown,
    )
    for kind, what in KINDS.items():
        for fmt, name in FORMATS.items():
            yield SystemCommand(
                f"Export {what} as {name}",
                f"Write the {what} to exports/ under the state folder",
                lambda kind=kind, fmt=fmt: screen.action_export(kind, fmt),
            )

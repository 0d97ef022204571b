"""The load report: files that were skipped, and files read with a warning."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.corpus import Corpus
from tui.ui.closing import close_bindings
from tui.ui.render import safe


class LoadReport(ModalScreen[None]):
    """Lists what could not be loaded and why."""

    BINDINGS = close_bindings("report")

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True)
        table.add_column("File", overflow="fold")
        table.add_column("What happened", overflow="fold")
        for skipped in self.corpus.skipped:
            table.add_row(Text(safe(skipped.path)), Text(safe(f"skipped: {skipped.reason}")))
        for warning in self.corpus.warnings:
            table.add_row(Text(safe(warning.path)), Text(safe(warning.message)))
        with VerticalScroll(id="report-body"):
            yield Static(Text(safe(f"Load report for {self.corpus.root}"), style="bold"))
            if not (self.corpus.skipped or self.corpus.warnings):
                yield Static(Text("Every file loaded without a problem."))
            else:
                yield Static(table)
            yield Static(Text("Esc closes."), classes="help-note")

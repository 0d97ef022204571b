"""The status line: corpus counts, loading and indexing progress, the last search's figures."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.safety import one_line


class StatusBar(Widget):
    """One line of state, set by the screen through its reactives."""

    COMPONENT_CLASSES = {"status--warning"}

    message: reactive[str] = reactive("Loading…")
    """What is going on (loading, indexing, results)."""
    problems: reactive[str] = reactive("")
    """Skipped files and warnings, shown in the warning colour."""

    def render(self) -> Text:
        # Messages carry folder names, queries and speakers: inert Text, controls made visible.
        text = Text(one_line(self.message), no_wrap=True, overflow="ellipsis", end="")
        if self.problems:
            text.append("  ")
            text.append(one_line(self.problems), self.get_component_rich_style("status--warning"))
        return text

"""The reader's keys from less: half and whole pages, counts for ``g``/``G``/``%``, and
the position shown on the reader's border.

A mixin for :class:`tui.ui.widgets.reader.ArticleReader`: digits typed before
``g``, ``G`` or ``%`` make a count (``25g`` goes to line 25, ``50%`` half way);
any other key drops it. The position (``lines 12-30/120 · 25%``) is kept on the
bottom border, so it is always true of what the pane shows.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.scroll_view import ScrollView


def position_text(top: int, height: int, total: int) -> str:
    """``lines 1-17/120 · 14%`` for a pane showing lines ``top`` on (0-based) of ``total``."""
    if total <= 0:
        return ""
    first = min(top + 1, total)
    last = min(top + height, total)
    if first == 1 and last == total:
        return f"all {total} lines"
    percent = round(100 * last / total)
    return f"lines {first}-{last}/{total} · {percent}%"


class LessKeys(ScrollView):
    """less's movement keys and a position indicator for a scrolling text pane."""

    BINDINGS = [
        Binding("d,ctrl+d", "half_page(1)", "Half page down", show=False, id="reader.half-down"),
        Binding("u,ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half-up"),
        Binding("ctrl+f", "page_down", "Page down", show=False, id="reader.page-down-f"),
        Binding("ctrl+b", "page_up", "Page up", show=False, id="reader.page-up-b"),
        Binding("g", "to_line(1)", "Top (Ng: line N)", show=False, id="reader.top"),
        Binding("G", "to_line(0)", "Bottom (NG: line N)", show=False, id="reader.bottom"),
        Binding("percent_sign", "to_percent", "N%: N percent in", show=False, id="reader.percent"),
    ]

    count: int | None = None
    """Digits typed before a movement key, like less's numeric prefix."""

    def on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character.isdigit():
            self.count = (self.count or 0) * 10 + int(event.character)
            self.count = min(self.count, 10**9)
            self.update_position()
            event.stop()
            event.prevent_default()
        elif event.key not in ("g", "G", "percent_sign"):
            if self.count is not None:
                self.count = None
                self.update_position()

    def _take_count(self) -> int | None:
        count, self.count = self.count, None
        return count

    def _text_lines(self) -> int:
        return int(self.virtual_size.height)

    def action_half_page(self, direction: int) -> None:
        """Half a screen down (1) or up (-1)."""
        self._take_count()
        step = max(self.scrollable_content_region.height // 2, 1)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False, immediate=True)

    def action_to_line(self, default: int) -> None:
        """Line N with a count; else the top (``g``, default 1) or the bottom (``G``, 0)."""
        count = self._take_count()
        line = count if count is not None else default
        if line <= 0:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        else:
            self.scroll_to(y=line - 1, animate=False, immediate=True)
        self.update_position()

    def action_to_percent(self) -> None:
        """N percent into the article (``50%``); without a count, the top (like less)."""
        count = self._take_count() or 0
        target = round(self._text_lines() * min(count, 100) / 100)
        self.scroll_to(y=target, animate=False, immediate=True)
        self.update_position()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.update_position()

    def update_position(self) -> None:
        """Show where the pane is (and a pending count) on the bottom border."""
        where = position_text(
            int(self.scroll_y), self.scrollable_content_region.height, self._text_lines()
        )
        if self.count is not None:
            where = f"{self.count}…  {where}"
        self.border_subtitle = where

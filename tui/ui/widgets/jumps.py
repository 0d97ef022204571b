"""Jumps that land in one frame: top, bottom and page keys scroll at once, never animated.

A mixin for a scrolling widget (the reader). Textual animates these scrolls by
default, which takes about half a second to settle and reads as lag over SSH. Line
steps (j, k, arrows, the wheel) keep Textual's behaviour, which follows the app's
``animation_level`` (see :mod:`tui.ui.motion`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    _Scrolling = ScrollView
else:
    # A plain class at run time: a Widget subclass ahead of the widget's own bases would
    # rank Widget's default styles above ScrollView's (and hide the scrollbar).
    _Scrolling = object


class InstantJumps(_Scrolling):
    """``g``/``G``/Home/End and the page keys, scrolled in one step.

    Unlike Textual's, these do not wait for the scrollbar to be laid out: a jump
    pressed right after an article opens lands too.
    """

    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True, force=True)

    def action_scroll_end(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)

    def action_page_down(self) -> None:
        self.scroll_to(
            y=self.scroll_y + self.scrollable_content_region.height,
            animate=False,
            immediate=True,
            force=True,
        )

    def action_page_up(self) -> None:
        self.scroll_to(
            y=self.scroll_y - self.scrollable_content_region.height,
            animate=False,
            immediate=True,
            force=True,
        )

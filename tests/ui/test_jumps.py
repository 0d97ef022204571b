"""Jumps land in one frame; animation follows SEEDTUI_ANIMATION, and is off over SSH."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ready
from tests.ui.test_key_bursts import burst
from tui.ui.app import SeedApp
from tui.ui.motion import animation_level
from tui.ui.widgets.reader import ArticleReader


@pytest.mark.parametrize(
    ("environ", "level"),
    [
        ({}, "full"),
        ({"SSH_CONNECTION": "10.0.0.1 5000 10.0.0.2 22"}, "none"),
        ({"SSH_TTY": "/dev/pts/3"}, "none"),
        ({"SSH_TTY": "/dev/pts/3", "SEEDTUI_ANIMATION": "on"}, "full"),
        ({"SEEDTUI_ANIMATION": "Off"}, "none"),
        ({"SEEDTUI_ANIMATION": "basic"}, "basic"),
        ({"SSH_TTY": "/dev/pts/3", "SEEDTUI_ANIMATION": "sideways"}, "none"),  # not a value
    ],
)
def test_animation_level(environ: dict[str, str], level: str) -> None:
    assert animation_level(environ) == level


async def test_jumps_land_at_once_even_with_animation_on(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDTUI_ANIMATION", "on")
    app = SeedApp(corpus_dir)
    assert app.animation_level == "full"
    async with app.run_test(size=(100, 12)) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "j", "enter")  # the harbour bridge: longer than the pane
        reader = screen.query_one(ArticleReader)
        assert reader.max_scroll_y > 2 * reader.scrollable_content_region.height
        assert screen.focused is reader
        jumps = [
            ("scroll_end", lambda: reader.max_scroll_y),
            ("scroll_home", lambda: 0),
            ("page_down", lambda: reader.scrollable_content_region.height),
            ("page_up", lambda: 0),
        ]
        for action, target in jumps:
            getattr(reader, f"action_{action}")()  # as the key would; at once after it:
            assert not app.animator.is_being_animated(reader, "scroll_y"), action
            assert reader.scroll_y == target(), action
        await burst(pilot, "G")  # and the keys are bound to them
        assert reader.scroll_y == reader.max_scroll_y

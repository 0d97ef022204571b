"""Key storms during a cold load never leave a blank screen, and q still quits."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events

from tests.helpers import idle
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen

KEYS = [
    "question_mark", "escape", "escape", "w", "B", "R", "R", "slash", "a", "enter", "tab",
    "shift+tab", "j", "k", "g", "G", "n", "N", "y", "Y", "m", "quotation_mark", "H", "L", "v",
    "greater_than_sign", "less_than_sign", "right_square_bracket", "space", "ctrl+p", "f1",
]  # fmt: skip
"""Every key of the browser but q (which rightly quits), Escape and R twice as likely."""


@pytest.fixture
def big_folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for number in range(400):
        folder = root / f"f{number % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{number:05d}.txt").write_text(
            f"Article {number}\n\nThe harbour plan {number}, “it works,” said Ann Lee.\n", "utf-8"
        )
    return root


def burst(app: SeedApp, keys: list[str]) -> None:
    """Queue ``keys`` at once, as a terminal delivers a fast typist's (Pilot waits per key)."""
    for key in keys:
        character = key if len(key) == 1 else {"space": " "}.get(key)
        app.post_message(events.Key(key, character))


async def quits(app: SeedApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Close whatever dialog is open, check the main screen is there, and quit with q."""
    for _ in range(6):
        if isinstance(app.screen, MainScreen):
            break
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    assert app.screen.query("StatusBar")  # drawn, not blank
    await pilot.press("escape", "q")
    await pilot.pause()
    assert not app.is_running


@pytest.mark.parametrize("seed", [1, 2])
async def test_a_key_storm_during_a_cold_load(big_folder: Path, seed: int) -> None:
    storm = random.Random(seed)
    app = SeedApp(big_folder)  # a fresh cache folder per test: a cold load
    async with app.run_test(size=(100, 30)) as pilot:
        for _burst in range(8):
            burst(app, [storm.choice(KEYS) for _ in range(25)])
            await pilot.pause()
            assert app.screen_stack and any(isinstance(s, MainScreen) for s in app.screen_stack)
        await idle(app)
        await pilot.pause()
        await quits(app, pilot)

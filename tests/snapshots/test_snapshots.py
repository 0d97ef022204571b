"""Snapshot tests: what the screen looks like at 80x24 on the fixture corpus.

Update after an intended change with ``pytest tests/snapshots --snapshot-update`` and look
at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.helpers import idle, screen_text  # noqa: F401
from tui.ui.app import SeedApp
from tui.ui.widgets.search_box import SearchBox

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


async def settle(pilot: Pilot[None]) -> None:
    """Wait for loading and indexing; stop the cursor blinking."""
    await idle(pilot.app)
    await pilot.pause()
    pilot.app.screen.query_one(SearchBox).cursor_blink = False
    await pilot.pause()


def test_start_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(SeedApp(CORPUS), terminal_size=(80, 24), run_before=settle)


def test_search_results(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def search(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"harbor brige")
        await idle(pilot.app)
        await pilot.pause()

    assert snap_compare(SeedApp(CORPUS), terminal_size=(80, 24), run_before=search)


def test_opened_result_and_quote(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_result(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"islanders", "enter", "right_square_bracket")
        await idle(pilot.app)
        await pilot.pause()

    assert snap_compare(SeedApp(CORPUS), terminal_size=(80, 24), run_before=open_result)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def help_screen(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(SeedApp(CORPUS), terminal_size=(80, 24), run_before=help_screen)


async def _open_bridge_quote(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("slash", *"islanders", "enter", "right_square_bracket")
    await idle(pilot.app)
    await pilot.pause()


def test_wide_reader_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(SeedApp(CORPUS), terminal_size=(120, 40), run_before=_open_bridge_quote)


def test_no_color_keeps_highlights_apart(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    app = SeedApp(CORPUS)
    assert app.no_color
    assert snap_compare(app, terminal_size=(120, 40), run_before=_open_bridge_quote)


def test_narrow_60x20_reader(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(SeedApp(CORPUS), terminal_size=(60, 20), run_before=_open_bridge_quote)


def test_speakers_view(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def speakers(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("S")
        await idle(pilot.app)
        await pilot.pause()
        await pilot.press(*"voss")
        await idle(pilot.app)
        await pilot.pause()
        pilot.app.screen.query_one("#speakers-filter").cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(SeedApp(CORPUS), terminal_size=(80, 24), run_before=speakers)


def test_filtered_article_list(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def filtered(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f", *"world", "enter")
        await pilot.pause()

    assert snap_compare(SeedApp(CORPUS), terminal_size=(80, 24), run_before=filtered)


def test_palette_opens_on_commands(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def palette(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        from textual.command import CommandInput

        pilot.app.screen.query_one(CommandInput).cursor_blink = False
        await pilot.pause()

    assert snap_compare(SeedApp(CORPUS), terminal_size=(80, 24), run_before=palette)

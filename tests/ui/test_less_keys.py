"""Pilot tests for the reader's less keys, its position indicator, measure and title."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ready
from tui.ui.app import SeedApp
from tui.ui.widgets.reader import MEASURE, ArticleReader
from tui.ui.widgets.reader_keys import position_text


def long_corpus(folder: Path) -> Path:
    """One long article with a title long enough to wrap."""
    folder.mkdir()
    title = "A very long headline about the ferry timetable that the committee discussed at length"
    body = "\n\n".join(
        f"Paragraph {n}: the ferry timetable was discussed by the committee members, "
        "who could not agree on the winter crossings or on the price of a ticket."
        for n in range(60)
    )
    (folder / "ferry.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


def test_position_text() -> None:
    assert position_text(0, 17, 10) == "all 10 lines"
    assert position_text(0, 17, 100) == "lines 1-17/100 · 17%"
    assert position_text(90, 17, 100) == "lines 91-100/100 · 100%"


async def test_less_keys_move_by_half_pages_pages_lines_and_percent(tmp_path: Path) -> None:
    app = SeedApp(long_corpus(tmp_path / "c"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)
        await pilot.press("enter")
        assert app.focused is reader
        height = reader.scrollable_content_region.height
        total = reader.virtual_size.height
        assert total > 3 * height
        await pilot.press("d")
        assert reader.scroll_y == height // 2
        await pilot.press("ctrl+d")
        assert reader.scroll_y == 2 * (height // 2)
        await pilot.press("u")
        assert reader.scroll_y == height // 2
        await pilot.press("ctrl+u")
        assert reader.scroll_y == 0
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert reader.scroll_y == height
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert reader.scroll_y == 0
        await pilot.press("2", "5", "g")
        assert reader.scroll_y == 24
        assert reader.border_subtitle == position_text(24, height, total)
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("1", "0", "G")
        assert reader.scroll_y == 9
        await pilot.press("5", "0", "percent_sign")
        assert reader.scroll_y == round(total / 2)
        await pilot.press("g")
        assert reader.scroll_y == 0 and reader.count is None
        await pilot.press("3", "j", "g")  # another key drops the count
        assert reader.scroll_y == 0


async def test_the_reader_keeps_a_measure_and_draws_the_title_as_a_title(tmp_path: Path) -> None:
    app = SeedApp(long_corpus(tmp_path / "c"))
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)
        assert reader.scrollable_content_region.width > MEASURE + 20
        lines = [strip.text.rstrip() for strip in reader._layout.lines]
        assert max(len(line) for line in lines) <= MEASURE + 2
        # The title wraps with its indent kept, and a rule sets it off from the text.
        assert lines[0].startswith("  A very long headline") and lines[1].startswith("  ")
        assert lines[1].strip() and "─" not in lines[1]
        assert lines[2].strip().startswith("───")
        title_style = reader._layout.lines[0]._segments[1].style
        body_line = next(i for i, line in enumerate(lines) if "Paragraph 0" in line)
        body_style = reader._layout.lines[body_line]._segments[1].style
        assert title_style is not None and title_style.bold and title_style != body_style
        await pilot.press("enter", "equals_sign")  # the whole width instead
        await pilot.pause()
        lines = [strip.text.rstrip() for strip in reader._layout.lines]
        assert max(len(line) for line in lines) > MEASURE + 2

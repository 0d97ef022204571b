"""Result rows keep their title on one line, with or without a scrollbar (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import idle, ready
from tui.ui.app import SeedApp
from tui.ui.widgets.result_list import ResultList


def many_long_titles(folder: Path) -> Path:
    """Enough articles with long titles for the results to need a scrollbar."""
    folder.mkdir()
    for number in range(14):
        title = (
            f"Ferry report number {number} on the harbour crossing and the winter timetable "
            "of the northern islands, with the council's reply"
        )
        body = f"The ferry crossing was discussed again, for the {number}th time this year."
        (folder / f"f{number:02}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_result_titles_stay_on_one_line_beside_a_scrollbar(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = SeedApp(many_long_titles(tmp_path / "ferries"))
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"ferry")
        await idle(app)
        await pilot.pause()
        await pilot.pause()
        results = screen.query_one(ResultList)
        assert len(results.hits) >= 14
        assert results.show_vertical_scrollbar  # the case of the bug
        lines = [
            results.render_line(y).text for y in range(results.scrollable_content_region.height)
        ]
        titles = [line for line in lines if "Ferry report number" in line]
        assert len(titles) >= 2, lines
        ids = tuple(f"f{n:02}" for n in range(14))
        for line in titles:  # the title is cut with "…", and its id ends the same line
            assert "…" in line and line.rstrip().endswith(ids), lines
        assert not [line for line in lines if line.strip().startswith(ids)], lines  # no id wrapped

"""A long session stays flat: what a search or a focus change leaves behind is released.

Counts, not times: live objects of the widget types that are built again and
again (the footer's keys) and of this project's own types, after a first round
of searches and after several more.
"""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path

from textual.widgets._footer import FooterKey

from tests.helpers import idle, ready
from tui.ui.app import SeedApp
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.search_box import SearchBox

WORDS = ("harbour", "bridge", "council", "comet", "island", "budgt", "storm", "mayor")


def live() -> Counter[str]:
    """Live objects of the footer's keys and of this project's types, by type."""
    gc.collect()
    counts: Counter[str] = Counter()
    for item in gc.get_objects():
        kind = type(item)
        module = kind.__dict__.get("__module__")
        if kind is FooterKey or (isinstance(module, str) and module.startswith("tui.")):
            counts[kind.__qualname__] += 1
    return counts


async def test_searches_and_focus_changes_leave_nothing_behind(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)

        async def searches(count: int) -> None:
            for number in range(count):
                box = screen.query_one(SearchBox)
                box.focus()
                box.value = f"{WORDS[number % len(WORDS)]} {WORDS[(3 * number) % len(WORDS)]}"
                await idle(app)
                await pilot.pause()
                await pilot.press("enter")  # the best hit, in the reader
                await pilot.pause()
                screen.query_one(ArticleList).focus()
                await pilot.pause()

        await searches(4)
        before = live()
        await searches(12)
        after = live()
        assert after["FooterKey"] <= before["FooterKey"] + 10  # one footer's worth at most
        grown = {name: after[name] - before[name] for name in after if after[name] > before[name]}
        assert sum(grown.values()) <= 10, grown

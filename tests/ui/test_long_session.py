"""A long session stays flat: what a search or a focus change leaves behind is released.

Counts, not times: live objects of the widget types that are built again and
again (the footer's keys) and of this project's own types, after a first round
of searches and after several more.
"""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from tests.helpers import idle, ready
from tui.ui.app import SeedApp
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.reader import ArticleReader
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


async def test_a_search_restyles_only_what_it_changes(corpus_dir: Path) -> None:
    # Each search moves the focus twice (the box, then the opened hit's reader). A wide
    # screen must not restyle every widget for it (a class changed on the screen did), and
    # the footer's new keys are styled once, not again for each class they are told.
    from textual.css.stylesheet import Stylesheet

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        styled: list[object] = []
        apply = Stylesheet.apply

        def counting(self: Stylesheet, node: object, *args: object, **kwargs: object) -> None:
            styled.append(node)
            apply(self, node, *args, **kwargs)  # type: ignore[arg-type]

        async def search(query: str) -> None:
            box = screen.query_one(SearchBox)
            box.focus()
            box.value = query
            await idle(app)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()

        await search("harbour")
        Stylesheet.apply = counting  # type: ignore[method-assign]
        try:
            await search("council")
        finally:
            Stylesheet.apply = apply  # type: ignore[method-assign]
        assert isinstance(app.focused, ArticleReader)
        widgets = list(screen.walk_children(with_self=True))
        restyled = {
            id(node) for node in styled if node in widgets and not isinstance(node, FooterKey)
        }
        assert len(restyled) < len(widgets) / 2, [type(node).__name__ for node in styled]
        keys = [node for node in styled if isinstance(node, FooterKey)]
        assert keys, "the footer's keys change with the focus"
        assert len(keys) == len({id(key) for key in keys}), "a new key styled more than once"


async def test_opening_an_article_lays_it_out_once_for_its_bookmarks(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)
        assert reader.article is not None
        layout = reader._layout
        screen.refresh_bookmarks()  # what each article opened asks: nothing changed
        assert reader._layout is layout
        reader.set_bookmarked(frozenset({0}))
        assert reader._layout is not layout  # a new mark is drawn
        marked = reader._layout
        reader.set_bookmarked(frozenset({0}))
        assert reader._layout is marked


async def test_the_heaps_are_capped_before_the_first_worker_starts(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.ui.screens.main_loading as loading
    from tui.ui import jobs

    order: list[str] = []
    monkeypatch.setattr(loading, "cap_heaps", lambda: order.append("cap") or True)
    load = jobs.load_and_index

    def recorded(*args: Any, **kwargs: Any) -> None:
        order.append("load")
        load(*args, **kwargs)

    monkeypatch.setattr(jobs, "load_and_index", recorded)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert order[:2] == ["cap", "load"]


async def test_opening_another_article_gives_the_heap_back_at_most_once_a_period(
    corpus_dir: Path,
) -> None:
    from tui.core.heap import Throttled

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        now = [0.0]
        trims: list[float] = []
        screen.give_back = Throttled(5.0, lambda: now[0], lambda: trims.append(now[0]) or True)
        screen.open_article(0)
        await pilot.pause()
        screen.open_article(1)
        await pilot.pause()
        assert trims == [0.0]  # the second within the period: nothing
        now[0] = 6.0
        screen.open_article(1)  # the same article again: nothing freed, nothing asked
        await pilot.pause()
        assert trims == [0.0]
        screen.open_article(0)
        await pilot.pause()
        assert trims == [0.0, 6.0]

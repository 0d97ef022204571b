"""The article list filters by words typed (f or &), and Escape clears it as one level."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import held_load, ready, screen_text
from tui.ui.app import SeedApp
from tui.ui.article_rows import RowFilter
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.list_filter import ListFilter
from tui.ui.widgets.reader import ArticleReader


def ids(listing: ArticleList) -> list[str]:
    return [article.id for article in listing.articles]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_typing_filters_enter_keeps_and_escape_clears(
    corpus_dir: Path, size: tuple[int, int]
) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        assert len(listing.articles) == 4
        await pilot.press("f")
        await pilot.pause()
        line = screen.query_one(ListFilter)
        assert app.focused is line and line.region.area  # shown, even in the narrow layout
        await pilot.press(*"COMET")  # any case; "q" or "/" would be typed too
        await pilot.pause()
        assert ids(listing) == ["science/comet-survey"]
        assert listing.border_title == "filter: 1 of 4"
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is listing and ids(listing) == ["science/comet-survey"]
        assert "COMET" in screen_text(app)  # the kept filter stays in sight
        await pilot.press("escape")  # one level: the filter goes, the list stays
        await pilot.pause()
        assert app.focused is listing and len(listing.articles) == 4
        assert not line.region.area and listing.border_title is None


async def test_words_match_anywhere_in_title_folder_or_date(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        reader = screen.query_one(ArticleReader)
        listing.highlight_article(next(a for a in listing.articles if a.id.startswith("science/")))
        await pilot.pause()
        before = reader.article
        assert before is not None and before.id.startswith("science/")
        await pilot.press("ampersand", *"world 2025-01")  # both words: folder and date
        await pilot.pause()
        assert ids(listing) == ["world/grain-talks"]
        assert reader.article is before  # typing does not open every first row
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article is not None and reader.article.id == "world/grain-talks"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f", *"zzz-nothing")
        await pilot.pause()
        assert listing.articles == []
        assert "No article holds 'zzz-nothing'" in screen_text(app)
        await pilot.press("escape")  # Escape in the line clears it too
        await pilot.pause()
        assert app.focused is listing and len(listing.articles) == 4


async def test_the_filter_survives_a_new_order_and_the_cursor_opens_its_article(
    corpus_dir: Path,
) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        await pilot.press("f", *"science", "enter")
        await pilot.pause()
        kept = sorted(ids(listing))
        assert len(kept) == 2 and all(i.startswith("science/") for i in kept)
        await pilot.press("o", "o", "o")  # by title
        await pilot.pause()
        assert sorted(ids(listing)) == kept
        await pilot.press("j")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert reader.article is not None and reader.article.id == ids(listing)[1]


async def test_a_filter_typed_during_the_load_counts_the_corpus_that_arrives(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = held_load(monkeypatch)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", *"comet")  # before a single article is read
        await pilot.pause()
        listing = app.screen.query_one(ArticleList)
        assert listing.border_title == "filter: 0 of 0"
        go.set()
        await ready(pilot)
        assert ids(listing) == ["science/comet-survey"]
        assert listing.border_title == "filter: 1 of 4"  # the count follows the rows


def test_the_row_filter_needs_every_word() -> None:
    from tui.core.models import Article

    def article(title: str, folder: str) -> Article:
        text = f"{title}\n\nBody."
        return Article(
            id=f"{folder}/x", title=title, text=text, path=f"{folder}/x.txt", folder=folder
        )

    budget, games = article("Budget vote delayed", "politics"), article("Games sales", "tech")
    rows = RowFilter()
    assert rows.kept([budget, games], "bud") == [budget]
    assert rows.kept([budget, games], "  ") == [budget, games]
    assert rows.kept([budget, games], "tech SALES") == [games]
    assert rows.kept([budget, games], "tech budget") == []

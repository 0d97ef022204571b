"""Pilot tests for Escape's levels, the kept query, its clearing, and the query history."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import ContentSwitcher

from tests.helpers import idle, ready
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

NARROW = (80, 24)


async def search(pilot: object, screen: MainScreen, query: str) -> None:
    """Type ``query`` into the search box and wait for its results."""
    await pilot.press("slash", "ctrl+u", *query)  # type: ignore[attr-defined]
    await idle(screen.app)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_escape_steps_back_one_level_and_keeps_the_query(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=NARROW) as pilot:
        screen = await ready(pilot)
        switcher = screen.query_one(ContentSwitcher)
        status = screen.query_one(StatusBar)
        await search(pilot, screen, "bridge")
        hits = len(screen.query_one(ResultList).hits)
        assert hits and switcher.current == "results"
        await pilot.press("down", "enter")  # into the results, open the first hit
        await pilot.pause()
        assert isinstance(app.focused, ArticleReader)
        await pilot.press("escape")  # reader -> results, visible again at 80 columns
        await pilot.pause()
        assert isinstance(app.focused, ResultList) and switcher.current == "results"
        assert screen.query_one(ResultList).region.width > 0
        assert status.message.startswith(f"{hits} hit")
        await pilot.press("escape")  # results -> article list, the query kept
        await pilot.pause()
        assert isinstance(app.focused, ArticleList) and switcher.current == "articles"
        assert screen.query_one(SearchBox).value == "bridge"
        assert "hit" in status.message and "'bridge' kept" in status.message
        await pilot.press("slash")  # back in the box: its results show again
        await pilot.pause()
        assert switcher.current == "results" and status.message.startswith(f"{hits} hit")
        await pilot.press("ctrl+u")  # the explicit clear
        await pilot.pause()
        assert screen.query_one(SearchBox).value == ""
        assert switcher.current == "articles" and screen.query_one(ResultList).hits == []
        assert "search ready" in status.message and "hit" not in status.message
        await pilot.press("escape")
        await pilot.press("greater_than_sign")  # no old hits left to walk
        await pilot.pause()
        assert screen.query_one(ResultList).hits == []


async def test_escape_from_the_quotes_panel_goes_back_to_the_results(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await search(pilot, screen, "bridge")
        await pilot.press("down", "enter", "quotation_mark")
        await pilot.pause()
        assert isinstance(app.focused, QuotePanel)
        assert screen.query_one(StatusBar).message.startswith("Quote 1/")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ResultList)
        assert screen.query_one(SearchBox).value == "bridge"


async def test_query_history_walks_filters_and_survives_a_restart(
    corpus_dir: Path, state_dir: Path
) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=NARROW) as pilot:
        screen = await ready(pilot)
        for query in ("bridge", "grain talks", "comet"):
            await search(pilot, screen, query)
            await pilot.press("enter")  # acting on the results records the query
            await pilot.pause()
            await pilot.press("escape", "escape")
        await pilot.press("slash", "ctrl+u")
        box = screen.query_one(SearchBox)
        assert box.value == ""
        await pilot.press("up")
        assert box.value == "comet"
        await pilot.press("up", "up")
        assert box.value == "bridge"
        await pilot.press("up")  # nothing older: stays
        assert box.value == "bridge"
        await pilot.press("down")
        assert box.value == "grain talks"
        await pilot.press("down", "down")  # past the newest: what was typed (nothing)
        assert box.value == ""
        await pilot.press(*"gr", "up")  # what is typed filters the history
        assert box.value == "grain talks"
    saved = json.loads((state_dir / "state.json").read_text(encoding="utf-8"))
    (corpus,) = saved["corpora"].values()
    assert corpus["queries"] == ["bridge", "grain talks", "comet"]
    again = SeedApp(corpus_dir)
    async with again.run_test(size=NARROW) as pilot:
        screen = await ready(pilot)
        await pilot.press("escape", "slash", "up")  # the last article reopens in the reader
        assert screen.query_one(SearchBox).value == "comet"


def twins(root: Path) -> Path:
    """Two articles of the same title in two folders (like BBC's two Blair budget stories)."""
    for folder in ("politics", "business"):
        (root / folder).mkdir(parents=True)
        (root / folder / "blair.txt").write_text(
            "Blair backs budget\n\nThe budget was backed by Blair on Monday.\n\n"
            "Blair said the budget would help families.\n",
            encoding="utf-8",
        )
    return root


async def test_result_rows_name_their_article_and_group_by_article(tmp_path: Path) -> None:
    app = SeedApp(twins(tmp_path / "twins"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await search(pilot, screen, "budget")
        results = screen.query_one(ResultList)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        heads = [prompt.splitlines()[0] for prompt in prompts]
        assert any("politics/blair" in head for head in heads)
        assert any("business/blair" in head for head in heads)
        headline = next(p for p in prompts if p.splitlines()[1].startswith("(headline)"))
        assert headline.count("Blair backs budget") == 1  # not the title twice
        ranked = [(hit.article, hit.passage) for hit in results.hits]
        assert len(ranked) > 2
        await pilot.press("down", "t")  # into the results, group them
        await pilot.pause()
        grouped = [hit.article for hit in results.hits]
        assert grouped == list(dict.fromkeys(article for article, _ in ranked))  # rank order
        more = str(results.get_option_at_index(0).prompt).splitlines()[0]
        assert f"+{sum(1 for a, _ in ranked if a == grouped[0]) - 1} more" in more
        await pilot.press("t")
        await pilot.pause()
        assert [(hit.article, hit.passage) for hit in results.hits] == ranked


async def test_a_headline_hit_is_marked_and_highlighted_in_the_reader(tmp_path: Path) -> None:
    app = SeedApp(twins(tmp_path / "twins"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await search(pilot, screen, "backs")
        results = screen.query_one(ResultList)
        hit = results.hits[0]
        article = screen.library.articles[hit.article]
        assert (hit.start, hit.end) == article.title_span
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        first = reader._layout.lines[0]
        assert first.text.startswith("▌")
        match = reader._style("reader--match")
        assert any(seg.style and seg.style.underline and seg.text.strip() for seg in first)
        assert match.underline


async def test_facets_head_the_results_and_f_narrows_to_a_folder(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await search(pilot, screen, "the")
        results = screen.query_one(ResultList)
        folders = {screen.library.articles[h.article].folder for h in results.hits}
        assert len(folders) > 1
        assert "world" in str(results.border_title) and "science" in str(results.border_title)
        await pilot.press("down")
        folder = screen.library.articles[results.hits[0].article].folder
        await pilot.press("f")
        await idle(app)
        await pilot.pause()
        assert screen.query_one(SearchBox).value == f"the in:{folder}"
        assert results.hits
        assert {screen.library.articles[h.article].folder for h in results.hits} == {folder}


async def test_a_headline_row_cuts_the_opening_at_a_word(tmp_path: Path) -> None:
    root = tmp_path / "long"
    root.mkdir()
    opening = " ".join(f"Ferry crossing number {n} was cancelled again." for n in range(40))
    (root / "ferry.txt").write_text(f"Ferry strike\n\n{opening}\n", encoding="utf-8")
    app = SeedApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await search(pilot, screen, "ferry strike")
        results = screen.query_one(ResultList)
        shown = str(results.get_option_at_index(0).prompt).splitlines()[1]
        assert shown.startswith("(headline) Ferry crossing number 0")
        cut = shown.removeprefix("(headline) ")
        assert cut.endswith("…") and opening.startswith(cut[:-1])
        assert opening[len(cut) - 1] == " "  # at a word boundary, not inside one

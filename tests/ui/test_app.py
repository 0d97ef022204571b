"""Pilot tests: one per flow a user goes through, on the fixture corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import ContentSwitcher

from tests.helpers import idle, ready, screen_text  # noqa: F401
from tui.ui.app import SeedApp
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

SIZE = (100, 30)


def reader_text(reader: ArticleReader) -> str:
    """Everything the reader would draw, as plain text lines."""
    return "\n".join(strip.text.rstrip() for strip in reader._layout.lines)


def styled_runs(reader: ArticleReader, style: Style) -> list[str]:
    """The text of every drawn segment that carries ``style``'s colour and attributes."""
    runs = []
    for strip in reader._layout.lines:
        for segment in strip:
            if (
                segment.style
                and style.color
                and segment.style.color == style.color
                and segment.style.italic == style.italic
            ):
                runs.append(segment.text)
    return runs


async def test_start_shows_the_articles_and_the_first_one(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        assert [a.id for a in listing.articles] == [a.id for a in screen.library.corpus.articles]
        assert listing.option_count == 4
        reader = screen.query_one(ArticleReader)
        assert reader.article is listing.articles[0]
        assert "Grain talks resume in Osterby" in reader_text(reader)
        assert "4 articles" in screen.query_one(StatusBar).message


async def test_loading_reports_skipped_files_with_reasons(messy_corpus: Path) -> None:
    app = SeedApp(messy_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        status = screen.query_one(StatusBar)
        assert status.problems.startswith("3 files skipped, 1 warning")
        await pilot.press("w")
        await pilot.pause()
        report = app.screen
        assert type(report).__name__ == "LoadReport"
        shown = screen_text(app)
        assert "empty.txt" in shown and "skipped: empty file" in shown
        assert "image.txt" in shown and "skipped: binary file" in shown
        assert "latin.txt" in shown and "cp1252" in shown
        await pilot.press("escape")
        assert app.screen is screen


async def test_moving_in_the_list_changes_the_reader(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)
        await pilot.press("j")
        await pilot.pause()
        assert reader.article is not None and reader.article.id == "world/harbour-bridge"
        await pilot.press("G")
        await pilot.pause()
        assert reader.article.id == "science/comet-survey"
        await pilot.press("g", "down")
        await pilot.pause()
        assert reader.article.id == "world/harbour-bridge"
        await pilot.press("enter")
        assert app.focused is reader


async def test_search_opens_the_passage_highlighted(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBox)
        await pilot.press(*"islandrs cut")
        await idle(app)
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "results"
        results = screen.query_one(ResultList)
        hit = results.hits[0]
        article = screen.library.corpus.articles[hit.article]
        assert article.id == "world/harbour-bridge"
        assert "islanders cut off" in article.text[hit.start : hit.end]
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert app.focused is reader
        assert reader.article is article and reader.passage == hit.passage
        assert set(reader.matches) == set(hit.matches)
        matched = {article.text[s:e].lower() for s, e in reader.matches}
        assert {"islanders", "cut"} <= matched
        # The highlighted passage is on screen.
        first_line = reader._layout.passage_lines[hit.passage]
        assert reader.scroll_y <= first_line < reader.scroll_y + reader.size.height
        await pilot.press("escape")  # from the reader: back to the results, query kept
        await pilot.pause()
        assert screen.query_one(SearchBox).value == "islandrs cut"
        assert screen.query_one(ContentSwitcher).current == "results"
        assert isinstance(app.focused, ResultList)
        await pilot.press("escape")  # from the results: the article list, query still kept
        await pilot.pause()
        assert screen.query_one(SearchBox).value == "islandrs cut"
        assert screen.query_one(ContentSwitcher).current == "articles"
        assert isinstance(app.focused, ArticleList)


async def test_stale_results_are_dropped(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press(
            "slash",
            *"comet",
            "backspace",
            "backspace",
            "backspace",
            "backspace",
            "backspace",
            *"grain",
        )
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        assert results.hits
        assert screen.library.corpus.articles[results.hits[0].article].id == "world/grain-talks"
        assert "'grain'" in screen.query_one(StatusBar).message


async def test_quotes_are_highlighted_and_visited(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert len(reader.quotes) == 5
        quote_style = reader.get_component_rich_style("reader--quote")
        quoted = "".join(styled_runs(reader, quote_style))
        assert "we owe it a proper rest" in quoted
        assert "Traffic will be diverted" not in quoted  # plain text stays plain
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.current_quote == 0
        assert "Quote 1/5: Ilse Brandauer" in screen.query_one(StatusBar).message
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert reader.current_quote == 2
        assert "Quote 3/5: Ilse Brandauer" in screen.query_one(StatusBar).message
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert reader.current_quote == 1


async def test_keyboard_focus_scrolling_help_and_quit(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 12)) as pilot:
        screen = await ready(pilot)
        await pilot.press("j")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        reader = screen.query_one(ArticleReader)
        assert app.focused is reader
        await pilot.press("space")
        await pilot.pause()
        assert reader.scroll_y > 0
        await pilot.press("b")
        await pilot.pause()
        assert reader.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y > 0
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert type(help_screen).__name__ == "HelpScreen"
        keys = screen_text(app)
        for expected in ("/", "Search", "?", "Help", "q", "Quit"):
            assert expected in keys
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_palette_opens_an_article(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"faint comets")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert reader.article is not None and reader.article.id == "science/comet-survey"


async def test_markup_and_escapes_in_articles_are_inert(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        listing.highlighted = [a.id for a in listing.articles].index("science/markup-test")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        await pilot.press("enter")
        await pilot.pause()
        shown = reader_text(reader)
        assert "[bold]bold markup[/bold]" in shown
        assert "[@click=app.quit]a click action[/]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "␛[31mred␛[0m" in shown and "␛]0;pwned␇" in shown
        await pilot.click(ArticleReader, offset=(20, 5))
        await pilot.pause()
        assert app.is_running


async def test_answers_that_no_longer_fit_the_screen_are_dropped(corpus_dir: Path) -> None:
    from tui.ui.messages import FindFinished, SearchFinished
    from tui.ui.widgets.find_bar import FindBar

    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"grain")
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        shown = list(results.hits)
        assert shown
        index = screen.library.index
        comet = screen.library.search("comet", 5).hits
        assert comet and comet != shown
        # An answer for a query that is no longer in the box.
        screen.post_message(SearchFinished("comet", comet, 1.0, index))
        await pilot.pause()
        assert results.hits == shown
        # An answer from an index that is no longer the loaded one (a reload came between).
        stale_index = type(screen.library)(corpus_dir, use_cache=False).load_now().index
        screen.post_message(SearchFinished("grain", comet, 1.0, stale_index))
        await pilot.pause()
        assert results.hits == shown
        # The same answer from the loaded index is taken.
        screen.post_message(SearchFinished("grain", comet, 1.0, index))
        await pilot.pause()
        assert results.hits == comet
        # Find in the article: matches for other words, or another article, are dropped.
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        number = screen.session.open_article
        assert number is not None
        await pilot.press("slash", *"comet")
        await idle(app)
        await pilot.pause()
        assert screen.query_one(FindBar).value == "comet"
        found = reader.find_matches
        screen.post_message(FindFinished(number, "grain", ((0, 1),)))
        screen.post_message(FindFinished(number + 1, "comet", ((0, 1),)))
        await pilot.pause()
        assert reader.find_matches == found


async def test_results_say_how_many_match_and_load_more(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.ui.screens import main_search as main

    monkeypatch.setattr(main, "SEARCH_LIMIT", 2)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        total = screen.library.index.find("the", 100).total
        assert total > 4  # the fixture corpus has more than two pages of "the"
        await pilot.press("slash", *"the")
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        first_page = list(results.hits)
        assert len(first_page) == 2
        assert screen.query_one(StatusBar).message == f"2 of {total} hits for 'the'"
        await pilot.press("down")  # from the search box to the results
        await pilot.press("j", "j")  # past the last row: two more
        await idle(app)
        await pilot.pause()
        assert results.hits[:2] == first_page and len(results.hits) == 4
        assert results.highlighted == 2  # on the first new row
        assert screen.query_one(StatusBar).message == f"4 of {total} hits for 'the'"
        await pilot.press("enter", "escape")  # open the row, then back to the results
        await idle(app)
        assert screen.query_one(StatusBar).message == f"4 of {total} hits for 'the'"


async def test_the_status_names_the_words_no_passage_has(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"comet zzqxv survey")
        await idle(app)
        await pilot.pause()
        said = "hits for 'comet zzqxv survey' · no passage has 'zzqxv'"
        assert screen.query_one(ResultList).hits
        assert screen.query_one(StatusBar).message.endswith(said)
        await pilot.press("down", "enter", "escape")  # open a result, then back to them
        await idle(app)
        assert screen.query_one(StatusBar).message.endswith(said)

"""Pilot tests for reading like in less: find in article, hits, copy, memory, bookmarks, layout."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.helpers import held_load, idle, ready, screen_text  # noqa: F401
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_bar import StatusBar

SIZE = (120, 40)


async def open_bridge(pilot: Pilot[None], screen: MainScreen) -> ArticleReader:
    """Open world/harbour-bridge in the reader and focus it."""
    await pilot.press("j", "enter")
    await pilot.pause()
    reader = screen.query_one(ArticleReader)
    assert reader.article is not None and reader.article.id == "world/harbour-bridge"
    return reader


async def test_find_in_article_counts_and_moves(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        reader = await open_bridge(pilot, screen)
        await pilot.press("slash")
        find = screen.query_one(FindBar)
        assert app.focused is find and find.has_class("-active")
        await pilot.press(*"brige")
        await idle(app)
        await pilot.pause()
        text = reader.article.text
        words = [text[s:e].lower() for s, e in reader.find_matches]
        assert words and all(w == "bridge" for w in words)
        total = len(words)
        assert find.border_subtitle == f"1/{total}"
        await pilot.press("enter")  # keep the matches, back to the reader
        assert app.focused is reader and reader.find_matches
        await pilot.press("n")
        assert reader.current_match == 1 and find.border_subtitle == f"2/{total}"
        assert screen.query_one(StatusBar).message == f"Match 2/{total}"
        await pilot.press("N", "N")
        assert reader.current_match == total - 1  # wraps around
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert reader.find_matches == () and app.focused is reader


async def test_walking_hits_across_articles(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"said", "enter")
        await idle(app)
        await pilot.pause()
        hits = screen.query_one(ResultList).hits
        assert len({hit.article for hit in hits}) >= 2
        reader = screen.query_one(ArticleReader)
        seen = [(reader.article.id, reader.passage)]
        for rank in range(2, len(hits) + 1):
            await pilot.press("greater_than_sign")
            await pilot.pause()
            assert screen.query_one(StatusBar).message == f"Hit {rank}/{len(hits)}"
            seen.append((reader.article.id, reader.passage))
        expected = [(screen.library.corpus.articles[h.article].id, h.passage) for h in hits]
        assert seen == expected
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert (reader.article.id, reader.passage) == expected[-2]


async def test_copy_sends_osc52_with_citation(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        written: list[str] = []
        app._driver.write = written.append  # type: ignore[union-attr,method-assign]
        reader = await open_bridge(pilot, screen)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press("y")
        await pilot.pause()
        sequences = [w for w in written if w.startswith("\x1b]52;c;")]
        assert sequences, written
        payload = sequences[-1][len("\x1b]52;c;") :].split("\x07")[0]
        copied = base64.b64decode(payload).decode("utf-8")
        quote = reader.quotes[2]
        assert copied.startswith(reader.article.text[quote.start : quote.end])
        assert "— Ilse Brandauer" in copied
        assert copied.endswith("2025-03-14; world/harbour-bridge)")


async def test_save_to_file_fallback(corpus_dir: Path, state_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await open_bridge(pilot, screen)
        await pilot.press("Y")
        await idle(app)
        await pilot.pause()
    saved = (state_dir / "clippings.txt").read_text(encoding="utf-8")
    assert "VALMORA – The city council" in saved and "world/harbour-bridge)" in saved


async def test_restart_remembers_article_and_position(corpus_dir: Path, state_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(100, 14)) as pilot:
        screen = await ready(pilot)
        reader = await open_bridge(pilot, screen)
        await pilot.press("space")
        await pilot.pause()
        position = reader.top_offset
        assert position is not None and position > 0
    saved = json.loads((state_dir / "state.json").read_text(encoding="utf-8"))
    corpus_state = saved["corpora"][str(corpus_dir.resolve())]
    assert corpus_state["last_article"] == "world/harbour-bridge"
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(100, 14)) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)
        assert reader.article is not None and reader.article.id == "world/harbour-bridge"
        assert screen.query_one(ArticleList).current.id == "world/harbour-bridge"
        assert reader.top_offset == position


async def test_corrupt_state_is_ignored_with_a_warning(corpus_dir: Path, state_dir: Path) -> None:
    state_dir.mkdir(parents=True)
    (state_dir / "state.json").write_text("{not json", encoding="utf-8")
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert any("corrupt" in str(n.message) for n in app._notifications)
    assert list(state_dir.glob("state.json.corrupt-*"))


async def test_bookmarks_and_history(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        reader = await open_bridge(pilot, screen)
        await pilot.press("m")
        await pilot.pause()
        assert reader.bookmarked == frozenset({0})
        # Opened so far: grain-talks, harbour-bridge; now the last one, then back and forward.
        await pilot.press("shift+tab", "G")
        await pilot.pause()
        assert reader.article.id == "science/comet-survey"
        await pilot.press("H")
        await pilot.pause()
        assert reader.article.id == "world/harbour-bridge"
        await pilot.press("H", "H")
        await pilot.pause()
        assert reader.article.id == "world/grain-talks"
        await pilot.press("L")
        await pilot.pause()
        assert reader.article.id == "world/harbour-bridge"
        await pilot.press("G")  # elsewhere, then jump through the bookmarks view
        await pilot.press("B")
        await pilot.pause()
        assert type(app.screen).__name__ == "BookmarksScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article.id == "world/harbour-bridge" and app.focused is reader
        assert reader.passage == 0


async def test_narrow_terminal_shows_one_pane_at_a_time(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        left, right = screen.query_one("#left"), screen.query_one("#right")
        assert screen.has_class("-narrow")
        assert left.size.width > 70 and right.size.width == 0
        await pilot.press("enter")
        await pilot.pause()
        assert left.size.width == 0 and right.size.width > 70
        await pilot.press("v")
        await pilot.pause()
        assert left.size.width > 70
    async with SeedApp(corpus_dir).run_test(size=(60, 20)) as pilot:
        screen = await ready(pilot)
        # The last article comes back, in the reader, across the whole width.
        assert screen.query_one("#right").size.width > 50


async def test_theme_is_remembered(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    app = SeedApp(corpus_dir)
    assert app.theme == "nord"


async def test_help_lists_the_focused_pane_keys_and_syntax(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await open_bridge(pilot, screen)
        await pilot.press("question_mark")
        await pilot.pause()
        from io import StringIO

        from rich.console import Console

        console = Console(file=StringIO(), width=100, record=True)
        for static in app.screen.query("Static"):
            console.print(static.content)
        shown = console.export_text()
        for expected in (
            "Reader",
            "down / j",
            "up / k",
            "] ",
            "Prev quote",
            "n ",
            "Next match",
            "y ",
            "Copy",
            "m ",
            "Bookmark passage",
            "H ",
            "History back",
            "Search syntax",
            "OSC 52",
            "tmux",
        ):
            assert expected in shown, expected
        assert "scroll_left" not in shown and "Page Left" not in shown


async def test_reload_shows_new_and_removed_files(tmp_path: Path, corpus_dir: Path) -> None:
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(corpus_dir, root)
    app = SeedApp(root)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        reader = await open_bridge(pilot, screen)
        (root / "world" / "late-news.txt").write_text(
            "Late news arrives\n\nA brand new article about lighthouses.\n", "utf-8"
        )
        (root / "science" / "comet-survey.txt").unlink()
        await pilot.press("R")
        await idle(app)
        await pilot.pause()
        ids = [article.id for article in screen.query_one(ArticleList).articles]
        assert "world/late-news" in ids and "science/comet-survey" not in ids
        assert reader.article is not None and reader.article.id == "world/harbour-bridge"
        assert any("1 new, 1 gone" in str(n.message) for n in app._notifications)
        await pilot.press("escape", "slash", *"lighthouses")  # from the list, / searches all
        await idle(app)
        await pilot.pause()
        hits = screen.query_one(ResultList).hits
        assert screen.library.corpus.articles[hits[0].article].id == "world/late-news"


async def test_the_remembered_article_never_takes_the_focus_from_the_user(
    corpus_dir: Path, state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_bridge(pilot, await ready(pilot))
    # The next start: the user goes to the search box and types before the folder is read.
    go = held_load(monkeypatch)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", *"gra")
        go.set()
        screen = await ready(pilot)
        await pilot.press(*"in")
        await idle(app)
        await pilot.pause()
        box = screen.query_one(SearchBox)
        assert app.focused is box and box.value == "grain"
        assert screen.query_one(ResultList).hits  # answered, the results showing


async def test_enter_typed_before_the_answer_opens_the_first_hit_when_it_comes(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = held_load(monkeypatch)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", *"grain", "enter")  # nothing is indexed yet
        await pilot.pause()
        screen = app.screen
        reader = screen.query_one(ArticleReader)
        assert reader.article is None
        go.set()
        await ready(pilot)
        await idle(app)
        await pilot.pause()
        assert reader.article is not None and reader.article.id == "world/grain-talks"
        assert app.focused is reader  # as Enter on an answer already shown does


async def test_typing_on_after_an_early_enter_drops_it(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = held_load(monkeypatch)
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", *"grain", "enter", *" talks")
        go.set()
        screen = await ready(pilot)
        await idle(app)
        await pilot.pause()
        box = screen.query_one(SearchBox)
        assert app.focused is box and box.value == "grain talks"
        assert screen.query_one(ResultList).hits  # answered, and still in the box


async def test_next_match_after_a_find_that_matched_nothing_names_the_query(
    corpus_dir: Path,
) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        reader = await open_bridge(pilot, screen)
        await pilot.press("n")  # no in-article search yet
        await pilot.pause()
        assert [n.message for n in app._notifications][-1].startswith("No in-article search")
        await pilot.press("slash", *"[b]zebra", "enter")  # nothing of the kind in it
        await idle(app)
        await pilot.pause()
        assert app.focused is reader and reader.find_matches == ()
        await pilot.press("n")
        await pilot.pause()
        assert [n.message for n in app._notifications][-1] == (
            "No match for '[b]zebra' in this article."
        )
        await pilot.press("slash", "escape")  # cleared: no search again
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        assert [n.message for n in app._notifications][-1].startswith("No in-article search")


async def test_a_long_bookmarked_passage_is_cut_at_a_word_with_an_ellipsis() -> None:
    from textual.app import App
    from textual.widgets import OptionList

    from tui.core.state import Bookmark
    from tui.ui.screens.bookmarks import SNIPPET_MAX, BookmarksScreen

    passage = "The harbour bridge opened to traffic on Monday, " * 8
    app: App[None] = App()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(BookmarksScreen([(Bookmark("a", 0, 10, "Bridge"), passage)]))
        await pilot.pause()
        prompt = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        title, snippet = prompt.split("\n")
        assert title == "Bridge" and snippet.endswith("…") and len(snippet) <= SNIPPET_MAX + 1
        assert passage.startswith(snippet[:-1]) and passage[len(snippet) - 1] == " "

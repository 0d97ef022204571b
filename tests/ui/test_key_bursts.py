"""Keys that arrive together (a paste, a laggy link) are applied in the order they were typed.

Each test posts a whole burst to the app before it gets to run, the way a terminal
delivers keys read in one chunk, and only then lets it work.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from tests.helpers import ready
from tui.ui.app import SeedApp
from tui.ui.key_order import split_alt
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.search_box import SearchBox

SIZE = (100, 30)

NAMED = {"/": "slash", " ": "space", "?": "question_mark"}


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Post every key at once (one character, or a Textual key name), then let the app work."""
    for key in keys:
        if len(key) == 1:
            pilot.app.post_message(events.Key(NAMED.get(key, key), key))
        else:
            pilot.app.post_message(events.Key(key, None))
    for _ in range(5):
        await pilot.pause()


async def test_typing_and_backspaces_in_one_burst(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "/", "a", "b", "c", "backspace", "backspace", "backspace", "d", "e")
        assert screen.query_one(SearchBox).value == "de"


async def test_slash_clear_and_query_in_one_burst(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "/", "x", "y")
        await burst(pilot, "escape", "/", "ctrl+u", *"grain")
        assert screen.query_one(SearchBox).value == "grain"


async def test_escape_then_a_key_leaves_the_box_first(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "/", *"osterby", "escape", "j")
        assert screen.query_one(SearchBox).value == "osterby"  # Esc steps back, keeps the query
        focused = screen.focused  # one level back: the results (the list when none)
        assert isinstance(focused, (ArticleList, ResultList))
        # the j moved the cursor there (as far as the rows go), not into the box
        assert focused.highlighted == min(1, focused.option_count - 1)


async def test_list_keys_in_one_burst(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        await burst(pilot, "j", "j", "j", "k", "G", "k", "k")
        assert listing.highlighted == listing.option_count - 3


async def test_find_bar_burst(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        screen.set_focus(screen.query_one(ArticleReader))
        await pilot.pause()
        await burst(pilot, "/", *"grian", "backspace", "backspace", "backspace", *"ain")
        assert screen.query_one(FindBar).value == "grain"


async def test_escape_and_a_key_read_as_one_alt_key(corpus_dir: Path) -> None:
    # A terminal sends Escape then q, read together, as the one key Alt+q.
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "/", *"osterby")
        pilot.app.post_message(events.Key("alt+j", "j"))
        await burst(pilot)
        assert screen.query_one(SearchBox).value == "osterby"  # the j was not typed into it
        focused = screen.focused
        assert isinstance(focused, (ArticleList, ResultList))
        assert focused.highlighted == min(1, focused.option_count - 1)


async def test_after_a_restart_the_box_names_the_key_that_searches(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        box = screen.query_one(SearchBox)
        assert box.placeholder.startswith("/ search passages")
        await burst(pilot, "enter")  # open the first article: the reader has the focus
        assert isinstance(screen.focused, ArticleReader)
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)  # back in the reader, where / finds in the article
        box = screen.query_one(SearchBox)
        assert isinstance(screen.focused, ArticleReader)
        assert box.placeholder.startswith("ctrl+s search passages · / finds in this article")
        await burst(pilot, "ctrl+s", *"grain")
        assert screen.focused is box and box.value == "grain"
        await burst(pilot, "escape", "enter", "/")  # the find bar: ctrl+s still searches
        assert isinstance(screen.focused, FindBar)
        assert box.placeholder.startswith("ctrl+s search passages · F1")
        await burst(pilot, "ctrl+s")
        assert screen.focused is box


async def test_a_paste_keeps_its_place_among_the_keys(corpus_dir: Path) -> None:
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "/", "x", "backspace")
        pilot.app.post_message(events.Paste("grain"))
        await burst(pilot, "backspace", "s")
        assert screen.query_one(SearchBox).value == "grais"


def test_alt_keys_are_read_as_escape_then_the_key() -> None:
    escape, key = split_alt(events.Key("alt+q", "q"))
    assert isinstance(escape, events.Key) and isinstance(key, events.Key)
    assert (escape.key, key.key, key.character) == ("escape", "q", "q")
    _, arrow = split_alt(events.Key("alt+up", None))
    assert isinstance(arrow, events.Key) and (arrow.key, arrow.character) == ("up", None)
    plain = events.Key("q", "q")
    assert split_alt(plain) == [plain]


async def test_filter_and_its_words_in_one_burst(corpus_dir: Path) -> None:
    from tui.ui.widgets.list_filter import ListFilter

    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await burst(pilot, "f", *"comet")
        assert screen.query_one(ListFilter).value == "comet"  # no letter lost, e and o included
        listing = screen.query_one(ArticleList)
        assert [article.id for article in listing.articles] == ["science/comet-survey"]

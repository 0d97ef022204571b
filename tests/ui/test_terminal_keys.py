"""Escape and the key typed right after it reach the app as those two keys.

The bytes go through the parser Textual's terminal driver builds once
:func:`tui.ui.terminal_keys.install` has run, so a Textual release that reads them
another way fails here, not in a user's terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events

from tests.helpers import idle, ready
from tests.ui.test_key_bursts import burst
from tui.ui import terminal_keys
from tui.ui.app import SeedApp
from tui.ui.key_order import split_alt
from tui.ui.screens.speakers import SpeakersScreen
from tui.ui.widgets.search_box import SearchBox


@pytest.fixture
def installed() -> Iterator[type]:
    from textual.drivers import linux_driver

    before = linux_driver.XTermParser
    terminal_keys.install()
    yield linux_driver.XTermParser
    linux_driver.XTermParser = before  # type: ignore[attr-defined,misc]


def keys_read(parser_class: type, data: str) -> list[tuple[str, str | None]]:
    """The keys the driver's parser reads from ``data``, each split as the sequencer does."""
    parser = parser_class(False)
    tokens = list(parser.feed(data)) + list(parser.feed(""))  # "" ends the input
    read: list[tuple[str, str | None]] = []
    for token in tokens:
        if isinstance(token, events.Key):
            for key in split_alt(token):
                assert isinstance(key, events.Key)
                read.append((key.key, key.character))
    return read


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("/", "slash"),
        ("?", "question_mark"),
        ("1", "1"),
        ("-", "minus"),
        ("=", "equals_sign"),
        (";", "semicolon"),
        ('"', "quotation_mark"),
        ("q", "q"),
        ("O", "O"),
    ],
)
def test_escape_then_a_printable_key(installed: type, typed: str, name: str) -> None:
    assert keys_read(installed, "\x1b" + typed) == [("escape", "\x1b"), (name, typed)]


def test_real_sequences_keep_their_meaning(installed: type) -> None:
    assert keys_read(installed, "\x1b[A") == [("up", None)]
    assert keys_read(installed, "\x1b") == [("escape", "\x1b")]
    assert keys_read(installed, "ab") == [("a", "a"), ("b", "b")]


async def test_escape_and_slash_together_close_the_dialog_then_search(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await ready(pilot)
        await pilot.press("S")
        await idle(app)
        await pilot.pause()
        assert isinstance(app.screen, SpeakersScreen)
        app.post_message(events.Key("alt+slash", "/"))  # how the parser reads ESC /
        await burst(pilot, *"grain")
        await idle(app)
        assert app.screen is main
        assert main.query_one(SearchBox).value == "grain"


def test_escape_then_a_sequence_opener_alone(installed: type) -> None:
    assert keys_read(installed, "\x1b[") == [("escape", "\x1b"), ("left_square_bracket", "[")]


def test_escape_b_and_f_are_word_motions_in_a_box_and_escape_and_the_letter_elsewhere(
    installed: type,
) -> None:
    from textual.widgets import Input

    (option_left,) = [*installed(False).feed("\x1bb"), *installed(False).feed("")]
    (option_right,) = [*installed(False).feed("\x1bf"), *installed(False).feed("")]
    assert isinstance(option_left, events.Key) and isinstance(option_right, events.Key)
    assert (option_left.key, option_right.key) == ("alt+b", "alt+f")
    box = Input()
    assert [k.key for k in split_alt(option_left, box)] == ["ctrl+left"]  # type: ignore[attr-defined]
    assert [k.key for k in split_alt(option_right, box)] == ["ctrl+right"]  # type: ignore[attr-defined]
    assert keys_read(installed, "\x1bf") == [("escape", "\x1b"), ("f", "f")]


async def test_escape_and_f_together_open_the_list_filter_and_move_a_word_in_the_box(
    corpus_dir: Path,
) -> None:
    from tui.ui.widgets.article_list import ArticleList

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert isinstance(app.focused, ArticleList)
        app.post_message(events.Key("alt+f", "f"))  # how the parser reads ESC f
        await burst(pilot, *"bridge")
        assert type(app.focused).__name__ == "ListFilter"
        assert getattr(app.focused, "value", None) == "bridge"
        box = screen.query_one(SearchBox)
        box.focus()
        box.value = "harbour bridge"
        await pilot.pause()
        box.cursor_position = 0
        app.post_message(events.Key("alt+f", "f"))  # Option+Right in the box
        await burst(pilot)
        assert app.focused is box and box.value == "harbour bridge"
        assert box.cursor_position == len("harbour ")  # at the next word, as ctrl+right

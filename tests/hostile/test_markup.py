"""One rule on screen: text from outside is never parsed as markup, and no action it names runs.

Hostile titles, file and folder names and cache contents are walked through every
surface that shows them: the article list, the reader, the status line, the
command palette, toasts, the load report, the bookmarks and the quotes panel.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.widgets._toast import Toast

from tests.helpers import idle, ready, screen_text
from tui.core.cache import cache_path
from tui.core.cache.format import LENGTHS, MAGIC
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.status_bar import StatusBar

SIZE = (110, 32)
CLICK = "[@click=app.screenshot('pwn.svg','.')]"
"""Markup that would write a screenshot into the corpus folder if it ever ran."""
FOLDER = f"corpus {CLICK}x \x1b]0;pwn-title\x07 [b]bold"


def write(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, "utf-8")


@pytest.fixture
def hostile_root(tmp_path: Path) -> Path:
    root = tmp_path / FOLDER
    root.mkdir()
    write(root, "trap.txt", f"{CLICK}Palette trap\n\nThe harbour “plan,” said Ann.\n")
    write(root, "broken.txt", "[/oops] Broken markup title [b\n\nThe harbour again.\n")
    write(root, f"{CLICK}named.txt", "Named file\n\nA third harbour article.\n")
    (root / f"{CLICK}skipped.txt").write_bytes(b"")  # its name goes to the load report
    return root


def parsed_markup(app: App[object]) -> list[str]:
    """Every action or link on screen that came from hostile text (none may be)."""
    update = app.screen._compositor.render_full_update(simplify=False)
    found = []
    for line in update.strips:
        for strip in line:
            for segment in strip:
                style = segment.style
                if style is not None and ("pwn" in repr(style.meta) or "pwn" in str(style.link)):
                    found.append(segment.text)
    return found


def assert_inert(app: App[object]) -> str:
    """The screen holds no parsed hostile markup and no raw control character; its text."""
    assert app.is_running
    assert not parsed_markup(app)
    shown = screen_text(app)
    assert "\x1b" not in shown and "\x07" not in shown, shown
    return shown


async def test_the_palette_shows_titles_as_text_and_runs_nothing(hostile_root: Path) -> None:
    app = SeedApp(hostile_root)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"palette trap")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        commands = palette.query_one(CommandList)
        prompts = [
            str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
        ]
        assert any(CLICK + "Palette trap" in prompt for prompt in prompts), prompts
        assert_inert(app)
        await pilot.press(*(["backspace"] * 12), *"oops broken")
        await pilot.pause(0.5)
        prompts = [
            str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
        ]
        assert any("[/oops] Broken markup title" in prompt for prompt in prompts), prompts
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.reader.article is not None and screen.reader.article.path == "broken.txt"
        assert_inert(app)
    assert not (hostile_root / "pwn.svg").exists()
    assert not list(Path(".").glob("pwn.svg"))


async def test_toasts_show_names_as_text(hostile_root: Path) -> None:
    app = SeedApp(hostile_root)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await ready(pilot)
        # A bookmarked article deleted since: its id, invalid markup and a click, in a toast.
        screen.open_by_id(f"[/gone] {CLICK}old \x1b]0;pwn\x07")
        app.notify(f"[/direct] {CLICK}", title="[/title]")
        await pilot.pause(0.2)
        assert_inert(app)
        toasts = [toast.render() for toast in app.screen.query(Toast)]
        shown = "\n".join(str(toast) for toast in toasts)
        assert "[/gone]" in shown and "[/direct]" in shown and "[/title]" in shown, shown
        assert CLICK in shown and "\x1b" not in shown
        assert not any("pwn" in repr(span) for toast in toasts for span in toast.spans)


async def test_the_status_line_report_and_panels_show_names_as_text(hostile_root: Path) -> None:
    app = SeedApp(hostile_root)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await ready(pilot)
        status = screen.query_one(StatusBar)
        status.message = f"Loading {hostile_root}"  # as the loader words it
        await pilot.pause()
        assert_inert(app)
        line = status.render().plain
        assert "[b]bold" in line and CLICK in line and "␛]0;pwn-title␇" in line
        for keys in (["w"], ["escape", "m", "B"], ["escape", "quotation_mark"], ["question_mark"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert_inert(app)
        await pilot.press("escape")
        await pilot.pause()


def plant_cache(root: Path, version: str) -> Path:
    """A cache file for ``root`` whose header holds ``version``: rejected, with a message."""
    path = cache_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = pickle.dumps({"version": version})
    path.write_bytes(MAGIC + LENGTHS.pack(len(header), 0, 0, 0) + header)
    return path


async def test_a_cache_rejection_message_is_text_and_the_cache_is_rewritten(
    hostile_root: Path,
) -> None:
    path = plant_cache(hostile_root, f"[/bad] {CLICK}v")
    planted = path.read_bytes()
    app = SeedApp(hostile_root)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await idle(app)
        await pilot.pause()
        shown = assert_inert(app)
        assert "[/bad]" in shown
        assert any("cache version" in str(n.message) for n in app._notifications)
    assert path.read_bytes() != planted  # rewritten: the next start is clean

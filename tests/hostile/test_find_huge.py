"""Find in a huge article: first matches before the count, the count from a worker, n/N at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message

import tui.ui.widgets.reader_layout as reader_layout
from tests.helpers import idle, ready
from tui.ui.app import SeedApp
from tui.ui.messages import FindFinished
from tui.ui.widgets.find_bar import FindBar
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.reader_layout import WINDOW_CHARS

PARAGRAPH = "The harbour board met on the harbour plan and the harbour fees again today. " * 4


def current_drawn(reader: ArticleReader) -> tuple[int, int]:
    """The article span of the one match drawn in the find-current style."""
    style = reader._style("reader--find-current")
    found = []
    for line, start in zip(reader._layout.lines, reader._layout.line_offsets):
        column = start - 2  # the gutter
        for segment in line:
            width = len(segment.text)
            if start >= 0 and segment.style and segment.style.reverse == style.reverse:
                if segment.style.color == style.color and segment.text == "harbour":
                    found.append((column, column + width))
            column += width
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def huge(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    count = 3 * WINDOW_CHARS // len(PARAGRAPH)
    (root / "huge.txt").write_text("A huge article\n\n" + (PARAGRAPH + "\n\n") * count, "utf-8")
    return root


async def test_find_in_a_huge_article(huge: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Message] = []
    widest: list[int] = []
    styled = reader_layout.styled

    def counting(text, start, end, layers, base=None):  # type: ignore[no-untyped-def]
        layers = [(style, list(spans)) for style, spans in layers]
        widest.append(max((len(spans) for _style, spans in layers), default=0))
        return styled(text, start, end, layers, base)

    monkeypatch.setattr(reader_layout, "styled", counting)
    app = SeedApp(huge)

    def hook(message: Message) -> None:
        if isinstance(message, FindFinished):
            seen.append(message)

    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)
        assert reader.window is not None  # drawn a window at a time
        screen.set_focus(reader)
        await pilot.pause()
        await pilot.press("slash", *"harbour")
        await idle(app)
        await pilot.pause()
        finds = [m for m in seen if m.query == "harbour"]
        # The first matches came first, then the whole count, both from the worker.
        assert not finds[0].complete and finds[-1].complete
        total = len(finds[-1].matches)
        assert len(finds[0].matches) < total
        assert reader.find_complete and len(reader.find_matches) == total
        assert screen.query_one(FindBar).border_subtitle == f"1/{total}"
        # n and N answer without a worker: the next match is current at once.
        await pilot.press("enter")
        await pilot.pause()
        widest.clear()
        await pilot.press("n")
        assert reader.current_match == 1
        # Only the passages of the old and the new match are drawn again, not the window,
        # and the new current match is drawn unlike the others.
        assert 1 <= len(widest) <= 4, len(widest)
        assert current_drawn(reader) == reader.find_matches[1]
        await pilot.press("N", "N")
        assert reader.current_match == total - 1  # wrapped to the last match
        await pilot.pause()
        assert reader.window is not None and reader.window.stop == len(reader.article.passages)
        # Each passage drawn was given only the matches near it, never all of them.
        assert widest and max(widest) < 50 < total

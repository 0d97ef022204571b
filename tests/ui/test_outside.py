"""Out of the app (Pilot): pager and editor at the passage, the URL, Markdown copy, exports."""

from __future__ import annotations

import contextlib
import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import idle, ready
from tui.core.export import export_text, markdown_citation
from tui.ui.app import SeedApp
from tui.ui.outside import command_line
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList

SIZE = (100, 30)
ARTICLE = """\
---
title: Harbour | bridge
date: 2025-03-14
url: https://example.org/bridge
---

The council voted to close the bridge.

"It is tired," Mayor Ilse Brandauer said after the vote.

Repairs start in May.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "bridge.md").write_text(ARTICLE, encoding="utf-8")
    return root


@contextlib.contextmanager
def _no_suspend(self: SeedApp) -> Iterator[None]:
    yield  # the headless test driver cannot suspend; the real one hands the terminal over


def test_command_lines_open_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    assert command_line("less -R", path, 7) == ["less", "-R", "+7", str(path)]
    assert command_line("/usr/bin/nvim", path, 3) == ["/usr/bin/nvim", "+3", str(path)]
    assert command_line("cat", path, 3) == ["cat", str(path)]


async def test_pager_gets_the_file_at_the_current_passage(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "argv.txt"
    pager = tmp_path / "bin" / "less"
    pager.parent.mkdir()
    pager.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n', encoding="utf-8")
    pager.chmod(0o755)
    monkeypatch.setenv("PAGER", str(pager))
    monkeypatch.setattr(SeedApp, "suspend", _no_suspend)
    app = SeedApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(ArticleReader)
        assert reader.article is not None
        await pilot.press("right_square_bracket")  # to the quotation, on line 9 of the file
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
    assert record.read_text(encoding="utf-8").split("\n")[:2] == ["+9", str(corpus / "bridge.md")]


async def test_url_markdown_copy_and_exports(
    corpus: Path, state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    copied: list[str] = []
    monkeypatch.setattr(SeedApp, "open_url", lambda self, url, **kw: opened.append(url))
    monkeypatch.setattr("tui.ui.outside.copy_with_osc52", lambda app, text: copied.append(text))
    app = SeedApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("U", "right_square_bracket", "c", "m")  # url, quote, copy, bookmark
        await pilot.pause()
        assert opened == ["https://example.org/bridge"]
        assert copied == [
            '> "It is tired,"\n>\n'
            "> — Ilse Brandauer, [Harbour \\| bridge](https://example.org/bridge), 2025-03-14"
            " (bridge)\n"
        ]
        await app.run_action("screen.focus_search")  # "/" in the reader finds in the article
        await pilot.press(*"repairs")
        await idle(app)
        await pilot.pause()
        assert screen.query_one(ResultList).hits
        await pilot.press("escape")  # leave the box; the results stay on the left
        await pilot.pause()
        await app.run_action("screen.export('results', 'jsonl')")
        await app.run_action("screen.export('bookmarks', 'csv')")
        await app.run_action("screen.export('quotes', 'md')")
        await idle(app)
    exports = state_dir / "exports"
    results = next(exports.glob("results-*.jsonl")).read_text(encoding="utf-8")
    first = json.loads(results.splitlines()[0])
    assert first["id"] == "bridge" and "Repairs start in May." in first["text"]
    with next(exports.glob("bookmarks-*.csv")).open(encoding="utf-8", newline="") as stream:
        bookmarks = list(csv.DictReader(stream))
    assert len(bookmarks) == 1 and bookmarks[0]["title"] == "Harbour | bridge"
    assert not list(exports.glob("quotes-*.md"))  # the quotation panel was never opened


def test_export_formats_keep_text_inert() -> None:
    rows = [{"id": "a", "text": "x | y\n\x1b[31mred", "score": 0.5}]
    table = export_text(rows, ("id", "text", "score"), "md")
    assert table.splitlines()[2] == "| a | x \\| y \u241b[31mred | 0.5 |"
    assert json.loads(export_text(rows, ("id", "text"), "jsonl"))["text"] == rows[0]["text"]
    with pytest.raises(ValueError):
        export_text(rows, ("id",), "xml")
    quote = markdown_citation("said *this*", "T", None, "a/b")
    assert quote == "> said \\*this\\*\n>\n> — *T* (a/b)\n"


async def test_copy_uses_textual_clipboard_and_wraps_for_tmux(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = SeedApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        written: list[str] = []
        app._driver.write = written.append  # type: ignore[union-attr,method-assign]
        await pilot.press("enter", "right_square_bracket", "y")
        await pilot.pause()
        assert app.clipboard.startswith('"It is tired," — Ilse Brandauer')  # public API
        assert any(w.startswith("\x1b]52;c;") for w in written)  # the plain sequence
        assert any(w.startswith("\x1bPtmux;\x1b\x1b]52;c;") for w in written)  # tmux's envelope

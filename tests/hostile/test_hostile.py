"""The hostile corpus through the CLI and a Pilot session: no crash, no injection, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.helpers import idle
from tests.hostile.corpus import build
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.status_bar import StatusBar

HOSTILE_QUERIES = [
    "x" * 10_000,
    "!!! ??? ... ,,, ;;; :::",
    '"unbalanced quote',
    "'''",
    ".*+?[](){}|^$\\",
    "\x1b[31m\x00\x07\r\n\t",
    "^ ! | '",
    "date:9999-99 in: title: speaker:",
    "date:2025-13..2024-00",
    "漢字 👩‍👩‍👧 e\u0301",
]


def listing(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry below ``root`` with its size and modification time (links not followed)."""
    entries = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            stat = path.lstat()
            entries[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return entries


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    build(root)
    return root


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=300
    )


def test_cli_lists_what_loads_and_reports_the_rest(hostile: Path) -> None:
    before = listing(hostile)
    result = run_cli("list", "--corpus", str(hostile), "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    ids = {json.loads(line)["id"] for line in result.stdout.splitlines()}
    for loaded in (
        "good",
        "escapes",
        "invalid-utf8",
        "utf16-bom",
        "utf16-nobom",
        "one-line",
        "big",
        "d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/d13/d14/d15/d16/d17/d18/"
        "d19/d20/d21/d22/d23/d24/d25/d26/d27/d28/d29/d30/d31/d32/d33/d34/d35/d36/"
        "d37/d38/d39/deep",
    ):
        assert loaded in ids, loaded
    assert any(i.startswith("name with") for i in ids)
    for skipped, reason in (
        ("random.txt", "binary file"),
        ("nul-bytes.txt", "binary file"),
        ("link-broken.txt", "broken link"),
        ("empty/00000.txt", "empty"),
        ("self.txt", "unreadable"),
    ):
        assert f"skipped {skipped}: {reason}" in result.stderr, skipped
    assert "invalid-utf8.txt: not valid UTF-8" in result.stderr
    assert all(len(line) < 500 for line in result.stderr.splitlines())
    assert listing(hostile) == before  # nothing written into the corpus


def test_cli_search_survives_hostile_queries(hostile: Path, tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text(
        "\n".join(q.replace("\n", " ").replace("\r", " ") for q in HOSTILE_QUERIES)
        + "\nharbour plan\n",
        "utf-8",
    )
    result = run_cli("search", "--queries", str(queries), "--corpus", str(hostile), "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(HOSTILE_QUERIES) + 1
    assert rows[-1]["hits"] and rows[-1]["hits"][0]["id"] == "big"


def test_cli_output_carries_no_escape_bytes_from_documents(hostile: Path) -> None:
    result = run_cli("search", "title change", "--corpus", str(hostile))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


async def test_pilot_session_on_the_hostile_corpus(hostile: Path) -> None:
    before = listing(hostile)
    app = SeedApp(hostile)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # Resize while loading and indexing.
        for size in ((20, 6), (60, 20), (33, 9), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await idle(app)
        await pilot.pause()
        assert "files skipped" in screen.query_one(StatusBar).problems
        articles = screen.query_one(ArticleList).articles
        ids = [article.id for article in articles]
        reader = screen.query_one(ArticleReader)
        # The escapes article: inert text, layout intact.
        screen.query_one(ArticleList).highlighted = ids.index("escapes")
        await pilot.pause()
        shown = "\n".join(strip.text for strip in reader._layout.lines)
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "[@click=app.quit]click[/]" in shown and "␛]0;pwned␇" in shown
        assert all(
            strip.cell_length == reader._layout.lines[0].cell_length
            for strip in reader._layout.lines
        )  # wide characters keep lines aligned
        # The 50 MB article: drawn a window at a time, the end reachable.
        screen.query_one(ArticleList).highlighted = ids.index("big")
        await pilot.pause()
        assert reader.window is not None and reader.window.start == 0
        await pilot.press("tab", "tab")
        await pilot.press("G")
        await pilot.pause()
        # Hostile queries, typed fast, with resizes in between.
        for number, query in enumerate(HOSTILE_QUERIES):
            box = screen.query_one("#search", Input)
            box.value = query
            if number % 3 == 0:
                await pilot.resize_terminal(20 + number * 7, 6 + number * 2)
            await pilot.pause()
        await pilot.resize_terminal(100, 30)
        screen.query_one("#search", Input).value = "harbour plan"
        await idle(app)
        await pilot.pause()
        hits = screen.query_one(ResultList).hits
        assert hits and screen.library.corpus.articles[hits[0].article].id == "big"
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article is not None and reader.article.id == "big"
        assert reader.passage == hits[0].passage
        assert app.is_running
    assert listing(hostile) == before


async def test_unexpected_errors_are_logged_not_shown(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDTUI_STATE_DIR", str(tmp_path / "state"))

    def broken(self: ArticleReader) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(ArticleReader, "action_next_quote", broken)
    app = SeedApp(corpus_dir, contain_errors=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await idle(app)
        await pilot.press("enter", "right_square_bracket")
        await pilot.pause()
        assert app.is_running
        assert any("RuntimeError: a bug" in str(n.message) for n in app._notifications)
    log = (tmp_path / "state" / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: a bug" in log

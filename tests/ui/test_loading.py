"""Pilot tests for loading: progressive list, warm start from the cache, --no-cache."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.message import Message

from tests.helpers import idle
from tui.core.cache.load import cache_path
from tui.ui.app import SeedApp
from tui.ui.messages import ArticlesRead, CorpusLoaded
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.result_list import ResultList

SIZE = (100, 30)


async def test_list_fills_before_the_corpus_is_complete(tmp_path: Path) -> None:
    root = tmp_path / "many"
    for number in range(400):
        folder = root / f"f{number % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{number:03d}.txt").write_text(
            f"Article {number}\n\nBody of article {number} about harbours.\n", "utf-8"
        )
    seen: list[Message] = []
    app = SeedApp(root, use_cache=False)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await idle(app)
        await pilot.pause()
        unique = list({id(m): m for m in seen}.values())  # a message bubbles: seen twice
        reads = [m for m in unique if isinstance(m, ArticlesRead)]
        loaded = [m for m in unique if isinstance(m, CorpusLoaded)]
        assert reads and loaded
        assert sum(len(m.articles) for m in reads) == 400
        assert reads[-1].done == reads[-1].total == 400
        assert unique.index(reads[0]) < unique.index(loaded[0])
        listing = app.screen.query_one(ArticleList)
        assert listing.option_count == 400
        titles = [article.title for article in listing.articles]
        assert titles == sorted(titles, key=str.casefold)  # sorted once complete


async def test_second_start_comes_from_the_cache(
    tmp_path: Path, corpus_dir: Path, cache_dir: Path
) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(corpus_dir, root)
    async with SeedApp(root).run_test(size=SIZE) as pilot:
        await idle(pilot.app)
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen) and screen.library.reused == 0
    assert cache_path(root).exists()
    (root / "world" / "new.txt").write_text("Fresh\n\nA new article on lighthouses.\n", "utf-8")
    async with SeedApp(root).run_test(size=SIZE) as pilot:
        await idle(pilot.app)
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        assert screen.library.reused == 4
        await pilot.press("escape", "slash", *"lighthouses")  # the reader had the focus
        await idle(pilot.app)
        await pilot.pause()
        hits = screen.query_one(ResultList).hits
        assert screen.library.corpus.articles[hits[0].article].id == "world/new"
    assert not any(p.suffix in (".cache", ".tmp") for p in root.rglob("*"))


async def test_no_cache_neither_reads_nor_writes(
    tmp_path: Path, corpus_dir: Path, cache_dir: Path
) -> None:
    async with SeedApp(corpus_dir, use_cache=False).run_test(size=SIZE) as pilot:
        await idle(pilot.app)
        await pilot.pause()
        assert pilot.app.screen.query_one(ArticleList).option_count == 4
    assert not cache_path(corpus_dir).exists()
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


async def test_a_corrupt_cache_is_reported_and_rebuilt(
    tmp_path: Path, corpus_dir: Path, cache_dir: Path
) -> None:
    from tui.core.cache.load import cache_state

    cache_dir.mkdir(parents=True, exist_ok=True)
    cache_path(corpus_dir).write_bytes(b"SEEDTUI-CACHE but not really")
    async with SeedApp(corpus_dir).run_test(size=SIZE) as pilot:
        await idle(pilot.app)
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.query_one(ArticleList).option_count == 4
        shown = [notice.message for notice in pilot.app._notifications]
        assert any("cache ignored and rebuilt" in message for message in shown), shown
        await pilot.press("escape", "slash", *"harbour")
        await idle(pilot.app)
        await pilot.pause()
        assert screen.query_one(ResultList).hits
    assert cache_state(corpus_dir) == (True, None)

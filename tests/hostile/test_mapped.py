"""Mapped memory under churn: articles, quotations and reloads while the cache is rewritten.

Warm starts read texts and index arrays straight from a memory map of the cache
file. These seeded loops open, reload and drop loads in random order while other
loads rewrite the cache file, collecting garbage at random moments, so that a
view of a map that outlived it (or a buffer freed under a view) would surface as
an exception or a wrong text.
"""

from __future__ import annotations

import gc
import random
import threading
from pathlib import Path

from tests.helpers import idle
from tui.core.cache import CachedCorpus, load_cached
from tui.core.corpus import load_corpus
from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.article_list import ArticleList

BODY = (
    '"We will keep the harbour open," said Mara Holt, the mayor. '
    "The council met on the plan for the bridge and the budget.\n\n"
)


def write_corpus(root: Path, articles: int = 24) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        (root / f"a{number:02d}.txt").write_text(
            f"Article {number}\n\n" + BODY * (1 + number % 5), "utf-8"
        )


def touch(root: Path, rng: random.Random) -> None:
    """Change, add or remove one article, so that the next load rewrites the cache."""
    path = root / f"a{rng.randrange(30):02d}.txt"
    if path.exists() and rng.random() < 0.2:
        path.unlink()
    else:
        path.write_text(f"Article {path.stem} v{rng.random()}\n\n" + BODY * rng.randint(1, 6))


def check(loaded: CachedCorpus, rng: random.Random) -> None:
    """Read texts, quotations and hits of ``loaded``, in a random order."""
    articles = loaded.corpus.articles
    quotes = loaded.finish_quotes()
    for number in rng.sample(range(len(articles)), min(6, len(articles))):
        article = articles[number]
        assert article.text.startswith("Article ")
        assert all(0 <= q.start < q.end <= len(article.text) for q in quotes[number])
        for start, end in article.passages:
            assert 0 <= start < end <= len(article.text)
    for hit in loaded.index.search("harbour budget", 5):
        assert "harbour" in articles[hit.article].text[hit.start : hit.end].lower()


def test_seeded_loads_and_drops_while_the_cache_is_rewritten(tmp_path: Path) -> None:
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(root)
    rng = random.Random(18)
    failures: list[BaseException] = []
    stop = threading.Event()

    def rewriter() -> None:
        other = random.Random(19)
        try:
            while not stop.is_set():
                check(load_cached(root, folder=cache), other)
        except BaseException as error:  # reported in the main thread
            failures.append(error)

    thread = threading.Thread(target=rewriter)
    thread.start()
    held: list[CachedCorpus] = []
    try:
        for _step in range(120):
            action = rng.random()
            if action < 0.35:
                touch(root, rng)
            elif action < 0.7 or not held:
                held.append(load_cached(root, folder=cache))
            elif action < 0.85:
                held.pop(rng.randrange(len(held)))  # drop a load: its map goes when unused
                gc.collect()
            else:
                check(rng.choice(held), rng)
            if len(held) > 4:
                held.pop(0)
            for loaded in held:
                check(loaded, rng)
    finally:
        stop.set()
        thread.join()
    assert failures == []
    fresh = load_cached(root, folder=cache)
    assert [a.text for a in fresh.corpus.articles] == [a.text for a in load_corpus(root).articles]


async def test_seeded_ui_session_while_the_cache_is_rewritten(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write_corpus(root)
    rng = random.Random(180)
    app = SeedApp(root, contain_errors=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await idle(app)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for _step in range(60):
            action = rng.random()
            if action < 0.3:
                listing = screen.query_one(ArticleList)
                if listing.articles:
                    listing.highlighted = rng.randrange(len(listing.articles))
                    await pilot.press("enter")
            elif action < 0.45:
                await pilot.press("quotation_mark")
            elif action < 0.6:
                touch(root, rng)
                await pilot.press("escape", "R")
            elif action < 0.75:
                touch(root, rng)
                load_cached(root).finish_quotes()  # another process rewrites the cache
            elif action < 0.85:
                await pilot.press("escape")
            else:
                gc.collect()
            await pilot.pause()
            if rng.random() < 0.3:
                await idle(app)
        await idle(app)
        await pilot.pause()
        assert app.is_running and app.fatal_message is None
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
        assert errors == []

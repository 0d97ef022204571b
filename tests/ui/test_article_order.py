"""Pilot tests for the article list's orders and its date column."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ready
from tui.ui.app import SeedApp
from tui.ui.widgets.article_list import ArticleList


def dated(folder: Path) -> Path:
    """Three dated articles in two folders and one without a date."""
    for sub, name, date, title in (
        ("world", "a", "2024-05-01", "Middle news"),
        ("world", "b", "2025-01-01", "Zebra crossing news"),
        ("arts", "c", "2023-02-02", "Oldest news"),
        ("arts", "d", None, "Alpha undated"),
    ):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        head = f"---\ntitle: {title}\ndate: {date}\n---\n" if date else f"{title}\n\n"
        (folder / sub / f"{name}.txt").write_text(head + "Some text here.\n", encoding="utf-8")
    return folder


async def test_o_cycles_the_orders_and_keeps_the_cursor_on_its_article(tmp_path: Path) -> None:
    app = SeedApp(dated(tmp_path / "c"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        await pilot.press("j")
        chosen = listing.current
        await pilot.press("o")  # newest first
        assert [a.title for a in listing.articles] == [
            "Zebra crossing news",
            "Middle news",
            "Oldest news",
            "Alpha undated",
        ]
        assert listing.current is chosen
        await pilot.press("o")  # oldest first
        assert [a.title for a in listing.articles][:3] == [
            "Oldest news",
            "Middle news",
            "Zebra crossing news",
        ]
        await pilot.press("o")  # by title
        assert listing.articles[0].title == "Alpha undated"
        await pilot.press("o")  # by folder
        assert [a.folder for a in listing.articles] == ["arts", "arts", "world", "world"]
        await pilot.press("j")
        await pilot.pause()
        assert screen.query_one("#reader").article is listing.current  # type: ignore[attr-defined]
        await pilot.press("o")  # back to the corpus's order
        assert listing.articles == screen.library.articles


async def test_an_undated_corpus_has_no_placeholder_dashes(tmp_path: Path) -> None:
    root = tmp_path / "undated"
    root.mkdir()
    for name in ("one", "two"):
        (root / f"{name}.txt").write_text(f"Title {name}\n\nText.\n", encoding="utf-8")
    app = SeedApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        first = listing.render_line(0).text
        assert "-----" not in first and first.lstrip().startswith("Title one")


async def test_read_marks_go_when_an_article_is_read_and_are_kept(corpus_dir: Path) -> None:
    def marks(listing: ArticleList) -> list[bool]:
        return [listing.render_line(y).text.lstrip().startswith("•") for y in range(4)]

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        assert marks(listing) == [False, True, True, True]  # the first one is open
        await pilot.press("j", "j")
        await pilot.pause()
        assert marks(listing) == [False, False, False, True]
    again = SeedApp(corpus_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert marks(screen.query_one(ArticleList)) == [False, False, False, True]

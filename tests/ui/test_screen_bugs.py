"""One Pilot test per bug seen on screen (issue 16); each failed before its fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import idle, ready
from tui.ui.app import SeedApp
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.quote_panel import QuotePanel
from tui.ui.widgets.reader import ArticleReader
from tui.ui.widgets.result_list import ResultList
from tui.ui.widgets.status_bar import StatusBar


def long_article(folder: Path) -> Path:
    """A corpus of one long article whose quotations lie far apart."""
    filler = "The ferry timetable was discussed by the committee."
    parts = ["Ferry talks drag on", ""]
    for number in range(12):
        parts += [filler, ""]
        parts += [f'"We sail by spring, number {number}," said Ilse Brandauer.', ""]
    folder.mkdir()
    (folder / "brief.txt").write_text("A brief note\n\nNothing to see.\n", encoding="utf-8")
    (folder / "ferry.txt").write_text("\n".join(parts), encoding="utf-8")
    return folder


async def test_enter_on_a_quotation_scrolls_the_reader_to_it_when_narrow(
    tmp_path: Path,
) -> None:
    # The quotations are visited while the reader is hidden (80 columns, the panel
    # focused): the reader must anchor the place so it holds once shown. (It passed
    # without that once, because the panel's re-fill on resize visited the quotation
    # again; a re-fill no longer counts as a move.)
    app = SeedApp(long_article(tmp_path / "long"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        assert listing.articles[1].id == "ferry"
        await pilot.press("j", "quotation_mark")
        await pilot.pause()
        panel = screen.query_one(QuotePanel)
        assert app.focused is panel
        for _ in range(4):
            await pilot.press("j")
            await pilot.pause()
        await pilot.press("enter")  # one far down the article
        await pilot.pause()
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert app.focused is reader and reader.current_quote == 4
        line = reader._layout.line_of_offset(reader.quotes[4].start)
        assert line > reader.size.height
        assert reader.scroll_y <= line < reader.scroll_y + reader.size.height


async def test_a_theme_change_redraws_the_open_article(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)

        def backgrounds() -> set[object]:
            return {s.style.bgcolor for s in reader._layout.lines[3] if s.style}

        before = backgrounds()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        await pilot.pause()
        after = backgrounds()
        assert after != before
        assert after == {reader.rich_style.bgcolor}


async def test_a_click_in_the_article_list_selects_the_row_clicked(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        listing = screen.query_one(ArticleList)
        top = listing.content_region.y - listing.region.y  # the border row above the rows
        assert top >= 1
        await pilot.click(ArticleList, offset=(5, top + 2))  # the third row
        await pilot.pause()
        assert listing.highlighted == 2


async def test_the_highlighted_result_is_highlighted_on_its_first_line(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"bridge")
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        assert results.highlighted == 0
        title, passage = results.render_line(0), results.render_line(1)
        cursor = passage._segments[0].style.bgcolor  # type: ignore[union-attr]
        assert cursor is not None
        assert all(seg.style is None or seg.style.bgcolor == cursor for seg in title._segments)


async def test_the_skipped_count_is_fresh_after_a_reload(messy_corpus: Path) -> None:
    app = SeedApp(messy_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        status = screen.query_one(StatusBar)
        assert status.problems.startswith("3 files skipped")
        (messy_corpus / "empty.txt").unlink()
        await pilot.press("R")
        await ready(pilot)
        await pilot.pause()
        assert status.problems.startswith("2 files skipped")


async def test_a_screenshot_without_a_downloads_folder_is_saved_anyway(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.action_screenshot()
        for _ in range(100):  # the file is written in a thread
            await pilot.pause()
            if saved := list((tmp_path / "state").glob("*.svg")):
                break
    assert len(saved) == 1 and "<svg" in saved[0].read_text(encoding="utf-8")


async def test_escape_and_a_key_read_together_as_alt_key_are_taken_apart(
    corpus_dir: Path,
) -> None:
    from textual import events

    from tui.ui.widgets.search_box import SearchBox

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"bridge")
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        assert len(results.hits) > 1 and results.highlighted == 0
        app.post_message(events.Key("alt+j", "j"))  # Esc then j, as a terminal sends them fast
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(SearchBox).value == "bridge"  # no "j" in the box
        assert app.focused is results and results.highlighted == 1


async def test_the_reader_footer_fits_80_columns(corpus_dir: Path) -> None:
    from tests.helpers import screen_text

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ArticleReader)
        footer = screen_text(app).splitlines()[-1]
        assert "y Copy" in footer and "palette" in footer and "] Quote" in footer
        assert screen is app.screen


async def test_toasts_leave_the_status_line_and_footer_uncovered(corpus_dir: Path) -> None:
    from textual.widgets._toast import ToastRack

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await ready(pilot)
        app.notify("A message long enough to be seen over the status line, if it were there.")
        await pilot.pause()
        await pilot.pause()
        rack = screen.get_child_by_type(ToastRack)
        toasts = list(rack.query("Toast"))
        assert toasts
        status = screen.query_one(StatusBar)
        assert all(toast.region.bottom <= status.region.y for toast in toasts)


async def test_toasts_never_cover_a_dialog_and_wait_for_it_to_close(corpus_dir: Path) -> None:
    from textual.widgets._toast import Toast

    from tests.helpers import screen_text
    from tui.ui.screens.help import HelpScreen

    def shown_toasts() -> list[str]:
        on_screen = screen_text(app)
        return [text for t in app.screen.query(Toast) if (text := str(t.render())) in on_screen]

    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await ready(pilot)
        app.notify("Before the dialog.", timeout=30)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        app.notify("During the dialog.", timeout=30)
        await pilot.pause()
        await pilot.pause()
        assert shown_toasts() == []  # neither the old toast nor the new one covers the help
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert any("During the dialog." in text for text in shown_toasts())


async def test_a_hit_opened_on_a_narrow_screen_is_never_painted_wrapped_for_no_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 80 columns the reader has no width while the results have the screen: the hit
    # was laid out ten cells wide there, and the frame that showed the reader after
    # Enter drew those lines (seen through SSH) before its resize wrapped them again.
    from textual.app import App

    painted: list[tuple[int, int]] = []
    draw = App._display

    def display(self: App[object], screen: Any, renderable: Any) -> None:
        draw(self, screen, renderable)
        if renderable is not None and screen.query(ArticleReader):
            reader = screen.query_one(ArticleReader)
            shown = reader.scrollable_content_region.width
            if reader.article is not None and shown > 0:
                painted.append((reader._width, min(shown, reader.measure + 2)))

    monkeypatch.setattr(App, "_display", display)
    app = SeedApp(long_article(tmp_path / "long"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"sail by spring number 11")
        await pilot.pause(0.3)
        painted.clear()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert painted  # the reader was painted, with its article
        assert all(drawn == width for drawn, width in painted), painted
        reader = app.screen.query_one(ArticleReader)
        hit = app.screen.query_one(ResultList).hits[0]
        assert hit.passage > 0  # not the article's first lines: the reader had to go there
        line = reader._layout.passage_lines[hit.passage]
        assert reader.scroll_y <= line < reader.scroll_y + reader.size.height
        await idle(app)


async def test_results_filled_while_hidden_are_cut_for_the_width_they_are_shown_at(
    corpus_dir: Path,
) -> None:
    # At 80 columns a reload (R) with the reader shown answers the query again into the
    # hidden results: they were cut for a pane of no width ("Wenger r…", seen through
    # SSH) and stayed so when v showed them.
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"harbour bridge")
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        await pilot.press("enter")  # the reader takes the screen, the results are hidden
        await pilot.pause()
        assert results.size.width == 0
        await pilot.press("R")
        await ready(pilot)
        await idle(app)
        await pilot.pause()
        results.scroll_to(y=3, animate=False)  # the user's place in the list is kept
        reader = screen.query_one(ArticleReader)
        article, passage = reader.article, reader.passage
        await pilot.press("v")  # the list again
        await pilot.pause()
        await pilot.pause()
        again = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert again == shown
        assert (reader.article, reader.passage) == (article, passage)  # no visit


async def test_results_are_cut_again_when_the_terminal_is_resized(corpus_dir: Path) -> None:
    app = SeedApp(corpus_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"harbour bridge")
        await idle(app)
        await pilot.pause()
        results = screen.query_one(ResultList)
        reader = screen.query_one(ArticleReader)
        wide = results.pane_width()
        await pilot.press("down", "down")  # to the results, then their second hit
        await pilot.pause()
        assert results.highlighted == 1
        article, passage = reader.article, reader.passage
        opened: list[int] = []
        open_article = screen.open_article
        screen.open_article = lambda index, *a, **k: (
            opened.append(index)
            or open_article(  # type: ignore[method-assign]
                index, *a, **k
            )
        )
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        await pilot.pause()
        assert results.pane_width() < wide
        articles = screen.library.articles
        for row, hit in enumerate(results.hits):
            fresh = results._prompt(articles[hit.article], hit, results.pane_width())
            assert str(results.get_option_at_index(row).prompt) == str(fresh)
        assert results.highlighted == 1
        assert (reader.article, reader.passage) == (article, passage)
        assert opened == []  # cut again, not visited again (the reader stays where it is)


async def test_the_first_quote_key_goes_on_from_the_page_shown(tmp_path: Path) -> None:
    # ] went to the article's first quotation wherever the reader was: from a hit near
    # the end, one key took the reader back to the top.
    app = SeedApp(long_article(tmp_path / "long"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "enter", "G")
        await pilot.pause()
        reader = screen.query_one(ArticleReader)
        assert reader.article is not None and reader.article.id == "ferry"
        top = reader.top_offset
        assert top is not None and top > 0
        await pilot.press("right_square_bracket")
        await pilot.pause()
        first_below = next(i for i, q in enumerate(reader.quotes) if q.start >= top)
        assert first_below > 0 and reader.current_quote == first_below
        await pilot.press("left_square_bracket")  # on screen: the one before it
        await pilot.pause()
        assert reader.current_quote == first_below - 1
        await pilot.press("g")  # scrolled away from it: the next key starts from the top
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.current_quote == 0
        await pilot.press("G")
        await pilot.pause()
        top = reader.top_offset
        assert top is not None
        await pilot.press("left_square_bracket")  # the last one above the page shown
        await pilot.pause()
        assert reader.current_quote == max(i for i, q in enumerate(reader.quotes) if q.start < top)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_empty_folder_says_so_in_the_list_and_the_status_line(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # At 80 columns the list has the screen and the reader's note went unseen; then the
    # index's "0 articles · 0 passages · search ready" replaced the reason in the status.
    from tests.helpers import screen_text
    from tui.ui.widgets.status_bar import StatusBar

    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")  # not an article
    app = SeedApp(folder)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await idle(app)
        await pilot.pause()
        reason = f"No articles (*.txt, *.md) in {folder}"
        assert screen.query_one(StatusBar).message == reason
        row = screen.query_one(ArticleList).render_line(0).text.strip()
        assert row.startswith("No articles (*.txt, *.md) in /") and reason.startswith(row[:-1])
        assert "No articles (*.txt, *.md) in" in screen_text(app)  # on screen at any width
        (folder / "first.txt").write_text("First\n\nA first article.\n", encoding="utf-8")
        await pilot.press("R")  # a reload that finds one: the note goes
        await ready(pilot)
        await idle(app)
        await pilot.pause()
        assert "No articles" not in screen_text(app)
        assert screen.query_one(StatusBar).message.endswith("search ready")

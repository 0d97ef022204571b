"""The browser on several paths (Pilot): their common folder, only the files they name."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ready
from tui.core.corpus import Selection, combined, resolve_inputs
from tui.ui.app import SeedApp

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


async def test_the_browser_on_files_and_a_narrowed_folder(tmp_path: Path) -> None:
    sources = resolve_inputs(
        [CORPUS / "world" / "grain-talks.md", CORPUS / "science"], Selection(exclude=("markup*",))
    )
    root, files = combined(sources)
    assert root == CORPUS.resolve()
    app = SeedApp(root, files=files)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.library.corpus is not None
        assert sorted(a.id for a in screen.library.corpus.articles) == [
            "science/comet-survey",
            "world/grain-talks",
        ]
        await pilot.press("R")  # a reload reads the same selection again
        await ready(pilot)
        assert len(screen.library.corpus.articles) == 2

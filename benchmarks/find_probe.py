"""Find in a huge article, in the browser itself (headless): when matches show, what n costs.

``python -m benchmarks.find_probe [--mb 3]`` writes one article of that many MB into a
temporary folder, opens it in the app (Textual's headless test driver, 100x30), types
``/harbour`` a key at a time and prints: the seconds each key took to be handled, when
the first matches and the full count arrived, then the time of 20 ``n`` in a row and of
one ``N`` that wraps to the last match (a new window of passages to lay out).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path

PARAGRAPH = (
    "The committee met again on the budget and the harbour plan. " * 16
    + '"It will work," the chair said.\n\n'
)


async def probe(root: Path) -> None:
    from tests.helpers import idle, ready
    from tui.ui.app import SeedApp
    from tui.ui.widgets.reader import ArticleReader

    app = SeedApp(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        reader = screen.query_one(ArticleReader)
        screen.set_focus(reader)
        await pilot.pause()
        began = time.perf_counter()
        keys = []
        for key in ["slash", *"harbour"]:
            start = time.perf_counter()
            await pilot.press(key)
            keys.append(f"{key} {time.perf_counter() - start:.2f}")
        print("key handled (s):", ", ".join(keys))
        while not reader.find_matches:
            await pilot.pause(0.02)
        first = time.perf_counter() - began
        print(f"first matches {first:.2f} s after '/': {len(reader.find_matches):,}")
        await idle(app)
        await pilot.pause()
        print(f"full count {time.perf_counter() - began:.2f} s: {len(reader.find_matches):,}")
        await pilot.press("enter")
        await pilot.pause()
        times = []
        for _ in range(20):
            start = time.perf_counter()
            reader.action_next_match()
            times.append((time.perf_counter() - start) * 1000)
        reader.current_match = 0
        start = time.perf_counter()
        reader.action_previous_match()
        wrap = (time.perf_counter() - start) * 1000
        times.sort()
        print(
            f"n: median {times[10]:.1f} ms, max {times[-1]:.1f} ms; "
            f"N wrapping to the end (new window): {wrap:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=3, help="article size in MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="seedtui-find-") as folder:
        os.environ["SEEDTUI_STATE_DIR"] = str(Path(folder) / "state")
        os.environ["SEEDTUI_CACHE_DIR"] = str(Path(folder) / "cache")
        root = Path(folder) / "corpus"
        root.mkdir()
        count = args.mb * 1024 * 1024 // len(PARAGRAPH)
        (root / "big.txt").write_text("A huge article\n\n" + PARAGRAPH * count, "utf-8")
        asyncio.run(probe(root))


if __name__ == "__main__":
    main()

"""A long browser session run headless (Textual's Pilot, no terminal): the RSS curve.

``python -m benchmarks.pilot_soak [ROOT] [--searches N] [--every K] [--trace]``
starts the app on ROOT (state and cache in a temporary folder) with
``App.run_test``, waits until the load is complete (quotations found; before
that the loading workers grow the curve) and then N times: puts a query drawn
from the corpus's titles into the search box, waits for its hits, submits it
(the best hit opens in the reader), every 7th search opens and closes the
quotations panel, every 100th reloads the folder (``R``). Every K searches it
prints the searches done, the process's RSS (MiB), its ratio to the RSS after
the first K searches, the CPU seconds so far and the number of live objects of
this project's own types.

Faster than :mod:`benchmarks.soak` (no terminal, no polling), so it can run
10,000 searches; it measures the app's own memory, not a terminal's. With
``--trace`` it also compares ``tracemalloc`` snapshots taken after the first
and the last K searches and prints the lines whose allocations grew most, and
the object types whose counts grew most (slow: for finding a leak).
Skips (exit 0) without ROOT (default ``../shared/data/bbc``).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = REPO.parent / "shared" / "data" / "bbc"


def rss_mib() -> float:
    """This process's resident set now, in MiB."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def type_counts() -> Counter[str]:
    """Live objects tracked by the collector, by qualified type name."""
    counts: Counter[str] = Counter()
    for item in gc.get_objects():
        kind = type(item)
        counts[f"{kind.__module__}.{kind.__qualname__}"] += 1
    return counts


def own(counts: Counter[str]) -> int:
    """How many of ``counts`` are of this project's types."""
    return sum(n for name, n in counts.items() if name.startswith("tui."))


async def session(root: Path, searches: int, every: int, trace: bool) -> int:
    from tests.helpers import idle
    from tui.core.corpus import load_corpus
    from tui.ui.app import SeedApp
    from tui.ui.widgets.search_box import SearchBox

    titles = [a.title for a in load_corpus(root).articles]
    words = [w for title in titles for w in title.split() if w.isalpha() and len(w) > 2]
    rng = random.Random(18)
    app = SeedApp(root, contain_errors=True)
    baseline = None
    first: tracemalloc.Snapshot | None = None
    first_counts: Counter[str] = Counter()
    began = time.process_time()
    async with app.run_test(size=(120, 40)) as pilot:
        await idle(app)
        while not app.screen.library.quotes_ready:  # the load's last stage, in a worker
            await asyncio.sleep(0.2)
        await idle(app)
        await pilot.pause()
        gc.collect()
        print(f"ready: RSS {rss_mib():.1f} MiB after {time.process_time() - began:.1f} CPU s")
        print(f"{'searches':>8} {'RSS MiB':>8} {'ratio':>6} {'CPU s':>8} {'own objs':>9}")
        for number in range(1, searches + 1):
            query = " ".join(
                rng.choice(words)[: rng.randint(3, 9)] for _ in range(rng.randint(1, 3))
            )
            box = app.screen.query_one(SearchBox)
            box.focus()
            box.value = query
            await pilot.pause()
            await idle(app)
            await pilot.pause()
            await pilot.press("enter")
            if number % 7 == 0:
                await pilot.press("quotation_mark")
                await pilot.pause()
                await pilot.press("quotation_mark")
            if number % 100 == 0:
                await pilot.press("escape", "escape", "R")
                await idle(app)
            await pilot.pause()
            if number % every == 0:
                gc.collect()
                rss = rss_mib()
                baseline = baseline or rss
                counts = type_counts()
                print(
                    f"{number:>8} {rss:>8.1f} {rss / baseline:>6.3f} "
                    f"{time.process_time() - began:>8.1f} {own(counts):>9}",
                    flush=True,
                )
                if trace and first is None:
                    first, first_counts = tracemalloc.take_snapshot(), counts
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
    if trace and first is not None:
        gc.collect()
        last = tracemalloc.take_snapshot()
        print("allocations grown most (by traceback):")
        for stat in last.compare_to(first, "traceback")[:12]:
            print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks")
            for line in stat.traceback.format()[-12:]:
                print(f"      {line}")
        grown = type_counts()
        grown.subtract(first_counts)
        print("object types grown most:", grown.most_common(15))
    print(f"error notifications: {len(errors)}")
    for message in errors[:5]:
        print(f"  {message}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--searches", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    if not args.root.is_dir():
        print("pilot_soak: skipped (needs the corpus folder)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="seedtui-pilot-soak-"))
    os.environ["SEEDTUI_STATE_DIR"] = str(work / "state")
    os.environ["SEEDTUI_CACHE_DIR"] = str(work / "cache")
    if args.trace:
        tracemalloc.start(25)
    sys.path.insert(0, str(REPO))
    try:
        return asyncio.run(session(args.root, args.searches, args.every, args.trace))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

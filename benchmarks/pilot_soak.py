"""A long browser session run headless (Textual's Pilot, no terminal): the RSS curve.

``python -m benchmarks.pilot_soak [ROOT] [--searches N] [--every K] [--probe] [--resize-every N]
[--trace FRAMES]`` starts the app on ROOT (state and cache in a temporary folder)
with ``App.run_test``, waits until the load is complete (quotations found; before
that the loading workers grow the curve) and then N times: puts a query drawn
from the corpus's titles into the search box, waits for its hits, submits it
(the best hit opens in the reader), every 7th search opens and closes the
quotations panel, every 100th reloads the folder (``R``), every Nth resizes the
terminal to a random size and back (as ``soak`` does in tmux). Every K searches it
prints the searches done, the process's RSS (MiB) and its ratio to the RSS after
the first K searches, then the RSS split: ``anon`` (heap, not mapped files),
``map`` (resident pages of the cache file's maps), ``objs`` (MiB in Python
objects), ``arenas`` (MiB of arenas Python's allocator holds: above ``objs`` is
fragmentation), ``malloc`` (the C heap in use), the CPU seconds so far and the
number of live objects of this project's own types (objects frozen by a load,
``gc.freeze``, are not counted).

Faster than :mod:`benchmarks.soak` (no terminal, no polling); it measures the
app's own memory, not a terminal's. ``--probe`` prints, at each line, the sizes
that changed: ``functools.lru_cache`` entries, Textual's ``LRUCache``/``FIFOCache``
entries, each widget type's caches, DOM nodes, queued messages, the library's and
the session's lists. ``--trace FRAMES`` starts ``tracemalloc`` once the load is
done, compares snapshots taken after the first and the last K searches and
prints the tracebacks whose allocations grew most and the object types whose
counts grew most (slow: for finding a leak). Skips (exit 0) without ROOT
(default ``../shared/data/bbc``).
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
from typing import Any

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


def anon_mib() -> float:
    """This process's anonymous resident memory (heap, not mapped files), in MiB."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def map_mib() -> float:
    """Resident pages of this process's maps of cache files (``*.cache``), in MiB."""
    total, counting = 0, False
    with open("/proc/self/smaps", encoding="utf-8") as smaps:
        for line in smaps:
            if not line[0].isupper():  # a mapping's header: address range, ..., path
                counting = line.rstrip().endswith(".cache")
            elif counting and line.startswith("Rss:"):
                total += int(line.split()[1])
    return total / 1024


def heap_mib() -> tuple[float, float, float]:
    """Python's allocator: MiB in objects, MiB of arenas held; the C heap's MiB in use.

    The first two come from ``sys._debugmallocstats`` (written to stderr, so read
    back through a temporary file): arenas held but mostly empty are fragmentation,
    memory the process keeps though no object uses it.
    """
    import ctypes
    import re

    with tempfile.TemporaryFile("w+") as out:
        saved = os.dup(2)
        sys.stderr.flush()
        os.dup2(out.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        text = out.read()

    def number(label: str) -> int:
        found = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
        return int(found.group(1).replace(",", "")) if found else 0

    used = number("# bytes in allocated blocks")
    arenas = number("# arenas allocated current") << 20  # 1 MiB each (CPython 3.10+)

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost",
        )]  # fmt: skip

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        info = libc.mallinfo2()
        c_heap = (info.uordblks + info.hblkhd) / 2**20
    except (OSError, AttributeError):
        c_heap = float("nan")
    return used / 2**20, arenas / 2**20, c_heap


def glibc_heaps() -> tuple[int, float, float]:
    """glibc's heaps, all of them: how many, MiB they hold from the system, MiB free in them.

    ``mallinfo2`` (the ``malloc`` column) counts the main heap only; each thread that
    allocates (the loading and search workers) may get a heap of its own, whose free
    pages are resident too. Read from ``malloc_info``'s XML (0s where there is no glibc).
    """
    import ctypes
    import re

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.fdopen.restype = ctypes.c_void_p
        libc.fdopen.argtypes = [ctypes.c_int, ctypes.c_char_p]
        libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
        libc.fflush.argtypes = [ctypes.c_void_p]
        libc.fclose.argtypes = [ctypes.c_void_p]
    except (OSError, AttributeError):
        return 0, 0.0, 0.0
    with tempfile.TemporaryFile("w+") as out:
        stream = libc.fdopen(os.dup(out.fileno()), b"w")
        libc.malloc_info(0, stream)
        libc.fclose(stream)
        out.seek(0)
        text = out.read()
    tail = text[text.rfind("</heap>") :]  # the totals over every heap follow the last heap
    held = re.search(r'<system type="current" size="(\d+)"', tail)
    free = sum(
        int(n) for n in re.findall(r'<total type="(?:fast|rest)" count="\d+" size="(\d+)"', tail)
    )
    return text.count("<heap nr="), int(held.group(1)) / 2**20 if held else 0.0, free / 2**20


def probes(app: Any) -> Counter[str]:
    """Sizes that could grow over a session, by name.

    ``lru:`` the entries of each ``functools.lru_cache`` (ours, Textual's, rich's);
    ``cache:`` the entries of every live Textual ``LRUCache``/``FIFOCache`` and how
    many there are; ``widget:`` each widget type's own caches; ``dom`` the nodes of
    every screen on the stack; ``queued`` the messages waiting; ``app:`` our session
    state and the library's caches.
    """
    import functools

    from textual.cache import FIFOCache, LRUCache

    sizes: Counter[str] = Counter()
    for item in gc.get_objects():
        if isinstance(item, functools._lru_cache_wrapper):
            if size := item.cache_info().currsize:
                sizes[f"lru:{item.__module__}.{item.__qualname__}"] += size
        elif isinstance(item, (LRUCache, FIFOCache)):
            sizes[f"cache:{type(item).__name__} entries"] += len(item)
            sizes[f"cache:{type(item).__name__} count"] += 1
    for screen in app.screen_stack:
        for node in screen.walk_children(with_self=True):
            sizes["dom"] += 1
            sizes["queued"] += node._message_queue.qsize()
            kind = type(node).__name__
            for name in ("_query_one_cache", "_option_render_cache", "_box_model_cache"):
                cache = getattr(node, name, None)
                if cache is not None and len(cache):
                    sizes[f"widget:{kind}.{name}"] += len(cache)
            styles_cache = getattr(node, "_styles_cache", None)
            if styles_cache is not None:
                sizes[f"widget:{kind}._styles_cache"] += len(styles_cache._cache)
    main = app.screen_stack[1] if len(app.screen_stack) > 1 else app.screen
    library = getattr(main, "library", None)
    if library is not None:
        sizes["app:library._shown"] = len(library._shown)
        if library.index is not None:
            sizes["app:vocab._cache"] = len(library.index.vocab._cache)
            sizes["app:vocab._cache values"] = sum(
                len(found) for found in library.index.vocab._cache.values()
            )
    memory = getattr(main, "memory", None)
    if memory is not None:
        sizes["app:memory.read"] = len(memory.read)
        sizes["app:memory.positions"] = len(memory.corpus.positions)
        sizes["app:memory.history"] = len(memory.history.entries)
        sizes["app:memory.queries"] = len(memory.queries.entries)
    sizes["app:notifications"] = len(app._notifications)
    return sizes


def print_grown(before: Counter[str], after: Counter[str]) -> None:
    """The sizes of ``after`` that differ from ``before``, largest change first."""
    changed = [(name, after[name] - before[name]) for name in set(before) | set(after)]
    changed = [item for item in changed if item[1]]
    changed.sort(key=lambda item: -abs(item[1]))
    print("  changed: " + ", ".join(f"{name} {delta:+d}" for name, delta in changed[:25]))


async def session(
    root: Path, searches: int, every: int, trace: int, probe: bool, resize_every: int = 0
) -> int:
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
    sizes: Counter[str] = Counter()
    began = time.process_time()
    async with app.run_test(size=(120, 40)) as pilot:
        await idle(app)
        while not app.screen.library.quotes_ready:  # the load's last stage, in a worker
            await asyncio.sleep(0.2)
        await idle(app)
        await pilot.pause()
        gc.collect()
        if trace:  # from here on: the session's allocations, not the load's
            tracemalloc.start(trace)
        if probe:
            sizes = probes(app)
        print(f"ready: RSS {rss_mib():.1f} MiB after {time.process_time() - began:.1f} CPU s")
        print(
            f"{'searches':>8} {'RSS MiB':>8} {'ratio':>6} {'anon':>6} {'map':>5} {'objs':>6} "
            f"{'arenas':>6} {'malloc':>6} {'heaps':>5} {'held':>6} {'free':>6} {'CPU s':>7} "
            f"{'own objs':>8}" + (f" {'traced':>6}" if trace else "")
        )
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
            if resize_every and number % resize_every == 0:  # as soak.py does in tmux
                await pilot.resize_terminal(rng.randint(40, 120), rng.randint(10, 40))
                await pilot.pause()
                await pilot.resize_terminal(120, 40)
            if number % 100 == 0:
                await pilot.press("escape", "escape", "R")
                await idle(app)
            await pilot.pause()
            if number % every == 0:
                gc.collect()
                rss = rss_mib()
                baseline = baseline or rss
                counts = type_counts()
                traced = f" {tracemalloc.get_traced_memory()[0] / 2**20:>6.1f}" if trace else ""
                objects, arenas, c_heap = heap_mib()
                heaps, held, free = glibc_heaps()
                print(
                    f"{number:>8} {rss:>8.1f} {rss / baseline:>6.3f} {anon_mib():>6.1f} "
                    f"{map_mib():>5.1f} {objects:>6.1f} {arenas:>6.1f} {c_heap:>6.1f} "
                    f"{heaps:>5} {held:>6.1f} {free:>6.1f} "
                    f"{time.process_time() - began:>7.1f} {own(counts):>8}{traced}",
                    flush=True,
                )
                if probe:
                    now = probes(app)
                    print_grown(sizes, now)
                    sizes = now
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
    parser.add_argument("--trace", type=int, default=0, metavar="FRAMES")
    parser.add_argument("--probe", action="store_true")
    parser.add_argument("--resize-every", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if not args.root.is_dir():
        print("pilot_soak: skipped (needs the corpus folder)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="seedtui-pilot-soak-"))
    os.environ["SEEDTUI_STATE_DIR"] = str(work / "state")
    os.environ["SEEDTUI_CACHE_DIR"] = str(work / "cache")
    sys.path.insert(0, str(REPO))
    try:
        return asyncio.run(
            session(args.root, args.searches, args.every, args.trace, args.probe, args.resize_every)
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

"""One measurement of the scale benchmark, run in a fresh interpreter; prints one JSON line.

``python -m benchmarks.scale_probe MODE ROOT [CACHE]`` with MODE one of
``floor`` (read every article file's bytes), ``screen`` (import the UI and list
the first 100 files), ``cold`` (load with an empty cache folder, then find the
quotations) and ``warm`` (load with the cache present). Times are seconds from
the start of this module, before anything of seedtui is imported.
"""

from __future__ import annotations

import time

_START = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from itertools import islice  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _since() -> float:
    return time.perf_counter() - _START


def floor(root: Path) -> dict[str, Any]:
    """The I/O floor: find the files and read their bytes, nothing else."""
    from tui.core.corpus import find_files

    total = files = 0
    for path in find_files(root):
        with path.open("rb") as handle:
            total += len(handle.read())
        files += 1
    return {"seconds": _since(), "files": files, "bytes": total, "rss": _rss_mb()}


def screen(root: Path) -> dict[str, Any]:
    """What the window needs before it can show: the UI modules and a first listing."""
    import tui.ui.app  # noqa: F401

    imported = _since()
    from tui.core.corpus import find_files

    first = list(islice(find_files(root), 100))
    return {"import": imported, "seconds": _since(), "listed": len(first), "rss": _rss_mb()}


def _search_ms(index: Any) -> dict[str, float]:
    """Latency of a few queries on a ready index (the first ones pay for lazy work)."""
    timings = {}
    for query in ("prime minister", "goverment spending", "elec"):
        began = time.perf_counter()
        index.search(query, 10)
        timings[query] = round((time.perf_counter() - began) * 1000, 1)
    return timings


def load(root: Path, cache: Path, cold: bool) -> dict[str, Any]:
    """Load through the cache (emptied first when ``cold``), then the quotations."""
    import shutil

    if cold and cache.exists():
        shutil.rmtree(cache)
    from tui.core.cache import load_cached

    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "save" and done == 0 and "save" not in marks:
            marks["save"] = _since()

    result = load_cached(root, folder=cache, progress=progress)
    returned = _since()
    ready = marks.get("save", returned)
    rss_ready = _rss_mb()
    speakers_ready = result.speakers_ready  # before finish_quotes, which sets it
    searches = _search_ms(result.index)
    began = time.perf_counter()
    quotes = result.finish_quotes()
    quoted = time.perf_counter() - began
    size = result.path.stat().st_size if result.path and result.path.exists() else 0
    return {
        "ready": ready,
        "returned": returned,
        "rss_ready": rss_ready,
        "search_ms": searches,
        "quotes": quoted,
        "quote_count": quotes.total(),
        "rss": _rss_mb(),
        "reused": result.reused,
        "reread": result.reread,
        "articles": len(result.corpus.articles),
        "passages": result.index.passages,
        "speakers_ready": speakers_ready,
        "warnings": result.warnings,
        "cache_bytes": size,
    }


def main(argv: list[str]) -> int:
    """Run one probe and print its JSON line."""
    mode, root = argv[0], Path(argv[1])
    if mode == "floor":
        out = floor(root)
    elif mode == "screen":
        out = screen(root)
    elif mode in ("cold", "warm"):
        out = load(root, Path(argv[2]), mode == "cold")
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

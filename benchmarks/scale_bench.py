"""Scale benchmark: first screen, cold and warm search-ready time, peak memory, I/O floor.

Run ``python -m benchmarks.scale_bench`` (``--sizes 1000,10000`` for a quick
run, ``--work DIR`` for where the synthetic corpora and caches go). Corpora of
each size are written once from the BBC folder (``benchmarks/scale_corpus.py``)
and reused by later runs. Every measurement runs in a fresh interpreter
(``benchmarks/scale_probe.py``). The corpora were just written or read, but a
kernel that reclaims the page cache proactively (as this project's machine does)
can still make the I/O floor and a cold start read the disk.

Columns:

* ``floor``: find the files and read their bytes (nothing parsed);
* ``screen``: a fresh interpreter imports ``tui.ui.app`` and lists the first 100
  files, i.e. what must happen before the window can show (the UI then loads
  the corpus in a worker thread);
* ``cold``: no cache: read, parse, index, until the index is usable (the cache
  is then written, ``+save``); ``quotes``: finding every quotation afterwards;
* ``warm``: the cache is present, nothing changed: stat every file, load the
  cache, index usable; ``quotes``: the same from the cache;
* ``1 new``: warm, with one file added (the index is then rebuilt);
* ``browser``: the real browser, warm, in tmux (``benchmarks/browser_probe.py``):
  seconds until the status line says "search ready" and until the hits of a
  query typed at that moment show, and the app's peak RSS; counted from the
  start of tui-drive, so tmux start-up is included (skipped without tmux);
* ``RSS``: peak resident memory of the process (ru_maxrss), at search-ready
  and at the end (quotations included).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BBC = REPO.parent / "shared" / "data" / "bbc"
DEFAULT_SIZES = (1000, 10000, 100000)


def probe(mode: str, *args: Path) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its figures."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale_probe", mode, *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"probe {mode} failed:\n{done.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = time.perf_counter() - began
    return figures


def measure(bbc: Path, work: Path, size: int, changed: bool) -> dict[str, Any]:
    """Every figure for a corpus of ``size`` articles."""
    from benchmarks.scale_corpus import write_corpus

    root = work / f"c{size}"
    cache = work / f"cache-{size}"
    began = time.perf_counter()
    written = write_corpus(bbc, root, size)
    if written:
        print(f"  wrote {written} files in {time.perf_counter() - began:.1f} s", flush=True)
        time.sleep(2.1)  # files younger than 2 s are not trusted by the cache
    row: dict[str, Any] = {"size": size}
    row["floor"] = probe("floor", root)
    row["screen"] = probe("screen", root)
    print(
        f"  floor {row['floor']['seconds']:.2f} s, screen {row['screen']['wall']:.2f} s", flush=True
    )
    row["cold"] = probe("cold", root, cache)
    print(
        f"  cold {row['cold']['ready']:.2f} s (+quotes {row['cold']['quotes']:.1f} s)", flush=True
    )
    warm = [probe("warm", root, cache) for _ in range(2)]
    row["browser"] = _browser(root, cache)
    row["warm"] = min(warm, key=lambda figures: figures["ready"])
    for figures in warm:
        print(
            f"  warm {figures['ready']:.2f} s, reread {figures['reread']},"
            f" speakers ready {figures['speakers_ready']}, warnings {figures['warnings']}",
            flush=True,
        )
    if changed:
        extra = root / "zz-bench" / "added.txt"
        extra.parent.mkdir(exist_ok=True)
        extra.write_text(f"Benchmark addition\n\nWritten at {time.time()}.\n", encoding="utf-8")
        try:
            row["changed"] = probe("warm", root, cache)
        finally:
            extra.unlink()
            extra.parent.rmdir()
        print(
            f"  1 new {row['changed']['ready']:.2f} s, reread {row['changed']['reread']}",
            flush=True,
        )
    return row


def _browser(root: Path, cache: Path) -> dict[str, Any] | None:
    """The best of three warm browser starts, or ``None`` without tmux."""
    runs = []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.browser_probe", str(root), str(cache)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        if "skipped" in figures or not figures.get("ok"):
            return None
        runs.append(figures)
    best: dict[str, Any] = min(runs, key=lambda figures: figures["search_ready"])
    print(
        f"  browser: search ready {[r['search_ready'] for r in runs]} s,"
        f" hits {[r['first_hits'] for r in runs]} s, RSS {best['rss']:.0f} MiB",
        flush=True,
    )
    return best


def _fmt(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"


def table(rows: list[dict[str, Any]]) -> str:
    """The results as a plain-text table, with growth ratios between the last two sizes."""
    head = (
        "articles",
        "passages",
        "floor s",
        "screen s",
        "cold s",
        "+save s",
        "quotes s",
        "warm s",
        "reused/reread",
        "w.quotes s",
        "1 new s",
        "RSS cold MB",
        "RSS warm MB",
        "cache MB",
        "browser ready/hits s",
        "browser RSS MB",
    )
    lines: list[list[str]] = [list(head)]
    numbers: list[list[float]] = []
    for row in rows:
        cold, warm = row["cold"], row["warm"]
        changed, browser = row.get("changed"), row.get("browser")
        values = [
            float(row["size"]),
            float(warm["passages"]),
            row["floor"]["seconds"],
            row["screen"]["wall"],
            cold["ready"],
            cold["returned"] - cold["ready"],
            cold["quotes"],
            warm["ready"],
            0.0,
            warm["quotes"],
            changed["ready"] if changed else float("nan"),
            cold["rss"],
            warm["rss_ready"],
            cold["cache_bytes"] / 2**20,
            browser["search_ready"] if browser else float("nan"),
            browser["rss"] if browser else float("nan"),
        ]
        numbers.append(values)
        lines.append(
            [
                str(row["size"]),
                str(warm["passages"]),
                _fmt(values[2]),
                _fmt(values[3]),
                _fmt(values[4]),
                _fmt(values[5]),
                _fmt(values[6], 1),
                _fmt(values[7]),
                f"{warm['reused']}/{warm['reread']}",
                _fmt(values[9]),
                _fmt(values[10]) if changed else "-",
                f"{cold['rss_ready']:.0f}/{cold['rss']:.0f}",
                f"{warm['rss_ready']:.0f}/{warm['rss']:.0f}",
                _fmt(values[13], 0),
                f"{browser['search_ready']:.2f}/{browser['first_hits']:.2f}" if browser else "-",
                f"{browser['rss']:.0f}" if browser else "-",
            ]
        )
    if len(numbers) >= 2:
        low, high = numbers[-2], numbers[-1]
        ratio = [f"x{high[i] / low[i]:.1f}" if low[i] else "-" for i in range(len(head))]
        ratio[8] = "-"
        ratio[11] = f"x{rows[-1]['cold']['rss'] / rows[-2]['cold']['rss']:.1f}"
        ratio[12] = f"x{rows[-1]['warm']['rss_ready'] / rows[-2]['warm']['rss_ready']:.1f}"
        ratio[0] = f"{rows[-2]['size'] // 1000}k->{rows[-1]['size'] // 1000}k"
        lines.append(ratio)
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = ["  ".join(cell.rjust(width) for cell, width in zip(line, widths)) for line in lines]
    out.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, measure every size, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated corpus sizes (default 1000,10000,100000)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "seedtui-scale",
        help="folder for the synthetic corpora and caches",
    )
    parser.add_argument("--bbc", type=Path, default=DEFAULT_BBC, help="the BBC folder")
    parser.add_argument(
        "--no-changed",
        action="store_true",
        help="skip the warm start with one added file (it rebuilds the index)",
    )
    options = parser.parse_args(argv)
    if not (options.bbc / "business").is_dir():
        print(f"BBC data not found at {options.bbc}; skipping the scale benchmark.")
        return 0
    sizes = [int(part) for part in options.sizes.split(",") if part.strip()]
    options.work.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; work dir {options.work}")
    rows = []
    for size in sizes:
        print(f"{size} articles:", flush=True)
        rows.append(measure(options.bbc, options.work, size, not options.no_changed))
    print()
    print(table(rows))
    print()
    last = rows[-1]
    print(f"search latency after warm start (ms, first queries): {last['warm']['search_ms']}")
    print(
        f"first screen: import tui.ui.app {last['screen']['import']:.2f} s + first 100 files;"
        " the corpus then loads in a worker thread (the UI is not measured here)."
    )
    print(
        "Each figure comes from a fresh interpreter. The files were just written or read,"
        " but a kernel that reclaims the page cache may make the floor a disk read."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""CPU time of the quote engine per article, against a baseline tree in the same run.

usage: python benchmarks/quotes_speed.py [--data DIR] [--against TREE] [--rounds N]
                                         [--repeat N]

Times :func:`find_quotes` (quotation marks and attribution, the shipped default) on
every PolNeAR train text (``DIR/text/*.txt``, default ``../shared/data/polnear-train``)
with ``time.process_time`` (CPU time: less disturbed than wall time on a shared machine),
each article ``--repeat`` times keeping the fastest, after one untimed pass over all
of them. Each timing is given a fresh copy of the text, so that what the engine
memoises for one text object (word spans) is not reused by the next timing, as it
would never be in use. It also times one long article (PolNeAR texts joined up to the size the
reader still finds at once, ``ON_DEMAND_LIMIT``).

With ``--against TREE`` (a folder holding another version's ``tui`` package, e.g.
``git archive OLD tui | tar -x -C TREE``) the two versions run in alternating child
processes, ``--rounds`` times each; per article the fastest time over the rounds is
kept for each version, and the ratio of the means is printed. Exits 0 with "skipped"
when the corpus is not there.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _worker(tree: Path, data: Path, repeat: int) -> None:
    """Time every article with the ``tui`` package of ``tree``; print JSON."""
    sys.path.insert(0, str(tree))
    from tui.core.quotes import ON_DEMAND_LIMIT, find_quotes

    texts = [p.read_bytes().decode("utf-8") for p in sorted((data / "text").glob("*.txt"))]
    for text in texts:
        find_quotes(text)  # warm: lazy tables, compiled patterns
    times: list[float] = []
    for text in texts:
        best = float("inf")
        for _ in range(max(1, repeat)):
            fresh = (text + " ")[:-1]  # a new str: no memo keyed by the text carries over
            t0 = time.process_time()
            find_quotes(fresh)
            best = min(best, time.process_time() - t0)
        times.append(best * 1000.0)
    parts: list[str] = []
    size = 0
    for text in texts:
        if size + len(text) + 2 > ON_DEMAND_LIMIT:
            break
        parts.append(text)
        size += len(text) + 2
    huge = "\n\n".join(parts)
    t0 = time.process_time()
    n = len(find_quotes(huge))
    huge_ms = (time.process_time() - t0) * 1000.0
    print(json.dumps({"times": times, "huge_ms": huge_ms, "huge_chars": len(huge), "huge_n": n}))


def _run(tree: Path, data: Path, repeat: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--worker", str(tree), "--data", str(data)]
    cmd += ["--repeat", str(repeat)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    out: dict[str, object] = json.loads(res.stdout)
    return out


def _line(label: str, times: list[float]) -> str:
    ts = sorted(times)
    p95 = ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
    return (
        f"{label}: mean={statistics.fmean(ts):.3f} ms median={statistics.median(ts):.3f} ms "
        f"p95={p95:.3f} ms max={ts[-1]:.3f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear-train"))
    ap.add_argument("--against", default=None, help="a folder holding a baseline tui package")
    ap.add_argument("--rounds", type=int, default=3, help="child runs per version (default 3)")
    ap.add_argument("--repeat", type=int, default=3, help="timings per article in a run")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    data = Path(args.data)
    if args.worker:
        _worker(Path(args.worker), data, args.repeat)
        return 0
    if not (data / "text").is_dir():
        print(f"skipped: corpus not found at {data}")
        return 0
    trees = {"this tree": ROOT}
    if args.against:
        trees["baseline"] = Path(args.against).resolve()
    best: dict[str, list[float]] = {}
    huge: dict[str, float] = {}
    for r in range(max(1, args.rounds)):
        for label, tree in trees.items():  # alternating: both see the same load
            res = _run(tree, data, args.repeat)
            times = [float(t) for t in res["times"]]  # type: ignore[attr-defined]
            print(f"round {r + 1} {_line(label, times)}", flush=True)
            prev = best.get(label)
            best[label] = times if prev is None else [min(a, b) for a, b in zip(prev, times)]
            ms = float(res["huge_ms"])  # type: ignore[arg-type]
            huge[label] = min(huge.get(label, ms), ms)
            if r == 0:
                print(f"  long article: {res['huge_chars']} chars, {res['huge_n']} quotes")
    n = len(next(iter(best.values())))
    print(f"--- CPU time per article, fastest of {args.rounds} x {args.repeat}, {n} articles")
    for label, times in best.items():
        print(_line(label, times))
        print(f"{label}: long article {huge[label]:.1f} ms")
    if "baseline" in best:
        ratio = statistics.fmean(best["this tree"]) / statistics.fmean(best["baseline"])
        print(f"this tree / baseline mean time: {ratio:.2f}")
        print(f"this tree / baseline long article: {huge['this tree'] / huge['baseline']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
would never be in use. It also times one long article (PolNeAR texts joined up to the
size the reader still finds at once, ``ON_DEMAND_LIMIT``).

With ``--against TREE`` (a folder holding another version's ``tui`` package, e.g.
``git archive OLD tui | tar -x -C TREE``) each version runs in a child process of its
own, and the two take turns article by article (in the order A B, then B A for the
next article), so that both see the same load from one millisecond to the next; this
is done ``--rounds`` times. Per article the fastest time over the rounds is kept for
each version. Printed: mean, median, p95 and max per article for each version, the
ratio of the means, and the range of the per-round ratios. Exits 0 with "skipped"
when the corpus is not there.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _worker(tree: Path, data: Path, repeat: int) -> None:
    """Answer timing requests on stdin with the ``tui`` package of ``tree``: a line
    ``N`` times article N (milliseconds, the fastest of ``repeat``), ``huge`` the long
    article (``ms chars quotes``); the first line printed is the number of articles."""
    sys.path.insert(0, str(tree))
    from tui.core.quotes import ON_DEMAND_LIMIT, find_quotes

    texts = [p.read_bytes().decode("utf-8") for p in sorted((data / "text").glob("*.txt"))]
    for text in texts:
        find_quotes(text)  # warm: lazy tables, compiled patterns
    parts: list[str] = []
    size = 0
    for text in texts:
        if size + len(text) + 2 > ON_DEMAND_LIMIT:
            break
        parts.append(text)
        size += len(text) + 2
    huge = "\n\n".join(parts)
    print(len(texts), flush=True)
    for line in sys.stdin:
        req = line.strip()
        if req == "huge":
            fresh = (huge + " ")[:-1]
            t0 = time.process_time()
            n = len(find_quotes(fresh))
            ms = (time.process_time() - t0) * 1000.0
            print(f"{ms} {len(huge)} {n}", flush=True)
            continue
        text = texts[int(req)]
        best = float("inf")
        for _ in range(max(1, repeat)):
            fresh = (text + " ")[:-1]  # a new str: no memo keyed by the text carries over
            t0 = time.process_time()
            find_quotes(fresh)
            best = min(best, time.process_time() - t0)
        print(best * 1000.0, flush=True)


class _Child:
    """One version's worker process."""

    def __init__(self, tree: Path, data: Path, repeat: int) -> None:
        cmd = [sys.executable, __file__, "--worker", str(tree), "--data", str(data)]
        cmd += ["--repeat", str(repeat)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.n = int(self._read())

    def _read(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker ended (status {self.proc.wait()})")
        return line

    def ask(self, req: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(req + "\n")
        self.proc.stdin.flush()
        return self._read().strip()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


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
    ap.add_argument("--rounds", type=int, default=3, help="passes over the articles (default 3)")
    ap.add_argument("--repeat", type=int, default=3, help="timings per article in a pass")
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
    children = {label: _Child(tree, data, args.repeat) for label, tree in trees.items()}
    try:
        return _measure(children, max(1, args.rounds), args.repeat)
    finally:
        for child in children.values():
            child.close()


def _measure(children: dict[str, _Child], rounds: int, repeat: int) -> int:
    labels = list(children)
    n = children[labels[0]].n
    best = {label: [float("inf")] * n for label in labels}
    huge: dict[str, float] = {}
    ratios: list[float] = []
    for r in range(rounds):
        this_round = {label: [0.0] * n for label in labels}
        for i in range(n):
            order = labels if (i + r) % 2 == 0 else labels[::-1]  # A B, then B A
            for label in order:
                ms = float(children[label].ask(str(i)))
                this_round[label][i] = ms
                best[label][i] = min(best[label][i], ms)
        for label in labels[:: 1 if r % 2 == 0 else -1]:
            ms_s, chars, quotes = children[label].ask("huge").split()
            huge[label] = min(huge.get(label, float("inf")), float(ms_s))
            if r == 0 and label == labels[0]:
                print(f"long article: {chars} chars, {quotes} quotes")
        line = "; ".join(_line(label, this_round[label]) for label in labels)
        print(f"round {r + 1} {line}", flush=True)
        if len(labels) == 2:
            ratios.append(
                statistics.fmean(this_round[labels[0]]) / statistics.fmean(this_round[labels[1]])
            )
    print(f"--- CPU time per article, fastest of {rounds} x {repeat}, {n} articles")
    for label in labels:
        print(_line(label, best[label]))
        print(f"{label}: long article {huge[label]:.1f} ms")
    if len(labels) == 2:
        ratio = statistics.fmean(best["this tree"]) / statistics.fmean(best["baseline"])
        print(f"this tree / baseline mean time: {ratio:.3f}")
        print(f"per-round ratios of the means: {min(ratios):.3f}-{max(ratios):.3f}")
        print(f"this tree / baseline long article: {huge['this tree'] / huge['baseline']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

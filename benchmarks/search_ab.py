"""A/B search benchmark: this checkout's engine against an older tree, run alternately.

Usage::

    git archive BASE tui | tar -x -C /tmp/base
    python benchmarks/search_ab.py --base /tmp/base [--scale 1,10] [--queries 50]
                                   [--rounds 3] [--half all|even|odd] [--no-tantivy]

Each engine runs in its own worker process (the older tree first on its ``sys.path``),
which builds the same corpus (BBC, or ``--scale`` times it, ``benchmarks/corpora.py``),
the same generated queries, and its index once. The parent then asks the workers to run
the whole query mix in turn, alternating which goes first, ``--rounds`` times: so both
meet the same load on a shared machine. Each query's CPU time is the worker thread's
(``time.thread_time``), which other processes do not inflate.

It prints per query kind: hit@1 of each engine, the p95 CPU time per query as the range
over rounds, and the ratio new/base of each round's p95 (range); then the CPU time of the
whole mix (range over rounds, ratio per round), steadier than a p95 under load. It also
says whether the two seedtui trees returned the same hits with the same scores for every
query (a change meant to be exact must show "identical"). tantivy (tantivy-py, the
``bench`` extra, the same configuration as ``search_bench.py``) runs beside them as a
third worker.

``--profile FILE`` runs this checkout's engine once over the mix under cProfile instead
and writes the stats (read them with ``python -m pstats FILE``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank below, as search_bench.py)."""
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


# -- worker ------------------------------------------------------------------------


def worker(tree: str, engine: str, scale: int, per_kind: int, half: str, profile: str) -> int:
    """Build one engine, then answer ``run`` lines on stdin with one JSON line each."""
    sys.path[:0] = [tree, str(HERE)]
    from benchmarks.corpora import load_bbc, make_queries, passage_texts, relevant, synthesise
    from benchmarks.search_bench import halves, seedtui_engine, tantivy_engine

    data = HERE.parent / "shared" / "data" / "bbc"
    base = load_bbc(data)
    articles = base if scale == 1 else synthesise(base, scale)
    texts = passage_texts(articles)
    queries = halves(articles, make_queries(texts, per_kind), half)
    row: dict[str, Any] = {}
    began = time.process_time()
    run = seedtui_engine(articles, row) if engine == "seedtui" else tantivy_engine(texts, row)
    if run is None:
        print(json.dumps({"error": "tantivy-py is not installed"}), flush=True)
        return 1
    index = getattr(run, "index", None)
    build = time.process_time() - began

    def answer(query: str) -> list[tuple[int, float]]:
        if index is None:
            return [(p, 0.0) for p in run(query)]
        first = index.article_first
        return [(first[h.article] + h.passage, h.score) for h in index.search(query, 10)]

    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        for query in queries:
            answer(query.text)
        profiler.disable()
        profiler.dump_stats(profile)
        return 0
    import gc

    gc.collect()
    gc.freeze()  # as the Library does once an index is adopted
    import tui

    ready = {"ready": len(texts), "queries": len(queries), "build": build, "tree": tui.__file__}
    print(json.dumps(ready), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        digest = hashlib.sha256()
        cpu: dict[str, list[float]] = {}
        hits: dict[str, list[bool]] = {}
        for query in queries:
            start = time.thread_time()
            found = answer(query.text)
            cpu.setdefault(query.kind, []).append(time.thread_time() - start)
            hits.setdefault(query.kind, []).append(
                bool(found) and relevant(query, texts[found[0][0]])
            )
            digest.update(repr((query.text, found)).encode())
        print(json.dumps({"cpu": cpu, "hit1": hits, "digest": digest.hexdigest()}), flush=True)
    return 0


# -- parent ------------------------------------------------------------------------


def start(name: str, tree: str, engine: str, args: argparse.Namespace, scale: int) -> Any:
    """A worker process for one engine (its first line says it is ready)."""
    command = [
        sys.executable,
        __file__,
        "--worker",
        tree,
        "--engine",
        engine,
        "--scale",
        str(scale),
        "--queries",
        str(args.queries),
        "--half",
        args.half,
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    return name, process


def bench(args: argparse.Namespace, scale: int) -> None:
    """Build the workers of one scale, run the rounds, print the table."""
    workers = [
        start("base", str(Path(args.base).resolve()), "seedtui", args, scale),
        start("new", str(HERE), "seedtui", args, scale),
    ]
    if not args.no_tantivy:
        workers.append(start("tantivy", str(HERE), "tantivy", args, scale))
    ready: dict[str, dict[str, Any]] = {}
    for name, process in workers:
        line = json.loads(process.stdout.readline())
        if "error" in line:
            print(f"note: {name}: {line['error']}")
        ready[name] = line
    workers = [(n, p) for n, p in workers if "ready" in ready[n]]
    first = ready["new"]
    print(
        f"\n=== scale {scale}x: {first['ready']:,} passages, {first['queries']} queries, "
        f"half {args.half} ===\nbuild CPU s: "
        + ", ".join(f"{n} {ready[n]['build']:.1f}" for n, _ in workers),
        flush=True,
    )
    rounds: dict[str, list[dict[str, Any]]] = {n: [] for n, _ in workers}
    for number in range(args.rounds):
        order = workers if number % 2 == 0 else workers[::-1]
        for name, process in order:
            process.stdin.write("run\n")
            process.stdin.flush()
            rounds[name].append(json.loads(process.stdout.readline()))
    for _, process in workers:
        process.stdin.close()
        process.wait()
    kinds = list(rounds["new"][0]["cpu"])
    names = [n for n, _ in workers]
    print("kind".ljust(10) + "".join(f"{n} h@1".rjust(12) for n in names), end="")
    print("".join(f"{n} p95 ms".rjust(18) for n in names) + "new/base p95".rjust(16))
    for kind in [*kinds, "all"]:
        cells = []
        p95: dict[str, list[float]] = {}
        for name in names:
            first_round = rounds[name][0]
            marks = (
                [m for k in kinds for m in first_round["hit1"][k]]
                if kind == "all"
                else first_round["hit1"][kind]
            )
            cells.append(f"{sum(marks) / len(marks):.2f}".rjust(12))
            p95[name] = [
                1000
                * percentile(
                    [t for k in kinds for t in r["cpu"][k]] if kind == "all" else r["cpu"][kind],
                    0.95,
                )
                for r in rounds[name]
            ]
        times = "".join(f"{min(p95[n]):.1f}-{max(p95[n]):.1f}".rjust(18) for n in names)
        ratios = [new / old for new, old in zip(p95["new"], p95["base"]) if old]
        ratio = f"{min(ratios):.2f}-{max(ratios):.2f}".rjust(16) if ratios else "-".rjust(16)
        print(kind.ljust(10) + "".join(cells) + times + ratio)
    sums = {n: [1000 * sum(sum(r["cpu"][k]) for k in kinds) for r in rounds[n]] for n in names}
    ratios = [new / old for new, old in zip(sums["new"], sums["base"]) if old]
    print(
        "CPU ms, all queries".ljust(10 + 12 * len(names))
        + "".join(f"{min(sums[n]):.0f}-{max(sums[n]):.0f}".rjust(18) for n in names)
        + f"{min(ratios):.2f}-{max(ratios):.2f}".rjust(16)
    )
    same = rounds["base"][0]["digest"] == rounds["new"][0]["digest"]
    print(f"hits and scores of base and new: {'identical' if same else 'DIFFERENT'}", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments; run as the parent, or as one worker (``--worker``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", help="a folder holding an older tree's tui/ package")
    parser.add_argument("--scale", default="1", help="comma-separated scales, e.g. 1,10")
    parser.add_argument("--queries", type=int, default=50, help="queries per kind")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--half", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--no-tantivy", action="store_true")
    parser.add_argument("--profile", default="", help="profile this checkout once, into FILE")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="seedtui", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (HERE.parent / "shared" / "data" / "bbc").is_dir():
        print("skipped: no BBC corpus beside the checkout")
        return 0
    scales = [int(s) for s in args.scale.split(",") if s.strip()]
    if args.profile:
        return worker(str(HERE), "seedtui", scales[0], args.queries, args.half, args.profile)
    if args.worker:
        return worker(args.worker, args.engine, scales[0], args.queries, args.half, "")
    if not args.base:
        parser.error("--base is required (an older tree to compare with)")
    for scale in scales:
        bench(args, scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

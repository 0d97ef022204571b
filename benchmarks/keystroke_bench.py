"""Keystroke benchmark: the worst pause while a long query is typed, index memory, no-match time.

Usage::

    python benchmarks/keystroke_bench.py [--data ../shared/data/bbc] [--scale 10] [--rounds 2]

Builds the index of a synthetic corpus of ``--scale`` times BBC (``benchmarks/corpora.py``),
then types a 30-word query taken from a passage letter by letter: one search for every
prefix, as the search box does. Rounds alternate between the interpreter's default garbage
collector and ``gc.freeze()`` after the build (what the Library does once an index or the
quotations are adopted), in the same process, so the two are compared under the same load.
For each it prints the worst and p95 keystroke (wall clock: a collection pause is wall
time) and the time spent in full (generation 2) collections, counted with ``gc.callbacks``.
It also prints the index's memory (growth of the current RSS across the build, and the
peak RSS during it above the RSS before it) and the time of a 30-word query that matches
nothing. Skips without the BBC folder.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import load_bbc, passage_texts, synthesise  # noqa: E402
from tui.core.search import SearchIndex  # noqa: E402


def rss() -> int:
    """Current resident set size in bytes."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class FullCollections:
    """Wall time spent in generation-2 collections while installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._began
            self.count += 1


def typed_query(texts: list[str], rng: random.Random, words: int = 30) -> str:
    """``words`` consecutive words of a random passage long enough."""
    while True:
        tokens = rng.choice(texts).split()
        if len(tokens) >= words:
            at = rng.randrange(len(tokens) - words + 1)
            return " ".join(tokens[at : at + words])


def no_match_query(rng: random.Random, words: int = 30) -> str:
    """``words`` made-up words of consonants, far from any English word."""
    letters = "bcdfghjklmnpqrstvwxz"
    return " ".join(
        "".join(rng.choice(letters) for _ in range(rng.randint(7, 10))) for _ in range(words)
    )


def type_out(index: SearchIndex, query: str) -> list[float]:
    """Wall seconds of the search of every prefix of ``query``."""
    times: list[float] = []
    for end in range(1, len(query) + 1):
        start = time.perf_counter()
        index.search(query[:end], 50)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc"
    )
    parser.add_argument("--scale", type=int, default=10, help="times the BBC corpus")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of each collector mode")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no corpus at {args.data}")
        return 0
    base = load_bbc(args.data)
    articles = base if args.scale == 1 else synthesise(base, args.scale)
    texts = passage_texts(articles)
    del base
    gc.collect()
    before = rss()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.process_time()
    index = SearchIndex.build(articles)
    build = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    gc.collect()
    held = rss() - before
    print(
        f"scale {args.scale}x: {index.passages:,} passages, {len(index.vocab.terms):,} words; "
        f"build {build:.1f} s CPU; index holds {held / 2**20:.0f} MB RSS; "
        f"RSS peak during the build {max(0, peak - before) / 2**20:.0f} MB above the start"
        + (" (the process peak came before the build)" if peak <= peak_before else ""),
        flush=True,
    )
    rng = random.Random(13)
    collections = FullCollections()
    gc.callbacks.append(collections)
    for round_number in range(args.rounds):
        for frozen in (False, True):
            query = typed_query(texts, rng)
            if frozen:
                gc.freeze()
            collections.seconds, collections.count = 0.0, 0
            times = type_out(index, query)
            if frozen:
                gc.unfreeze()
            ordered = sorted(times)
            print(
                f"round {round_number + 1} {'gc.freeze()' if frozen else 'default gc '}: "
                f"{len(times)} keystrokes, worst {ordered[-1] * 1000:.1f} ms, "
                f"p95 {ordered[int(0.95 * (len(ordered) - 1))] * 1000:.1f} ms, "
                f"{collections.count} full collections, "
                f"{collections.seconds * 1000:.0f} ms in them",
                flush=True,
            )
    gc.callbacks.remove(collections)
    gc.freeze()
    for _ in range(3):
        query = no_match_query(rng)
        start, cpu = time.perf_counter(), time.process_time()
        found = index.find(query, 50)
        print(
            f"30-word no-match query: {(time.perf_counter() - start) * 1000:.1f} ms wall, "
            f"{(time.process_time() - cpu) * 1000:.1f} ms CPU, {len(found.hits)} hits",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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

Also printed (the issue's million-passage figures; run with ``--scale 80`` for 1,039,308
passages): the size of each of the index's structures (arrays by their buffers, Python
objects by ``sys.getsizeof`` summed over what they hold, each object counted once), the
build's peak RSS above the RSS before it (the kernel's high-water mark, reset before the
build through ``/proc/self/clear_refs``), CPU time per keystroke (worst and p95) beside the
wall times, the time spent in collections of every generation, and hit@1 and the CPU p95 of
``--per-kind`` queries of each kind of ``benchmarks/corpora.py``. A SHA-256 of every result
(passage numbers and scores of the kinds' queries and the typed prefixes) shows whether two
versions of the index answer the same.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import mmap
import os
import pickle
import random
import resource
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import (  # noqa: E402
    KINDS,
    load_bbc,
    make_queries,
    passage_texts,
    relevant,
    synthesise,
)
from tui.core.search import SearchIndex  # noqa: E402


def reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark of this process (Linux); whether it could."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def peak_rss() -> int:
    """The process's peak RSS in bytes since the last :func:`reset_peak` (or since it began)."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def deep_size(value: Any, seen: set[int]) -> int:
    """Bytes held by ``value`` and what it refers to, each object counted once (``seen``)."""
    if id(value) in seen:
        return 0
    seen.add(id(value))
    if type(value) is memoryview:
        return 0  # a view of a mapped file: in the page cache, not the heap
    size = sys.getsizeof(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return size + sum(deep_size(item, seen) for item in value)
    if isinstance(value, dict):
        return size + sum(deep_size(k, seen) + deep_size(v, seen) for k, v in value.items())
    for name in getattr(type(value), "__slots__", ()):
        if hasattr(value, name):
            size += deep_size(getattr(value, name), seen)
    if hasattr(value, "__dict__"):
        size += deep_size(vars(value), seen)
    return size


def structure_sizes(index: SearchIndex) -> list[tuple[int, str]]:
    """Bytes of each field of the index's state, largest first."""
    seen: set[int] = set()
    state = index.state()
    sizes = [(deep_size(v, seen), name) for name, v in state["fields"].items()]
    sizes += [(deep_size(v, seen), "vocab." + name) for name, v in state["vocab"].items()]
    return sorted(sizes, reverse=True)


def map_again(index: SearchIndex, folder: Path) -> SearchIndex:
    """The index written in the cache's packed layout (``tui.core.cache.format``) to a file in
    ``folder`` and read back as the warm load does: big arrays as views of a mapped file."""
    from tui.core.cache.format import Unpickler, map_blobs, pack, unpack

    blobs: list[tuple[str, Any]] = []
    state = index.state()
    packed = {part: {n: pack(v, blobs) for n, v in state[part].items()} for part in state}
    table = [(typecode, sum(map(len, arrays))) for typecode, arrays in blobs]
    path = folder / "index.bin"
    with open(path, "wb") as handle:
        head = pickle.dumps((packed, table), protocol=5)
        handle.write(struct.pack("<Q", len(head)) + head)
        for _typecode, arrays in blobs:
            for item in arrays:
                handle.write(item)
    articles = index.articles
    del index, state, blobs
    with open(path, "rb") as handle:
        size = struct.unpack("<Q", handle.read(8))[0]
        packed, table = Unpickler(io.BytesIO(handle.read(size))).load()
        buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    views = map_blobs(buffer, 8 + size, table)
    state = {part: {n: unpack(v, views) for n, v in packed[part].items()} for part in packed}
    return SearchIndex.from_state(state, articles)


class AllCollections:
    """Wall time spent in collections of any generation while installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._began
            self.count += 1


def rss() -> int:
    """Current resident set size in bytes."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def rss_parts() -> tuple[int, int]:
    """The resident set's anonymous (heap) and file-backed (mapped files) bytes."""
    parts = {"RssAnon:": 0, "RssFile:": 0}
    with open("/proc/self/status") as handle:
        for line in handle:
            name = line.split(maxsplit=1)[0] if line.strip() else ""
            if name in parts:
                parts[name] = int(line.split()[1]) * 1024
    return parts["RssAnon:"], parts["RssFile:"]


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


def type_out(
    index: SearchIndex, query: str, cpu: list[float] | None = None, digest: Any = None
) -> list[float]:
    """Wall seconds of the search of every prefix of ``query`` (CPU seconds into ``cpu``;
    the results into the ``digest`` hash)."""
    times: list[float] = []
    for end in range(1, len(query) + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        hits = index.search(query[:end], 50)
        times.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
        if digest is not None:
            digest.update(repr([(h.article, h.passage, h.score) for h in hits]).encode())
    return times


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank below)."""
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def kinds_report(index: SearchIndex, texts: list[str], per_kind: int, digest: Any) -> None:
    """hit@1 and CPU p95 of ``per_kind`` generated queries of every kind; results hashed."""
    queries = make_queries(texts, per_kind)
    everything: list[float] = []
    for kind in KINDS:
        chosen = [q for q in queries if q.kind == kind]
        if not chosen:
            continue
        cpu: list[float] = []
        first = 0
        for query in chosen:
            start = time.process_time()
            hits = index.search(query.text, 50)
            cpu.append(time.process_time() - start)
            digest.update(repr([(h.article, h.passage, h.score) for h in hits]).encode())
            first += bool(hits) and relevant(
                query, texts[index.article_first[hits[0].article] + hits[0].passage]
            )
        everything += cpu
        print(
            f"kind {kind:8} {len(chosen):3} queries: hit@1 {first / len(chosen):.2f}, "
            f"CPU p95 {percentile(cpu, 0.95) * 1000:.1f} ms, worst {max(cpu) * 1000:.1f} ms",
            flush=True,
        )
    if everything:
        print(f"all kinds: CPU p95 {percentile(everything, 0.95) * 1000:.1f} ms", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc"
    )
    parser.add_argument("--scale", type=int, default=10, help="times the BBC corpus")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of each collector mode")
    parser.add_argument("--per-kind", type=int, default=30, help="queries of each kind")
    parser.add_argument(
        "--mapped",
        action="store_true",
        help="also write the index in the cache's layout, map it back (as a warm start "
        "does) and print its RSS after loading and after typing",
    )
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
    was_reset = reset_peak()
    start = time.process_time()
    index = SearchIndex.build(articles)
    build = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    build_peak = peak_rss()
    gc.collect()
    held = rss() - before
    anon, mapped = rss_parts()
    print(
        f"scale {args.scale}x: {index.passages:,} passages, {len(index.vocab.terms):,} words; "
        f"build {build:.1f} s CPU; index holds {held / 2**20:.0f} MB RSS; "
        f"RSS peak during the build {max(0, peak - before) / 2**20:.0f} MB above the start"
        + (" (the process peak came before the build)" if peak <= peak_before else ""),
        flush=True,
    )
    print(f"RSS now {anon / 2**20:.0f} MB anonymous, {mapped / 2**20:.0f} MB of files", flush=True)
    if was_reset:
        print(f"build peak RSS {(build_peak - before) / 2**20:.0f} MB above the start", flush=True)
    sizes = structure_sizes(index)
    print(f"index structures {sum(size for size, _ in sizes) / 2**20:.1f} MB:", flush=True)
    for size, name in sizes:
        if size >= 1 << 19:
            print(f"  {size / 2**20:8.1f} MB  {name}", flush=True)
    digest = hashlib.sha256()
    kinds_report(index, texts, args.per_kind, digest)
    rng = random.Random(13)
    collections = FullCollections()
    every = AllCollections()
    gc.callbacks.append(collections)
    gc.callbacks.append(every)
    for round_number in range(args.rounds):
        for frozen in (False, True):
            query = typed_query(texts, rng)
            if frozen:
                gc.freeze()
            collections.seconds, collections.count = 0.0, 0
            every.seconds, every.count = 0.0, 0
            cpu: list[float] = []
            times = type_out(index, query, cpu, digest)
            if frozen:
                gc.unfreeze()
            ordered = sorted(times)
            print(
                f"round {round_number + 1} {'gc.freeze()' if frozen else 'default gc '}: "
                f"{len(times)} keystrokes, worst {ordered[-1] * 1000:.1f} ms, "
                f"p95 {ordered[int(0.95 * (len(ordered) - 1))] * 1000:.1f} ms, "
                f"{collections.count} full collections, "
                f"{collections.seconds * 1000:.0f} ms in them; CPU worst "
                f"{max(cpu) * 1000:.1f} ms, p95 {percentile(cpu, 0.95) * 1000:.1f} ms; "
                f"{every.count} collections of any generation, {every.seconds * 1000:.0f} ms",
                flush=True,
            )
    gc.callbacks.remove(collections)
    gc.callbacks.remove(every)
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
    print(f"results sha256 {digest.hexdigest()}", flush=True)
    if args.mapped:
        # After the built index is replaced by the mapped one, RSS falls by what the built one
        # held more; dropping the mapped one at the end shows what it holds.
        from tui.core.heap import give_back

        gc.unfreeze()
        with tempfile.TemporaryDirectory(dir="/var/tmp") as folder:
            built, built_parts = rss(), rss_parts()
            index = map_again(index, Path(folder))
            gc.collect()
            give_back()
            loaded, loaded_parts = rss(), rss_parts()
            for _ in range(max(1, args.rounds)):
                type_out(index, typed_query(texts, rng))
            typed, typed_parts = rss(), rss_parts()
            del index
            gc.collect()
            give_back()
            dropped, dropped_parts = rss(), rss_parts()
        print(
            f"mapped index (the cache's layout, as a warm start maps it): replacing the built "
            f"one changed RSS by {(loaded - built) / 2**20:+.0f} MB; typing "
            f"{max(1, args.rounds)} 30-word queries {(typed - loaded) / 2**20:+.0f} MB; it held "
            f"{(typed - dropped) / 2**20:.0f} MB after typing (RSS fall when dropped)",
            flush=True,
        )
        for label, (anon, mapped) in (
            ("built", built_parts),
            ("mapped, loaded", loaded_parts),
            ("mapped, after typing", typed_parts),
            ("dropped", dropped_parts),
        ):
            print(
                f"  RSS {label}: {anon / 2**20:.0f} MB anonymous, {mapped / 2**20:.0f} MB of files",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

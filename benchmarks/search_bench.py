"""Search benchmark: seedtui against tantivy, fzf --filter and rapidfuzz brute force.

Usage::

    python benchmarks/search_bench.py [--data ../shared/data/bbc] [--scale 1,10,80]
                                      [--queries 100] [--brute-queries N]
                                      [--engines tantivy,fzf,rapidfuzz] [--half even|odd]

tantivy (tantivy-py, the ``bench`` extra) runs every query, in the same process;
fzf and rapidfuzz run a sample per kind (they take up to a second a query).

For every scale it prints, per engine: hit@1, hit@10 and MRR per query kind,
median and p95 latency per query (wall clock; for in-process engines also the
p95 of the thread's CPU time, which other processes on the machine do not
inflate), build time and memory. Memory is the growth
of the process's current RSS (``/proc/self/statm``) across the build, i.e. what
the index keeps; fzf's column is its own peak RSS (``ru_maxrss`` of children).
All in one process on one core (fzf is pinned with ``taskset`` when available).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import (  # noqa: E402
    KINDS,
    BenchQuery,
    load_bbc,
    make_queries,
    passage_texts,
    relevant,
    synthesise,
)
from tui.core.search import SearchIndex  # noqa: E402

Engine = Callable[[str], list[int]]


def rss() -> int:
    """Current resident set size in bytes."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def seedtui_engine(articles: list, row: dict) -> Engine:  # type: ignore[type-arg]
    """Build the seedtui index; record build time and memory in ``row``."""
    gc.collect()
    before = rss()
    start = time.perf_counter()
    index = SearchIndex.build(articles)
    row["build"] = time.perf_counter() - start
    gc.collect()
    row["memory"] = rss() - before
    row["inproc"] = True
    first = list(index.article_first)

    def run(query: str) -> list[int]:
        return [first[h.article] + h.passage for h in index.search(query, 10)]

    run.index = index  # type: ignore[attr-defined]
    return run


def tantivy_engine(texts: list[str], row: dict) -> Engine | None:  # type: ignore[type-arg]
    """tantivy (tantivy-py), tuned: English stemmer, fuzzy terms, prefix last word, bigrams.

    Each query word is a fuzzy term on the stemmed field (edit distance by length as
    seedtui's: 0 up to 3 letters, 1 up to 7, else 2; a swap costs 1), the last one
    also as a prefix; each pair of consecutive words is a phrase, boosted. ``None``
    when tantivy-py is not installed (``pip install -e ".[bench]"``).
    """
    try:
        import Stemmer
        import tantivy
    except ImportError:
        return None
    from tui.core.names import max_typos
    from tui.core.text import keys

    gc.collect()
    before = rss()
    start = time.perf_counter()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    builder.add_integer_field("number", stored=True)
    schema = builder.build()
    index = tantivy.Index(schema)  # in memory
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for number, text in enumerate(texts):
        writer.add_document(tantivy.Document(body=text, number=number))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    row["build"] = time.perf_counter() - start
    gc.collect()
    row["memory"] = rss() - before
    row["inproc"] = True
    stemmer = Stemmer.Stemmer("english")

    def word_query(word: str, last: bool) -> object:
        # The stemmed word within the typo limit, and the word as typed (a typo often
        # stops the stemmer from cutting the ending the index's terms lost).
        limit = max_typos(len(word))
        term = stemmer.stemWord(word)
        options = [tantivy.Query.fuzzy_term_query(schema, "body", term, distance=limit)]
        if term != word:
            options.append(tantivy.Query.fuzzy_term_query(schema, "body", word, distance=limit))
        if last:
            options.append(
                tantivy.Query.fuzzy_term_query(schema, "body", word, distance=0, prefix=True)
            )
        if len(options) == 1:
            return options[0]
        return tantivy.Query.disjunction_max_query(options)

    def run(query: str) -> list[int]:
        words = keys(query)[:32]
        if not words:
            return []
        parts = [
            (tantivy.Occur.Should, word_query(w, i == len(words) - 1)) for i, w in enumerate(words)
        ]
        for left, right in zip(words, words[1:]):
            phrase = tantivy.Query.phrase_query(
                schema, "body", [stemmer.stemWord(left), stemmer.stemWord(right)]
            )
            parts.append((tantivy.Occur.Should, tantivy.Query.boost_query(phrase, 2.0)))
        found = searcher.search(tantivy.Query.boolean_query(parts), 10)
        return [searcher.doc(address)["number"][0] for _score, address in found.hits]

    return run


def fzf_engine(texts: list[str], row: dict) -> Engine | None:  # type: ignore[type-arg]
    """fzf --filter over one passage per line (``id<TAB>text``), or ``None``."""
    binary = shutil.which("fzf")
    if binary is None:
        return None
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
    start = time.perf_counter()
    for number, text in enumerate(texts):
        handle.write(f"{number}\t{' '.join(text.split())}\n")
    handle.close()
    row["build"] = time.perf_counter() - start
    row["memory"] = None
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    path = handle.name

    def run(query: str) -> list[int]:
        with open(path, "rb") as source:
            done = subprocess.run(
                [*pin, binary, "--filter", query, "-d", "\t", "--nth", "2..", "--no-mouse"],
                stdin=source,
                capture_output=True,
                check=False,
            )
        lines = done.stdout.decode("utf-8", "replace").splitlines()[:10]
        return [int(line.split("\t", 1)[0]) for line in lines]

    run.path = path  # type: ignore[attr-defined]
    return run


def rapidfuzz_engine(texts: list[str], scorer_name: str, row: dict) -> Engine:  # type: ignore[type-arg]
    """rapidfuzz ``process.extract`` over every passage with ``scorer_name``."""
    from rapidfuzz import fuzz, process, utils

    scorer = getattr(fuzz, scorer_name)
    start = time.perf_counter()
    choices = [utils.default_process(t) for t in texts]
    row["build"] = time.perf_counter() - start
    row["memory"] = None
    row["inproc"] = True

    def run(query: str) -> list[int]:
        found = process.extract(
            utils.default_process(query), choices, scorer=scorer, limit=10, processor=None
        )
        return [index for _, _, index in found]

    return run


def evaluate(engine: Engine, queries: list[BenchQuery], texts: list[str], row: dict) -> None:  # type: ignore[type-arg]
    """Run every query; store hit@1, hit@10, MRR per kind and latencies in ``row``."""
    times: list[float] = []
    cpu: list[float] = []
    per_kind: dict[str, list[tuple[int, int, float]]] = {k: [] for k in KINDS}
    for query in queries:
        start, start_cpu = time.perf_counter(), time.thread_time()
        found = engine(query.text)
        times.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
        rank = next((i for i, p in enumerate(found) if relevant(query, texts[p])), None)
        reciprocal = 0.0 if rank is None else 1 / (rank + 1)
        per_kind[query.kind].append((rank == 0, rank is not None, reciprocal))
    for kind, results in per_kind.items():
        if results:
            row[kind] = tuple(sum(r[i] for r in results) / len(results) for i in range(3))
    every = [r for results in per_kind.values() for r in results]
    row["all"] = tuple(sum(r[i] for r in every) / len(every) for i in range(3))
    times.sort()
    row["median"] = statistics.median(times) * 1000
    row["p95"] = times[int(0.95 * (len(times) - 1))] * 1000
    cpu.sort()
    row["p95cpu"] = cpu[int(0.95 * (len(cpu) - 1))] * 1000
    row["n"] = len(queries)


def print_table(scale: int, passages: int, rows: dict[str, dict]) -> None:  # type: ignore[type-arg]
    """One table for one scale: engines as columns."""
    names = list(rows)
    width = 20
    print(f"\n=== scale {scale}x: {passages:,} passages ===")
    print("metric".ljust(18) + "".join(n.rjust(width) for n in names))

    def line(label: str, cell: Callable[[dict], str]) -> None:  # type: ignore[type-arg]
        print(label.ljust(18) + "".join(cell(rows[n]).rjust(width) for n in names))

    for kind in (*KINDS, "all"):
        line(
            f"{kind} h@1/h@10/MRR",
            lambda r, k=kind: "{:.2f}/{:.2f}/{:.2f}".format(*r[k]) if k in r else "-",
        )
    line("queries", lambda r: str(r.get("n", "-")))
    line("median ms", lambda r: f"{r['median']:.2f}" if "median" in r else "-")
    line("p95 ms", lambda r: f"{r['p95']:.2f}" if "p95" in r else "-")
    line("p95 ms (cpu)", lambda r: f"{r['p95cpu']:.2f}" if r.get("inproc") else "-")
    line("build s", lambda r: f"{r['build']:.2f}" if "build" in r else "-")
    line(
        "memory MB", lambda r: f"{r['memory'] / 2**20:.0f}" if r.get("memory") is not None else "-"
    )


def halves(articles: list, queries: list[BenchQuery], half: str) -> list[BenchQuery]:  # type: ignore[type-arg]
    """The queries made from articles of even or odd number (``half``), or all of them."""
    if half == "all":
        return queries
    owner: list[int] = []
    for number, article in enumerate(articles):
        owner.extend([number] * len(article.passages))
    parity = 0 if half == "even" else 1
    return [q for q in queries if owner[q.source] % 2 == parity]


def bench_scale(
    base: list,  # type: ignore[type-arg]
    scale: int,
    per_kind: int,
    brute: int,
    engines: set[str],
    half: str = "all",
) -> None:
    """Build every engine for one scale and print its table."""
    start = time.perf_counter()
    articles = base if scale == 1 else synthesise(base, scale)
    texts = passage_texts(articles)
    queries = halves(articles, make_queries(texts, per_kind), half)
    print(f"[scale {scale}x: corpus ready in {time.perf_counter() - start:.1f}s]", flush=True)
    rows: dict[str, dict] = {}  # type: ignore[type-arg]
    rows["seedtui"] = row = {}
    engine = seedtui_engine(articles, row)
    evaluate(engine, queries, texts, row)
    print(
        "[seedtui: h@1 {:.2f}, median {:.2f} ms, p95 {:.2f} ms (cpu {:.2f}), build {:.1f} s, "
        "{:.0f} MB]".format(
            row["all"][0],
            row["median"],
            row["p95"],
            row["p95cpu"],
            row["build"],
            row["memory"] / 2**20,
        ),
        flush=True,
    )
    del engine
    gc.collect()
    if "tantivy" in engines:
        rows["tantivy"] = row = {}
        tantivy = tantivy_engine(texts, row)
        if tantivy is None:
            print("note: tantivy-py not installed, its column is empty")
        else:
            evaluate(tantivy, queries, texts, row)
        del tantivy
        gc.collect()
    if not engines & {"fzf", "rapidfuzz"}:
        print_table(scale, len(texts), rows)
        return
    rng = random.Random(5)
    sampled = (
        queries
        if brute >= per_kind
        else [
            q for kind in KINDS for q in rng.sample([q for q in queries if q.kind == kind], brute)
        ]
    )
    rows["fzf --filter"] = row = {}
    fzf = fzf_engine(texts, row) if "fzf" in engines else None
    if fzf is None:
        print("note: fzf not found, its column is empty")
    else:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        evaluate(fzf, sampled, texts, row)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        row["memory"] = max(0, peak - before) * 1024 or None
        os.unlink(fzf.path)  # type: ignore[attr-defined]
    for scorer in ("WRatio", "partial_ratio") if "rapidfuzz" in engines else ():
        rows[f"rapidfuzz {scorer}"] = row = {}
        evaluate(rapidfuzz_engine(texts, scorer, row), sampled, texts, row)
    print_table(scale, len(texts), rows)
    if len(sampled) < len(queries):
        print(f"note: baselines ran {len(sampled)} of {len(queries)} queries (sampled per kind)")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc"
    )
    parser.add_argument("--scale", default="1", help="comma-separated scales, e.g. 1,10,80")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--no-baselines", action="store_true", help="seedtui only")
    parser.add_argument(
        "--engines",
        default="tantivy,fzf,rapidfuzz",
        help="baselines to run beside seedtui (comma-separated: tantivy, fzf, rapidfuzz)",
    )
    parser.add_argument(
        "--half",
        choices=("all", "even", "odd"),
        default="all",
        help="only the queries made from even or odd articles (to check a change on both)",
    )
    parser.add_argument(
        "--brute-queries",
        type=int,
        default=0,
        help="queries per kind for the baselines (default: 25 at 1x, 5 above)",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no corpus at {args.data}")
        return 0
    base = load_bbc(args.data)
    print(f"base corpus: {len(base)} articles (memory: RSS growth across the build)")
    for scale in (int(s) for s in args.scale.split(",") if s.strip()):
        brute = args.brute_queries or (25 if scale == 1 else 5)
        engines = set() if args.no_baselines else set(args.engines.split(","))
        bench_scale(base, scale, args.queries, brute, engines, args.half)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

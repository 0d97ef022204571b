"""How good and how fast the early answer is that a cold load gives before its index.

``python -m benchmarks.early_answer_bench [--data ../shared/data/bbc] [--queries 40]``
generates the search benchmark's queries (``benchmarks/corpora.py``) and runs each
through the early scan (:func:`tui.core.search.early.scan_articles`, what a query typed during
a cold load shows first) and through the index (what replaces it), on both halves of
the corpus (queries made from even and from odd articles). It prints hit@1, hit@10 and
MRR per kind and half for both, the share of queries the scan leaves to the index, and
the CPU time per query of the scan against the CPU time of the index build it stands in
for (``time.process_time``, steady on a loaded machine).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import KINDS, load_bbc, make_queries, passage_texts, relevant  # noqa: E402
from benchmarks.search_bench import halves  # noqa: E402
from tui.core.search import SearchIndex  # noqa: E402
from tui.core.search.early import scan_articles  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[2] / "shared/data/bbc")
    parser.add_argument("--queries", type=int, default=40, help="per kind")
    options = parser.parse_args(argv)
    articles = load_bbc(options.data)
    texts = passage_texts(articles)
    began = time.process_time()
    index = SearchIndex.build(articles)
    build = time.process_time() - began
    first = list(index.article_first)
    queries = make_queries(texts, options.queries)
    scan_cpu: list[float] = []
    print(f"{len(articles):,} articles, {len(texts):,} passages; index build {build:.2f} s CPU")
    print(f"{'half':<5} {'kind':<8} {'n':>4} {'left':>5}  early h@1/h@10/MRR   index h@1/h@10/MRR")
    for half in ("even", "odd"):
        for kind in (*KINDS, "all"):
            chosen = [q for q in halves(articles, queries, half) if kind in ("all", q.kind)]
            early_scores, index_scores, left = [], [], 0
            for query in chosen:
                tick = time.process_time()
                found = scan_articles(articles, query.text, 10)
                if kind == "all":
                    scan_cpu.append(time.process_time() - tick)
                early = [] if found is None else [first[h.article] + h.passage for h in found.hits]
                left += found is None
                full = [first[h.article] + h.passage for h in index.search(query.text, 10)]
                for ranked, scores in ((early, early_scores), (full, index_scores)):
                    rank = next(
                        (i for i, p in enumerate(ranked) if relevant(query, texts[p])), None
                    )
                    scores.append(
                        (rank == 0, rank is not None, 0 if rank is None else 1 / (rank + 1))
                    )
            if not chosen:
                continue

            def cell(scores: list[tuple[bool, bool, float]]) -> str:
                return "/".join(f"{sum(s[i] for s in scores) / len(scores):.2f}" for i in range(3))

            print(
                f"{half:<5} {kind:<8} {len(chosen):>4} {left:>5}  {cell(early_scores):<19}  "
                f"{cell(index_scores)}"
            )
    median = statistics.median(scan_cpu)
    print(
        f"early scan CPU per query: median {median * 1000:.1f} ms, max "
        f"{max(scan_cpu) * 1000:.1f} ms ({median / build:.3f}x the build)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""hit@1 per query kind on both halves of the generated queries, and why each miss missed.

Usage::

    python benchmarks/search_misses.py [--scale 1,10] [--queries 100] [--show mixed,pasted]
                                       [--seed 11] [--tree /tmp/base]

One index per scale (BBC, or ``--scale`` times it, :mod:`benchmarks.corpora`), the queries
of ``search_bench.py``; hit@1 is printed per kind for the queries made from even and from
odd articles (a change written from one half's misses must hold on the other). For every
miss of the ``--show`` kinds it prints the query, the passage it was made from, the one that
ranked first, and per query word the word each of them matched with its quality, the
clause weights and both scores. ``--tree`` puts an older tree's ``tui`` first on the path
(to list the misses of a base version with the same queries); ``--seed`` draws another
set of queries (to check a change on queries it was not written from).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _explain(index, compiled, passage: int, factors: list[float]) -> str:  # type: ignore[no-untyped-def]
    """Per clause: the best word the passage has for it and its quality."""
    from tui.core.search.ranking import Scorer

    scorer = Scorer(index, compiled, None)
    tokens = scorer._tokens(passage)
    terms = index.vocab.terms
    parts = []
    for number, clause in enumerate(compiled.clauses):
        best, word = 0.0, "-"
        for option in clause.options:
            for tid in set(tokens):
                quality = option.terms.get(tid, 0.0)
                if quality > best:
                    best, word = quality, terms[tid]
        parts.append(f"{word}:{best:.2f}*{factors[number]:.1f}")
    full = scorer._full(passage)
    score = "filtered" if full is None else f"{full[0]:.1f}"
    return f"{score}  " + " ".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and print hit@1 per kind per half, then the misses."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", default="1")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--show", default="mixed,pasted", help="kinds whose misses to list")
    parser.add_argument("--seed", type=int, default=11, help="of the generated queries")
    parser.add_argument("--tree", default="", help="a folder holding another tree's tui/")
    args = parser.parse_args(argv)
    sys.path[:0] = [p for p in (args.tree, str(HERE)) if p]
    from benchmarks.corpora import (
        KINDS,
        load_bbc,
        make_queries,
        passage_texts,
        relevant,
        synthesise,
    )
    from tui.core.search import SearchIndex, parse_query
    from tui.core.search.compile import compile_query
    from tui.core.search.ranking import Scorer

    data = HERE.parent / "shared" / "data" / "bbc"
    if not data.is_dir():
        print(f"skipped: no corpus at {data}")
        return 0
    base = load_bbc(data)
    show = set(args.show.split(","))
    for scale in (int(s) for s in args.scale.split(",") if s.strip()):
        articles = base if scale == 1 else synthesise(base, scale)
        texts = passage_texts(articles)
        owner = [n % 2 for n, a in enumerate(articles) for _ in a.passages]
        queries = make_queries(texts, args.queries, args.seed)
        index = SearchIndex.build(articles)
        first = list(index.article_first)
        tally: dict[tuple[str, int], list[int]] = {}
        misses = []
        for query in queries:
            found = [first[h.article] + h.passage for h in index.search(query.text, 10)]
            hit = bool(found) and relevant(query, texts[found[0]])
            cell = tally.setdefault((query.kind, owner[query.source]), [0, 0])
            cell[0] += hit
            cell[1] += 1
            if not hit and query.kind in show:
                misses.append((query, found))
        print(f"\n=== scale {scale}x: {len(texts):,} passages, {len(queries)} queries ===")
        print("kind      even        odd")
        for kind in KINDS:
            cells = [tally.get((kind, half), [0, 0]) for half in (0, 1)]
            print(
                kind.ljust(8)
                + "".join(f"  {h / max(n, 1):.2f} ({h}/{n})".ljust(12) for h, n in cells)
            )
        for query, found in misses:
            compiled = compile_query(
                index.vocab, index.postings, index.live, parse_query(query.text), True
            )
            half = "even" if owner[query.source] == 0 else "odd"
            print(f"\n[{query.kind} {half}] {query.text!r}  needle {' '.join(query.needle)!r}")
            if compiled is None:
                print("  compiled to nothing")
                continue
            factors = Scorer(index, compiled, None).factors
            rank = next((i for i, p in enumerate(found) if relevant(query, texts[p])), None)
            print(f"  wanted (rank {rank}): {texts[query.source][:110]!r}")
            print(f"    {_explain(index, compiled, query.source, factors)}")
            if found:
                print(f"  first: {texts[found[0]][:110]!r}")
                print(f"    {_explain(index, compiled, found[0], factors)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

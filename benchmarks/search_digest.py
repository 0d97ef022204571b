"""Digest of search results on BBC, to show that a speed change left every result as it was.

Usage::

    python benchmarks/search_digest.py [--tree PATH] [--queries 30] [--keep FILE]

Runs ``seedtui search --queries FILE --json`` (the CLI, without its cache) from the tree
at ``--tree`` (default: this checkout; an older one comes from ``git archive BASE tui |
tar -x -C PATH``) over a fixed set of queries: ``--queries`` generated per kind
(``benchmarks/corpora.py``, 7 kinds, 210 by default) and a few of every syntax form
(phrases, anchors, exclusions, OR, scopes). The JSON lines minus their ``"ms"`` field are
hashed. In the same process it also hashes the full-precision results of
``SearchIndex.find`` (every hit's passage, score ``repr`` and match spans, the count and
whether it is exact) with ``prefix_last`` on, as the browser searches, at limits 10 and 50.
Prints the digests and how many queries have hits; two trees agree when both lines match.
``--keep FILE`` writes the CLI's lines (without ``"ms"``) for a diff.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SYNTAX = (
    '"prime minister" election',
    "^the government",
    "economy growth$",
    "oil prices !opec",
    "!^the bank rates",
    "film | movie award",
    "in:sport england rugby",
    "title:blair election",
    "!in:business tony blair",
    "'gordon brown budget",
    "interest rates",
    "tony blair electon",
    "the",
    "a b c d e f",
)
"""Queries of every syntax form, beside the generated ones."""

FIND = """
import hashlib, json, sys
from benchmarks.corpora import load_bbc
from tui.core.search import SearchIndex
queries = json.load(open(sys.argv[1]))
index = SearchIndex.build(load_bbc(__import__("pathlib").Path(sys.argv[2])))
digest = hashlib.sha256()
for limit in (10, 50):
    for query in queries:
        result = index.find(query, limit)
        hits = [(h.article, h.passage, repr(h.score), h.matches) for h in result.hits]
        digest.update(repr((query, limit, hits, result.total, result.exact)).encode())
print(digest.hexdigest())
"""


def queries(per_kind: int, data: Path) -> list[str]:
    """The fixed query set: generated per kind from BBC, then :data:`SYNTAX`."""
    sys.path.insert(0, str(HERE))
    from benchmarks.corpora import load_bbc, make_queries, passage_texts

    texts = passage_texts(load_bbc(data))
    return [q.text for q in make_queries(texts, per_kind)] + list(SYNTAX)


def main(argv: list[str] | None = None) -> int:
    """Print the two digests of one tree."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", type=Path, default=HERE)
    parser.add_argument("--queries", type=int, default=30, help="generated queries per kind")
    parser.add_argument("--data", type=Path, default=HERE.parent / "shared" / "data" / "bbc")
    parser.add_argument("--keep", type=Path, help="write the CLI's lines here")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no corpus at {args.data}")
        return 0
    chosen = queries(args.queries, args.data)
    env = dict(os.environ, PYTHONPATH=f"{args.tree.resolve()}{os.pathsep}{HERE}")
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "queries.txt"
        listing.write_text("\n".join(chosen) + "\n", encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "tui", "search", "--queries", str(listing), "--json"]
            + ["--no-cache", "--corpus", str(args.data)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            cwd=folder,
        )
        as_json = Path(folder) / "queries.json"
        as_json.write_text(json.dumps(chosen), encoding="utf-8")
        found = subprocess.run(
            [sys.executable, "-c", FIND, str(as_json), str(args.data)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=folder,
        )
    lines = []
    matched = 0
    for line in done.stdout.splitlines():
        entry = json.loads(line)
        entry.pop("ms")
        matched += bool(entry["hits"])
        lines.append(json.dumps(entry, sort_keys=True))
    if len(lines) != len(chosen):
        print(f"error: {len(lines)} answers to {len(chosen)} queries\n{done.stderr[-2000:]}")
        return 1
    if args.keep:
        args.keep.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    print(f"{len(chosen)} queries, {matched} with hits")
    print(f"cli search --json: {cli}")
    print(f"find, limits 10 and 50: {found.stdout.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

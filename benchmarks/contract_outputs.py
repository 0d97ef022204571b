"""Record the JSON contract's outputs, to compare two versions of the code byte for byte.

Usage::

    python benchmarks/contract_outputs.py OUT_DIR [--data ../shared/data]

Writes into ``OUT_DIR``: ``bbc-list.jsonl``, ``bbc-queries.txt`` (200 queries made from the
corpus with a fixed seed: 50 each of exact fragments, typos, reordered words and prefixes),
``bbc-search.jsonl`` (``search --queries`` with ``ms`` removed, which is a timing),
``bbc-quotes.jsonl``, and the same ``list`` and ``quotes`` for ``polnear-train/text``. Each
command runs in a fresh process with an empty cache folder, then again on the warm cache
(``*-warm`` files), so both paths are recorded. Compare two runs with ``diff -r``.
Skips (exit 0 with a message) when the data folder is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import OLD_KINDS, load_bbc, make_queries, passage_texts  # noqa: E402


def run(args: list[str], cache: Path) -> str:
    """One CLI call in a fresh interpreter; its standard output."""
    env = dict(os.environ, SEEDTUI_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    done = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"{args}: exit {done.returncode}: {done.stderr[-500:]}")
    return done.stdout


def without_timings(text: str) -> str:
    """``search --queries`` output with the per-query ``ms`` removed."""
    rows = []
    for line in text.splitlines():
        row = json.loads(line)
        row.pop("ms", None)
        rows.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    options = parser.parse_args()
    bbc, polnear = options.data / "bbc", options.data / "polnear-train" / "text"
    if not bbc.is_dir() or not polnear.is_dir():
        print(f"skipped: no data under {options.data}")
        return 0
    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)
    texts = passage_texts(load_bbc(bbc))
    queries = [q.text for q in make_queries(texts, 50, seed=2026, kinds=OLD_KINDS)]
    (out / "bbc-queries.txt").write_text("\n".join(queries) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        for name, folder in (("bbc", bbc), ("polnear", polnear)):
            cache = Path(scratch) / name
            for suffix in ("", "-warm"):
                for command in ("list", "quotes"):
                    text = run([command, "--corpus", str(folder), "--json"], cache)
                    (out / f"{name}-{command}{suffix}.jsonl").write_text(text, encoding="utf-8")
                if name == "bbc":
                    text = run(
                        [
                            "search",
                            "--queries",
                            str(out / "bbc-queries.txt"),
                            "--limit",
                            "10",
                            "--corpus",
                            str(folder),
                            "--json",
                        ],
                        cache,
                    )
                    (out / f"bbc-search{suffix}.jsonl").write_text(
                        without_timings(text), encoding="utf-8"
                    )
    for path in sorted(out.iterdir()):
        print(f"{path.name}: {sum(1 for _ in path.open(encoding='utf-8'))} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

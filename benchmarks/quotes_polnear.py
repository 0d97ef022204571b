#!/usr/bin/env python3
"""Run the quote engine over the PolNeAR train split and score it.

usage: python benchmarks/quotes_polnear.py [--data DIR] [--errors N] [--out FILE]

Reads ``DIR/text/*.txt`` (default: ``../shared/data/polnear-train`` relative to the
repository root), writes one JSON line per predicted quote piece, runs the folder's
``score.py`` on it and prints the scorer's figures, then the time per article
(mean, median, p95, in milliseconds; in-process, one core). Exits 0 with a
"skipped" message when the corpus is not there.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.quotes import find_quotes  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear-train"))
    ap.add_argument("--errors", type=int, default=0, help="passed to score.py --errors")
    ap.add_argument("--out", default=None, help="where to write the predictions JSONL")
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time each article this many times and keep the fastest (default: 3)",
    )
    args = ap.parse_args(argv)

    data = Path(args.data)
    text_dir = data / "text"
    gold = data / "quotes.jsonl"
    scorer = data / "score.py"
    if not (text_dir.is_dir() and gold.is_file() and scorer.is_file()):
        print(f"skipped: corpus not found at {data}")
        return 0

    files = sorted(text_dir.glob("*.txt"))
    texts = [(f.stem, f.read_bytes().decode("utf-8")) for f in files]
    times: list[float] = []
    lines: list[str] = []
    n_quotes = 0
    for stem, text in texts:
        best = float("inf")
        quotes = []
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            quotes = find_quotes(text)
            best = min(best, time.perf_counter() - t0)
        times.append(best * 1000.0)
        for q in quotes:
            n_quotes += 1
            lines.append(
                json.dumps(
                    {
                        "article": stem,
                        "start": q.start,
                        "end": q.end,
                        "text": text[q.start : q.end],
                        "speaker": q.speaker,
                        "speaker_name": q.speaker_name,
                        "cue": q.cue,
                        "guessed": q.guessed,
                    },
                    ensure_ascii=False,
                )
            )
    if args.out:
        out = Path(args.out)
    else:
        out = Path(tempfile.gettempdir()) / "seedtui_quotes_polnear.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    cmd = [sys.executable, str(scorer), str(gold), str(out)]
    if args.errors:
        cmd += ["--errors", str(args.errors)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    sys.stdout.write(res.stdout)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        return res.returncode

    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"predictions: {out} ({n_quotes} quotes in {len(texts)} articles)")
    runs, mean, median = max(1, args.repeat), statistics.fmean(times), statistics.median(times)
    print(
        f"time per article (best of {runs} runs, in-process, one core): "
        f"mean={mean:.3f} ms median={median:.3f} ms p95={p95:.3f} ms max={times[-1]:.3f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

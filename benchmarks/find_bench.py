"""Find in a huge article: the worker's first matches and full count, and the cost of ``n``.

``python -m benchmarks.find_bench [--mb 50]`` builds one article of that many MB
(a paragraph repeated, "harbour" 16 times in each), indexes it and measures:

- the first matches (the next 400 passages from the top) and the full count, as the
  find worker computes them (off the UI thread);
- one ``n``: highlighting the drawn window's passages with the window's matches only
  (what the reader does now) against every match of the article looped over for
  every passage drawn (what it did before; timed on 10 passages and scaled to the
  window, as it takes minutes at 50 MB), in the same run.

Needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import time

from rich.style import Style

from tui.core.corpus.read import parse_article
from tui.core.search import SearchIndex
from tui.ui.render import styled
from tui.ui.spans import SpanIndex, within
from tui.ui.widgets.reader_layout import window_around

PARAGRAPH = (
    "The committee met again on the budget and the harbour plan. " * 16
    + '"It will work," the chair said.\n\n'
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=50, help="article size in MB")
    args = parser.parse_args()
    text = "A huge article\n\n" + PARAGRAPH * (args.mb * 1024 * 1024 // len(PARAGRAPH))
    article = parse_article(text, "big.txt")
    began = time.perf_counter()
    index = SearchIndex.build([article])
    print(f"article: {len(text) / 1e6:.1f} M chars, {len(article.passages):,} passages")
    print(f"index build: {time.perf_counter() - began:.1f} s")

    began = time.perf_counter()
    first = index.search_article(0, "harbour", range(0, 400))
    first_s = time.perf_counter() - began
    began = time.perf_counter()
    hits = index.search_article(0, "harbour")
    spans = tuple(sorted(s for hit in hits for s in hit.matches))
    full_s = time.perf_counter() - began
    print(
        f"first matches (400 passages): {sum(len(h.matches) for h in first):,} in {first_s:.3f} s"
    )
    print(f"full count: {len(spans):,} matches in {full_s:.2f} s (in the worker)")

    window = window_around(article, 0)
    drawn = [article.passages[i] for i in window]
    style = Style(bold=True)
    sample = drawn[:10]  # the old way is slow: timed on 10 passages, scaled to the window
    began = time.perf_counter()
    for start, end in sample:
        styled(text, start, end, [(style, spans)])
    before = (time.perf_counter() - began) * len(drawn) / len(sample)
    began = time.perf_counter()
    low, high = drawn[0][0], drawn[-1][1]
    found = SpanIndex(within(spans, low, high), presorted=True)
    for start, end in drawn:
        styled(text, start, end, [(style, found.overlapping(start, end))])
    after = time.perf_counter() - began
    print(
        f"highlighting one window ({len(drawn):,} passages) on n: "
        f"every match per passage {before:.2f} s (10 timed, scaled), "
        f"window's matches by bisection {after:.3f} s "
        f"(x{before / after:.0f})"
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write everything the quote engine says about two corpora, to prove a change kept it.

usage: python benchmarks/quotes_digest.py OUT [--polnear DIR] [--bbc DIR] [--no-trace]

Runs :func:`find_quotes` over every PolNeAR train text (``DIR/text/*.txt``, default
``../shared/data/polnear-train``) and every BBC article (default ``../shared/data/bbc``)
and writes one JSON line per quotation piece: the file, the span, the group, the speaker
(span, text, name), the cue (span, text) and ``guessed``: first for the default call,
then for a ``keep_all`` call (so that left-out pieces are compared too) made with a trace
unless ``--no-trace``; each piece's candidate trace (every speaker the rules put forward
and its features, what the learned choice sees) follows as lines of their own.

A speed change must leave the file byte for byte the same: run it before and after and
``cmp`` (or ``diff``) the two files. Prints the number of lines and a SHA-256 of the file.
Exits 0 with "skipped" when neither corpus is there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.quotes import PieceTrace, Quote, find_quotes  # noqa: E402


def _texts(polnear: Path, bbc: Path) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every article of both corpora, in a fixed order."""
    for path in sorted((polnear / "text").glob("*.txt")):
        yield f"polnear/{path.stem}", path.read_bytes().decode("utf-8")
    for path in sorted(bbc.rglob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        yield f"bbc/{path.relative_to(bbc).with_suffix('').as_posix()}", text


def _span(span: tuple[int, int] | None, text: str) -> list[object] | None:
    return None if span is None else [span[0], span[1], text[span[0] : span[1]]]


def _quote_line(name: str, text: str, q: Quote, run: str) -> str:
    return json.dumps(
        {
            "file": name,
            "run": run,
            "span": [q.start, q.end],
            "group": q.group,
            "speaker": _span(q.speaker_span, text),
            "speaker_text": q.speaker,
            "speaker_name": q.speaker_name,
            "cue": _span(q.cue_span, text),
            "cue_text": q.cue,
            "guessed": q.guessed,
        },
        ensure_ascii=False,
    )


def _trace_line(name: str, t: PieceTrace) -> str:
    cands = [[list(span), feats] for span, feats in t.candidates]
    return json.dumps({"file": name, "trace": [t.start, t.end], "candidates": cands})


def article_lines(name: str, text: str, trace: bool) -> list[str]:
    """The digest lines of one article: the default run's quotations, then every marked
    piece's (``keep_all``, traced unless ``trace`` is false) and the traces."""
    lines = [_quote_line(name, text, q, "default") for q in find_quotes(text)]
    traces: list[PieceTrace] | None = [] if trace else None
    lines += [
        _quote_line(name, text, q, "all") for q in find_quotes(text, keep_all=True, trace=traces)
    ]
    lines += [_trace_line(name, t) for t in traces or []]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", help="the digest file to write")
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "data" / "polnear-train"))
    ap.add_argument("--bbc", default=str(ROOT.parent / "shared" / "data" / "bbc"))
    ap.add_argument("--no-trace", action="store_true", help="leave the candidate traces out")
    args = ap.parse_args(argv)
    polnear, bbc = Path(args.polnear), Path(args.bbc)
    if not (polnear / "text").is_dir() and not bbc.is_dir():
        print(f"skipped: no corpus at {polnear} or {bbc}")
        return 0
    n_articles = n_lines = 0
    digest = hashlib.sha256()
    with open(args.out, "w", encoding="utf-8") as out:
        for name, text in _texts(polnear, bbc):
            n_articles += 1
            for line in article_lines(name, text, not args.no_trace):
                out.write(line + "\n")
                digest.update(line.encode("utf-8") + b"\n")
                n_lines += 1
    print(f"{n_lines} lines from {n_articles} articles -> {args.out}")
    print(f"sha256 {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

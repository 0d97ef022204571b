#!/usr/bin/env python3
"""How good can the learned choice of speaker be, and is it better than the rules?

usage: python benchmarks/speaker_choice_cv.py [--data DIR] [--grid 3,10,30] [--scope open|all]

Needs the ``train`` extra (numpy, scipy). Runs the rules once over the development
articles of PolNeAR train (never the lockbox fifth, :mod:`polnear_splits`), keeps every
quotation piece that overlaps a gold quote with a gold speaker, with the candidates the
rules and :mod:`tui.core.quotes.attribution.mentions` put forward and their features,
and prints, per piece (not per scored quote, so the figures differ a little from
``quotes_polnear.py``):

1. the **oracle**: how often the gold speaker (by the corpus scorer's own match) is
   among the candidates at all, beside how often the rules' pick is right; for the
   pieces where the model may choose (the rules guessed) and the others;
2. the model under **nested cross-validation**, for both schemes (five article folds,
   leave-one-outlet-out): for each held-out part, the L2 penalty is chosen among
   ``--grid`` by an inner cross-validation over the other parts only, the model is
   fitted on them with it, and it chooses on the held-out part. The rules are scored
   on the same pieces. Ship weights only if the model wins under both schemes.

It is a quick, in-process check (one run of the rules, then only fits); the final word
is ``quotes_polnear.py``, which scores predicted quotes with the corpus scorer.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from polnear_splits import fold_of, in_lockbox, outlet_of  # noqa: E402
from train_speakers import DEFAULT_DATA, Group, fit, load_scorer  # noqa: E402

from tui.core.quotes import PieceTrace, find_quotes, open_choice  # noqa: E402


@dataclass(frozen=True, slots=True)
class Row:
    """One quotation piece with a gold speaker: its candidates and which are right."""

    article: str
    features: list[list[str]]
    right: list[bool]
    rule: int
    open: bool


def collect_rows(data: Path) -> list[Row]:
    scorer = load_scorer(data)
    gold: dict[str, list[tuple[int, int, str | None]]] = {}
    for line in (data / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold.setdefault(g["article"], []).append((g["start"], g["end"], g.get("speaker")))
    stems = sorted(p.stem for p in (data / "text").glob("*.txt") if not in_lockbox(p.stem))
    rows: list[Row] = []
    for stem in stems:
        text = (data / "text" / f"{stem}.txt").read_bytes().decode("utf-8")
        gp = [(a, b, spk) for s, e, spk in gold.get(stem, []) for a, b in scorer.pieces(text, s, e)]
        trace: list[PieceTrace] = []
        find_quotes(text, model=None, trace=trace)
        for t in trace:
            best, best_ov = None, 0
            for a, b, spk in gp:
                ov = min(b, t.end) - max(a, t.start)
                if ov > best_ov:
                    best, best_ov = spk, ov
            picks = [i for i, (_, f) in enumerate(t.candidates) if "src=rule" in f]
            if not best or not picks:
                continue
            rule = picks[0]
            sources = [x[4:] for x in t.candidates[rule][1] if x.startswith("src=")]
            right = [bool(scorer.speaker_match(text[x:y], best)) for (x, y), _ in t.candidates]
            rows.append(Row(stem, [f for _, f in t.candidates], right, rule, open_choice(sources)))
    return rows


def _groups(rows: list[Row], scope: str) -> list[Group]:
    return [
        Group(r.article, r.features, r.right)
        for r in rows
        if len(r.right) > 1 and any(r.right) and (r.open or scope == "all")
    ]


def _choice_ok(rows: list[Row], weights: dict[str, float] | None, scope: str) -> int:
    ok = 0
    for r in rows:
        pick = r.rule
        if weights is not None and len(r.right) > 1 and (r.open or scope == "all"):
            scores = [sum(weights.get(f, 0.0) for f in fs) for fs in r.features]
            pick = max(range(len(scores)), key=scores.__getitem__)
        ok += r.right[pick]
    return ok


def _cv_ok(rows: list[Row], part: Callable[[str], str], l2: float, scope: str) -> tuple[int, int]:
    """Right picks (model, rules) over ``rows``, each part held out in turn."""
    model = rules = 0
    for p in sorted({part(r.article) for r in rows}):
        train = [r for r in rows if part(r.article) != p]
        held = [r for r in rows if part(r.article) == p]
        weights = fit(_groups(train, scope), l2)
        model += _choice_ok(held, weights, scope)
        rules += _choice_ok(held, None, scope)
    return model, rules


def nested(rows: list[Row], part: Callable[[str], str], grid: list[float], scope: str) -> None:
    model = rules = 0
    for p in sorted({part(r.article) for r in rows}):
        train = [r for r in rows if part(r.article) != p]
        held = [r for r in rows if part(r.article) == p]
        inner = {l2: _cv_ok(train, part, l2, scope)[0] for l2 in grid}
        l2 = max(grid, key=lambda x: (inner[x], x))
        weights = fit(_groups(train, scope), l2)
        m, r = _choice_ok(held, weights, scope), _choice_ok(held, None, scope)
        print(f"  {p:<14} l2={l2:<5g} model {m / len(held):.4f}  rules {r / len(held):.4f}")
        model, rules = model + m, rules + r
    n = len(rows)
    print(f"  POOLED         model {model / n:.4f} ({model}/{n})  rules {rules / n:.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--grid", default="3,10,30", help="L2 penalties to choose among")
    ap.add_argument(
        "--scope", choices=("open", "all"), default="open", help="pieces the model may decide"
    )
    ap.add_argument("--no-cv", action="store_true", help="only the oracle")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "text").is_dir():
        print(f"skipped: corpus not found at {data}")
        return 0
    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
    except ImportError:
        print("skipped: needs numpy and scipy (pip install -e '.[train]')")
        return 0
    rows = collect_rows(data)
    print(f"{len(rows)} development pieces with a gold speaker and a rules' pick")
    for label, subset in (
        ("all pieces", rows),
        ("model may choose (rules guessed)", [r for r in rows if r.open]),
        ("read next to the quote", [r for r in rows if not r.open]),
    ):
        n = len(subset)
        oracle = sum(any(r.right) for r in subset)
        ok = sum(r.right[r.rule] for r in subset)
        mean = sum(len(r.right) for r in subset) / n if n else 0.0
        print(
            f"{label:<34} n={n:>5}  rules right {ok / n:.4f}  oracle {oracle / n:.4f}  "
            f"candidates/piece {mean:.1f}"
        )
    if args.no_cv:
        return 0
    grid = [float(x) for x in args.grid.split(",") if x.strip()]
    print(f"--- nested CV, article folds (scope {args.scope})")
    nested(rows, lambda s: f"fold {fold_of(s)}", grid, args.scope)
    print(f"--- nested CV, leave-one-outlet-out (scope {args.scope})")
    nested(rows, outlet_of, grid, args.scope)
    return 0


if __name__ == "__main__":
    sys.exit(main())

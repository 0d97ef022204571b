#!/usr/bin/env python3
"""Train (and cross-validate) the learned keep-or-leave-out decision of marked spans.

usage: python benchmarks/train_keep.py [--data DIR] [--grid 1,3,10,30] [--write]

Needs the ``train`` extra (numpy, scipy). For every marked span of the development
articles of PolNeAR train (never the lockbox fifth, :mod:`polnear_splits`) it records
the features of :mod:`tui.core.quotes.keep` and labels the span a quotation when,
trimmed as the corpus scorer trims, it is one of the gold quotation pieces. A logistic
model (L2-penalised, L-BFGS) learns to keep the labelled ones.

Cross-validation, both schemes (five article folds, leave-one-outlet-out): for each
held-out part the penalty is chosen among ``--grid`` by an inner cross-validation over
the other parts, the model is fitted on them, and it decides on the held-out part; the
predictions (speakers by the rules alone) are scored by the corpus's ``score.py``
beside the policy alone on the same articles. With ``--write`` the model fitted on all
development articles (penalty chosen by the same inner procedure) is written to the
package's ``keep_weights.json``: ship it only if both schemes improve.
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

from polnear_splits import fold_of, in_lockbox, outlet_of, score_subset  # noqa: E402
from train_speakers import DEFAULT_DATA, load_scorer  # noqa: E402

from tui.core.quotes import find_quotes  # noqa: E402
from tui.core.quotes.keep import KEEP_WEIGHTS_FILE  # noqa: E402


@dataclass(frozen=True, slots=True)
class Span:
    """One marked span: its features, whether it is gold, and its prediction line."""

    article: str
    features: list[str]
    gold: bool
    line: str


def collect(data: Path, stems: list[str]) -> tuple[list[Span], dict[str, int]]:
    """The spans of ``stems`` and the number of gold pieces of each article."""
    scorer = load_scorer(data)
    gold: dict[str, set[tuple[int, int]]] = {}
    texts = {s: (data / "text" / f"{s}.txt").read_bytes().decode("utf-8") for s in stems}
    for line in (data / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            if g["article"] in texts:
                ps = scorer.pieces(texts[g["article"]], g["start"], g["end"])
                gold.setdefault(g["article"], set()).update(ps)
    spans: list[Span] = []
    for stem in stems:
        text = texts[stem]
        trace: list[tuple[int, int, list[str]]] = []
        quotes = find_quotes(text, keep_all=True, model=None, keep_model=None, keep_trace=trace)
        assert len(quotes) == len(trace)
        for q, (s, e, feats) in zip(quotes, trace):
            ps = scorer.pieces(text, s, e)
            rec = {"article": stem, "start": s, "end": e, "text": text[s:e]}
            rec["speaker"] = q.speaker
            is_gold = bool(ps) and all(p in gold.get(stem, set()) for p in ps)
            spans.append(Span(stem, feats, is_gold, json.dumps(rec, ensure_ascii=False)))
    return spans, {s: len(gold.get(s, ())) for s in stems}


def fit(spans: list[Span], l2: float) -> dict[str, float]:
    """Weights of an L2-penalised logistic regression (keep = gold)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    names = sorted({f for s in spans for f in s.features})
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, s in enumerate(spans):
        for f in set(s.features):
            rows.append(r)
            cols.append(index[f])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(spans), len(names)))
    y = np.array([1.0 if s.gold else 0.0 for s in spans])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        ll = np.sum(y * -np.logaddexp(0.0, -z) + (1.0 - y) * -np.logaddexp(0.0, z))
        grad = x.T @ (p - y)
        return -ll + 0.5 * l2 * float(w @ w), grad + l2 * w

    res = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B")
    return {f: float(v) for f, v in zip(names, res.x) if abs(v) >= 1e-4}


def _kept(spans: list[Span], weights: dict[str, float] | None) -> list[bool]:
    if weights is None:
        return ["rule=keep" in s.features for s in spans]
    return [sum(weights.get(f, 0.0) for f in s.features) > 0.0 for s in spans]


def _f1(spans: list[Span], kept: list[bool], n_gold: int) -> float:
    tp = sum(k and s.gold for s, k in zip(spans, kept))
    n_pred = sum(kept)
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def choose_l2(
    spans: list[Span], gold_n: dict[str, int], part: Callable[[str], str], grid: list[float]
) -> float:
    """The penalty of ``grid`` with the best inner cross-validated exact F1."""
    parts = sorted({part(s.article) for s in spans})
    best, best_f1 = grid[0], -1.0
    for l2 in grid:
        tp_pred: list[Span] = []
        kept: list[bool] = []
        for p in parts:
            held = [s for s in spans if part(s.article) == p]
            w = fit([s for s in spans if part(s.article) != p], l2)
            tp_pred += held
            kept += _kept(held, w)
        n_gold = sum(n for a, n in gold_n.items() if a in {s.article for s in spans})
        f1 = _f1(tp_pred, kept, n_gold)
        if f1 > best_f1:
            best, best_f1 = l2, f1
    return best


def cross_validate(
    data: Path,
    spans: list[Span],
    gold_n: dict[str, int],
    part: Callable[[str], str],
    grid: list[float],
) -> None:
    stems = sorted(gold_n)
    model_lines: dict[str, list[str]] = {s: [] for s in stems}
    rule_lines: dict[str, list[str]] = {s: [] for s in stems}
    for s, k in zip(spans, _kept(spans, None)):
        if k:
            rule_lines[s.article].append(s.line)
    for p in sorted({part(s) for s in stems}):
        train = [s for s in spans if part(s.article) != p]
        held = [s for s in spans if part(s.article) == p]
        l2 = choose_l2(train, gold_n, part, grid)
        w = fit(train, l2)
        for s, k in zip(held, _kept(held, w)):
            if k:
                model_lines[s.article].append(s.line)
        held_stems = [s for s in stems if part(s) == p]
        print(score_subset(data, held_stems, model_lines).line(f"{p} l2={l2:g} model"))
        print(score_subset(data, held_stems, rule_lines).line(f"{p} policy"))
    print(score_subset(data, stems, model_lines).line("POOLED model"))
    print(score_subset(data, stems, rule_lines).line("POOLED policy"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--grid", default="1,3,10,30", help="L2 penalties to choose among")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    ap.add_argument("--write", action="store_true", help="write the package's weights file")
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
    grid = [float(x) for x in args.grid.split(",") if x.strip()]
    stems = sorted(p.stem for p in (data / "text").glob("*.txt") if not in_lockbox(p.stem))
    spans, gold_n = collect(data, stems)
    print(f"{len(spans)} marked spans, {sum(s.gold for s in spans)} gold, in {len(stems)} articles")
    if not args.no_cv:
        print("--- article folds (penalty by inner CV over the other folds)")
        cross_validate(data, spans, gold_n, lambda s: f"fold {fold_of(s)}", grid)
        print("--- leave-one-outlet-out (penalty by inner CV over the other outlets)")
        cross_validate(data, spans, gold_n, outlet_of, grid)
    if args.write:
        l2 = choose_l2(spans, gold_n, lambda s: f"fold {fold_of(s)}", grid)
        weights = fit(spans, l2)
        out = {
            "about": "keep-or-leave-out weights; retrain with benchmarks/train_keep.py --write",
            "l2": l2,
            "weights": {f: round(v, 3) for f, v in sorted(weights.items()) if round(v, 3)},
        }
        KEEP_WEIGHTS_FILE.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n")
        size = KEEP_WEIGHTS_FILE.stat().st_size
        print(f"wrote {KEEP_WEIGHTS_FILE} (l2={l2:g}, {len(out['weights'])} weights, {size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

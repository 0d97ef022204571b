#!/usr/bin/env python3
"""Train the learned choice of speaker on PolNeAR train (the development four fifths).

usage: python benchmarks/train_speakers.py [--data DIR] [--write] [--l2 X]

Needs the training extra (``pip install -e ".[train]"``: numpy, scipy). Runs the rules
over every development article (the lockbox fifth of :mod:`polnear_splits` is never
read), keeps for each quotation piece the candidates the rules put forward with their
features, and labels a candidate correct when the corpus scorer's speaker match
accepts it against the gold speaker of the gold quote the piece overlaps most. A
conditional logistic model (softmax over the candidates of a piece, L2-penalised) is
fitted by L-BFGS on the pieces with at least two candidates and one right.

Without ``--write`` it prints the fit; with it, it writes the weights (rounded, zeros
dropped) to the package's ``speaker_weights.json``. Cross-validated figures come from
``benchmarks/quotes_polnear.py``, which calls :func:`fit` once per fold.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from polnear_splits import in_lockbox  # noqa: E402

from tui.core.quotes import WEIGHTS_FILE, PieceTrace, find_quotes, open_choice  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-train"
L2 = 3.0


def load_scorer(data: Path) -> ModuleType:
    """The corpus's ``score.py`` as a module (its ``pieces`` and ``speaker_match``)."""
    spec = importlib.util.spec_from_file_location("polnear_score", data / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass(frozen=True, slots=True)
class Group:
    """The candidates of one piece: their features and which are right."""

    article: str
    features: list[list[str]]
    right: list[bool]


def collect(data: Path, stems: Iterable[str], scorer: ModuleType) -> list[Group]:
    """The training groups of the articles ``stems`` (never lockbox articles)."""
    wanted = set(stems)
    assert not any(in_lockbox(s) for s in wanted), "the lockbox is not for training"
    gold: dict[str, list[tuple[int, int, str | None]]] = {}
    for line in (data / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        if g["article"] in wanted:
            gold.setdefault(g["article"], []).append((g["start"], g["end"], g.get("speaker")))
    groups: list[Group] = []
    for stem in sorted(wanted):
        text = (data / "text" / f"{stem}.txt").read_bytes().decode("utf-8")
        gpieces = [
            (a, b, spk) for s, e, spk in gold.get(stem, []) for a, b in scorer.pieces(text, s, e)
        ]
        trace: list[PieceTrace] = []
        find_quotes(text, model=None, trace=trace)
        for t in trace:
            if len(t.candidates) < 2 or not any(
                "src=rule" in f and open_choice([x[4:] for x in f if x.startswith("src=")])
                for _, f in t.candidates
            ):
                continue
            best, best_ov = None, 0
            for a, b, spk in gpieces:
                ov = min(b, t.end) - max(a, t.start)
                if ov > best_ov:
                    best, best_ov = spk, ov
            if not best:
                continue
            right = [bool(scorer.speaker_match(text[x:y], best)) for (x, y), _ in t.candidates]
            if any(right):
                groups.append(Group(stem, [f for _, f in t.candidates], right))
    return groups


def fit(groups: list[Group], l2: float = L2) -> dict[str, float]:
    """Weights of a conditional logit over the candidates of each group."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    names = sorted({f for g in groups for fs in g.features for f in fs})
    index = {f: i for i, f in enumerate(names)}
    rows, cols, owner, target = [], [], [], []
    r = 0
    starts = []
    for gi, g in enumerate(groups):
        starts.append(r)
        for fs, ok in zip(g.features, g.right):
            for f in set(fs):
                rows.append(r)
                cols.append(index[f])
            owner.append(gi)
            target.append(1.0 if ok else 0.0)
            r += 1
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(names)))
    owner_a = np.array(owner)
    y = np.array(target)
    n_groups = len(groups)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        zmax = np.full(n_groups, -np.inf)
        np.maximum.at(zmax, owner_a, z)
        ez = np.exp(z - zmax[owner_a])
        den = np.bincount(owner_a, weights=ez, minlength=n_groups)
        num = np.bincount(owner_a, weights=ez * y, minlength=n_groups)
        # log-likelihood that the chosen one is among the right ones
        ll = np.sum(np.log(num) - np.log(den))
        p_all = ez / den[owner_a]
        p_right = np.where(y > 0, ez / num[owner_a], 0.0)
        grad = x.T @ (p_right - p_all)
        value = -ll + 0.5 * l2 * float(w @ w)
        return value, -grad + l2 * w

    res = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B")
    return {f: float(v) for f, v in zip(names, res.x) if abs(v) >= 1e-4}


def accuracy(groups: list[Group], weights: dict[str, float]) -> float:
    """Share of groups whose best-scored candidate is right."""
    ok = 0
    for g in groups:
        scores = [sum(weights.get(f, 0.0) for f in fs) for fs in g.features]
        ok += g.right[max(range(len(scores)), key=scores.__getitem__)]
    return ok / len(groups) if groups else 0.0


def rule_accuracy(groups: list[Group]) -> float:
    """Share of groups where the rules' pick is right."""
    ok = sum(any(r and "src=rule" in fs for fs, r in zip(g.features, g.right)) for g in groups)
    return ok / len(groups) if groups else 0.0


def write_weights(weights: dict[str, float], path: Path = WEIGHTS_FILE) -> None:
    data = {
        "about": "speaker choice weights; retrain with benchmarks/train_speakers.py --write",
        "weights": {f: round(v, 4) for f, v in sorted(weights.items()) if round(v, 4)},
    }
    path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def development_stems(data: Path) -> list[str]:
    return sorted(p.stem for p in (data / "text").glob("*.txt") if not in_lockbox(p.stem))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--write", action="store_true", help="write the package's weights file")
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "text").is_dir():
        print(f"skipped: corpus not found at {data}")
        return 0
    scorer = load_scorer(data)
    groups = collect(data, development_stems(data), scorer)
    weights = fit(groups, args.l2)
    print(
        f"{len(groups)} pieces with a choice; rules right on {rule_accuracy(groups):.3f}, "
        f"model (in sample) on {accuracy(groups, weights):.3f}; {len(weights)} weights"
    )
    if args.write:
        write_weights(weights)
        print(f"wrote {WEIGHTS_FILE} ({WEIGHTS_FILE.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How good can the learned choice of speaker be, and is it better than the rules?

usage: python benchmarks/speaker_choice_cv.py [--data DIR] [--grid 3,10,30] [--scope open|all]
                                             [--margins 0,0.5,1,2] [--contrast] [--entity]

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
import re
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
from tui.core.quotes.attribution.cues import CUE_WORDS  # noqa: E402


@dataclass(frozen=True, slots=True)
class Row:
    """One quotation piece with a gold speaker: its candidates and which are right."""

    article: str
    features: list[list[str]]
    right: list[bool]
    rule: int
    open: bool
    spans: list[tuple[int, int]]
    last_words: list[str]


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
            spans = [sp for sp, _ in t.candidates]
            last = [(text[x:y].split() or [""])[-1] for x, y in spans]
            rows.append(
                Row(
                    stem,
                    [f for _, f in t.candidates],
                    right,
                    rule,
                    open_choice(sources),
                    spans,
                    last,
                )
            )
    return rows


_DIST = {"0": 0, "25": 1, "80": 2, "200": 3, "far": 4}


def _value(fs: list[str], prefix: str) -> str:
    return next((f[len(prefix) :] for f in fs if f.startswith(prefix) and "&" not in f), "")


def contrast_features(r: Row) -> Row:
    """``r`` with features of each other candidate against the rules' pick added."""
    rf = r.features[r.rule]
    rk, rs, rd = _value(rf, "kind="), _value(rf, "side="), _value(rf, "dist=")
    rsrc = [f[4:] for f in rf if f.startswith("src=") and "&" not in f and f != "src=rule"]
    ra, rb = r.spans[r.rule]
    out: list[list[str]] = []
    for i, fs in enumerate(r.features):
        if i == r.rule:
            out.append(fs)
            continue
        k, sd, d = _value(fs, "kind="), _value(fs, "side="), _value(fs, "dist=")
        a, b = r.spans[i]
        x = ["vs", f"vs:rk={rk}&k={k}", f"vs:rs={rs}&s={sd}"]
        x += [f"vs:rsrc={src}&k={k}" for src in rsrc]
        if sd == rs:
            c = _DIST.get(d, 0) - _DIST.get(rd, 0)
            near = "nearer" if c < 0 else "farther" if c > 0 else "same_distance"
            x += [f"vs:same_side&{near}", f"vs:same_side&{near}&k={k}"]
        if a < rb and ra < b:
            x += ["vs:overlap", f"vs:overlap&k={k}"]
        if r.last_words[i] and r.last_words[i] == r.last_words[r.rule]:
            x.append("vs:same_last_word")
        out.append(fs + x)
    return Row(r.article, out, r.right, r.rule, r.open, r.spans, r.last_words)


_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z\u2019'.-]+)*")
_DOCUMENT_HEADS = frozenset(
    """ad ads sign signs headline headlines email emails statement statements tweet tweets
    poll polls report reports letter letters memo video videos post posts survey study page
    website release book article editorial slogan banner chant chants crowd audience
    campaign""".split()
)


def _key(word: str) -> str:
    return re.sub(r"[\u2019']s?$", "", word)


def _antecedent(text: str, a: int) -> str | None:
    """The last word of the nearest capitalised name in the 400 characters before ``a``
    (a single word opening a sentence is no name)."""
    last = None
    for m in _CAPITALISED_RE.finditer(text, max(0, a - 400), a):
        words = m.group().split()
        if len(words) == 1 and text[max(0, m.start() - 2) : m.start()].strip() in (
            "",
            ".",
            "\u201c",
        ):
            continue
        last = words[-1]
    return last


def entity_features(r: Row, text: str) -> Row:
    """``r`` with features of the person or thing each candidate names: a pronoun's
    antecedent (the nearest name before it) among the other candidates or the rules'
    pick, a name that a pronoun candidate stands for, the most mentioned name among
    the candidates, a head noun for a document or a crowd (``the ad``, ``a sign``), and
    a cue word right after or before the mention."""
    kinds = [_value(fs, "kind=") for fs in r.features]
    keys = [_key(w) for w in r.last_words]
    ants = {
        i: _antecedent(text, r.spans[i][0]) for i, k in enumerate(kinds) if k in ("pronoun", "who")
    }
    counts = [
        text.count(keys[i])
        if kinds[i] in ("name", "titled", "possessive") and len(keys[i]) > 2
        else 0
        for i in range(len(keys))
    ]
    most = max(counts, default=0)
    out: list[list[str]] = []
    for i, fs in enumerate(r.features):
        a, b = r.spans[i]
        x: list[str] = []
        if i in ants:
            an = ants[i]
            if an is None:
                x.append("e:no_antecedent")
            elif any(j != i and keys[j] == an for j in range(len(keys))):
                x.append("e:antecedent_is_candidate")
                if i != r.rule and keys[r.rule] == an:
                    x.append("e:antecedent_is_rule_pick")
        elif keys[i] and keys[i] in ants.values():
            x.append("e:a_pronoun_stands_for_it")
        if counts[i] and counts[i] == most:
            x += ["e:most_mentioned", f"e:most_mentioned&k={kinds[i]}"]
        head = (text[a:b].split() or [""])[-1].lower().strip(".,\u2019'")
        if head in _DOCUMENT_HEADS:
            x += ["e:document_head", f"e:document_head&k={kinds[i]}"]
        if any(w.strip(".,:;").lower() in CUE_WORDS for w in text[b : b + 30].split()[:2]):
            x += ["e:cue_follows", f"e:cue_follows&k={kinds[i]}"]
        if any(w.strip(".,:;").lower() in CUE_WORDS for w in text[max(0, a - 30) : a].split()[-2:]):
            x += ["e:cue_precedes", f"e:cue_precedes&k={kinds[i]}"]
        out.append(fs + x)
    return Row(r.article, out, r.right, r.rule, r.open, r.spans, r.last_words)


def _groups(rows: list[Row], scope: str) -> list[Group]:
    return [
        Group(r.article, r.features, r.right)
        for r in rows
        if len(r.right) > 1 and any(r.right) and (r.open or scope == "all")
    ]


Outcome = tuple[bool, bool, float]
"""For a piece: the rules' pick right, the model's best right, and by how much the
best outscores the rules' pick (0 where the model may not decide)."""


def _outcomes(rows: list[Row], weights: dict[str, float], scope: str) -> list[Outcome]:
    out: list[Outcome] = []
    for r in rows:
        if len(r.right) > 1 and (r.open or scope == "all"):
            scores = [sum(weights.get(f, 0.0) for f in fs) for fs in r.features]
            best = max(range(len(scores)), key=scores.__getitem__)
            out.append((r.right[r.rule], r.right[best], scores[best] - scores[r.rule]))
        else:
            out.append((r.right[r.rule], r.right[r.rule], 0.0))
    return out


def _ok(outcomes: list[Outcome], margin: float) -> int:
    """Right picks when the model overrides the rules only above ``margin``."""
    return sum(best if by > margin else rule for rule, best, by in outcomes)


def _cv_outcomes(
    rows: list[Row], part: Callable[[str], str], l2: float, scope: str
) -> list[Outcome]:
    """The outcomes of ``rows``, each part held out in turn."""
    out: list[Outcome] = []
    for p in sorted({part(r.article) for r in rows}):
        train = [r for r in rows if part(r.article) != p]
        held = [r for r in rows if part(r.article) == p]
        out += _outcomes(held, fit(_groups(train, scope), l2), scope)
    return out


def nested(
    rows: list[Row],
    part: Callable[[str], str],
    grid: list[float],
    scope: str,
    margins: list[float],
) -> tuple[int, int]:
    model = rules = 0
    for p in sorted({part(r.article) for r in rows}):
        train = [r for r in rows if part(r.article) != p]
        held = [r for r in rows if part(r.article) == p]
        inner = {l2: _cv_outcomes(train, part, l2, scope) for l2 in grid}
        _, l2, margin = max((_ok(inner[x], m), x, m) for x in grid for m in margins)
        outcomes = _outcomes(held, fit(_groups(train, scope), l2), scope)
        m, r = _ok(outcomes, margin), sum(o[0] for o in outcomes)
        print(
            f"  {p:<14} l2={l2:<5g} margin={margin:<4g} "
            f"model {m / len(held):.4f}  rules {r / len(held):.4f}"
        )
        model, rules = model + m, rules + r
    n = len(rows)
    print(f"  POOLED         model {model / n:.4f} ({model}/{n})  rules {rules / n:.4f}")
    return model, rules


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--grid", default="3,10,30", help="L2 penalties to choose among")
    ap.add_argument(
        "--scope", choices=("open", "all"), default="open", help="pieces the model may decide"
    )
    ap.add_argument("--margins", default="0", help="override margins the inner CV chooses among")
    ap.add_argument("--contrast", action="store_true", help="add features against the rules' pick")
    ap.add_argument(
        "--entity", action="store_true", help="add features of who or what a candidate names"
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
    margins = [float(x) for x in args.margins.split(",") if x.strip()]
    if args.entity:
        texts = {
            a: (data / "text" / f"{a}.txt").read_bytes().decode("utf-8")
            for a in {r.article for r in rows}
        }
        rows = [entity_features(r, texts[r.article]) for r in rows]
    if args.contrast:
        rows = [contrast_features(r) for r in rows]
    how = f"scope {args.scope}, margins {args.margins}"
    how += (", contrast" if args.contrast else "") + (", entity" if args.entity else "")
    print(f"--- nested CV, article folds ({how})")
    nested(rows, lambda s: f"fold {fold_of(s)}", grid, args.scope, margins)
    print(f"--- nested CV, leave-one-outlet-out ({how})")
    nested(rows, outlet_of, grid, args.scope, margins)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Run the quote engine over the PolNeAR train split and score it, honestly.

usage: python benchmarks/quotes_polnear.py [--data DIR] [--errors N] [--out FILE]
                                           [--no-cv] [--lockbox] [--repeat N]

Reads ``DIR/text/*.txt`` (default: ``../shared/data/polnear-train`` relative to the
repository root) and prints, with the folder's own ``score.py``:

1. the figures on all 840 articles with the shipped engine (for continuity; the
   shipped model was trained on the development four fifths, so these are partly in
   sample);
2. **cross-validated** figures (the headline ones; needs the ``train`` extra): the
   development articles (all but the lockbox fifth, :mod:`polnear_splits`) in five
   article folds, and leave-one-outlet-out; in each, the speaker model is trained on
   the other folds (outlets) and scores the held-out one, and the rules alone are
   scored on the same articles beside it;
3. with ``--lockbox``, the lockbox fifth, scored once a piece of work is finished: the
   shipped model and the rules alone. Never look at its errors: ``--errors`` lists
   the mistakes of the development articles only;
4. the time per article (mean, median, p95, in milliseconds; in-process, one core)
   with the shipped model and with the rules alone, measured in the same run.

Exits 0 with a "skipped" message when the corpus is not there.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from polnear_splits import (  # noqa: E402
    FOLDS,
    Figures,
    fold_of,
    in_lockbox,
    outlet_of,
    score_subset,
)

from tui.core.quotes import SpeakerModel, default_model, find_quotes  # noqa: E402


def _lines(stem: str, text: str, model: SpeakerModel | None) -> list[str]:
    return [
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
        for q in find_quotes(text, model=model)
    ]


def _timed(texts: dict[str, str], model: SpeakerModel | None, repeat: int) -> list[float]:
    times: list[float] = []
    for text in texts.values():
        best = float("inf")
        for _ in range(max(1, repeat)):
            t0 = time.perf_counter()
            find_quotes(text, model=model)
            best = min(best, time.perf_counter() - t0)
        times.append(best * 1000.0)
    times.sort()
    return times


def _time_line(label: str, times: list[float]) -> str:
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return (
        f"{label}: mean={statistics.fmean(times):.3f} ms median={statistics.median(times):.3f} "
        f"ms p95={p95:.3f} ms max={times[-1]:.3f} ms"
    )


def _cross_validate(data: Path, texts: dict[str, str], rules: dict[str, list[str]]) -> None:
    try:
        from train_speakers import collect, fit, load_scorer
    except ImportError as ex:  # pragma: no cover - depends on the extra
        print(f"cross-validation skipped: {ex} (pip install -e '.[train]')")
        return
    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
    except ImportError:
        print("cross-validation skipped: needs numpy and scipy (pip install -e '.[train]')")
        return
    dev = [s for s in texts if not in_lockbox(s)]
    groups = collect(data, dev, load_scorer(data))
    splits: list[tuple[str, dict[str, list[str]]]] = [
        ("article folds", {f"fold {f}": [s for s in dev if fold_of(s) == f] for f in range(FOLDS)}),
        (
            "leave-one-outlet-out",
            {o: [s for s in dev if outlet_of(s) == o] for o in sorted({outlet_of(s) for s in dev})},
        ),
    ]
    for title, parts in splits:
        print(f"--- cross-validated, {title} (model trained without the held-out part)")
        pooled: dict[str, list[str]] = {}
        for name, held in parts.items():
            held_set = set(held)
            weights = fit([g for g in groups if g.article not in held_set])
            model = SpeakerModel(weights)
            for stem in held:
                pooled[stem] = _lines(stem, texts[stem], model)
            f_model = score_subset(data, held, pooled)
            f_rules = score_subset(data, held, rules)
            print(f_model.line(f"{name} model"))
            print(f_rules.line(f"{name} rules"))
        print(score_subset(data, dev, pooled).line("POOLED model"))
        print(score_subset(data, dev, rules).line("POOLED rules"))


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear-train"))
    ap.add_argument(
        "--errors", type=int, default=0, help="list N mistakes (development articles only)"
    )
    ap.add_argument("--out", default=None, help="where to write the predictions JSONL")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    ap.add_argument("--lockbox", action="store_true", help="score the lockbox fifth (rarely)")
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

    texts = {f.stem: f.read_bytes().decode("utf-8") for f in sorted(text_dir.glob("*.txt"))}
    shipped = default_model()
    print(f"speaker model: {'shipped weights' if shipped else 'none (rules alone)'}")
    preds = {stem: _lines(stem, text, shipped) for stem, text in texts.items()}
    rules = {stem: _lines(stem, text, None) for stem, text in texts.items()}
    lines = [line for stem in texts for line in preds[stem]]
    out = Path(args.out or Path(tempfile.gettempdir()) / "seedtui_quotes_polnear.jsonl")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    res = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(out)], capture_output=True, text=True
    )
    sys.stdout.write(res.stdout)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        return res.returncode
    print(f"predictions: {out} ({len(lines)} quotes in {len(texts)} articles)")

    dev = [s for s in texts if not in_lockbox(s)]
    print(f"--- development set ({len(dev)} articles; lockbox {len(texts) - len(dev)} kept aside)")
    print(score_subset(data, dev, preds).line("dev shipped model"))
    print(score_subset(data, dev, rules).line("dev rules alone"))
    if not args.no_cv:
        _cross_validate(data, texts, rules)
    if args.lockbox:
        box = [s for s in texts if in_lockbox(s)]
        kind = "shipped model trained without them" if shipped else "no weights shipped: rules"
        print(f"--- LOCKBOX ({len(box)} articles; {kind})")
        print(score_subset(data, box, preds).line("lockbox model"))
        print(score_subset(data, box, rules).line("lockbox rules"))
    if args.errors:
        _dev_errors(data, dev, preds, args.errors)

    timed = _timed(texts, shipped, args.repeat)
    base = _timed(texts, None, args.repeat)
    runs = max(1, args.repeat)
    print(_time_line(f"time per article, model (best of {runs}, in-process, one core)", timed))
    print(_time_line(f"time per article, rules alone (best of {runs})", base))
    print(f"model / rules mean time: {statistics.fmean(timed) / statistics.fmean(base):.2f}")
    return 0


def _dev_errors(data: Path, dev: list[str], preds: dict[str, list[str]], n: int) -> None:
    """The scorer's error listing on the development articles (never the lockbox)."""
    keep = set(dev)
    with tempfile.TemporaryDirectory(prefix="seedtui-polnear-") as tmp:
        root = Path(tmp)
        (root / "text").mkdir()
        for stem in dev:
            (root / "text" / f"{stem}.txt").symlink_to((data / "text" / f"{stem}.txt").resolve())
        gold = [
            line
            for line in (data / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line)["article"] in keep
        ]
        (root / "gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
        lines = [line for stem in dev for line in preds[stem]]
        (root / "pred.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = [sys.executable, str(data / "score.py"), str(root / "gold.jsonl")]
        cmd += [str(root / "pred.jsonl"), "--text-dir", str(root / "text"), "--errors", str(n)]
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        sys.stdout.write(res.stdout)


__all__ = ["Figures"]

if __name__ == "__main__":
    sys.exit(main())

"""Honest measurement on PolNeAR train: a lockbox fifth, article folds, outlets.

Every split is a function of the file name alone, so anyone gets the same ones:

* the **lockbox** is the fifth of the articles whose SHA-256 of ``"lockbox:" + stem``
  is 0 modulo 5. Its errors are never read; it is scored only when a piece of work is
  finished (``quotes_polnear.py --lockbox``);
* the other articles form the **development** set, cut into five **article folds**
  by the SHA-256 of ``"fold:" + stem`` modulo 5;
* the **outlet** of an article is its file name's prefix before the first ``_``
  (``breitbart``, ``nyt``, ...); leave-one-outlet-out holds out one outlet at a time.

:func:`score_subset` runs the corpus's own ``score.py`` on a subset of articles (a
temporary folder of links to their texts and the matching gold lines) and parses its
figures.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FOLDS = 5


def _bucket(salt: str, stem: str, n: int) -> int:
    return int(hashlib.sha256(f"{salt}:{stem}".encode()).hexdigest(), 16) % n


def in_lockbox(stem: str) -> bool:
    """Whether the article ``stem`` is in the lockbox fifth."""
    return _bucket("lockbox", stem, 5) == 0


def fold_of(stem: str) -> int:
    """The article fold (0..4) of a development article."""
    return _bucket("fold", stem, FOLDS)


def outlet_of(stem: str) -> str:
    """The outlet of an article: its file name's prefix."""
    return stem.split("_", 1)[0]


@dataclass(frozen=True, slots=True)
class Figures:
    """The scorer's figures for one set of articles."""

    articles: int
    exact_p: float
    exact_r: float
    exact_f1: float
    speaker_ok: int
    speaker_n: int
    attributed_f1: float

    @property
    def speaker_acc(self) -> float:
        return self.speaker_ok / self.speaker_n if self.speaker_n else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<22} n={self.articles:>3}  exact P={self.exact_p:.3f} R={self.exact_r:.3f} "
            f"F1={self.exact_f1:.3f}  speaker={self.speaker_acc:.3f} "
            f"({self.speaker_ok}/{self.speaker_n})  attributed F1={self.attributed_f1:.3f}"
        )


_EXACT_RE = re.compile(r"exact\s+match: P=([\d.]+) R=([\d.]+) F1=([\d.]+)")
_SPEAKER_RE = re.compile(r"speaker accuracy on overlap-matched .*?: [\d.]+ \((\d+)/(\d+)\)")
_ATTR_RE = re.compile(r"attributed quotes .* F1=([\d.]+)")


def score_subset(data: Path, stems: Iterable[str], pred_lines: dict[str, list[str]]) -> Figures:
    """Score the predictions (JSON lines per article stem) of the articles ``stems``."""
    keep = sorted(set(stems))
    wanted = set(keep)
    with tempfile.TemporaryDirectory(prefix="seedtui-polnear-") as tmp:
        root = Path(tmp)
        text_dir = root / "text"
        text_dir.mkdir()
        for stem in keep:
            (text_dir / f"{stem}.txt").symlink_to((data / "text" / f"{stem}.txt").resolve())
        gold_lines = [
            line
            for line in (data / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line)["article"] in wanted
        ]
        (root / "gold.jsonl").write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
        preds = [line for stem in keep for line in pred_lines.get(stem, [])]
        (root / "pred.jsonl").write_text("\n".join(preds) + "\n", encoding="utf-8")
        cmd = [
            sys.executable,
            str(data / "score.py"),
            str(root / "gold.jsonl"),
            str(root / "pred.jsonl"),
            "--text-dir",
            str(text_dir),
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    ex, sp, at = _EXACT_RE.search(out), _SPEAKER_RE.search(out), _ATTR_RE.search(out)
    if ex is None or sp is None or at is None:
        raise RuntimeError(f"unexpected scorer output:\n{out}")
    return Figures(
        len(keep),
        float(ex.group(1)),
        float(ex.group(2)),
        float(ex.group(3)),
        int(sp.group(1)),
        int(sp.group(2)),
        float(at.group(1)),
    )

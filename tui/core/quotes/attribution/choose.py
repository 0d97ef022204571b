"""The learned choice of speaker among the candidates the rules put forward.

Each candidate of a piece is described by binary features (:mod:`.features`); a
conditional logistic model (one weight per feature, the candidate with the highest
sum wins) picks one. The weights are a small JSON file next to this module,
``speaker_weights.json``, written by ``benchmarks/train_speakers.py`` and read once,
lazily, on first use. Scoring is plain Python: a sum of dictionary look-ups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tui.core.quotes.attribution.candidates import Candidate, Pool
from tui.core.quotes.attribution.features import candidate_features, rank_features
from tui.core.quotes.attribution.found import Found
from tui.core.quotes.attribution.mentions import sentence_names, sentence_pronouns
from tui.core.quotes.attribution.paragraphs import Piece

WEIGHTS_FILE = Path(__file__).with_name("speaker_weights.json")


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """Feature weights of the speaker choice."""

    weights: dict[str, float]

    def score(self, features: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in features)

    @classmethod
    def from_json(cls, data: object) -> SpeakerModel:
        """A model from the parsed weights file (``{"weights": {feature: weight}}``)."""
        if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
            raise ValueError("speaker weights: expected an object with a 'weights' object")
        return cls({str(k): float(v) for k, v in data["weights"].items()})


class Default:
    """The type of :data:`DEFAULT`: use the shipped model."""


DEFAULT = Default()

_loaded: list[SpeakerModel | None] = []


def default_model() -> SpeakerModel | None:
    """The shipped model, read on first use; None (the rules alone) if it is missing
    or unreadable."""
    if not _loaded:
        try:
            data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
            _loaded.append(SpeakerModel.from_json(data))
        except (OSError, ValueError):
            _loaded.append(None)
    return _loaded[0]


EXPLICIT = frozenset(
    {"after", "before", "passive", "according", "in_sentence", "lead_in", "signed"}
)
"""Sources that read a speaker from a pattern next to the quote."""


def open_choice(rule_sources: list[str]) -> bool:
    """Whether the model may override the rules' pick (put forward by ``rule_sources``):
    only where no pattern next to the quote read it, i.e. where the rules guessed."""
    return EXPLICIT.isdisjoint(rule_sources)


@dataclass(frozen=True, slots=True)
class PieceTrace:
    """What the choice saw for one piece: its span, and each candidate's speaker span
    and features (the rules' pick among them marked by the feature ``rule``)."""

    start: int
    end: int
    candidates: list[tuple[tuple[int, int], list[str]]]


def choose(
    text: str,
    pieces: list[Piece],
    found: list[Found | None],
    pool: Pool,
    model: SpeakerModel | None,
    trace: list[PieceTrace] | None = None,
) -> list[Found | None]:
    """The chosen speaker of each piece (``found`` holds the rules' picks)."""
    out = list(found)
    for k, f in enumerate(found):
        pool.note(k, "rule", f)
        if k > 0 and found[k - 1] is not None:
            prev = found[k - 1]
            assert prev is not None
            if pieces[k][3] - pieces[k - 1][4] <= 2:  # same or the next paragraph
                pool.note(k, "previous_quote", Found(prev.speaker, prev.cue, True, 1))
    for k, cands in enumerate(pool.by_piece):
        rule = found[k]
        if rule is None:
            continue  # no speaker is the rules' call
        open_ = open_choice(cands[rule.speaker].sources)
        if trace is None and (model is None or not open_):
            continue
        for span in sentence_names(text, pieces, k):
            if span not in cands:
                pool.note(k, "name", Found(span, None, True, 1))
        for span in sentence_pronouns(text, pieces, k):
            if span not in cands:
                pool.note(k, "pronoun", Found(span, None, True, 1))
        listed: list[Candidate] = list(cands.values())
        feats = [candidate_features(text, pieces, k, c, len(listed)) for c in listed]
        for fs, extra in zip(feats, rank_features(text, pieces, k, listed)):
            fs.extend(extra)
        if trace is not None:
            trace.append(
                PieceTrace(
                    pieces[k][0],
                    pieces[k][1],
                    [(c.found.speaker, fs) for c, fs in zip(listed, feats)],
                )
            )
        if model is None or len(listed) == 1 or not open_:
            continue
        best = max(range(len(listed)), key=lambda x: model.score(feats[x]))
        c = listed[best]
        if "rule" not in c.sources:
            out[k] = Found(c.found.speaker, c.found.cue, c.found.guessed, c.found.strength)
    return out

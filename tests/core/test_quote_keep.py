"""The learned keep-or-leave-out decision of marked spans (:mod:`tui.core.quotes.keep`):
its features, its override of the policy, and its weights file.

All article texts here are invented for the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.quotes import find_quotes
from tui.core.quotes import keep as keep_mod
from tui.core.quotes.keep import KeepModel

# a title-case show name nobody is said to say: the policy leaves it out
TITLE = "The mayor went on \u201cMorning Harbor\u201d and spoke about the levy.\n"
# a scare quote in a sentence without a verb of saying: the policy keeps it
SCARE = "The levy is \u201ca long and winding tax on the poor\u201d in the eyes of many farmers.\n"
MARKUP = 'The embed had author="Ana Ruiz of the valley council" in it.\n'


def _features(text: str) -> list[str]:
    trace: list[tuple[int, int, list[str]]] = []
    find_quotes(text, model=None, keep_model=None, keep_trace=trace)
    (one,) = trace
    return one[2]


def test_the_policy_alone_decides_without_a_model() -> None:
    assert find_quotes(TITLE, model=None, keep_model=None) == []
    assert len(find_quotes(SCARE, model=None, keep_model=None)) == 1


def test_features_describe_the_span_and_the_policys_decision() -> None:
    title = _features(TITLE)
    assert {"rule=drop", "shape=title", "size=2", "before=preposition"} <= set(title)
    assert "saying_in_sentence=False" in title
    scare = _features(SCARE)
    assert {"rule=keep", "shape=lower", "size=12"} <= set(scare)
    said = _features("Ana Ruiz said the levy was \u201cnot fair at all\u201d on Monday.\n")
    assert "saying_in_sentence=True" in said


def test_features_hold_no_words_of_the_quotation() -> None:
    for f in _features(TITLE) + _features(SCARE):
        assert "harbor" not in f.lower() and "winding" not in f.lower()


def test_a_model_overrules_the_policy_both_ways() -> None:
    keep_title = KeepModel({"bias": -1.0, "shape=title": 5.0})
    (q,) = find_quotes(TITLE, model=None, keep_model=keep_title)
    assert TITLE[q.start : q.end] == "\u201cMorning Harbor\u201d"
    drop_lower = KeepModel({"bias": 1.0, "shape=lower": -5.0})
    assert find_quotes(SCARE, model=None, keep_model=drop_lower) == []


def test_markup_debris_is_never_kept_and_keep_all_keeps_everything() -> None:
    always = KeepModel({"bias": 10.0})
    assert find_quotes(MARKUP, model=None, keep_model=always) == []
    never = KeepModel({"bias": -10.0})
    assert len(find_quotes(SCARE, model=None, keep_model=never, keep_all=True)) == 1


def test_weights_file_is_read_once_and_a_bad_one_means_the_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "keep.json"
    good.write_text(json.dumps({"weights": {"bias": -2}}), encoding="utf-8")
    monkeypatch.setattr(keep_mod, "KEEP_WEIGHTS_FILE", good)
    monkeypatch.setattr(keep_mod, "_loaded", [])
    model = keep_mod.default_keep_model()
    assert model is not None and model.weights == {"bias": -2.0}
    assert find_quotes(SCARE, model=None) == []  # the default is the shipped model
    good.unlink()
    assert keep_mod.default_keep_model() is model
    bad = tmp_path / "bad.json"
    bad.write_text('{"weights": 3}', encoding="utf-8")
    monkeypatch.setattr(keep_mod, "KEEP_WEIGHTS_FILE", bad)
    monkeypatch.setattr(keep_mod, "_loaded", [])
    assert keep_mod.default_keep_model() is None

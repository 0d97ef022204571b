"""The learned choice of speaker: candidates, the model's override, its weights file,
and the cache key that covers it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.cache.keys import source_files
from tui.core.quotes import PieceTrace, SpeakerModel, find_quotes, mention_kind
from tui.core.quotes.attribution import choose

GUESSED = (
    "Ana Ruiz spoke after Kai Brand left the hall on Monday and the "
    "\u201creckless spending plan of the year\u201d was the topic.\n"
)
EXPLICIT = (
    "Ana Ruiz said the vote was close.\n\n"
    "\u201cWe will win the vote next week for sure,\u201d Kai Brand told Lia Moss.\n"
)


def test_rules_alone_guess_the_sentence_subject() -> None:
    (q,) = find_quotes(GUESSED, model=None)
    assert (q.speaker, q.guessed) == ("Ana Ruiz", True)


def test_a_model_may_override_a_guess_with_another_name_of_the_sentence() -> None:
    (q,) = find_quotes(GUESSED, model=SpeakerModel({"src=name": 10.0}))
    assert q.speaker == "Kai Brand"


def test_a_model_never_overrides_a_speaker_read_next_to_the_quote() -> None:
    (q,) = find_quotes(EXPLICIT, model=SpeakerModel({"src=name": 10.0, "src=rule": -10.0}))
    assert q.speaker == "Kai Brand"
    trace: list[PieceTrace] = []
    find_quotes(EXPLICIT, model=None, trace=trace)
    assert "Lia Moss" in {EXPLICIT[a:b] for (a, b), _ in trace[0].candidates}


def test_the_trace_lists_every_candidate_with_the_rules_pick_marked() -> None:
    trace: list[PieceTrace] = []
    find_quotes(GUESSED, model=None, trace=trace)
    (piece,) = trace
    mentions = {GUESSED[a:b]: feats for (a, b), feats in piece.candidates}
    assert {"Ana Ruiz", "Kai Brand"} <= set(mentions)
    assert "src=rule" in mentions["Ana Ruiz"] and "src=rule" not in mentions["Kai Brand"]
    assert "src=name" in mentions["Kai Brand"]
    assert "side=before" in mentions["Kai Brand"]


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("he", "pronoun"),
        ("who", "who"),
        ("Mr. Blair", "titled"),
        ("Sir John Bourn", "titled"),
        ("Cherie Blair", "name"),
        ("the council", "phrase"),
        ("The council", "phrase"),
        ("Trump\u2019s", "possessive"),
    ],
)
def test_mention_kinds(mention: str, kind: str) -> None:
    assert mention_kind(mention) == kind


def test_weights_file_is_read_once_and_a_bad_one_means_rules_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"weights": {"src=name": 1.5}}), encoding="utf-8")
    monkeypatch.setattr(choose, "WEIGHTS_FILE", good)
    monkeypatch.setattr(choose, "_loaded", [])
    model = choose.default_model()
    assert model is not None and model.weights == {"src=name": 1.5}
    good.unlink()
    assert choose.default_model() is model  # read once
    bad = tmp_path / "bad.json"
    bad.write_text('{"weights": [1, 2]}', encoding="utf-8")
    monkeypatch.setattr(choose, "WEIGHTS_FILE", bad)
    monkeypatch.setattr(choose, "_loaded", [])
    assert choose.default_model() is None
    monkeypatch.setattr(choose, "WEIGHTS_FILE", tmp_path / "missing.json")
    monkeypatch.setattr(choose, "_loaded", [])
    assert choose.default_model() is None


def test_the_cache_key_covers_data_files_of_the_quote_folder(tmp_path: Path) -> None:
    (tmp_path / "quotes" / "attribution").mkdir(parents=True)
    code = tmp_path / "quotes" / "find.py"
    weights = tmp_path / "quotes" / "attribution" / "speaker_weights.json"
    code.write_text("x = 1\n", encoding="utf-8")
    weights.write_text("{}\n", encoding="utf-8")
    (tmp_path / "quotes" / "notes.txt").write_text("not behaviour\n", encoding="utf-8")
    assert source_files(("quotes",), core=tmp_path) == sorted([code, weights])


PRONOUN = (
    "Kai Brand said she had seen the \u201creckless spending plan of the year\u201d "
    "long before the vote.\n"
)


def test_pronouns_of_the_sentence_are_candidates_with_their_place() -> None:
    trace: list[PieceTrace] = []
    find_quotes(PRONOUN, model=None, trace=trace)
    (piece,) = trace
    mentions = {PRONOUN[a:b]: feats for (a, b), feats in piece.candidates}
    assert "src=rule" in mentions["Kai Brand"]
    assert "src=pronoun" in mentions["she"]
    assert "sentence_initial" in mentions["Kai Brand"]
    assert "sentence_initial" not in mentions["she"]
    assert "nearest_before" in mentions["she"]
    assert "nearest_before" not in mentions["Kai Brand"]
    assert "nearest_of_kind_before" in mentions["Kai Brand"]  # the nearest non-pronoun


TWO_QUOTES = (
    "Ana Ruiz spoke after the \u201cletter Kai Brand said she wrote\u201d was read and the "
    "\u201creckless spending plan of the year\u201d was the topic for Lia Moss.\n"
)


def test_names_and_pronouns_inside_a_quotation_are_no_candidates_of_another() -> None:
    trace: list[PieceTrace] = []
    find_quotes(TWO_QUOTES, model=None, trace=trace)
    _first, second = trace
    quoted = [(p.start, p.end) for p in trace]
    for piece in trace:
        for (a, b), feats in piece.candidates:
            inside = any(s <= a < e for s, e in quoted)
            assert not (inside and ({"src=name", "src=pronoun"} & set(feats))), TWO_QUOTES[a:b]
    names = {TWO_QUOTES[a:b] for (a, b), feats in second.candidates if "src=name" in feats}
    assert names == {"Lia Moss"}  # the name after the quote, not Kai Brand inside the first

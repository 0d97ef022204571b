"""The search box's query history: recording, walking with a filter, and persistence."""

from __future__ import annotations

from pathlib import Path

from tui.core.state import QueryHistory, load_state, save_state
from tui.core.state.queries import LIMIT


def test_adding_moves_a_repeat_to_the_newest_and_skips_blanks() -> None:
    history = QueryHistory()
    for query in ("bridge", "grain", "  ", "bridge "):
        history.add(query)
    assert history.entries == ["grain", "bridge"]


def test_the_history_is_bounded() -> None:
    history = QueryHistory()
    for number in range(LIMIT + 5):
        history.add(f"q{number}")
    assert len(history.entries) == LIMIT and history.entries[0] == "q5"


def test_walking_back_and_forth_returns_to_what_was_typed() -> None:
    history = QueryHistory(["bridge", "grain talks", "comet"])
    assert history.older("") == "comet"
    assert history.older("") == "grain talks"
    assert history.older("") == "bridge"
    assert history.older("") is None  # the oldest: the walk stays there
    assert history.newer() == "grain talks"
    assert history.newer() == "comet"
    assert history.newer() == ""  # past the newest: the typed text, walk over
    assert not history.walking and history.newer() is None


def test_the_typed_text_filters_the_walk_ignoring_case() -> None:
    history = QueryHistory(["Grain talks", "bridge", "grain", "comet"])
    assert history.older("GRAIN") == "Grain talks"  # "grain" itself is what is typed
    assert history.older("ignored while walking") is None
    assert history.newer() == "GRAIN"
    assert history.older("zzz") is None and not history.walking


def test_queries_survive_saving_and_loading(tmp_path: Path) -> None:
    state, _ = load_state(tmp_path)
    state.for_corpus(tmp_path).queries.extend(["bridge", "comet"])
    save_state(tmp_path, state)
    again, warning = load_state(tmp_path)
    assert warning is None and again.for_corpus(tmp_path).queries == ["bridge", "comet"]

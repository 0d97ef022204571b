"""Remembered state: round trip, atomic writes, corrupt files set aside; history; clipboard."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from tui.core.clipboard import citation, clipboard_sequence, osc52, screen_passthrough
from tui.core.state.history import History
from tui.core.state.store import STATE_FILE, Bookmark, State, load_state, save_state


def test_round_trip(tmp_path: Path) -> None:
    state = State(theme="nord")
    corpus = state.for_corpus(tmp_path / "corpus")
    corpus.last_article = "world/a"
    corpus.positions["world/a"] = 120
    corpus.bookmarks.append(Bookmark("world/a", 10, 50, "A title", 1.0))
    save_state(tmp_path / "state", state)
    loaded, warning = load_state(tmp_path / "state")
    assert warning is None
    assert loaded == state
    assert [p.name for p in (tmp_path / "state").iterdir()] == [STATE_FILE]  # no temp left


def test_missing_file_is_a_fresh_state(tmp_path: Path) -> None:
    assert load_state(tmp_path) == (State(), None)


def test_corrupt_file_is_set_aside_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text('{"version": 1, "corpora": {"x": {"positions": 5', "utf-8")
    state, warning = load_state(tmp_path)
    assert state == State()
    assert warning is not None and "corrupt" in warning
    assert not (tmp_path / STATE_FILE).exists()
    assert len(list(tmp_path.glob(f"{STATE_FILE}.corrupt-*"))) == 1


def test_foreign_json_is_not_trusted(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 99}), "utf-8")
    state, warning = load_state(tmp_path)
    assert state == State() and warning is not None


def test_history_back_forward_and_branching() -> None:
    history = History()
    for article in ("a", "b", "c"):
        history.visit(article)
    history.visit("c")  # the same again changes nothing
    assert history.entries == ["a", "b", "c"]
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b"
    history.visit("d")  # drops "c"
    assert history.entries == ["a", "b", "d"] and history.forward() is None


def test_osc52_plain_tmux_and_screen() -> None:
    text = "“Quote” – café"
    plain = osc52(text)
    assert plain.startswith("\x1b]52;c;") and plain.endswith("\x07")
    assert base64.b64decode(plain[7:-1]).decode("utf-8") == text
    assert clipboard_sequence(text, {}) == plain
    tmux = clipboard_sequence(text, {"TMUX": "/tmp/tmux-0/default,1,0"})
    assert tmux.startswith(plain)
    wrapped = tmux[len(plain) :]
    assert wrapped.startswith("\x1bPtmux;\x1b\x1b]52;c;") and wrapped.endswith("\x07\x1b\\")
    long = "x" * 2000
    screen = clipboard_sequence(long, {"STY": "1234.pts-0"})
    assert screen == screen_passthrough(osc52(long))
    assert screen.count("\x1bP") == -(-len(osc52(long)) // 768)


def test_citation() -> None:
    text = citation(
        "“We will ask them,”\n he added.",
        "Bridge closes",
        "2025-03-14",
        "world/bridge",
        "Tomas Reyes",
    )
    assert text == (
        "“We will ask them,” he added. — Tomas Reyes\n(Bridge closes, 2025-03-14; world/bridge)"
    )
    assert citation("x", "T", None, "id") == "x\n(T; id)"

"""What is remembered between runs: positions, bookmarks, the theme, history, queries."""

from __future__ import annotations

from tui.core.state.history import History
from tui.core.state.merge import merge_corpus, state_lock
from tui.core.state.queries import QueryHistory
from tui.core.state.store import (
    POSITIONS_KEPT,
    STATE_FILE,
    Bookmark,
    CorpusState,
    State,
    default_state_dir,
    load_state,
    save_state,
)

__all__ = [
    "POSITIONS_KEPT",
    "Bookmark",
    "CorpusState",
    "History",
    "QueryHistory",
    "STATE_FILE",
    "State",
    "default_state_dir",
    "load_state",
    "merge_corpus",
    "save_state",
    "state_lock",
]

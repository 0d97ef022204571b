"""What is remembered between runs: positions, bookmarks, the theme, history, queries."""

from __future__ import annotations

from tui.core.state.history import History
from tui.core.state.queries import QueryHistory
from tui.core.state.store import (
    STATE_FILE,
    Bookmark,
    CorpusState,
    State,
    default_state_dir,
    load_state,
    save_state,
)

__all__ = [
    "Bookmark",
    "CorpusState",
    "History",
    "QueryHistory",
    "STATE_FILE",
    "State",
    "default_state_dir",
    "load_state",
    "save_state",
]

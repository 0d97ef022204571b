"""What seedtui remembers between runs: positions, the last article, bookmarks, queries, theme.

State is one JSON file under the user's data folder. It is written atomically
(a temporary file in the same folder, then a rename), so a crash or a second
seedtui never leaves half a file; a corrupt or foreign file is set aside with a
warning and a fresh state is used. Plain ``load_state``/``save_state`` functions.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tui.core.atomic import atomic_write

STATE_VERSION = 1
STATE_FILE = "state.json"


@dataclass(slots=True)
class Bookmark:
    """A bookmarked passage (or a whole article when ``start == end == 0``)."""

    article: str
    start: int
    end: int
    title: str = ""
    created: float = 0.0


@dataclass(slots=True)
class CorpusState:
    """What is remembered about one corpus folder."""

    last_article: str | None = None
    positions: dict[str, int] = field(default_factory=dict)
    """Article id to the offset of the first line shown in the reader."""
    bookmarks: list[Bookmark] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    """The search box's history, oldest first."""
    read: list[str] = field(default_factory=list)
    """Ids of the articles opened in the reader, in the order first read."""


@dataclass(slots=True)
class State:
    """Everything remembered, for every corpus folder."""

    theme: str | None = None
    corpora: dict[str, CorpusState] = field(default_factory=dict)

    def for_corpus(self, root: Path) -> CorpusState:
        """The state of the corpus at ``root`` (created empty when new)."""
        key = str(root.resolve())
        if key not in self.corpora:
            self.corpora[key] = CorpusState()
        return self.corpora[key]


def default_state_dir() -> Path:
    """The user's data folder for seedtui (``$SEEDTUI_STATE_DIR`` overrides it)."""
    override = os.environ.get("SEEDTUI_STATE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("seedtui", appauthor=False))


def _from_json(data: Any) -> State:
    """A State from decoded JSON; raises ValueError when the shape is wrong."""
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        raise ValueError("not a seedtui state file of this version")
    corpora: dict[str, CorpusState] = {}
    for key, value in dict(data.get("corpora", {})).items():
        bookmarks = [
            Bookmark(
                str(b["article"]),
                int(b["start"]),
                int(b["end"]),
                str(b.get("title", "")),
                float(b.get("created", 0.0)),
            )
            for b in value.get("bookmarks", [])
        ]
        positions = {str(k): int(v) for k, v in dict(value.get("positions", {})).items()}
        last = value.get("last_article")
        queries = [str(query) for query in value.get("queries", []) if isinstance(query, str)]
        read = [str(article) for article in value.get("read", []) if isinstance(article, str)]
        corpora[str(key)] = CorpusState(
            str(last) if last else None, positions, bookmarks, queries, read
        )
    theme = data.get("theme")
    return State(str(theme) if theme else None, corpora)


def load_state(folder: Path) -> tuple[State, str | None]:
    """Read the state from ``folder``: the state and a warning (``None`` when all is well).

    A missing file gives a fresh state. A corrupt one is renamed aside
    (``state.json.corrupt-<time>``) and a fresh state is used, with a warning.
    """
    path = folder / STATE_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return State(), None
    except OSError as error:
        return State(), f"cannot read {path}: {error.strerror or error}"
    try:
        return _from_json(json.loads(raw)), None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        aside = path.with_name(f"{STATE_FILE}.corrupt-{int(time.time())}")
        try:
            os.replace(path, aside)
        except OSError:
            aside = path
        return State(), f"ignored a corrupt state file ({error}); kept it as {aside}"


def save_state(folder: Path, state: State) -> None:
    """Write ``state`` to ``folder`` atomically (temporary file, fsync, rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": STATE_VERSION,
        "theme": state.theme,
        "corpora": {key: asdict(value) for key, value in state.corpora.items()},
    }
    with atomic_write(folder / STATE_FILE, prefix=".state-") as stream:
        stream.write(json.dumps(payload, ensure_ascii=False).encode("utf-8"))

"""What seedtui remembers between runs: positions, the last article, bookmarks, queries, theme.

State is one JSON file under the user's data folder. It is written atomically
(a temporary file in the same folder, then a rename), so a crash or a second
seedtui never leaves half a file; a corrupt or foreign file is set aside with a
warning and a fresh state is used. Plain ``load_state``/``save_state`` functions.
"""

from __future__ import annotations

import json
import math
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tui.core.atomic import atomic_write
from tui.core.regular import MB, NotRegular, TooLarge, read_bounded

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


STATE_LIMIT = 16 * MB
"""A state file larger than this is set aside unread (a thousand bookmarks take about 200 KB)."""
POSITIONS_KEPT = 5_000
"""Reading positions remembered per corpus (the most recent ones)."""
TEXT_LIMIT = 4_096
"""The longest article id, title or theme name taken from the file (characters)."""
OFFSET_LIMIT = 1 << 40
"""The largest text offset taken from the file (an article is never this long)."""


class _Counter:
    """How many values of the file were dropped as invalid."""

    def __init__(self) -> None:
        self.dropped = 0

    def text(self, value: object, allow_none: bool = True) -> str | None:
        """``value`` when it is a string of reasonable length (``None`` counts as valid)."""
        if value is None and allow_none:
            return None
        if isinstance(value, str) and 0 < len(value) <= TEXT_LIMIT and _encodable(value):
            return value
        self.dropped += 1
        return None

    def offset(self, value: object) -> int | None:
        """``value`` when it is a plain integer offset into a text."""
        if type(value) is int and 0 <= value <= OFFSET_LIMIT:
            return value
        self.dropped += 1
        return None


def _encodable(text: str) -> bool:
    """False for lone surrogates (``\\udc80`` in the JSON), which cannot be written back."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _bookmark(raw: object, check: _Counter) -> Bookmark | None:
    """The bookmark in ``raw``, or ``None`` (counted) when any required part is bad."""
    if not isinstance(raw, dict):
        check.dropped += 1
        return None
    article = check.text(raw.get("article"), allow_none=False)
    start, end = check.offset(raw.get("start")), check.offset(raw.get("end"))
    if article is None or start is None or end is None:
        return None
    if end < start:
        check.dropped += 1
        return None
    title = raw.get("title", "")
    if not (isinstance(title, str) and len(title) <= TEXT_LIMIT and _encodable(title)):
        check.dropped += 1
        title = ""
    created = raw.get("created", 0.0)
    if type(created) not in (int, float) or not 0 <= created < 1e11:  # nan fails too
        check.dropped += 1
        created = 0.0
    return Bookmark(article, start, end, title, float(created))


def _corpus(raw: object, check: _Counter) -> CorpusState | None:
    """The state of one corpus; its bad values dropped one by one."""
    if not isinstance(raw, dict):
        check.dropped += 1
        return None
    corpus = CorpusState(check.text(raw.get("last_article")))
    positions = raw.get("positions", {})
    if isinstance(positions, dict):
        for key, value in list(positions.items())[-POSITIONS_KEPT:]:
            article, offset = check.text(key, allow_none=False), check.offset(value)
            if article is not None and offset is not None:
                corpus.positions[article] = offset
    else:
        check.dropped += 1
    bookmarks = raw.get("bookmarks", [])
    if isinstance(bookmarks, list):
        for item in bookmarks:
            bookmark = _bookmark(item, check)
            if bookmark is not None:
                corpus.bookmarks.append(bookmark)
    else:
        check.dropped += 1
    for name in ("queries", "read"):  # the search history, the articles read
        items = raw.get(name, [])
        if not isinstance(items, list):
            check.dropped += 1
            continue
        kept: list[str] = getattr(corpus, name)
        for item in items[-POSITIONS_KEPT:]:
            text = check.text(item, allow_none=False)
            if text is not None:
                kept.append(text)
    return corpus


def from_json(data: object) -> tuple[State, int]:
    """A State from decoded JSON, and how many values were dropped as invalid.

    Raises ValueError when the whole is not a seedtui state of this version.
    Every other value is checked on its own: a bad bookmark drops that bookmark,
    a bad position that position, a bad theme the theme.
    """
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        raise ValueError("not a seedtui state file of this version")
    check = _Counter()
    state = State(check.text(data.get("theme")))
    corpora = data.get("corpora", {})
    if not isinstance(corpora, dict):
        check.dropped += 1
        corpora = {}
    for key, value in corpora.items():
        folder = check.text(key, allow_none=False)
        corpus = _corpus(value, check)
        if folder is not None and corpus is not None:
            state.corpora[folder] = corpus
    return state, check.dropped


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text[:20]}")
    return value


def parse_state(raw: bytes) -> tuple[State, int]:
    """The state in the bytes of a state file and the count of dropped values.

    Raises ValueError (with a short reason) for anything that is not a valid
    state file: bytes that are not UTF-8, bad JSON, ``NaN`` and ``Infinity``,
    numbers too large for a float, nesting too deep to parse.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 (byte {error.start})") from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg}, line {error.lineno})") from None
    return from_json(data)


def load_state(folder: Path) -> tuple[State, str | None]:
    """Read the state from ``folder``: the state and a warning (``None`` when all is well).

    A missing file gives a fresh state. A corrupt one (any bytes, a folder, a
    FIFO, a device) is renamed aside (``state.json.corrupt-<time>``) and a fresh
    state is used, with a warning; invalid values in a valid file are dropped
    one by one, with a warning.
    """
    path = folder / STATE_FILE
    try:
        raw = read_bounded(path, STATE_LIMIT)
        state, dropped = parse_state(raw)
    except FileNotFoundError:
        return State(), None
    except (ValueError, NotRegular, TooLarge) as error:
        aside = path.with_name(f"{STATE_FILE}.corrupt-{time.time_ns()}")
        try:
            os.replace(path, aside)
        except OSError:
            aside = path
        return State(), f"ignored a corrupt state file ({error}); kept it as {aside}"
    except OSError as error:
        return State(), f"cannot read {path}: {error.strerror or error}"
    if dropped:
        return state, f"ignored {dropped} invalid value(s) in {path}"
    return state, None


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

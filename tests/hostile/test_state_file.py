"""The state file is untrusted input: any bytes give a fresh start and one line, never a crash."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets._toast import Toast

from tests.helpers import ready
from tui.core.state import STATE_FILE, Bookmark, State, load_state, save_state
from tui.ui.app import SeedApp
from tui.ui.widgets.reader import ArticleReader


def good_corpus(path: str = "/corpus") -> dict[str, object]:
    return {
        "last_article": "world/a",
        "positions": {"world/a": 120},
        "bookmarks": [{"article": "world/a", "start": 10, "end": 50, "title": "A", "created": 1.0}],
    }


def _deep(levels: int) -> bytes:
    return b'{"version": 1, "corpora": ' + b"[" * levels + b"]" * levels + b"}"


BAD_FILES: dict[str, bytes] = {
    "deep nesting": _deep(100_000),
    "deep nesting in an object": b'{"version": 1, "theme": ' + b'{"a":' * 50_000 + b"}",
    "float overflow": b'{"version": 1, "corpora": {"/c": {"positions": {"a": 1e400}}}}',
    "NaN": b'{"version": 1, "theme": NaN}',
    "Infinity": b'{"version": 1, "corpora": {"/c": {"positions": {"a": -Infinity}}}}',
    "huge integer": b'{"version": 1, "corpora": {"/c": {"positions": {"a": '
    + b"9" * 10_000
    + b"}}}}",
    "invalid UTF-8": b'{"version": 1, "theme": "\xff\xfe\x80"}',
    "not JSON": b"\x00\x01\x02 binary",
    "empty": b"",
    "a list": b"[1, 2, 3]",
    "a string": b'"version"',
    "wrong version type": b'{"version": "1"}',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_bytes_give_a_fresh_state_and_one_line(tmp_path: Path, name: str) -> None:
    (tmp_path / STATE_FILE).write_bytes(BAD_FILES[name])
    state, warning = load_state(tmp_path)
    assert state == State()
    assert warning is not None and "corrupt" in warning and "\n" not in warning
    assert not (tmp_path / STATE_FILE).exists()
    assert len(list(tmp_path.glob(f"{STATE_FILE}.corrupt-*"))) == 1
    save_state(tmp_path, state)  # and a fresh file can be written in its place
    assert load_state(tmp_path) == (State(), None)


def _folder(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(1 << 40)  # 1 TB, no block written


@pytest.mark.parametrize("make", [_folder, _fifo, _dev_zero, _sparse], ids=lambda f: f.__name__)
def test_special_files_never_hang_and_are_set_aside(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    make(tmp_path / STATE_FILE)
    state, warning = load_state(tmp_path)
    assert state == State()
    assert warning is not None and "corrupt" in warning
    assert not os.path.lexists(tmp_path / STATE_FILE)


WRONG_TYPES: list[tuple[dict[str, object], int]] = [
    ({"theme": 5}, 1),
    ({"theme": "[b]x" * 2000}, 1),  # longer than any theme name
    ({"corpora": [1, 2]}, 1),
    ({"corpora": {"/c": "folder"}}, 1),
    ({"corpora": {"/c": {"positions": [1, 2]}}}, 1),
    ({"corpora": {"/c": {"positions": {"a": "12", "b": True, "c": -1, "d": 2.5, "e": 7}}}}, 4),
    ({"corpora": {"/c": {"last_article": ["a"]}}}, 1),
    ({"corpora": {"/c": {"bookmarks": {"article": "a"}}}}, 1),
]


@pytest.mark.parametrize(("fields", "dropped"), WRONG_TYPES)
def test_wrong_types_are_dropped_one_by_one(
    tmp_path: Path, fields: dict[str, object], dropped: int
) -> None:
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 1, **fields}), "utf-8")
    state, warning = load_state(tmp_path)
    assert warning == f"ignored {dropped} invalid value(s) in {tmp_path / STATE_FILE}"
    assert state.theme is None
    assert all(type(v) is int for c in state.corpora.values() for v in c.positions.values())
    if '"e": 7' in json.dumps(fields):
        assert state.corpora["/c"].positions == {"e": 7}


def test_a_bad_bookmark_drops_only_that_bookmark(tmp_path: Path) -> None:
    good = {"article": "world/a", "start": 10, "end": 50, "title": "A", "created": 1.0}
    bad = [
        {"article": "world/b", "start": "10", "end": 50},
        {"article": "world/c", "start": 60, "end": 5},
        {"article": 3, "start": 0, "end": 0},
        {"start": 0, "end": 0},
        "world/d",
        None,
    ]
    partly = {"article": "world/e", "start": 0, "end": 0, "title": ["x"], "created": 1e300}
    corpus = {"last_article": "world/a", "bookmarks": [bad[0], good, *bad[1:], partly]}
    payload = {"version": 1, "corpora": {"/c": corpus}}
    (tmp_path / STATE_FILE).write_text(json.dumps(payload), "utf-8")
    state, warning = load_state(tmp_path)
    assert warning is not None and "ignored 8 invalid value(s)" in warning
    assert state.corpora["/c"].bookmarks == [
        Bookmark("world/a", 10, 50, "A", 1.0),
        Bookmark("world/e", 0, 0, "", 0.0),  # its bad title and time dropped, not the bookmark
    ]
    assert state.corpora["/c"].last_article == "world/a"


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
state_like = st.fixed_dictionaries(
    {"version": st.just(1)},
    optional={
        "theme": json_values,
        "corpora": st.dictionaries(
            st.text(max_size=10),
            st.fixed_dictionaries(
                {},
                optional={
                    "last_article": json_values,
                    "positions": st.dictionaries(st.text(max_size=5), json_values) | json_values,
                    "bookmarks": st.lists(
                        st.fixed_dictionaries(
                            {},
                            optional={
                                k: json_values
                                for k in ("article", "start", "end", "title", "created")
                            },
                        )
                        | json_values,
                        max_size=4,
                    ),
                },
            )
            | json_values,
            max_size=3,
        )
        | json_values,
    },
)


def _check_loads(folder: Path, data: bytes) -> None:
    for leftover in folder.iterdir():
        leftover.unlink()
    (folder / STATE_FILE).write_bytes(data)
    state, warning = load_state(folder)
    assert isinstance(state, State)
    assert warning is None or "\n" not in warning
    save_state(folder, state)  # whatever was kept can be written back and read again
    assert load_state(folder) == (state, None)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(json_values, state_like))
def test_any_json_loads_or_is_set_aside(tmp_path: Path, data: object) -> None:
    _check_loads(tmp_path, json.dumps(data).encode("utf-8"))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300) | st.binary(max_size=40).map(lambda b: b'{"version": 1, ' + b))
def test_any_bytes_load_or_are_set_aside(tmp_path: Path, data: bytes) -> None:
    _check_loads(tmp_path, data)


async def test_markup_and_garbage_in_the_state_never_stop_the_app(
    corpus_dir: Path, state_dir: Path
) -> None:
    key = str(corpus_dir.resolve())
    corpus = {
        "last_article": "gone[/b]",
        "positions": {"[red]x": 5, "world/a": 1e300},
        "bookmarks": [{"article": "[/]", "start": 0, "end": 0, "title": "[@click=app.quit]x[/]"}],
    }
    state_dir.mkdir(parents=True, exist_ok=True)
    payload = {"version": 1, "theme": "[b]", "corpora": {key: corpus}}
    (state_dir / STATE_FILE).write_text(json.dumps(payload), "utf-8")
    app = SeedApp(corpus_dir, contain_errors=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await ready(pilot)
        screen.open_by_id("gone[/b]")  # notifies that it is missing: shown literally
        await pilot.pause()
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any("gone[/b] is no longer" in text for text in toasts), toasts
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.fatal_message is None
        messages = [str(n.message) for n in app._notifications]
        assert not any("Unexpected error" in m for m in messages), messages
        assert any("gone[/b] is no longer" in m for m in messages)
        assert screen.query_one(ArticleReader) is not None

"""A FIFO, a device or a folder where a file should be: reported and passed over, never a hang.

Each test runs the loader in a thread with a time limit only as a guard: without
the fix these calls block forever on ``open``; the assertions are on what is reported.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from tui.core.cache import cache_path, cache_state, load_cached
from tui.core.corpus import load_corpus, read_article
from tui.core.regular import NotRegular, append_regular, open_regular, read_regular
from tui.core.state import load_state
from tui.ui.clipboard import save_clipping

T = TypeVar("T")
GUARD = 60.0
"""Seconds after which a call is taken to hang (it returns in milliseconds when fixed)."""

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def returns(call: Callable[[], T]) -> T:
    """``call()`` run in a thread; fails the test if it does not return."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as error:  # handed to the test below
            box["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(GUARD)
    if thread.is_alive():
        # Unblock the stuck open so the thread can end, then fail.
        pytest.fail("the call hung on a special file")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text("A good article\n\nIt loads.\n", "utf-8")
    return root


def test_open_regular_refuses_fifos_folders_and_devices(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "FIFO"), (tmp_path, "folder"), (Path("/dev/null"), "device")):
        with pytest.raises(NotRegular, match=kind):
            returns(lambda path=path: open_regular(path))  # type: ignore[misc]
        with pytest.raises(NotRegular):
            returns(lambda path=path: append_regular(path))  # type: ignore[misc]
    (tmp_path / "file").write_bytes(b"data")
    assert read_regular(tmp_path / "file") == b"data"


def test_corpus_fifos_and_devices_are_skipped(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    os.mkfifo(root / "pipe.txt")
    (root / "null.txt").symlink_to("/dev/null")
    (root / "zero.md").symlink_to("/dev/zero")  # would read forever
    loaded = returns(lambda: load_corpus(root))
    assert [a.id for a in loaded.articles] == ["good"]
    reasons = {s.path: s.reason for s in loaded.skipped}
    assert reasons["pipe.txt"] == "not a regular file (FIFO)"
    assert reasons["null.txt"] == "not a regular file (character device)"
    assert reasons["zero.md"] == "not a regular file (character device)"


def test_a_file_that_becomes_a_fifo_after_listing_is_skipped(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    path = root / "swapped.txt"
    path.write_text("Soon a pipe\n\nText.\n", "utf-8")
    path.unlink()  # listed as a file, a FIFO by the time it is opened
    os.mkfifo(path)
    result = returns(lambda: read_article(path, root))
    assert getattr(result, "reason", None) == "not a regular file (FIFO)"


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_special_file_at_the_cache_path_is_reported_and_passed_over(
    tmp_path: Path, kind: str
) -> None:
    root = corpus(tmp_path)
    path = cache_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    usable, warning = returns(lambda: cache_state(root))
    assert not usable and warning is not None and "not a regular file" in warning
    loaded = returns(lambda: load_cached(root))
    assert [a.id for a in loaded.corpus.articles] == ["good"]
    assert any("not a regular file" in w for w in loaded.warnings), loaded.warnings


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_special_file_at_the_state_path_is_reported_and_passed_over(
    tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    if kind == "fifo":
        os.mkfifo(folder / "state.json")
    else:
        (folder / "state.json").mkdir()
    state, warning = returns(lambda: load_state(folder))
    assert state.corpora == {} and warning is not None and "not a regular file" in warning


def test_a_fifo_at_the_clippings_path_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "clippings.txt")
    with pytest.raises(NotRegular):
        returns(lambda: save_clipping(tmp_path, "text"))

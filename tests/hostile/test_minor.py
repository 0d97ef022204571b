"""The minor findings: unreadable subfolders reported, orphaned temporary files removed,
two browsers on one folder keep each other's bookmarks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.atomic import remove_orphans
from tui.core.cache import cache_path, load_cached
from tui.core.corpus import load_corpus, read_progressively
from tui.core.corpus.read import UNLISTED_FOLDER
from tui.core.state import load_state
from tui.ui.memory import Memory


@pytest.fixture
def with_locked_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus whose subfolder ``locked`` cannot be listed (also when the tests run as root)."""
    root = tmp_path / "corpus"
    (root / "locked").mkdir(parents=True)
    (root / "good.txt").write_text("Good\n\nIt loads.\n", "utf-8")
    (root / "locked" / "hidden.txt").write_text("Hidden\n\nNever listed.\n", "utf-8")
    (root / "zz.txt").write_text("Last\n\nIt loads too.\n", "utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> Iterator[os.DirEntry[str]]:
        if str(path).endswith(os.sep + "locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    return root


def test_an_unreadable_subfolder_is_reported_by_every_loader(with_locked_folder: Path) -> None:
    root = with_locked_folder
    cold = load_corpus(root)
    cached = load_cached(root).corpus
    progressive = read_progressively(root, threading.Event(), lambda *batch: None)
    for corpus in (cold, cached, progressive):
        assert sorted(a.id for a in corpus.articles) == ["good", "zz"]
        assert [(s.path, s.reason) for s in corpus.skipped] == [("locked", UNLISTED_FOLDER)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_permissions_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "locked").mkdir(parents=True)
    (root / "good.txt").write_text("Good\n\nIt loads.\n", "utf-8")
    (root / "locked").chmod(0)
    try:
        assert [s.reason for s in load_corpus(root).skipped] == [UNLISTED_FOLDER]
    finally:
        (root / "locked").chmod(0o755)


WRITER = """
import sys, time
from pathlib import Path
from tui.core.atomic import atomic_write
with atomic_write(Path(sys.argv[1])) as handle:
    handle.write(b"x" * 1_000_000)
    handle.flush()
    print("writing", flush=True)
    time.sleep(600)
"""


def start_writer(target: Path) -> subprocess.Popen[str]:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    return writer


def test_a_write_killed_midway_leaves_no_temporary_file_after_the_next_start(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text("Good\n\nIt loads.\n", "utf-8")
    target = cache_path(root)
    target.parent.mkdir(parents=True)
    killed = start_writer(target)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    live = start_writer(target.with_name("other.cache"))  # a second seedtui, still writing
    try:
        temporaries = sorted(p.name for p in target.parent.glob(".tmp-*.tmp"))
        assert len(temporaries) == 2
        load_cached(root)  # the next start
        left = sorted(p.name for p in target.parent.glob(".tmp-*.tmp"))
        assert len(left) == 1 and left[0] in temporaries  # only the live writer's
    finally:
        live.kill()
        live.wait()
    assert remove_orphans(target.parent) == left  # its lock died with it


def test_an_orphaned_state_temporary_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / ".state-dead.tmp").write_bytes(b"{")
    Memory(tmp_path / "corpus", folder)
    assert not (folder / ".state-dead.tmp").exists()


def test_two_browsers_on_one_folder_keep_each_others_bookmarks(tmp_path: Path) -> None:
    folder, root = tmp_path / "state", tmp_path / "corpus"
    root.mkdir()
    one, two = Memory(root, folder), Memory(root, folder)
    one.toggle_bookmark("a", (0, 10), "A")
    one.remember_position("a", 50)
    assert one.save() is None
    two.toggle_bookmark("b", (5, 9), "B")
    two.remember_position("b", 70)
    assert two.save() is None
    state, _warning = load_state(folder)
    saved = state.for_corpus(root)
    assert {b.article for b in saved.bookmarks} == {"a", "b"}
    assert saved.positions == {"a": 50, "b": 70}
    assert {b.article for b in two.bookmarks} == {"a", "b"}  # two sees one's now
    # A removal in one browser is not undone by the other's next save.
    two.toggle_bookmark("a", (0, 10), "A")
    assert two.save() is None
    one.remember_position("a", 60)
    assert one.save() is None
    saved = load_state(folder)[0].for_corpus(root)
    assert {b.article for b in saved.bookmarks} == {"b"}
    assert saved.positions == {"a": 60, "b": 70}


def test_a_temporary_taken_for_an_orphan_before_its_lock_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two processes saving one cache: the other one's cleanup removes this write's
    # temporary file in the moment between its creation and its lock.
    import tui.core.atomic as atomic

    real_flock = atomic.fcntl.flock
    raced: list[str] = []
    calls: list[int] = []

    def flock_after_a_cleanup(descriptor: int, operation: int) -> None:
        calls.append(operation)
        if len(calls) == 1:  # the write's first lock: the cleanup gets in first
            monkeypatch.setattr(atomic.fcntl, "flock", real_flock)
            raced.extend(remove_orphans(tmp_path))  # nobody holds it yet: "an orphan"
        real_flock(descriptor, operation)

    monkeypatch.setattr(atomic.fcntl, "flock", flock_after_a_cleanup)
    target = tmp_path / "corpus.cache"
    with atomic.atomic_write(target) as handle:
        handle.write(b"all of it")
    assert len(raced) == 1  # the race did happen
    assert target.read_bytes() == b"all of it"
    assert not list(tmp_path.glob(".tmp-*.tmp"))

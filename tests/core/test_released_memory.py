"""What a reload leaves behind is given back: the old cache map's pages, the C heap's free pages.

Counted in the resident set, not timed: a long session that reloads (``R``)
would otherwise keep the pages of every map it read from and the heap that the
old corpus used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import tui.core.cache.stored as stored
from tui.core.heap import give_back
from tui.core.library import Library

OLD = 1_600_000_000


def rss_anon_mib() -> float:
    """This process's anonymous resident memory, in MiB."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    pytest.skip("no RssAnon in /proc/self/status")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for number in range(12):
        path = root / f"a{number:02}.txt"
        path.write_text(f"Title {number}\n\nThe harbour bridge, part {number}.\n", encoding="utf-8")
        os.utime(path, (OLD, OLD))  # old enough for the cache to trust
    return root


def test_a_reload_releases_the_old_map_and_only_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDTUI_CACHE_DIR", str(tmp_path / "cache"))
    released: list[int] = []
    monkeypatch.setattr(stored, "release", lambda buffer: released.append(id(buffer)))
    library = Library(corpus).load_now()  # cold: writes the cache
    library.load_now()  # warm: the articles read from a map
    first = library.articles[0]._buffer  # type: ignore[attr-defined]
    assert released == []
    library.load_now()  # a reload: a new map
    second = library.articles[0]._buffer  # type: ignore[attr-defined]
    assert second is not first
    assert released == [id(first)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_the_heap_freed_between_live_blocks_is_given_back() -> None:
    blocks = [bytes(4000) for _ in range(20_000)]  # 80 MB from malloc, not pymalloc
    kept = blocks[::50]  # one block in 50 stays: the free space lies between them
    del blocks
    before = rss_anon_mib()
    give_back()
    after = rss_anon_mib()
    assert len(kept) == 400
    assert before - after > 40, (before, after)

"""Free heap memory goes back to the system after a build (:mod:`tui.core.heap`)."""

from __future__ import annotations

import os
import sys
from array import array

import pytest

from tui.core.heap import give_back
from tui.core.models import Article
from tui.core.search import SearchIndex


def _resident() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_blocks_between_live_ones_leave_the_resident_set() -> None:
    rows = [array("I", range(600)) for _ in range(40_000)]  # 2.4 KB each: C heap, not pymalloc
    kept = rows[::64]  # live blocks all along the heap: it cannot just shrink
    del rows
    before = _resident()
    assert give_back()
    after = _resident()
    assert before - after > 40 << 20, (before >> 20, after >> 20)
    assert len(kept) == 625


def test_the_build_gives_its_freed_rows_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.core.search.index as module

    calls: list[int] = []
    monkeypatch.setattr(module, "give_back", lambda: calls.append(1) or True)
    text = "Title\n\nsome words here\n\nand more words"
    article = Article(id="a", path="a.txt", text=text, title="Title", passages=[(7, 22), (24, 38)])
    index = SearchIndex.build([article])
    assert calls == [1]
    assert index.search("words")

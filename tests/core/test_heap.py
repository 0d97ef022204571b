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


_MANY_THREADS = r"""
import ctypes, os, sys, tempfile, threading
from tui.core.heap import cap_heaps

if sys.argv[1] == "capped":
    assert cap_heaps(2)
start = threading.Barrier(6)
done = threading.Barrier(7)
kept = []

def allocate():
    start.wait()  # all six at once: each finds the heaps busy
    kept.append([bytearray(4000) for _ in range(2000)])  # C heap blocks, not pymalloc
    done.wait()

threads = [threading.Thread(target=allocate) for _ in range(6)]
for thread in threads:
    thread.start()
done.wait()
libc = ctypes.CDLL(None)
libc.fdopen.restype = ctypes.c_void_p
libc.fdopen.argtypes = [ctypes.c_int, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
with tempfile.TemporaryFile("w+") as out:
    stream = libc.fdopen(os.dup(out.fileno()), b"w")
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    out.seek(0)
    print(out.read().count("<heap nr="))
for thread in threads:
    thread.join()
"""


def _heaps_after_six_threads(mode: str) -> int:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _MANY_THREADS, mode], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_threads_allocating_at_once_share_two_heaps_once_capped() -> None:
    assert _heaps_after_six_threads("default") > 2  # else the test shows nothing
    assert _heaps_after_six_threads("capped") <= 2


def test_the_throttled_give_back_trims_at_most_once_a_period() -> None:
    from tui.core.heap import Throttled

    now = [100.0]
    trims: list[float] = []
    throttled = Throttled(5.0, clock=lambda: now[0], trim=lambda: trims.append(now[0]) or True)
    assert throttled()  # the first call gives back at once
    now[0] = 104.9
    assert not throttled()
    now[0] = 105.0
    assert throttled()
    assert not throttled()
    now[0] = 200.0
    assert throttled()
    assert trims == [100.0, 105.0, 200.0] and throttled.count == 3

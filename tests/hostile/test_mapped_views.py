"""Views of mapped and shared buffers never outlive them, whatever the order of events.

A fuzzing run over the quotations panel once ended in ``SystemError: deallocated
bytearray object has exported buffers``. CPython reports such errors from
deallocators and the cyclic collector, not as exceptions of the code that ran:
through ``sys.excepthook`` (``PyErr_Print``), ``sys.unraisablehook`` or a thread's
``threading.excepthook``. These loops record all three while loads map the cache
file, other loads rewrite it, quotation tables are copied column by column (the
``bytearray`` of :class:`QuoteTable`), and views of the maps are caught in
reference cycles that the collector breaks at random moments.
"""

from __future__ import annotations

import gc
import mmap
import random
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.test_mapped import check, touch, write_corpus
from tui.core.cache import CachedCorpus, load_cached
from tui.core.cache import format as cache_format
from tui.core.cache.format import map_blobs
from tui.core.library import Library
from tui.core.quotes import QuoteTable


@contextmanager
def reported() -> Iterator[list[str]]:
    """Every error CPython reports outside the raising code, while the block runs."""
    seen: list[str] = []
    hooks = sys.excepthook, sys.unraisablehook, threading.excepthook
    sys.excepthook = lambda kind, value, _tb: seen.append(f"{kind.__name__}: {value}")
    sys.unraisablehook = lambda info: seen.append(f"{info.exc_type.__name__}: {info.exc_value}")
    threading.excepthook = lambda args: seen.append(f"{args.exc_type.__name__}: {args.exc_value}")
    try:
        yield seen
    finally:
        sys.excepthook, sys.unraisablehook, threading.excepthook = hooks


def copied_table(loaded: CachedCorpus, rng: random.Random) -> QuoteTable:
    """A table of some of ``loaded``'s articles' quotations, copied column by column."""
    base = loaded.finish_quotes()
    table = QuoteTable.sharing(base)
    for number in rng.sample(range(len(base)), min(5, len(base))):
        table.append_from(base, number)
    return QuoteTable.from_state(table.state())  # and once more through its saved form


def caught_in_a_cycle(loaded: CachedCorpus) -> list[Any]:
    """Views of ``loaded``'s map and its quotation table, kept only by a reference cycle."""
    buffer = getattr(loaded.corpus.articles[0], "_buffer", None)
    cycle: list[Any] = [loaded.finish_quotes(), loaded.corpus.articles[:3]]
    if isinstance(buffer, mmap.mmap):
        size = len(buffer) // 8
        cycle.extend(map_blobs(buffer, 0, [("B", 4 * size), ("I", size)]))
    cycle.append(cycle)
    return cycle


def test_seeded_views_in_cycles_while_the_cache_is_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_format, "COPY_BELOW", 0)  # every array a view of the map
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(root, articles=40)
    rng = random.Random(1818)
    stop = threading.Event()

    def rewriter() -> None:
        other = random.Random(1819)
        while not stop.is_set():
            loaded = load_cached(root, folder=cache)
            check(loaded, other)
            copied_table(loaded, other)

    with reported() as seen:
        thread = threading.Thread(target=rewriter)
        thread.start()
        library = Library(root)
        held: list[Any] = []
        try:
            for _step in range(80):
                action = rng.random()
                if action < 0.25:
                    touch(root, rng)
                elif action < 0.5 or not held:
                    loaded = load_cached(root, folder=cache)
                    held.append(caught_in_a_cycle(loaded) + [copied_table(loaded, rng)])
                    library.adopt_corpus(loaded.corpus)  # a reload: the old corpus goes
                    library.adopt_index(loaded.index)
                    if rng.random() < 0.5:
                        library.adopt_quotes(QuoteTable.from_state(loaded.finish_quotes().state()))
                elif action < 0.7:
                    held.pop(rng.randrange(len(held)))  # only the cycle keeps it now
                elif action < 0.85:
                    gc.collect(rng.choice((0, 1, 2)))
                else:
                    for number in rng.sample(range(len(library.articles)), 4):
                        text = library.articles[number].text
                        assert all(q.end <= len(text) for q in library.quotes_of(number))
                while len(held) > 3:
                    held.pop(0)
        finally:
            stop.set()
            thread.join()
        del held, library
        gc.collect()
    assert seen == []

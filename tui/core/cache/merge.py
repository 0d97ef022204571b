"""The corpus and index from a folder scan and a cache section: reused, updated or rebuilt."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.cache.format import release
from tui.core.cache.read import stored_articles
from tui.core.cache.record import Progress
from tui.core.cache.result import CachedCorpus
from tui.core.corpus import (
    Corpus,
    FileKey,
    LoadCancelled,
    assign_ids,
    read_article,
)
from tui.core.models import Article, LoadWarning, Skipped
from tui.core.search import SearchCancelled, SearchIndex, update_index


def assemble(
    root: Path,
    files: list[tuple[str, str, FileKey | None]],
    main: dict[str, Any] | None,
    token: str,
    cancel: threading.Event | None,
    progress: Progress | None,
    warnings: list[str],
    on_corpus: Callable[[CachedCorpus], None] | None,
) -> CachedCorpus:
    """Build the result from the scan and the (checked) cache section, reading what changed."""
    if main is not None and main["index"] is not None:
        fast = _unchanged(root, files, main, token)
        if fast is not None:
            fast.warnings[:0] = warnings
            return fast
    cached: dict[str, tuple[FileKey, int]] = {}
    reasons: list[str] = []
    old_warnings: dict[str, str] = {}
    old_articles: list[Article] = []
    if main is not None:
        paths, sizes, mtimes, slots = main["files"]
        reasons = main["skipped"]
        old_warnings = main["warnings"]
        cached = {p: ((s, m), n) for p, s, m, n in zip(paths, sizes, mtimes, slots)}
        old_articles = stored_articles(main["articles"], main["passages"])
    corpus = Corpus(root)
    result = CachedCorpus(corpus, SearchIndex([]), warnings=warnings, token=token)
    unchanged = main is not None and len(files) == len(cached)
    missing = ((-1, -1), 0)
    to_read = sum(1 for _f, rel, key in files if key is None or cached.get(rel, missing)[0] != key)
    done = 0
    scan_order: list[Article] = []
    reused_slots: list[int] = []
    for full, relative, key in files:
        entry = cached.get(relative)
        if key is not None and entry is not None and entry[0] == key:
            slot = entry[1]
            result.reused += 1
            if slot < 0:
                corpus.skipped.append(Skipped(relative, reasons[-1 - slot]))
                result.order.append((relative, -len(corpus.skipped)))
                continue
            reused_slots.append(slot)
            scan_order.append(old_articles[slot])
            result.reused_paths.add(relative)
            message = old_warnings.get(relative)
            if message is not None:
                corpus.warnings.append(LoadWarning(relative, message))
            result.order.append((relative, len(scan_order) - 1))
            continue
        unchanged = False
        if cancel is not None and cancel.is_set():
            raise LoadCancelled()
        done += 1
        if progress is not None and (done % 256 == 0 or done == to_read):
            progress("read", done, to_read)
        result.reread += 1
        item = corpus.add(read_article(Path(full), root, relative))
        if item is None:
            result.order.append((relative, -len(corpus.skipped)))
            continue
        scan_order.append(item)
        result.order.append((relative, len(scan_order) - 1))
    if (
        unchanged
        and main is not None
        and main["index"] is not None
        and sorted(reused_slots) == list(range(len(old_articles)))
    ):
        corpus.articles = old_articles
        result.index = SearchIndex.from_state(main["index"], corpus.articles)
        result.speakers_ready = bool(main.get("speakers_ready"))
        result.order = [
            (path, slot if slot < 0 else reused_slots[slot]) for path, slot in result.order
        ]
        return result
    # Something changed: ids as load_corpus gives them, its order, and the index updated.
    assign_ids(scan_order)
    corpus.articles = sorted(scan_order, key=lambda article: article.sort_key)
    position = {id(article): number for number, article in enumerate(corpus.articles)}
    result.order = [
        (path, slot if slot < 0 else position[id(scan_order[slot])]) for path, slot in result.order
    ]
    if on_corpus is not None:
        on_corpus(result)
    report: Callable[[int, int], None] | None = None
    if progress is not None:
        stage_progress = progress

        def report(done: int, total: int) -> None:
            stage_progress("index", done, total)

    try:
        updated = _update(main, old_articles, reused_slots, corpus, cancel)
        result.index = updated or SearchIndex.build(corpus.articles, cancel=cancel, progress=report)
    except SearchCancelled as error:
        raise LoadCancelled() from error
    result.stale = True
    return result


def _update(
    main: dict[str, Any] | None,
    old_articles: list[Article],
    reused_slots: list[int],
    corpus: Corpus,
    cancel: threading.Event | None,
) -> SearchIndex | None:
    """The cached index updated for the changed files (:mod:`tui.core.search.update`), or ``None``.

    ``None`` when there is no cached index, when too many passages would be
    dead, or when the cached index cannot be updated: then it is built afresh.
    """
    if main is None or main["index"] is None:
        return None
    slot_of = {id(old_articles[slot]): slot for slot in reused_slots}
    kept = [slot_of.get(id(article), -1) for article in corpus.articles]
    try:
        old = SearchIndex.from_state(main["index"], old_articles)
        updated = update_index(old, corpus.articles, kept, cancel)
        release(main.get("buffer"))  # the update read all of the old index through the map
        return updated
    except SearchCancelled:
        raise
    except Exception:  # a damaged cached index costs a rebuild, never a wrong index
        return None


def _unchanged(
    root: Path,
    files: list[tuple[str, str, FileKey | None]],
    main: dict[str, Any],
    token: str,
) -> CachedCorpus | None:
    """The result straight from the cache when no file changed, else ``None``."""
    paths, sizes, mtimes, slots = main["files"]
    if len(paths) != len(files) or [relative for _f, relative, _k in files] != paths:
        return None
    if [key for _f, _r, key in files] != list(zip(sizes, mtimes)):
        return None
    order = slots.tolist()
    articles = stored_articles(main["articles"], main["passages"])
    if sorted(slot for slot in order if slot >= 0) != list(range(len(articles))):
        return None
    reasons: list[str] = main["skipped"]
    corpus = Corpus(root, articles)
    corpus.skipped = [Skipped(p, reasons[-1 - slot]) for p, slot in zip(paths, order) if slot < 0]
    corpus.warnings = [LoadWarning(p, m) for p, m in main["warnings"].items()]
    result = CachedCorpus(corpus, SearchIndex.from_state(main["index"], articles), token=token)
    result.speakers_ready = bool(main.get("speakers_ready"))
    result.reused = len(files)
    result.order = list(zip(paths, order))
    result.reused_paths = set(main["articles"]["path"])
    return result

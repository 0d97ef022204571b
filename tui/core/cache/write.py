"""Writing a cache file: article columns, index state, quotations; atomically."""

from __future__ import annotations

import pickle
import secrets
import time
from array import array
from typing import TYPE_CHECKING, Any

from tui.core.atomic import atomic_write
from tui.core.cache.format import (
    LENGTHS,
    MAGIC,
    PROTOCOL,
    RELEASE_EVERY,
    Blobs,
    pack,
    release,
)
from tui.core.cache.keys import CACHE_VERSION, RACY_NS, code_hash, quotes_hash
from tui.core.cache.read import quote_section
from tui.core.cache.record import CacheRecord, Progress
from tui.core.cache.stored import encoded
from tui.core.search import SearchIndex

if TYPE_CHECKING:
    pass


def _index_state(index: SearchIndex, blobs: Blobs) -> dict[str, Any]:
    """The picklable, packed state of ``index``."""
    state = index.state()
    return {part: {name: pack(v, blobs) for name, v in state[part].items()} for part in state}


def _main_section(result: CacheRecord, blobs: Blobs) -> dict[str, Any]:
    """The main section for ``result``: file table, article columns, index state."""
    articles = result.corpus.articles
    paths: list[str] = []
    sizes = array("q")
    mtimes = array("q")
    slots = array("q")
    keys = {
        relative: key
        for _full, relative, key in result.files
        if key is not None and key[1] < result.scan_ns - RACY_NS
    }
    for path, slot in result.order:
        key = keys.get(path, (-1, -1))
        paths.append(path)
        sizes.append(key[0])
        mtimes.append(key[1])
        slots.append(slot)
    flat = array("I")
    counts: list[int] = []
    for article in articles:
        counts.append(len(article.passages))
        for start, end in article.passages:
            flat.append(start)
            flat.append(end)
    columns: dict[str, Any] = {
        "id": [a.id for a in articles],
        "folder": [a.folder for a in articles],
        "path": [a.path for a in articles],
        "text": ("@raw", None),  # the texts are written after the arrays, in UTF-8
        "title": [a.title for a in articles],
        "date": [a.date for a in articles],
        "source": [a.source for a in articles],
        "author": [a.author for a in articles],
        "url": [a.url for a in articles],
        "dateline": [a.dateline for a in articles],
        "encoding": [a.encoding for a in articles],
        "title_span": [a.title_span for a in articles],
        "body_start": [a.body_start for a in articles],
        "mtime": [a.mtime for a in articles],
        "size": [a.size for a in articles],
        "passage_count": counts,
    }
    return {
        "files": (paths, sizes, mtimes, slots),
        "skipped": [s.reason for s in result.corpus.skipped],
        "warnings": {w.path: w.message for w in result.corpus.warnings},
        "articles": {
            name: value if name == "text" else pack(value, blobs) for name, value in columns.items()
        },
        "text_sizes": array("q", [len(encoded(article)) for article in articles]),
        "passages": flat,
        "index": _index_state(result.index, blobs),
        "speakers_ready": result.speakers_ready,
        "blobs": [(typecode, sum(map(len, arrays))) for typecode, arrays in blobs],
    }


def _quote_section(result: CacheRecord) -> dict[str, Any]:
    """The known quotations of ``result``'s articles, column-wise (compact, fast to load)."""
    from tui.core.quotes import QuoteTable

    table = result.quotes if result.quotes is not None else QuoteTable()
    paths = [article.path for article in result.corpus.articles][: len(table)]
    return {"paths": paths, "table": table.state()}


def _old_quotes(result: CacheRecord) -> bytes | None:
    """The quotations section of the cache file ``result`` was loaded from, as it is.

    Written again unchanged when the cache is rewritten before the quotations are
    known, so that :meth:`CachedCorpus.finish_quotes` still finds those of the
    unchanged files (it only uses the rows of ``reused_paths``).
    """
    if result.path is None or not result.token:
        return None
    try:
        return quote_section(result.path, result.token)
    except Exception:
        return None


def write_cache(result: CacheRecord, progress: Progress | None) -> str:
    """Write ``result`` to its cache file (temporary file, fsync, rename); the file's new token."""
    assert result.path is not None
    folder = result.path.parent
    folder.mkdir(parents=True, exist_ok=True)
    if progress is not None:
        progress("save", 0, 1)
    token = secrets.token_hex(16)
    header = {
        "version": CACHE_VERSION,
        "code": code_hash(),
        "quotes_code": quotes_hash(),
        "root": str(result.corpus.root.resolve()),
        "scope": result.scope,
        "token": token,
        "written_ns": time.time_ns(),
        "articles": len(result.corpus.articles),
    }
    with atomic_write(result.path) as handle:
        handle.write(MAGIC + LENGTHS.pack(0, 0, 0, 0))
        lengths = []
        blobs: Blobs = []
        old_quotes = None if result.quotes is not None else _old_quotes(result)
        quotes = _quote_section(result) if old_quotes is None else None
        sections = (header, _main_section(result, blobs), None, quotes)
        for number, section in enumerate(sections):
            start = handle.tell()
            if number == 3 and old_quotes is not None:
                handle.write(old_quotes)  # the same file's quotations, for finish_quotes
            elif number == 2:
                handle.flush()
                maps = {
                    id(b): b
                    for b in (getattr(a, "_buffer", None) for a in result.corpus.articles)
                    if b is not None
                }
                written = 0
                for _typecode, arrays in blobs:
                    for item in arrays:
                        written += handle.write(item)
                del blobs[:]
                for article in result.corpus.articles:
                    written += handle.write(encoded(article))
                    if written >= RELEASE_EVERY:
                        for buffer in maps.values():
                            release(buffer)
                        written = 0
                for buffer in maps.values():
                    release(buffer)
            else:
                pickle.dump(section, handle, protocol=PROTOCOL)
            lengths.append(handle.tell() - start)
        handle.seek(len(MAGIC))
        handle.write(LENGTHS.pack(*lengths))
    if progress is not None:
        progress("save", 1, 1)
    return token

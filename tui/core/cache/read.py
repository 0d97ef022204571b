"""Reading a cache file's main section back into articles and a search index, checked."""

from __future__ import annotations

import io
import mmap
import os
from array import array
from collections.abc import Sequence
from dataclasses import fields
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.cache.format import (
    LENGTHS,
    MAGIC,
    CacheInvalid,
    TextWindows,
    Unpickler,
    map_blobs,
    read_prelude,
    unpack,
)
from tui.core.cache.keys import CACHE_VERSION, code_hash, quotes_hash
from tui.core.cache.stored import StoredArticle
from tui.core.models import Article, Span
from tui.core.regular import open_regular
from tui.core.search import SearchIndex

if TYPE_CHECKING:
    from tui.core.quotes import QuoteTable


def quote_section(path: Path, token: str) -> bytes | None:
    """The raw quotations section of the cache file at ``path``.

    ``None`` unless the file is still the one written with ``token`` and its
    quotations come from this seedtui's quote code; read errors are raised.
    """
    with open_regular(path) as handle:
        lengths = read_prelude(handle)
        header = Unpickler(io.BytesIO(handle.read(lengths[0]))).load()
        if not isinstance(header, dict) or header.get("token") != token:
            return None
        if header.get("quotes_code") != quotes_hash():
            return None
        handle.seek(lengths[1] + lengths[2], io.SEEK_CUR)
        data = handle.read(lengths[3])
    if len(data) != lengths[3]:
        raise CacheInvalid("quotations cut short")
    return data or None


def check_header(header: object, root: Path, scope: str = "") -> None:
    """Raise :class:`CacheInvalid` unless ``header`` is this seedtui's, for ``root``, ``scope``."""
    if not isinstance(header, dict):
        raise CacheInvalid("bad header")
    if header.get("version") != CACHE_VERSION:
        raise CacheInvalid(f"cache version {header.get('version')!r}, not {CACHE_VERSION}")
    if header.get("code") != code_hash():
        raise CacheInvalid("written by another version of seedtui")
    if header.get("root") != str(root.resolve()):
        raise CacheInvalid("cache of another folder")
    if header.get("scope", "") != scope:
        raise CacheInvalid("cache of another selection of the folder")


def read_main(path: Path, root: Path, scope: str = "") -> tuple[str, dict[str, Any]]:
    """The token and main section of the cache file, unpacked and checked; raises on any problem."""
    with open_regular(path, buffering=1 << 20) as handle:
        size = os.fstat(handle.fileno()).st_size
        lengths = read_prelude(handle)
        if len(MAGIC) + LENGTHS.size + sum(lengths) != size:
            raise CacheInvalid("truncated or padded cache file")
        header = Unpickler(io.BytesIO(handle.read(lengths[0]))).load()
        check_header(header, root, scope)
        main = Unpickler(handle).load()
        start = len(MAGIC) + LENGTHS.size + lengths[0]
        if handle.tell() != start + lengths[1] or not isinstance(main, dict):
            raise CacheInvalid("bad main section")
        # The index's speakers come from the quotations: valid only with the same quote code.
        main["speakers_ready"] = (
            main.get("speakers_ready") is True and header.get("quotes_code") == quotes_hash()
        )
        text_sizes: array[int] = main["text_sizes"]
        table = sum(array(t).itemsize * n for t, n in main["blobs"]) + sum(text_sizes)
        if table != lengths[2] or min(text_sizes, default=0) < 0:
            raise CacheInvalid("bad array table")
        # Arrays and texts stay in the file, mapped: the kernel brings in the pages a
        # search or the reader touches, nothing is copied up front.
        buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        blobs = map_blobs(buffer, start + lengths[1], main["blobs"])
        texts_at = start + lengths[1] + lengths[2] - sum(text_sizes)
        main["articles"]["text"] = ("@raw", TextWindows(buffer, texts_at, text_sizes))
        main["buffer"] = buffer
    try:
        main["articles"] = {name: unpack(value, blobs) for name, value in main["articles"].items()}
        if main["index"] is not None:
            state = main["index"]
            state["fields"] = {
                name: unpack(value, blobs) for name, value in state["fields"].items()
            }
            state["vocab"] = {name: unpack(value, blobs) for name, value in state["vocab"].items()}
    except CacheInvalid:
        raise
    except Exception as error:
        raise CacheInvalid(f"bad packing ({type(error).__name__})") from error
    _check_main(main)
    token = header.get("token")
    return (token if isinstance(token, str) else ""), main


def _check_main(main: dict[str, Any]) -> None:
    """Raise :class:`CacheInvalid` unless the main section has the expected shapes."""
    try:
        paths, sizes, mtimes, slots = main["files"]
        reasons = main["skipped"]
        columns = main["articles"]
        count = len(columns["path"])
        if not (len(paths) == len(sizes) == len(mtimes) == len(slots)):
            raise CacheInvalid("file table shape")
        if tuple(sorted(columns)) != _COLUMNS:
            raise CacheInvalid("article columns differ")
        if any(len(column) != count for column in columns.values()):
            raise CacheInvalid("article columns shape")
        if 2 * sum(columns["passage_count"]) != len(main["passages"]):
            raise CacheInvalid("passages shape")
        if slots and (max(slots) >= count or min(slots) < -len(reasons)):
            raise CacheInvalid("file table points outside the articles")
        if not isinstance(main["warnings"], dict):
            raise CacheInvalid("warnings shape")
        state = main["index"]
        if state is not None:
            _check_index(state, columns["passage_count"])
    except CacheInvalid:
        raise
    except Exception as error:
        raise CacheInvalid(f"bad shape ({type(error).__name__}: {error})") from error


_ARTICLE_FIELDS = (
    "id",
    "path",
    "text",
    "title",
    "date",
    "folder",
    "source",
    "author",
    "url",
    "dateline",
    "encoding",
    "title_span",
    "body_start",
    "passages",
    "mtime",
    "size",
)
if tuple(f.name for f in fields(Article)) != _ARTICLE_FIELDS:  # pragma: no cover
    raise ImportError("tui.core.cache.load: Article's fields changed; update _ARTICLE_FIELDS")
_COLUMNS = tuple(
    sorted(
        [
            "id",
            "folder",
            "path",
            "text",
            "title",
            "date",
            "source",
            "author",
            "url",
            "dateline",
            "encoding",
            "title_span",
            "body_start",
            "mtime",
            "size",
            "passage_count",
        ]
    )
)


def _check_index(state: dict[str, Any], counts: Sequence[int]) -> None:
    """Raise :class:`CacheInvalid` unless ``state`` fits articles of ``counts`` passages each."""
    try:
        SearchIndex.check_state(state, counts)
    except ValueError as error:
        raise CacheInvalid(str(error)) from error


def stored_articles(columns: dict[str, Any], flat: array[int]) -> list[Article]:
    """Every cached article, rebuilt from the columns (in the cached, sorted order).

    Their texts stay in the mapped cache file until read (:class:`StoredArticle`).
    """
    pairs = iter(flat)
    spans = list(zip(pairs, pairs))
    passages: list[list[Span]] = []
    start = 0
    for count in columns["passage_count"]:
        passages.append(spans[start : start + count])
        start += count
    values = {"passages": passages, **columns}
    texts: TextWindows = columns["text"]
    names = [name for name in _ARTICLE_FIELDS if name != "text"]
    return list(
        map(
            StoredArticle,
            *(values[name] for name in names),
            repeat(texts.buffer),
            texts.starts,
            texts.sizes,
        )
    )


def quotes_from_section(section: dict[str, Any]) -> tuple[list[str], QuoteTable]:
    """The article paths and the quotations of the section; raises when malformed."""
    from tui.core.quotes import QuoteTable  # loaded with the quotations, after the index

    paths = section["paths"]
    table = QuoteTable.from_state(section["table"])
    if not isinstance(paths, list) or len(paths) != len(table):
        raise CacheInvalid("quotes shape")
    return paths, table

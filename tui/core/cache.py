"""A persistent cache of the parsed corpus and its search index, for warm starts.

One cache file per corpus folder lives in the user's cache directory
(``platformdirs.user_cache_dir("seedtui")``, overridden by ``$SEEDTUI_CACHE_DIR``
or the ``folder`` argument), named after a hash of the folder's resolved path.
Nothing is ever written into the corpus folder: a cache folder inside it is
refused.

Validity. Each file is keyed by its path relative to the corpus, its size and its
modification time in nanoseconds; changed and added files are re-read, removed
ones dropped, the rest reused. A file modified less than :data:`RACY_NS` before
it was stat-ed could change again without its mtime moving (coarse file clocks),
so it is stored as untrusted and re-read next time. The header carries a magic
string, :data:`CACHE_VERSION`, a hash of the source of the core modules (so any
code change invalidates old caches) and the corpus path; shapes are verified
after loading, and the unpickler accepts no global but ``array``'s
reconstructor, so a foreign pickle cannot run code. Any failure while reading
means: warn, rebuild, rewrite.

Layout: ``MAGIC``, four little-endian 8-byte section lengths, then a small header
pickle, the main pickle (file table, article fields column-wise, the index state in
compact packed forms, see :func:`_pack`), the raw bytes of the big arrays
(``array.tofile`` / ``fromfile``: no pickling copies), and the quotations
column-wise. The quotations are read only by :meth:`CachedCorpus.finish_quotes`, off the
critical path. Writes go to a temporary file in the cache folder, are fsync-ed and
renamed over the old file (``os.replace``), so a reader, or a second seedtui process
writing at the same time, only ever sees a complete file (the last writer wins).

When none changed, the index is loaded as it was saved. When a few did, the cached
index is updated (:mod:`tui.core.update`: passages of removed and changed files
become dead, those of new and changed files are appended); when too many passages
would be dead, or the cached index cannot be updated, it is rebuilt from the (mostly
cached) articles.
"""

from __future__ import annotations

import gc
import hashlib
import io
import mmap
import operator
import os
import pickle
import re
import secrets
import struct
import tempfile
import threading
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from itertools import accumulate, repeat
from pathlib import Path
from typing import IO, Any

from tui.core.corpus import (
    SUFFIXES,
    Corpus,
    LoadCancelled,
    check_root,
    read_article,
)
from tui.core.models import Article, LoadWarning, Skipped, Span
from tui.core.quote_table import QuoteTable
from tui.core.quotes import find_quotes
from tui.core.ragged import Ragged
from tui.core.search import SearchCancelled, SearchIndex
from tui.core.stored import StoredArticle, encoded
from tui.core.update import update_index
from tui.core.vocab import Vocabulary

__all__ = [
    "CACHE_VERSION",
    "CachedCorpus",
    "cache_folder",
    "cache_path",
    "cache_state",
    "file_key",
    "load_cached",
    "save_loaded",
]

CACHE_VERSION = 1
"""Bumped by hand when the layout changes (the source hash catches the rest)."""
MAGIC = b"SEEDTUI-CACHE\x00\x01\n"
"""The first bytes of every cache file."""
RACY_NS = 2_000_000_000
"""Files modified this close (ns) to the scan are re-read next time."""
_LENGTHS = struct.Struct("<QQQQ")
_PROTOCOL = 5

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; stages ``scan``, ``read``, ``index``, ``save``."""

_FileKey = tuple[int, int]


class CacheInvalid(Exception):
    """The cache file cannot be used (the message says why)."""


def cache_folder(folder: Path | None = None) -> Path:
    """The cache folder: ``folder``, else ``$SEEDTUI_CACHE_DIR``, else the user cache dir."""
    if folder is not None:
        return Path(folder)
    override = os.environ.get("SEEDTUI_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("seedtui"))


def cache_path(root: Path, folder: Path | None = None) -> Path:
    """The cache file of the corpus folder ``root`` (resolved) inside the cache folder."""
    name = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape"))
    return cache_folder(folder) / f"corpus-{name.hexdigest()[:32]}.cache"


_code_hash: str | None = None
_quotes_hash: str | None = None


_IMPORT_RE = re.compile(r"^[ \t]*(?:from|import)[ \t]+tui\.core\.(\w+)", re.M)


def _source_hash(roots: tuple[str, ...]) -> str:
    """A hash of this module and of the core modules ``roots`` import, transitively."""
    core = Path(__file__).parent
    todo, seen = list(roots), set()
    while todo:
        name = todo.pop()
        if name in seen or not (core / f"{name}.py").is_file():
            continue
        seen.add(name)
        todo.extend(_IMPORT_RE.findall((core / f"{name}.py").read_text(encoding="utf-8")))
    digest = hashlib.sha256(f"{CACHE_VERSION}".encode())
    for name in sorted(seen) + ["cache"]:
        digest.update(name.encode() + b"\0" + (core / f"{name}.py").read_bytes())
    return digest.hexdigest()


def code_hash() -> str:
    """Hash of the source that defines and builds the corpus and the index.

    Covers this module and every core module :mod:`tui.core.corpus`,
    :mod:`tui.core.search` and :mod:`tui.core.update` import, transitively: a
    change there invalidates the cache.
    Taken when this module is imported, right after those modules, so that it
    describes the code that runs even when the files are edited meanwhile.
    """
    global _code_hash
    if _code_hash is None:
        _code_hash = _source_hash(("corpus", "search", "models", "update"))
    return _code_hash


def quotes_hash() -> str:
    """Hash of the source that finds quotations: a change there drops only the cached quotes."""
    global _quotes_hash
    if _quotes_hash is None:
        _quotes_hash = _source_hash(("quotes", "models"))
    return _quotes_hash


code_hash()
quotes_hash()


@dataclass(slots=True)
class CachedCorpus:
    """A loaded corpus with its ready index, and how much of it came from the cache."""

    corpus: Corpus
    index: SearchIndex
    quotes: QuoteTable | None = None
    """Quotations per article number; ``None`` until :meth:`finish_quotes` ran."""
    warnings: list[str] = field(default_factory=list)
    """Cache problems (corrupt, foreign, outdated, unwritable), for the status line."""
    reused: int = 0
    """Files (articles and skipped files) taken from the cache."""
    reread: int = 0
    """Files read from disk."""
    path: Path | None = None
    """The cache file, or ``None`` when the cache is not used."""
    speakers_ready: bool = False
    """True when ``index`` already knows the speakers (restored from the cache)."""
    _token: str = ""
    _stale: bool = False
    _reused_paths: set[str] = field(default_factory=set)
    _files: list[tuple[str, str, _FileKey | None]] = field(default_factory=list)
    _scan_ns: int = 0
    _order: list[tuple[str, int]] = field(default_factory=list)
    """Every file in scan order: its path and article number (``-1 - k`` for ``skipped[k]``)."""

    def finish_quotes(self, cancel: threading.Event | None = None) -> QuoteTable:
        """Every article's quotations: cached rows for unchanged files, the rest found anew.

        Sets the index's speakers and, when anything had to be found, rewrites the
        cache. Meant for a background worker; raises :class:`LoadCancelled`.
        """
        if self.quotes is not None:
            return self.quotes
        collecting = gc.isenabled()
        gc.disable()  # as in load_cached: a million new objects, no cycles among them
        try:
            return self._finish_quotes(cancel)
        finally:
            if collecting:
                gc.enable()

    def _finish_quotes(self, cancel: threading.Event | None) -> QuoteTable:
        """The body of :meth:`finish_quotes`."""
        paths, cached = self._cached_quotes()
        articles = self.corpus.articles
        computed = 0
        if paths == [article.path for article in articles] and all(
            path in self._reused_paths for path in paths
        ):
            table = cached  # nothing changed: the cached table as it is
        else:
            rows = {path: number for number, path in enumerate(paths)}
            table = QuoteTable.sharing(cached)
            for number, article in enumerate(articles):
                if number % 256 == 0 and cancel is not None and cancel.is_set():
                    raise LoadCancelled()
                row = rows.get(article.path) if article.path in self._reused_paths else None
                if row is None:
                    table.append(find_quotes(article.text))
                    computed += 1
                else:
                    table.append_from(cached, row)
        if not self.speakers_ready:
            self.index.set_speakers([table.speakers(n) for n in range(len(articles))])
            self.speakers_ready = True
        self.quotes = table
        if table is not cached and self.path is not None:
            self._save(None)  # files changed: their quotations (or their absence) are kept
        return table

    # -- internals ---------------------------------------------------------------

    def _cached_quotes(self) -> tuple[list[str], QuoteTable]:
        """The cached quotations and the path of each of their articles (when still valid)."""
        if self.path is None or not self._token:
            return [], QuoteTable()
        try:
            with self.path.open("rb") as handle:
                lengths = _read_prelude(handle)
                header = _Unpickler(io.BytesIO(handle.read(lengths[0]))).load()
                if not isinstance(header, dict) or header.get("token") != self._token:
                    return [], QuoteTable()
                if header.get("quotes_code") != quotes_hash():
                    return [], QuoteTable()
                handle.seek(lengths[1] + lengths[2], io.SEEK_CUR)
                section = _Unpickler(handle).load()
            return _quotes_from_section(section)
        except Exception as error:  # a damaged quotes section only costs time
            self.warnings.append(
                f"cached quotations unreadable ({type(error).__name__}); finding them anew"
            )
            return [], QuoteTable()

    def _save(self, progress: Progress | None) -> None:
        """Write the cache file atomically (warn, never raise, on failure)."""
        assert self.path is not None
        try:
            _write(self, progress)
        except OSError as error:
            self.warnings.append(f"cache not saved: {error.strerror or error}")


class _Unpickler(pickle.Unpickler):
    """An unpickler that refuses every global except ``array``'s reconstructor."""

    def find_class(self, module: str, name: str) -> Any:
        """Only ``array.array`` and ``array._array_reconstructor`` may be loaded."""
        if module == "array" and name in ("array", "_array_reconstructor"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"foreign object {module}.{name}")


def _read_prelude(handle: IO[bytes]) -> tuple[int, int, int, int]:
    """Check the magic bytes and return the four section lengths."""
    head = handle.read(len(MAGIC) + _LENGTHS.size)
    if len(head) < len(MAGIC) + _LENGTHS.size or not head.startswith(MAGIC):
        raise CacheInvalid("not a seedtui cache")
    lengths: tuple[int, int, int, int] = _LENGTHS.unpack(head[len(MAGIC) :])
    return lengths


# -- scanning -----------------------------------------------------------------------


def _scan(root: Path, cancel: threading.Event | None) -> list[tuple[str, str, _FileKey | None]]:
    """Every article file as (full path, relative path, (size, mtime_ns) or ``None``).

    Same files and order as :func:`tui.core.corpus.find_files`. The files are
    stat-ed by a few threads (``os.stat`` releases the GIL): 100k files take
    about 1.1 s on one thread and 0.45 s on two cores.
    """
    fulls, relatives = _walk(str(root), cancel)
    keys = _stat_all(fulls, cancel)
    return list(zip(fulls, relatives, keys))


def _walk(base: str, cancel: threading.Event | None) -> tuple[list[str], list[str]]:
    """Full and relative paths of the article files below ``base``, in load order."""
    fulls: list[str] = []
    relatives: list[str] = []
    cut = len(base.rstrip(os.sep)) + 1
    for folder, dirnames, filenames in os.walk(base, followlinks=False):
        if cancel is not None and cancel.is_set():
            raise LoadCancelled()
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        prefix = folder + os.sep
        relative_prefix = prefix[cut:]
        if os.sep != "/":
            relative_prefix = relative_prefix.replace(os.sep, "/")
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            fulls.append(prefix + name)
            relative = relative_prefix + name
            if not relative.isascii():
                relative = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            relatives.append(relative)
    return fulls, relatives


def _stat_chunk(paths: list[str]) -> list[_FileKey | None]:
    """``(size, mtime_ns)`` of each path, ``None`` when it cannot be stat-ed."""
    keys: list[_FileKey | None] = []
    append = keys.append
    stat = os.stat
    for path in paths:
        try:
            result = stat(path)
        except OSError:
            append(None)
        else:
            append((result.st_size, result.st_mtime_ns))
    return keys


def _stat_all(paths: list[str], cancel: threading.Event | None) -> list[_FileKey | None]:
    """Stat ``paths``, with a few threads when there are many."""
    workers = min(4, os.cpu_count() or 1)
    if len(paths) < 4096 or workers < 2:
        return _stat_chunk(paths)
    from concurrent.futures import ThreadPoolExecutor

    size = max(1024, len(paths) // (workers * 8))
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    keys: list[_FileKey | None] = []
    with ThreadPoolExecutor(workers, thread_name_prefix="seedtui-stat") as pool:
        for found in pool.map(_stat_chunk, chunks):
            if cancel is not None and cancel.is_set():
                raise LoadCancelled()
            keys.extend(found)
    return keys


# -- loading ------------------------------------------------------------------------


def load_cached(
    root: Path | str,
    *,
    folder: Path | None = None,
    use_cache: bool = True,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
    on_corpus: Callable[[CachedCorpus], None] | None = None,
) -> CachedCorpus:
    """Load the corpus below ``root`` with a ready search index, reusing the cache.

    Unchanged files come from the cache, changed and new ones are read, removed
    ones dropped; the index is updated (or rebuilt, see the module notes) and the
    cache rewritten when anything differed. When the index must be updated or
    rebuilt, ``on_corpus`` is called first with the result so far (its corpus
    complete, its index empty), so that the articles can be shown. With
    ``use_cache=False`` the cache is neither read nor written. The result answers
    searches as a cold :func:`~tui.core.corpus.load_corpus` plus
    :meth:`SearchIndex.build` would (an updated index numbers passages differently).
    Quotations follow with :meth:`CachedCorpus.finish_quotes`.

    Raises :class:`~tui.core.corpus.CorpusError` when ``root`` is not a readable
    folder and :class:`~tui.core.corpus.LoadCancelled` when ``cancel`` is set.
    """
    # Millions of small objects are created at once; the cyclic collector would
    # walk them all again and again (they hold no cycles), so it pauses meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(root), folder, use_cache, cancel, progress, on_corpus)
    finally:
        if collecting:
            gc.enable()


def cache_state(root: Path, folder: Path | None = None) -> tuple[bool, str | None]:
    """Whether ``root`` has a cache file this seedtui would take (header only), and a warning.

    Lets the browser read the folder progressively instead when the cache would
    be rebuilt anyway. The warning says why an existing file is not taken; it is
    ``None`` when the file is usable or simply not there yet.
    """
    try:
        with cache_path(root, folder).open("rb") as handle:
            lengths = _read_prelude(handle)
            header = _Unpickler(io.BytesIO(handle.read(lengths[0]))).load()
        if not isinstance(header, dict):
            raise CacheInvalid("bad header")
        if header.get("version") != CACHE_VERSION:
            raise CacheInvalid(f"cache version {header.get('version')!r}, not {CACHE_VERSION}")
        if header.get("code") != code_hash():
            raise CacheInvalid("written by another version of seedtui")
        if header.get("root") != str(root.resolve()):
            raise CacheInvalid("cache of another folder")
    except FileNotFoundError:
        return False, None
    except Exception as error:
        return False, f"cache ignored and rebuilt: {_describe(error)}"
    return True, None


def file_key(path: str | Path) -> _FileKey | None:
    """``(size, mtime_ns)`` of a file, as the cache keys it; ``None`` when it cannot be stat-ed.

    Take it before reading the file: a change made meanwhile then shows as a
    different key on the next start, and the file is read again.
    """
    try:
        result = os.stat(path)
    except OSError:
        return None
    return (result.st_size, result.st_mtime_ns)


def save_loaded(
    corpus: Corpus,
    index: SearchIndex,
    quotes: QuoteTable,
    keys: Sequence[tuple[str, _FileKey | None]],
    scan_ns: int,
    folder: Path | None = None,
) -> list[str]:
    """Write the cache for a corpus that was read and indexed without it; the warnings.

    For the browser's first start, which reads the folder progressively (so the
    list fills as it goes) and would otherwise read it a second time to fill the
    cache. ``keys`` holds every file's relative path and :func:`file_key`, in
    the order read; ``scan_ns`` is :func:`time.time_ns` from before the first key
    was taken (files modified close to it are not trusted next time). ``index``
    must know its speakers already (:meth:`SearchIndex.set_speakers` from ``quotes``).
    """
    path = cache_path(corpus.root, folder)
    resolved_root = corpus.root.resolve()
    if resolved_root == path.parent.resolve() or resolved_root in path.parent.resolve().parents:
        return ["cache folder is inside the corpus folder; cache not used"]
    slots = {article.path: number for number, article in enumerate(corpus.articles)}
    slots.update((skipped.path, -1 - k) for k, skipped in enumerate(corpus.skipped))
    result = CachedCorpus(corpus, index, quotes=quotes, path=path, speakers_ready=True)
    result._files = [("", relative, key) for relative, key in keys if relative in slots]
    result._order = [(relative, slots[relative]) for _full, relative, _key in result._files]
    result._scan_ns = scan_ns
    result._save(None)
    return result.warnings


def _load(
    root: Path,
    folder: Path | None,
    use_cache: bool,
    cancel: threading.Event | None,
    progress: Progress | None,
    on_corpus: Callable[[CachedCorpus], None] | None,
) -> CachedCorpus:
    """The body of :func:`load_cached`."""
    check_root(root)
    warnings: list[str] = []
    path: Path | None = None
    if use_cache:
        path = cache_path(root, folder)
        resolved_root = root.resolve()
        resolved_folder = path.parent.resolve()
        if resolved_folder == resolved_root or resolved_root in resolved_folder.parents:
            warnings.append("cache folder is inside the corpus folder; cache not used")
            path = None
    scan_ns = time.time_ns()
    # Stat the files in a thread while the cache is read: both mostly wait on the kernel.
    scanned: dict[str, Any] = {}

    def scan() -> None:
        try:
            scanned["files"] = _scan(root, cancel)
        except BaseException as error:  # re-raised below, in the caller's thread
            scanned["error"] = error

    scanner = threading.Thread(target=scan, name="seedtui-scan", daemon=True)
    scanner.start()
    main: dict[str, Any] | None = None
    token = ""
    if path is not None:
        try:
            token, main = _read_main(path, root)
        except FileNotFoundError:
            pass
        except Exception as error:
            warnings.append(f"cache ignored and rebuilt: {_describe(error)}")
    scanner.join()
    if "error" in scanned:
        raise scanned["error"]
    files: list[tuple[str, str, _FileKey | None]] = scanned["files"]
    if progress is not None:
        progress("scan", len(files), len(files))
    result = _assemble(root, files, main, token, cancel, progress, warnings, on_corpus)
    result.path = path
    result._files = files
    result._scan_ns = scan_ns
    if path is not None and (result.reread or main is None or result._stale):
        result._save(progress)
    return result


def _describe(error: BaseException) -> str:
    """A short reason for a rejected cache."""
    if isinstance(error, CacheInvalid):
        return str(error)
    if isinstance(error, pickle.UnpicklingError) and "foreign" in str(error):
        return str(error)
    return f"unreadable ({type(error).__name__})"


def _read_main(path: Path, root: Path) -> tuple[str, dict[str, Any]]:
    """The token and main section of the cache file, unpacked and checked; raises on any problem."""
    with path.open("rb", buffering=1 << 20) as handle:
        size = os.fstat(handle.fileno()).st_size
        lengths = _read_prelude(handle)
        if len(MAGIC) + _LENGTHS.size + sum(lengths) != size:
            raise CacheInvalid("truncated or padded cache file")
        header = _Unpickler(io.BytesIO(handle.read(lengths[0]))).load()
        if not isinstance(header, dict):
            raise CacheInvalid("bad header")
        if header.get("version") != CACHE_VERSION:
            raise CacheInvalid(f"cache version {header.get('version')!r}, not {CACHE_VERSION}")
        if header.get("code") != code_hash():
            raise CacheInvalid("written by another version of seedtui")
        if header.get("root") != str(root.resolve()):
            raise CacheInvalid("cache of another folder")
        main = _Unpickler(handle).load()
        start = len(MAGIC) + _LENGTHS.size + lengths[0]
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
        blobs = _map_blobs(buffer, start + lengths[1], main["blobs"])
        texts_at = start + lengths[1] + lengths[2] - sum(text_sizes)
        main["articles"]["text"] = ("@raw", _TextWindows(buffer, texts_at, text_sizes))
        main["buffer"] = buffer
    try:
        main["articles"] = {
            name: _unpack(value, blobs) for name, value in main["articles"].items()
        }
        if main["index"] is not None:
            state = main["index"]
            state["fields"] = {
                name: _unpack(value, blobs) for name, value in state["fields"].items()
            }
            state["vocab"] = {
                name: _unpack(value, blobs) for name, value in state["vocab"].items()
            }
    except CacheInvalid:
        raise
    except Exception as error:
        raise CacheInvalid(f"bad packing ({type(error).__name__})") from error
    _check_main(main)
    token = header.get("token")
    return (token if isinstance(token, str) else ""), main


# -- compact packing ------------------------------------------------------------------
#
# Lists of many small objects are slow to unpickle one opcode at a time. Packed
# forms: ``("@strs", joined)`` for a list of strings without newlines,
# ``("@ints", array)``, ``("@ragged", flat, starts)`` for a :class:`Ragged`,
# ``("@arrays", typecode, flat, lengths)`` for a list of
# arrays, ``("@lists", packed items, lengths)`` for a list of lists of ints or
# strings, ``("@dict", packed keys, packed values)`` for a dict of strings to
# ints; anything else is ``("@raw", value)``. Decided by the actual types, so a
# change in the index's internals still round-trips. Arrays are not pickled
# (that copies them) but written raw after the main section, ``("@blob", n)``
# standing for the ``n``-th of them, and read back with ``array.fromfile``.

Blobs = list[tuple[str, Sequence[Any]]]
"""Arrays to write after the main section: a typecode and arrays written one after another."""


def _blob(typecode: str, arrays: Sequence[Any], blobs: Blobs) -> tuple[str, int]:
    """Queue ``arrays`` (concatenated) as the next blob."""
    blobs.append((typecode, arrays))
    return ("@blob", len(blobs) - 1)


def _pack(value: Any, blobs: Blobs) -> tuple[Any, ...]:
    """``value`` in its packed form; its big arrays go to ``blobs``."""
    if type(value) is array and value.typecode in "bBhHiIlLqQ":
        return _blob(value.typecode, [value], blobs)
    if type(value) is memoryview and value.format in _TYPECODES:
        return _blob(value.format, [value], blobs)
    if type(value) is Ragged:
        return ("@ragged", _pack(value.flat, blobs), _pack(value.starts, blobs))
    if type(value) is list and value:
        first = value[0]
        if type(first) is str and all(type(item) is str for item in value):
            joined = "\n".join(value)
            if joined.count("\n") == len(value) - 1:
                return ("@strs", joined)
        elif type(first) is int and all(type(item) is int for item in value):
            try:
                return ("@ints", _blob("q", [array("q", value)], blobs))
            except OverflowError:
                pass
        elif type(first) is array and all(
            type(item) is array and item.typecode == first.typecode for item in value
        ):
            lengths = array("q", map(len, value))
            return ("@arrays", _blob(first.typecode, value, blobs), lengths)
        elif type(first) is list and all(type(item) is list for item in value):
            inner = _pack([x for item in value for x in item], blobs)
            if inner[0] in ("@strs", "@ints"):
                return ("@lists", inner, array("q", map(len, value)))
    elif type(value) is dict and value:
        keys = _pack(list(value), blobs)
        values = _pack(list(value.values()), blobs)
        if keys[0] == "@strs" and values[0] == "@ints":
            return ("@dict", keys, values)
    return ("@raw", value)


def _map_blobs(buffer: mmap.mmap, at: int, table: list[tuple[str, int]]) -> list[Any]:
    """Typed read-only views of the arrays written one after another from offset ``at``.

    Small arrays are copied (an ``array`` is cheaper to index than a view); big
    ones are ``memoryview`` casts of the map (CPython reads their items with
    ``memcpy``, so the offsets need no alignment).
    """
    blobs: list[Any] = []
    view = memoryview(buffer)
    for typecode, count in table:
        size = array(typecode).itemsize * count
        if size < _COPY_BELOW:
            blob = array(typecode)
            blob.frombytes(view[at : at + size])  # a view of bytes
            blobs.append(blob)
        else:
            blobs.append(view[at : at + size].cast(typecode))  # type: ignore[call-overload]
        at += size
    return blobs


_COPY_BELOW = 1 << 20
_TYPECODES = "bBhHiIlLqQ"
"""Arrays smaller than this (bytes) are copied out of the map rather than viewed."""


def _release(buffer: mmap.mmap | None) -> None:
    """Drop this process's mapping of ``buffer``'s pages (they stay in the page cache).

    Pages of a mapped file that were read count in the resident set until then;
    after a pass over the whole file (an index update, a cache rewrite) they
    would double the memory the process is seen to use. Later reads fault them
    back in from the page cache.
    """
    if buffer is not None and hasattr(buffer, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
        try:
            buffer.madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError):  # a closed map, or a system that refuses: no harm
            pass


_RELEASE_EVERY = 64 << 20
"""While writing a cache, mapped pages of the old one are released after this many bytes."""


class _TextWindows:
    """Where each article's UTF-8 text lies in the mapped cache file (a column of its own)."""

    def __init__(self, buffer: mmap.mmap, at: int, sizes: array[int]) -> None:
        """The texts of ``sizes`` bytes each, one after another from offset ``at``."""
        self.buffer = buffer
        self.sizes = sizes
        self.starts = list(accumulate(sizes, initial=at))[:-1]

    def __len__(self) -> int:
        """Number of texts."""
        return len(self.sizes)


def _split(flat: Any, lengths: list[int], what: str) -> list[Any]:
    """``flat`` cut into consecutive slices of ``lengths``; raises when they do not add up."""
    if sum(lengths) != len(flat):
        raise CacheInvalid(f"bad packed {what}")
    pieces: list[Any] = []
    start = 0
    for length in lengths:
        pieces.append(flat[start : start + length])
        start += length
    return pieces


def _unpack(packed: Any, blobs: list[array[int]]) -> Any:
    """The value of a packed form; raises :class:`CacheInvalid` on an unknown form."""
    if not isinstance(packed, tuple) or not packed:
        raise CacheInvalid("bad packed value")
    kind = packed[0]
    if kind == "@raw":
        return packed[1]
    if kind == "@blob":
        return blobs[packed[1]]
    if kind == "@strs":
        return packed[1].split("\n")
    if kind == "@ints":
        return _unpack(packed[1], blobs).tolist()
    if kind == "@ragged":
        try:
            flat, starts = _unpack(packed[1], blobs), _unpack(packed[2], blobs)
            if not all(isinstance(part, (array, memoryview)) for part in (flat, starts)):
                raise ValueError("rows are not arrays")
            return Ragged(flat, starts)
        except ValueError as error:
            raise CacheInvalid("bad packed rows") from error
    if kind == "@arrays":
        return _split(_unpack(packed[1], blobs), packed[2], "arrays")
    if kind == "@lists":
        return _split(_unpack(packed[1], blobs), packed[2], "lists")
    if kind == "@dict":
        keys, values = _unpack(packed[1], blobs), _unpack(packed[2], blobs)
        if len(keys) != len(values):
            raise CacheInvalid("bad packed dict")
        return dict(zip(keys, values))
    raise CacheInvalid(f"unknown packing {kind!r}")


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


_VOCAB_SLOTS = tuple(sorted(name for name in Vocabulary.__slots__ if name != "_cache"))
_INDEX_FIELDS = tuple(sorted(set(vars(SearchIndex([]))) - {"articles", "vocab"}))
"""Every attribute a :class:`SearchIndex` has, except its articles and vocabulary."""
_ARTICLE_FIELDS = (
    "id", "path", "text", "title", "date", "folder", "source", "author", "dateline",
    "encoding", "title_span", "body_start", "passages", "mtime", "size",
)
if tuple(f.name for f in fields(Article)) != _ARTICLE_FIELDS:  # pragma: no cover
    raise ImportError("tui.core.cache: Article's fields changed; update _ARTICLE_FIELDS")
_COLUMNS = tuple(sorted(
    ["id", "folder", "path", "text", "title", "date", "source", "author", "dateline", "encoding",
     "title_span", "body_start", "mtime", "size", "passage_count"]
))


def _check_index(state: dict[str, Any], counts: Sequence[int]) -> None:
    """Raise :class:`CacheInvalid` unless ``state`` fits articles of ``counts`` passages each."""
    fields_, vocab = state["fields"], state["vocab"]
    if tuple(sorted(fields_)) != _INDEX_FIELDS or tuple(sorted(vocab)) != _VOCAB_SLOTS:
        raise CacheInvalid("index fields differ")
    terms = len(vocab["terms"])
    if len(fields_["postings"]) != terms or len(vocab["ids"]) != terms:
        raise CacheInvalid("vocabulary shape")
    passages = len(fields_["passage_article"])
    first, dead, articles = fields_["article_first"], fields_["dead"], len(counts)
    if type(dead) is not int or not 0 <= dead <= passages or type(fields_["ordered"]) is not bool:
        raise CacheInvalid("index dead passages")
    if len(first) != articles or sum(counts) + dead != passages:
        raise CacheInvalid("index articles shape")
    if articles and (min(first) < 0 or max(map(operator.add, first, counts)) > passages):
        raise CacheInvalid("index articles outside the passages")
    if len(fields_["offsets"]) != passages + 1 or fields_["offsets"][-1] != len(fields_["tokens"]):
        raise CacheInvalid("index passages shape")
    if len(fields_["passage_index"]) != passages or len(fields_["folders"]) != articles:
        raise CacheInvalid("index shape")


def _assemble(
    root: Path,
    files: list[tuple[str, str, _FileKey | None]],
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
    cached: dict[str, tuple[_FileKey, int]] = {}
    reasons: list[str] = []
    old_warnings: dict[str, str] = {}
    old_articles: list[Article] = []
    if main is not None:
        paths, sizes, mtimes, slots = main["files"]
        reasons = main["skipped"]
        old_warnings = main["warnings"]
        cached = {p: ((s, m), n) for p, s, m, n in zip(paths, sizes, mtimes, slots)}
        old_articles = _articles(main["articles"], main["passages"])
    corpus = Corpus(root)
    result = CachedCorpus(corpus, SearchIndex([]), warnings=warnings, _token=token)
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
                result._order.append((relative, -len(corpus.skipped)))
                continue
            reused_slots.append(slot)
            scan_order.append(old_articles[slot])
            result._reused_paths.add(relative)
            message = old_warnings.get(relative)
            if message is not None:
                corpus.warnings.append(LoadWarning(relative, message))
            result._order.append((relative, len(scan_order) - 1))
            continue
        unchanged = False
        if cancel is not None and cancel.is_set():
            raise LoadCancelled()
        done += 1
        if progress is not None and (done % 256 == 0 or done == to_read):
            progress("read", done, to_read)
        result.reread += 1
        item = read_article(Path(full), root)
        if isinstance(item, Skipped):
            corpus.skipped.append(item)
            result._order.append((relative, -len(corpus.skipped)))
            continue
        if isinstance(item, tuple):
            item, warning = item
            corpus.warnings.append(warning)
        scan_order.append(item)
        result._order.append((relative, len(scan_order) - 1))
    if (
        unchanged
        and main is not None
        and main["index"] is not None
        and sorted(reused_slots) == list(range(len(old_articles)))
    ):
        corpus.articles = old_articles
        result.index = _restore_index(main["index"], corpus.articles)
        result.speakers_ready = bool(main.get("speakers_ready"))
        result._order = [
            (path, slot if slot < 0 else reused_slots[slot]) for path, slot in result._order
        ]
        return result
    # Something changed: sort as load_corpus does and rebuild the index.
    corpus.articles = sorted(scan_order, key=lambda article: article.sort_key)
    position = {id(article): number for number, article in enumerate(corpus.articles)}
    result._order = [
        (path, slot if slot < 0 else position[id(scan_order[slot])])
        for path, slot in result._order
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
    result._stale = True
    return result


def _update(
    main: dict[str, Any] | None,
    old_articles: list[Article],
    reused_slots: list[int],
    corpus: Corpus,
    cancel: threading.Event | None,
) -> SearchIndex | None:
    """The cached index updated for the changed files (:mod:`tui.core.update`), or ``None``.

    ``None`` when there is no cached index, when too many passages would be
    dead, or when the cached index cannot be updated: then it is built afresh.
    """
    if main is None or main["index"] is None:
        return None
    slot_of = {id(old_articles[slot]): slot for slot in reused_slots}
    kept = [slot_of.get(id(article), -1) for article in corpus.articles]
    try:
        old = _restore_index(main["index"], old_articles)
        updated = update_index(old, corpus.articles, kept, cancel)
        _release(main.get("buffer"))  # the update read all of the old index through the map
        return updated
    except SearchCancelled:
        raise
    except Exception:  # a damaged cached index costs a rebuild, never a wrong index
        return None


def _unchanged(
    root: Path,
    files: list[tuple[str, str, _FileKey | None]],
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
    articles = _articles(main["articles"], main["passages"])
    if sorted(slot for slot in order if slot >= 0) != list(range(len(articles))):
        return None
    reasons: list[str] = main["skipped"]
    corpus = Corpus(root, articles)
    corpus.skipped = [Skipped(p, reasons[-1 - slot]) for p, slot in zip(paths, order) if slot < 0]
    corpus.warnings = [LoadWarning(p, m) for p, m in main["warnings"].items()]
    result = CachedCorpus(corpus, _restore_index(main["index"], articles), _token=token)
    result.speakers_ready = bool(main.get("speakers_ready"))
    result.reused = len(files)
    result._order = list(zip(paths, order))
    result._reused_paths = set(main["articles"]["path"])
    return result


def _articles(columns: dict[str, Any], flat: array[int]) -> list[Article]:
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
    texts: _TextWindows = columns["text"]
    names = [name for name in _ARTICLE_FIELDS if name != "text"]
    return list(map(
        StoredArticle, *(values[name] for name in names),
        repeat(texts.buffer), texts.starts, texts.sizes,
    ))


def _restore_index(state: dict[str, Any], articles: Sequence[Article]) -> SearchIndex:
    """A :class:`SearchIndex` over ``articles`` from its cached (unpacked) state."""
    index = SearchIndex.__new__(SearchIndex)  # every attribute is set from the cache
    index.articles = articles
    vocab = Vocabulary()
    for name, value in state["vocab"].items():
        setattr(vocab, name, value)
    index.vocab = vocab
    for name, value in state["fields"].items():
        setattr(index, name, value)
    return index


# -- saving -------------------------------------------------------------------------


def _index_state(index: SearchIndex, blobs: Blobs) -> dict[str, Any]:
    """The picklable, packed state of ``index``."""
    return {
        "fields": {name: _pack(getattr(index, name), blobs) for name in _INDEX_FIELDS},
        "vocab": {name: _pack(getattr(index.vocab, name), blobs) for name in _VOCAB_SLOTS},
    }


def _main_section(result: CachedCorpus, blobs: Blobs) -> dict[str, Any]:
    """The main section for ``result``: file table, article columns, index state."""
    articles = result.corpus.articles
    paths: list[str] = []
    sizes = array("q")
    mtimes = array("q")
    slots = array("q")
    keys = {
        relative: key for _full, relative, key in result._files
        if key is not None and key[1] < result._scan_ns - RACY_NS
    }
    for path, slot in result._order:
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
            name: value if name == "text" else _pack(value, blobs)
            for name, value in columns.items()
        },
        "text_sizes": array("q", [len(encoded(article)) for article in articles]),
        "passages": flat,
        "index": _index_state(result.index, blobs),
        "speakers_ready": result.speakers_ready,
        "blobs": [(typecode, sum(map(len, arrays))) for typecode, arrays in blobs],
    }


def _quote_section(result: CachedCorpus) -> dict[str, Any]:
    """The known quotations of ``result``'s articles, column-wise (compact, fast to load)."""
    table = result.quotes if result.quotes is not None else QuoteTable()
    paths = [article.path for article in result.corpus.articles][: len(table)]
    return {"paths": paths, "table": table.state()}


def _quotes_from_section(section: dict[str, Any]) -> tuple[list[str], QuoteTable]:
    """The article paths and the quotations of the section; raises when malformed."""
    paths = section["paths"]
    table = QuoteTable.from_state(section["table"])
    if not isinstance(paths, list) or len(paths) != len(table):
        raise CacheInvalid("quotes shape")
    return paths, table


def _old_quotes(result: CachedCorpus) -> bytes | None:
    """The quotations section of the cache file ``result`` was loaded from, as it is.

    Written again unchanged when the cache is rewritten before the quotations are
    known, so that :meth:`CachedCorpus.finish_quotes` still finds those of the
    unchanged files (it only uses the rows of ``_reused_paths``).
    """
    if result.path is None or not result._token:
        return None
    try:
        with result.path.open("rb") as handle:
            lengths = _read_prelude(handle)
            header = _Unpickler(io.BytesIO(handle.read(lengths[0]))).load()
            if not isinstance(header, dict) or header.get("token") != result._token:
                return None
            if header.get("quotes_code") != quotes_hash():
                return None
            handle.seek(lengths[1] + lengths[2], io.SEEK_CUR)
            data = handle.read(lengths[3])
        return data if len(data) == lengths[3] and data else None
    except Exception:
        return None


def _write(result: CachedCorpus, progress: Progress | None) -> None:
    """Write ``result`` to its cache file: temporary file, fsync, rename."""
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
        "token": token,
        "written_ns": time.time_ns(),
        "articles": len(result.corpus.articles),
    }
    descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".cache", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(MAGIC + _LENGTHS.pack(0, 0, 0, 0))
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
                    maps = {id(b): b for b in (getattr(a, "_buffer", None)
                                                for a in result.corpus.articles) if b is not None}
                    written = 0
                    for _typecode, arrays in blobs:
                        for item in arrays:
                            written += handle.write(item)
                    del blobs[:]
                    for article in result.corpus.articles:
                        written += handle.write(encoded(article))
                        if written >= _RELEASE_EVERY:
                            for buffer in maps.values():
                                _release(buffer)
                            written = 0
                    for buffer in maps.values():
                        _release(buffer)
                else:
                    pickle.dump(section, handle, protocol=_PROTOCOL)
                lengths.append(handle.tell() - start)
            handle.seek(len(MAGIC))
            handle.write(_LENGTHS.pack(*lengths))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, result.path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    result._token = token
    if result.quotes is not None:
        result._reused_paths = {article.path for article in result.corpus.articles}
    if progress is not None:
        progress("save", 1, 1)

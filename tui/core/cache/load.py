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
compact packed forms, see :func:`pack`), the raw bytes of the big arrays
(``array.tofile`` / ``fromfile``: no pickling copies), and the quotations
column-wise. The quotations are read only by :meth:`CachedCorpus.finish_quotes`, off the
critical path. Writes go to a temporary file in the cache folder, are fsync-ed and
renamed over the old file (``os.replace``), so a reader, or a second seedtui process
writing at the same time, only ever sees a complete file (the last writer wins).

When none changed, the index is loaded as it was saved. When a few did, the cached
index is updated (:mod:`tui.core.search.update`: passages of removed and changed files
become dead, those of new and changed files are appended); when too many passages
would be dead, or the cached index cannot be updated, it is rebuilt from the (mostly
cached) articles.

Modules: :mod:`~tui.core.cache.keys` (paths, version, source hashes),
:mod:`~tui.core.corpus.walk` (stat-ing the folder), :mod:`~tui.core.cache.format`
(bytes, packing, the memory map), :mod:`~tui.core.cache.read` (main section back
to articles and index), :mod:`~tui.core.cache.merge` (reuse, incremental update
or rebuild), :mod:`~tui.core.cache.write` and :mod:`~tui.core.cache.result` (the
result, and its quotations found late). This one holds the entry points.
"""

from __future__ import annotations

import gc
import io
import pickle
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.atomic import remove_orphans
from tui.core.cache.format import CacheInvalid, Unpickler, read_prelude
from tui.core.cache.keys import CACHE_VERSION, cache_folder, cache_path
from tui.core.cache.merge import assemble
from tui.core.cache.read import check_header, read_main
from tui.core.cache.record import Progress
from tui.core.cache.result import CachedCorpus
from tui.core.corpus import (
    Corpus,
    FileKey,
    check_root,
    file_key,
    relative_path,
    scan_files,
)
from tui.core.regular import NotRegular, open_regular
from tui.core.search import SearchIndex

if TYPE_CHECKING:
    from tui.core.quotes import QuoteTable

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

# -- loading ------------------------------------------------------------------------


def load_cached(
    root: Path | str,
    *,
    folder: Path | None = None,
    use_cache: bool = True,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
    on_corpus: Callable[[CachedCorpus], None] | None = None,
    scope: str = "",
    files: Callable[[], list[Path]] | None = None,
) -> CachedCorpus:
    """Load the corpus below ``root`` with a ready search index, reusing the cache.

    With ``files`` (a selection of the folder's files, listed afresh at each load), only
    those are loaded, through the cache file of ``scope`` (the selection's name,
    :func:`~tui.core.cache.keys.cache_path`), never the whole folder's.

    Unchanged files come from the cache, changed and new ones are read, removed
    ones dropped; the index is updated (or rebuilt, see the module notes) and the
    cache rewritten when anything differed. When the index must be updated or
    rebuilt, ``on_corpus`` is called first with the result so far (its corpus
    complete, its index empty), so that the articles can be shown. With
    ``use_cache=False`` the cache is neither read nor written. The result answers
    searches as a cold :func:`~tui.core.corpus.read.load_corpus` plus
    :meth:`SearchIndex.build` would (an updated index numbers passages differently).
    Quotations follow with :meth:`CachedCorpus.finish_quotes`.

    Raises :class:`~tui.core.corpus.read.CorpusError` when ``root`` is not a readable
    folder and :class:`~tui.core.corpus.read.LoadCancelled` when ``cancel`` is set.
    """
    # Millions of small objects are created at once; the cyclic collector would
    # walk them all again and again (they hold no cycles), so it pauses meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(root), folder, use_cache, cancel, progress, on_corpus, scope, files)
    finally:
        if collecting:
            gc.enable()


def cache_state(root: Path, folder: Path | None = None, scope: str = "") -> tuple[bool, str | None]:
    """Whether ``root`` has a cache file this seedtui would take (header only), and a warning.

    Lets the browser read the folder progressively instead when the cache would
    be rebuilt anyway. The warning says why an existing file is not taken; it is
    ``None`` when the file is usable or simply not there yet.
    """
    path = cache_path(root, folder, scope)
    remove_orphans(path.parent)  # temporary files of writes killed midway
    try:
        with open_regular(path) as handle:
            lengths = read_prelude(handle)
            header = Unpickler(io.BytesIO(handle.read(lengths[0]))).load()
        check_header(header, root, scope)
    except FileNotFoundError:
        return False, None
    except Exception as error:
        return False, f"cache ignored and rebuilt: {describe(error)}"
    return True, None


def save_loaded(
    corpus: Corpus,
    index: SearchIndex,
    quotes: QuoteTable | None,
    keys: Sequence[tuple[str, FileKey | None]],
    scan_ns: int,
    folder: Path | None = None,
    scope: str = "",
) -> list[str]:
    """Write the cache for a corpus that was read and indexed without it; the warnings.

    For the browser's first start, which reads the folder progressively (so the
    list fills as it goes) and would otherwise read it a second time to fill the
    cache. ``keys`` holds every file's relative path and :func:`file_key`, in
    the order read; ``scan_ns`` is :func:`time.time_ns` from before the first key
    was taken (files modified close to it are not trusted next time). ``index``
    must know its speakers already (:meth:`SearchIndex.set_speakers` from ``quotes``);
    without ``quotes`` they are found by :meth:`CachedCorpus.finish_quotes` next time.
    """
    path = cache_path(corpus.root, folder, scope)
    resolved_root = corpus.root.resolve()
    if resolved_root == path.parent.resolve() or resolved_root in path.parent.resolve().parents:
        return ["cache folder is inside the corpus folder; cache not used"]
    slots = {article.path: number for number, article in enumerate(corpus.articles)}
    slots.update((skipped.path, -1 - k) for k, skipped in enumerate(corpus.skipped))
    result = CachedCorpus(
        corpus, index, quotes=quotes, path=path, speakers_ready=quotes is not None
    )
    result.scope = scope
    result.files = [("", relative, key) for relative, key in keys if relative in slots]
    result.order = [(relative, slots[relative]) for _full, relative, _key in result.files]
    result.scan_ns = scan_ns
    result._save(None)
    return result.warnings


def _load(
    root: Path,
    folder: Path | None,
    use_cache: bool,
    cancel: threading.Event | None,
    progress: Progress | None,
    on_corpus: Callable[[CachedCorpus], None] | None,
    scope: str = "",
    files: Callable[[], list[Path]] | None = None,
) -> CachedCorpus:
    """The body of :func:`load_cached`."""
    check_root(root)
    warnings: list[str] = []
    path: Path | None = None
    if use_cache:
        path = cache_path(root, folder, scope)
        remove_orphans(path.parent)  # temporary files of writes killed midway
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
            scanned["files"] = scan_files(root, cancel) if files is None else _keyed(root, files())
        except BaseException as error:  # re-raised below, in the caller's thread
            scanned["error"] = error

    scanner = threading.Thread(target=scan, name="seedtui-scan", daemon=True)
    scanner.start()
    main: dict[str, Any] | None = None
    token = ""
    if path is not None:
        try:
            token, main = read_main(path, root, scope)
        except FileNotFoundError:
            pass
        except Exception as error:
            warnings.append(f"cache ignored and rebuilt: {describe(error)}")
    scanner.join()
    if "error" in scanned:
        raise scanned["error"]
    listed: list[tuple[str, str, FileKey | None]] = scanned["files"]
    if progress is not None:
        progress("scan", len(listed), len(listed))
    result = assemble(root, listed, main, token, cancel, progress, warnings, on_corpus)
    result.path = path
    result.scope = scope
    result.files = listed
    result.scan_ns = scan_ns
    if path is not None and (result.reread or main is None or result.stale):
        result._save(progress)
    return result


def _keyed(root: Path, paths: list[Path]) -> list[tuple[str, str, FileKey | None]]:
    """``paths`` (below ``root``) as the scan gives files: full path, relative path, key."""
    return [(str(path), relative_path(path, root), file_key(path)) for path in paths]


def describe(error: BaseException) -> str:
    """A short reason for a rejected cache."""
    if isinstance(error, (CacheInvalid, NotRegular)):
        return str(error)
    if isinstance(error, pickle.UnpicklingError) and "foreign" in str(error):
        return str(error)
    return f"unreadable ({type(error).__name__})"

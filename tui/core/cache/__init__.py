"""A loaded corpus, its index and its quotations <-> one file per corpus folder.

:func:`load_cached` restores what the file holds and brings it up to date with the
folder; :func:`save_loaded` writes a freshly read corpus; :class:`CachedCorpus` is what
a load returns. Built on :mod:`tui.core.corpus`, :mod:`tui.core.search` and
:mod:`tui.core.quotes`.
"""

from __future__ import annotations

from tui.core.cache.keys import CACHE_VERSION, cache_folder, cache_path
from tui.core.cache.load import CachedCorpus, cache_state, load_cached, save_loaded
from tui.core.cache.stored import release_unused_maps

__all__ = [
    "CACHE_VERSION",
    "CachedCorpus",
    "cache_folder",
    "cache_path",
    "cache_state",
    "load_cached",
    "release_unused_maps",
    "save_loaded",
]

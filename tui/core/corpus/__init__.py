"""Files on disk -> articles and their passages.

The one walker of a corpus folder (:func:`find_files` and its stat-ing twin
:func:`scan_files`), the one reader of a file (:func:`read_article`), and
:class:`Corpus`, the articles read from one folder with what was skipped and why.
Imports only the shared kernel.
"""

from __future__ import annotations

from tui.core.corpus.inputs import (
    Source,
    combined,
    load_source,
    narrow,
    resolve_inputs,
    split_stdin,
)
from tui.core.corpus.passages import split_passages
from tui.core.corpus.read import (
    Corpus,
    CorpusError,
    LoadCancelled,
    check_root,
    find_files,
    iter_corpus,
    load_corpus,
    read_article,
)
from tui.core.corpus.select import SUFFIXES, Selection
from tui.core.corpus.walk import FileKey, file_key, scan_files

__all__ = [
    "Corpus",
    "CorpusError",
    "FileKey",
    "LoadCancelled",
    "SUFFIXES",
    "Selection",
    "Source",
    "check_root",
    "combined",
    "file_key",
    "find_files",
    "iter_corpus",
    "load_corpus",
    "load_source",
    "narrow",
    "read_article",
    "resolve_inputs",
    "scan_files",
    "split_passages",
    "split_stdin",
]

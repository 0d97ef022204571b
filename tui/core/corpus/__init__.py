"""Files on disk -> articles and their passages.

The one walk of a corpus folder (:func:`scan_files`, which :func:`find_files` lists),
narrowed by a :class:`Selection` (``--glob``/``--exclude``); the one reader of a file
(:func:`read_article`); the one loop over a folder's files (:func:`read_progressively`,
behind :func:`load_corpus` and :func:`load_source`); :class:`Source`, what the command
line names (folders, single files); and :class:`Corpus`, the articles read from one
folder with what was skipped and why. Imports only the shared kernel.
"""

from __future__ import annotations

from tui.core.corpus.ids import assign_ids
from tui.core.corpus.inputs import (
    Source,
    combined,
    combined_scope,
    load_source,
    narrow,
    resolve_inputs,
    split_stdin,
)
from tui.core.corpus.passages import split_passages
from tui.core.corpus.read import (
    Corpus,
    load_corpus,
    read_article,
    read_progressively,
    relative_path,
)
from tui.core.corpus.select import SUFFIXES, Selection
from tui.core.corpus.walk import (
    CorpusError,
    FileKey,
    LoadCancelled,
    check_root,
    file_key,
    find_files,
    scan_files,
)

__all__ = [
    "SUFFIXES",
    "Corpus",
    "CorpusError",
    "FileKey",
    "LoadCancelled",
    "Selection",
    "Source",
    "assign_ids",
    "check_root",
    "combined",
    "combined_scope",
    "file_key",
    "find_files",
    "load_corpus",
    "load_source",
    "narrow",
    "read_article",
    "read_progressively",
    "relative_path",
    "resolve_inputs",
    "scan_files",
    "split_passages",
    "split_stdin",
]

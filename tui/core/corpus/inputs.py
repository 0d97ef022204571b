"""Command-line inputs -> sources: folders (narrowed by patterns) and single files.

``seedtui a.txt notes/ b.md`` names two files and a folder. Each folder is one
:class:`Source` (its ids relative to it); the files named one by one are grouped
by the folder they are in, one source per folder, holding just those files. Each
source has a cache of its own, named by the folder and :attr:`Source.scope` (the
patterns, or the files named). Files named explicitly are read whatever their suffix; files met
while walking a folder go through the one walk (:mod:`.walk`) and its
:class:`~tui.core.corpus.select.Selection`; every source is read by the one loop,
:func:`~tui.core.corpus.read.read_progressively`.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.corpus.read import Corpus, read_progressively
from tui.core.corpus.select import Selection
from tui.core.corpus.walk import CorpusError, check_root, find_files


@dataclass(frozen=True, slots=True)
class Source:
    """One folder to read: all of it (as narrowed by ``selection``) or only ``files``."""

    root: Path
    files: tuple[str, ...] | None = None
    """Names relative to ``root`` when files were named one by one; ``None`` for a walk."""
    selection: Selection = Selection()

    @property
    def whole(self) -> bool:
        """Every article of the folder: what the cache of the folder holds."""
        return self.files is None and not self.selection

    @property
    def scope(self) -> str:
        """The name of what this source reads, for its cache: ``""`` for the whole folder.

        The same files named in any order, or the same patterns, give the same name;
        anything else another (so two selections never share a cache file).
        """
        if self.files is not None:
            return json.dumps({"files": sorted(set(self.files))})
        if not self.selection:
            return ""
        include, exclude = self.selection.include, self.selection.exclude
        return json.dumps({"glob": sorted(set(include)), "exclude": sorted(set(exclude))})

    def paths(self) -> list[Path]:
        """The files this source reads, in a stable order."""
        if self.files is not None:
            return [self.root / name for name in self.files]
        return list(find_files(self.root, self.selection or None))


def split_stdin(data: str, nul: bool) -> list[Path]:
    """Paths read from standard input: one a line, or NUL-separated with ``nul``."""
    pieces = data.split("\0") if nul else data.splitlines()
    return [Path(piece) for piece in pieces if piece.strip()]


def resolve_inputs(paths: Sequence[Path], selection: Selection | None = None) -> list[Source]:
    """The sources named by ``paths`` (folders and files), in the order first named.

    Raises :class:`CorpusError` naming the first path that is missing or unreadable.
    """
    selection = selection or Selection()
    folders: dict[Path, Source] = {}
    singles: dict[Path, list[str]] = {}
    order: list[tuple[str, Path]] = []
    for path in paths:
        if path.is_dir():
            check_root(path)
            key = path.resolve()
            if key not in folders:
                folders[key] = Source(path, None, selection)
                order.append(("folder", key))
        elif path.exists():
            if not os.access(path, os.R_OK):
                raise CorpusError(f"file not readable: {path}")
            parent = path.parent.resolve()
            if parent not in singles:
                singles[parent] = []
                order.append(("files", parent))
            if path.name not in singles[parent]:
                singles[parent].append(path.name)
        elif path.is_symlink():
            raise CorpusError(f"broken link: {path}")
        else:
            raise CorpusError(f"not found: {path}")
    sources: list[Source] = []
    for kind, key in order:
        if kind == "folder":
            sources.append(folders[key])
        elif key not in folders:  # a file inside a folder also named whole is read with it
            sources.append(Source(key, tuple(singles[key])))
    return sources


def load_source(source: Source, cancel: threading.Event | None = None) -> Corpus:
    """Read the files of ``source`` into a corpus, sorted by date then title."""
    files = [source.root / name for name in source.files] if source.files is not None else None
    return read_progressively(source.root, cancel, selection=source.selection or None, files=files)


def narrow(corpus: Corpus, source: Source) -> Corpus:
    """The articles of a whole-folder ``corpus`` that ``source`` selects."""
    if source.whole:
        return corpus
    wanted: set[str] | None = set(source.files) if source.files is not None else None

    def keep(path: str) -> bool:
        if wanted is not None:
            return path in wanted
        return source.selection.accepts(path)

    return Corpus(
        corpus.root,
        [article for article in corpus.articles if keep(article.path)],
        [skipped for skipped in corpus.skipped if keep(skipped.path)],
        [warning for warning in corpus.warnings if keep(warning.path)],
    )


def combined_scope(sources: Sequence[Source], common: Path) -> str:
    """The name of what ``sources`` read together below ``common``, for their one cache.

    Each source is named by its folder below ``common`` and its own :attr:`Source.scope`;
    the same sources in any order give the same name.
    """
    parts = {
        (source.root.resolve().relative_to(common).as_posix(), source.scope) for source in sources
    }
    return json.dumps({"sources": sorted(parts)})


def combined(sources: Sequence[Source]) -> tuple[Path, Callable[[], list[Path]]]:
    """One folder holding every source, and a lister of their files below it.

    For the browser, which reads one folder: the sources' deepest common folder is
    the root (ids are paths below it, so ``a/x`` and ``b/x`` stay apart), and the
    lister walks the sources again each time it is called (a reload sees new files).
    """
    roots = [source.root.resolve() for source in sources]
    common = Path(os.path.commonpath([str(root) for root in roots]))

    def lister() -> list[Path]:
        found: list[Path] = []
        for source, resolved in zip(sources, roots):
            below = common / resolved.relative_to(common)
            found.extend(below / path.relative_to(source.root) for path in source.paths())
        return found

    return common, lister

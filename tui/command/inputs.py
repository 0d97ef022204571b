"""From the parsed command line to loaded corpora: one :class:`Part` per source.

Every source is loaded through the command's loader and, when allowed, a cache of
its own: a whole folder through the folder's cache, a folder narrowed by
``--glob``/``--exclude`` or files named one by one through the cache of that
selection (:attr:`~tui.core.corpus.Source.scope`; the whole folder's cache is not
touched). Each part has its own index.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from tui.command.parser import UsageError
from tui.core.corpus import (
    Corpus,
    Selection,
    Source,
    resolve_inputs,
    split_stdin,
)
from tui.core.models import Article

if TYPE_CHECKING:
    from tui.core.library import Library


@dataclass(slots=True)
class Part:
    """One source as loaded: its :class:`~tui.core.library.Library` (articles, index, quotes)."""

    source: Source
    library: Library

    @property
    def root(self) -> str:
        return str(self.source.root)

    @property
    def corpus(self) -> Corpus:
        """The source's articles."""
        assert self.library.corpus is not None  # loaded before a Part is made
        return self.library.corpus


def input_paths(
    args: argparse.Namespace, default: Callable[[], Path], stdin: TextIO | None = None
) -> list[Path]:
    """The paths the command line names: PATHs, ``--corpus``, ``-`` expanded from stdin."""
    named: list[Path] = list(getattr(args, "paths", []) or [])
    corpus = getattr(args, "corpus", None)
    if corpus is not None:
        named.insert(0, corpus)
    paths: list[Path] = []
    for path in named:
        if str(path) == "-":
            stream = stdin or sys.stdin
            if stream is None or stream.isatty():
                raise UsageError("'-' reads paths from standard input, which is a terminal")
            listed = split_stdin(stream.read(), bool(args.null))
            if not listed:
                raise UsageError("no paths on standard input")
            paths.extend(listed)
        else:
            paths.append(path)
    return paths or [default()]


def sources_of(args: argparse.Namespace, paths: Sequence[Path]) -> list[Source]:
    """The sources for ``paths`` with the command line's patterns."""
    selection = Selection(tuple(args.glob or ()), tuple(args.exclude or ()))
    return resolve_inputs(paths, selection)


class WholeLoader(Protocol):
    """Loads one source into a library (the CLI's ``_load``)."""

    def __call__(
        self,
        folder: Path | None,
        *,
        use_cache: bool,
        index: bool = True,
        quotes: bool = True,
        files: Callable[[], list[Path]] | None = None,
        scope: str = "",
    ) -> Library: ...


def load_parts(
    sources: Sequence[Source],
    with_index: bool,
    quotes: bool,
    use_cache: bool,
    load: WholeLoader,
) -> list[Part]:
    """Load every source; raises :class:`UsageError` when none holds an article.

    A whole folder goes through its cache; files named one by one, or a folder narrowed
    by patterns, through the cache of that selection.
    """
    parts: list[Part] = []
    for source in sources:
        files = None if source.whole else (lambda source=source: source.paths())
        library = load(
            source.root,
            use_cache=use_cache,
            index=with_index,
            quotes=quotes,
            files=files,
            scope=source.scope,
        )
        parts.append(Part(source, library))
    if not any(part.library.articles for part in parts):
        where = ", ".join(part.root for part in parts)
        raise UsageError(f"no articles (*.txt, *.md) in {where}")
    return parts


def articles(parts: Sequence[Part]) -> list[tuple[Part, int, Article]]:
    """Every article of every part, in order, with its number in its part."""
    return [
        (part, number, article)
        for part in parts
        for number, article in enumerate(part.library.articles)
    ]

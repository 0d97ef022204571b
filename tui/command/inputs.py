"""From the parsed command line to loaded corpora: one :class:`Part` per source.

A whole folder is loaded through the command's folder loader (the cache, when
allowed); a folder narrowed by ``--glob``/``--exclude`` is its cached corpus
narrowed, or read afresh without the cache; files named one by one are read
directly (their folder's cache is not touched). Each part has its own index.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from tui.command.parser import UsageError
from tui.core.corpus import (
    Corpus,
    Selection,
    Source,
    load_source,
    narrow,
    resolve_inputs,
    split_stdin,
)
from tui.core.models import Article
from tui.core.safety import visible

WholeLoader = Callable[[Path, bool, bool], Any]
"""``(folder, with_index, use_cache) -> corpus`` or ``(corpus, index)``: ``cli._load``."""


@dataclass(slots=True)
class Part:
    """The articles of one source, and their index when one was asked for."""

    source: Source
    corpus: Corpus
    index: Any = None

    @property
    def root(self) -> str:
        return str(self.source.root)


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


def warn(corpus: Corpus) -> None:
    """Say on stderr what was skipped or read with a warning."""
    for skipped in corpus.skipped:
        print(
            f"seedtui: warning: skipped {visible(skipped.path)}: {skipped.reason}", file=sys.stderr
        )
    for warning in corpus.warnings:
        print(f"seedtui: warning: {visible(warning.path)}: {warning.message}", file=sys.stderr)


def load_parts(
    sources: Sequence[Source], with_index: bool, use_cache: bool, whole: WholeLoader
) -> list[Part]:
    """Load every source; raises :class:`UsageError` when none holds an article."""
    parts: list[Part] = []
    for source in sources:
        if source.whole:
            loaded = whole(source.root, with_index, use_cache)
            corpus, index = loaded if with_index else (loaded, None)
            parts.append(Part(source, corpus, index))
            continue
        if source.files is None and use_cache:
            from tui.core.cache import load_cached

            corpus = narrow(load_cached(source.root).corpus, source)
        else:
            corpus = load_source(source)
        warn(corpus)
        part = Part(source, corpus)
        if with_index and corpus.articles:
            from tui.core.search import SearchIndex

            part.index = SearchIndex.build(corpus.articles)
        parts.append(part)
    if not any(part.corpus.articles for part in parts):
        where = ", ".join(part.root for part in parts)
        raise UsageError(f"no articles (*.txt, *.md) in {where}")
    return parts


def articles(parts: Sequence[Part]) -> list[tuple[Part, Article]]:
    """Every article of every part, in order."""
    return [(part, article) for part in parts for article in part.corpus.articles]

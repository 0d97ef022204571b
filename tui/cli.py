"""The ``seedtui`` command: the browser, and the ``list``, ``search`` and ``quotes`` subcommands.

The subcommands are built on the core alone (no UI import) and print JSON Lines
with ``--json``, a readable table otherwise. Their JSON is a contract other tools
depend on; see the README and CHANGELOG.md. Errors are one line on stderr. Exit
status: 0 found something, 1 nothing matched, 2 a usage or input error, 130 ctrl+c.
The parser is :mod:`tui.command.parser`; inputs and output are in :mod:`tui.command`.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.clisafe import guarded, read_queries, say
from tui.command.inputs import Part, articles, input_paths, load_parts, sources_of
from tui.command.output import emit_json, one_line, prepare, table
from tui.command.parser import UsageError, build_parser, parse
from tui.resources import default_corpus

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.core.search import SearchHit
    from tui.ui.app import SeedApp

__all__ = ["UsageError", "build_parser", "main"]

EXIT_FOUND = 0
EXIT_EMPTY = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def _load(
    folder: Path | None,
    *,
    use_cache: bool,
    index: bool = True,
    quotes: bool = True,
    files: Callable[[], list[Path]] | None = None,
    scope: str = "",
) -> Library:
    """Load one source for a subcommand (through the core's one load pipeline).

    Through the cache unless ``use_cache`` is false (``--no-cache``); ``files`` (the
    selection named ``scope``) are read instead of the whole folder, through a cache of
    their own. ``index`` and ``quotes`` say what the subcommand needs. Skipped files and
    warnings go to stderr.
    """
    from tui.core.library import Library

    root = folder if folder is not None else default_corpus()
    library = Library(root, use_cache=use_cache)
    library.load_now(
        index=index or library.use_cache, quotes=quotes, files=files, scope=scope or None
    )
    for problem in library.cache_warnings:
        say(f"warning: cache: {problem}")
    corpus = library.corpus
    if corpus is not None:
        for skipped in corpus.skipped:
            say(f"warning: skipped {skipped.path}: {skipped.reason}")
        for warning in corpus.warnings:
            say(f"warning: {warning.path}: {warning.message}")
    return library


def _default_corpus() -> Path:
    """The configured default corpus, else ``./seeds``, else the bundled seeds."""
    from tui.config import current

    configured = current().corpus
    return configured if configured is not None else default_corpus()


def _parts(args: argparse.Namespace, with_index: bool = False, quotes: bool = True) -> list[Part]:
    sources = sources_of(args, input_paths(args, _default_corpus))
    return load_parts(sources, with_index, quotes, not args.no_cache, _load)


def command_list(args: argparse.Namespace) -> int:
    """``seedtui list``: one row per article."""
    parts = _parts(args)
    rows: list[dict[str, Any]] = [
        {
            "id": article.id,
            "path": article.path,
            "title": article.title,
            "date": article.date,
            "words": article.words,
            "quotes": len(part.library.quotes_of(number)),
            "author": article.author,
            "source": article.source,
            "url": article.url,
            "root": part.root,
        }
        for part, number, article in articles(parts)
    ]
    if args.json:
        emit_json(rows)
    else:
        table(
            ("DATE", "WORDS", "QUOTES", "ID", "TITLE"),
            [
                (r["date"] or "-", str(r["words"]), str(r["quotes"]), r["id"], r["title"])
                for r in rows
            ],
            caps=(None, None, None, 40),
        )
    return EXIT_FOUND if rows else EXIT_EMPTY


def _search(
    parts: Sequence[Part], query: str, limit: int
) -> tuple[list[dict[str, Any]], list[str]]:
    """The best ``limit`` hits of every part's index, best first, as JSON rows, and the
    query's words that no part has in any form."""
    found: list[tuple[Part, SearchHit]] = []
    missing: list[str] | None = None
    for part in parts:
        result = part.library.search(query, limit, prefix_last=False)
        found.extend((part, hit) for hit in result.hits)
        if part.library.index is not None:
            words = [word for word in result.unmatched if missing is None or word in missing]
            missing = words
    if len(parts) > 1:
        found.sort(key=lambda pair: -pair[1].score)
    rows = []
    for part, hit in found[:limit]:
        article = part.library.articles[hit.article]
        rows.append(
            {
                "id": article.id,
                "start": hit.start,
                "end": hit.end,
                "score": round(hit.score, 4),
                "text": article.text[hit.start : hit.end],
                "matches": [[s, e] for s, e in hit.matches],
                "title": article.title,
                "path": article.path,
                "date": article.date,
                "root": part.root,
            }
        )
    return rows, missing or []


def _say_unmatched(words: list[str]) -> None:
    """Tell (on stderr) which words of the query ranked nothing."""
    if words:
        from tui.core.text import quoted_words

        print(one_line(f"no passage has {quoted_words(words)} in any form"), file=sys.stderr)


def _queries(args: argparse.Namespace) -> list[str]:
    if args.queries is None:
        if not args.query.strip():
            raise UsageError("empty query")
        return [args.query]
    try:
        if str(args.queries) == "-":
            if any(str(path) == "-" for path in args.paths):
                raise UsageError("'-' cannot give both the queries and the paths")
            text = sys.stdin.read()
            return [line for line in text.splitlines() if line.strip()]
        return read_queries(args.queries)  # bounded; a pipe works too
    except OSError as error:
        raise UsageError(f"cannot read {args.queries}: {error.strerror or error}") from error


def command_search(args: argparse.Namespace) -> int:
    """``seedtui search``: ranked passages for one query or a file of queries."""
    import time

    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if (args.query is None) == (args.queries is None):
        raise UsageError("give either a QUERY or --queries FILE (try 'seedtui search --help')")
    queries = _queries(args)
    from tui.core.search import parse_query

    speakers = any("speaker" in parse_query(q).fields for q in queries)
    parts = _parts(args, with_index=True, quotes=speakers)
    if args.queries is not None:
        matched = False
        for query in queries:
            began = time.perf_counter()
            rows, missing = _search(parts, query, args.limit)
            elapsed = (time.perf_counter() - began) * 1000
            matched = matched or bool(rows)
            if args.json:
                record = {"query": query, "ms": round(elapsed, 3), "hits": rows}
                emit_json([{**record, "unmatched": missing}])
            else:
                best = f"{rows[0]['id']}  {one_line(rows[0]['text'], 60)}" if rows else "no match"
                print(one_line(f"{elapsed:8.2f} ms  {len(rows):3d} hits  {query!r}: {best}"))
        return EXIT_FOUND if matched else EXIT_EMPTY
    rows, missing = _search(parts, queries[0], args.limit)
    if args.json:
        emit_json(rows)
    elif not rows:
        print("no match", file=sys.stderr)
        _say_unmatched(missing)
    else:
        table(
            ("SCORE", "ID", "TITLE", "OFFSETS", "PASSAGE"),
            [
                (f"{r['score']:.3f}", r["id"], r["title"], f"{r['start']}-{r['end']}", r["text"])
                for r in rows
            ],
            caps=(None, 28, 32, None),
        )
        _say_unmatched(missing)
    return EXIT_FOUND if rows else EXIT_EMPTY


def command_quotes(args: argparse.Namespace) -> int:
    """``seedtui quotes``: every quotation with its speaker and cue."""
    from tui.core.quotes import speaker_matches

    parts = _parts(args)
    if args.speakers:
        return _speakers(parts, args.speaker, args.json)
    rows: list[dict[str, Any]] = []
    for part, number, article in articles(parts):
        for quote in part.library.quotes_of(number):
            if args.speaker and not speaker_matches(
                args.speaker, quote.speaker_name, quote.speaker
            ):
                continue
            rows.append(
                {
                    "id": article.id,
                    "start": quote.start,
                    "end": quote.end,
                    "text": article.text[quote.start : quote.end],
                    "speaker": quote.speaker,
                    "speaker_name": quote.speaker_name,
                    "cue": quote.cue,
                    "root": part.root,
                }
            )
    if args.json:
        emit_json(rows)
    elif not rows:
        print("no quotations", file=sys.stderr)
    else:
        table(
            ("ID", "SPEAKER", "CUE", "QUOTE"),
            [
                (r["id"], r["speaker_name"] or r["speaker"] or "?", r["cue"] or "-", r["text"])
                for r in rows
            ],
            caps=(24, 22, 10),
        )
    return EXIT_FOUND if rows else EXIT_EMPTY


def _speakers(parts: Sequence[Part], typed: str | None, as_json: bool) -> int:
    """``seedtui quotes --speakers``: everyone quoted, most quoted first."""
    from tui.core.quotes import QuoteTable, filter_speakers, speaker_index

    quotes = QuoteTable.of(part.library.quotes_of(number) for part, number, _a in articles(parts))
    speakers = filter_speakers(speaker_index(quotes), typed or "")
    if as_json:
        emit_json({"speaker": s.name, "quotes": s.quotes, "articles": s.articles} for s in speakers)
    elif not speakers:
        print("no speakers", file=sys.stderr)
    else:
        table_rows = [(str(s.quotes), str(s.articles), s.name) for s in speakers]
        table(("QUOTES", "ARTICLES", "SPEAKER"), table_rows)
    return EXIT_FOUND if speakers else EXIT_EMPTY


def _terminal_stdin() -> None:
    """After the paths were read from a pipe, take the keyboard from the terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        descriptor = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise UsageError("the browser needs a terminal to read keys from") from error
    os.dup2(descriptor, 0)
    os.close(descriptor)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115


def run_browser(args: argparse.Namespace) -> int:
    """Open the browser on the PATHs (the default corpus when none is given)."""
    app = browser_app(args)
    app.run()
    if app.fatal_message:
        say(app.fatal_message.removeprefix("seedtui: "))
        return 1
    code = app.return_code or 0
    return code if code >= 128 else 0  # 128 + the signal that stopped it


def browser_app(args: argparse.Namespace) -> SeedApp:
    """The browser for the PATHs of ``args``, made and ready to run.

    One whole folder is opened as itself, through its cache. Files, several paths or
    patterns open their common folder, reading only what they name, through a cache of
    that selection's own (:func:`~tui.core.corpus.combined_scope`).

    The collector is paused while the UI's modules load and the app is made: what they
    make lives as long as the process, and the collections it would have run over it
    (about 30-50 ms of CPU before the first frame, most of them in Textual's imports)
    are wasted work. The app freezes those objects out of the collector's sight
    (:func:`tui.core.library.freeze_start`) before the collector runs again.
    """
    from tui.core.corpus import check_root, combined, combined_scope

    paths = input_paths(args, _default_corpus)
    sources = sources_of(args, paths)
    files = None
    scope = ""
    if len(sources) == 1 and sources[0].whole:
        root = sources[0].root
    else:
        root, files = combined(sources)
        scope = sources[0].scope if len(sources) == 1 else combined_scope(sources, root)
    check_root(root)
    if any(str(path) == "-" for path in args.paths):
        _terminal_stdin()
    collecting = gc.isenabled()
    gc.disable()
    try:
        from tui.config import current
        from tui.ui import terminal_keys
        from tui.ui.app import SeedApp

        terminal_keys.install()
        return SeedApp(
            root,
            contain_errors=True,
            use_cache=not args.no_cache,
            config=current(),
            files=files,
            scope=scope,
        )
    finally:
        if collecting:
            gc.enable()


def _dispatch(argv: Sequence[str]) -> int:
    from tui.config import load_config, print_config

    args = parse(argv)
    if args.completion:
        from tui.command.docs import completion

        sys.stdout.write(completion(args.completion))
        return EXIT_FOUND
    config = load_config(args.config)
    if args.command != "open" or args.print_config:  # the browser shows them itself
        for problem in config.problems:
            say(f"warning: {problem}")
    if args.print_config:
        print_config(config)
        return EXIT_FOUND
    handler = {
        "open": run_browser,
        "list": command_list,
        "search": command_search,
        "quotes": command_quotes,
    }
    return handler[args.command](args)


def _run(arguments: list[str]) -> int:
    """The command line's work; usage and input errors become one line and status 2."""
    from tui.core.corpus import CorpusError

    try:
        return _dispatch(arguments)
    except (UsageError, CorpusError) as error:
        say(str(error))
        return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``seedtui`` console command and ``python -m tui``.

    :func:`tui.clisafe.guarded` turns a closed or broken output, a full disk, ctrl+c and
    any other failure into one line on stderr and a documented exit status.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    prepare(sys.stderr)
    return guarded(lambda: _run(arguments))

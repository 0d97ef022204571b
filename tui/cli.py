"""The ``seedtui`` command: the browser, and the ``list``, ``search`` and ``quotes`` subcommands.

The subcommands are built on the core alone (no UI import) and print JSON Lines
with ``--json``, a readable table otherwise. Their JSON is a contract other tools
depend on; see the README. Errors are one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tui import __version__
from tui.core.safety import visible
from tui.resources import default_corpus

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.core.search import SearchHit

SUBCOMMANDS = ("list", "search", "quotes")
EXIT_USAGE = 2
EXIT_EMPTY = 1


class UsageError(Exception):
    """A mistake in the command line or its inputs: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (try '{self.prog} --help')")


def _corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        default=None,
        help="folder of articles (default: ./seeds if present, else the bundled seeds)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON Lines")
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the corpus cache"
    )


def build_parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The parser of the browser command line and the parser of the subcommands."""
    browser = _Parser(
        prog="seedtui",
        description="Browse a folder of text documents: fuzzy passage search, "
        "quotations and their speakers.",
        epilog="subcommands (seedtui SUBCOMMAND --help): list, search, quotes",
    )
    browser.add_argument("folder", nargs="?", type=Path, help="folder of articles to open")
    browser.add_argument("--version", action="version", version=f"seedtui {__version__}")
    browser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the corpus cache"
    )

    tools = _Parser(prog="seedtui")
    sub = tools.add_subparsers(dest="command", required=True, parser_class=_Parser)
    listing = sub.add_parser("list", help="list the articles")
    _corpus_argument(listing)
    search = sub.add_parser("search", help="fuzzy passage search")
    search.add_argument("query", nargs="?", help="the query (see the README for the syntax)")
    search.add_argument("--queries", metavar="FILE", type=Path, help="one query per line")
    search.add_argument("--limit", type=int, default=10, help="hits per query (default 10)")
    _corpus_argument(search)
    quotes = sub.add_parser("quotes", help="list the quotations and their speakers")
    quotes.add_argument("--speaker", metavar="NAME", help="only quotations of this speaker")
    quotes.add_argument(
        "--speakers",
        action="store_true",
        help="list the speakers instead: quotations and articles of each (fuzzy with --speaker)",
    )
    _corpus_argument(quotes)
    return browser, tools


def _load(
    folder: Path | None, *, use_cache: bool, index: bool = True, quotes: bool = True
) -> Library:
    """Load the corpus for a subcommand, warning on stderr about skipped files.

    Through the cache unless ``use_cache`` is false (``--no-cache``); ``index`` and
    ``quotes`` say what the subcommand needs.
    """
    from tui.core.library import Library

    root = folder if folder is not None else default_corpus()
    library = Library(root, use_cache=use_cache).load_now(index=index or use_cache, quotes=quotes)
    corpus = library.corpus
    assert corpus is not None  # load_now raises CorpusError when the folder cannot be read
    for problem in library.cache_warnings:
        print(f"seedtui: warning: cache: {problem}", file=sys.stderr)
    for skipped in corpus.skipped:
        print(
            f"seedtui: warning: skipped {visible(skipped.path)}: {skipped.reason}",
            file=sys.stderr,
        )
    for warning in corpus.warnings:
        print(f"seedtui: warning: {visible(warning.path)}: {warning.message}", file=sys.stderr)
    if not corpus.articles:
        raise UsageError(f"no articles (*.txt, *.md) in {root}")
    return library


def _emit_json(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _one_line(text: str, width: int) -> str:
    """``text`` on one line, made harmless, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print ``rows`` as aligned columns; the last column takes the rest of the width."""
    width = shutil.get_terminal_size((100, 24)).columns
    widths = [max([len(header[i])] + [len(row[i]) for row in rows]) for i in range(len(header))]
    fixed = sum(widths[:-1]) + 2 * (len(header) - 1)
    last = max(width - fixed, 20)
    for row in [list(header), *rows]:
        cells = [visible(cell).ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        print("  ".join([*cells, _one_line(row[-1], last)]).rstrip())


def command_list(args: argparse.Namespace) -> int:
    """``seedtui list``: one row per article."""
    library = _load(args.corpus, use_cache=not args.no_cache, index=False)
    rows: list[dict[str, Any]] = [
        {
            "id": article.id,
            "path": article.path,
            "title": article.title,
            "date": article.date,
            "words": article.words,
            "quotes": len(library.quotes_of(number)),
        }
        for number, article in enumerate(library.articles)
    ]
    if args.json:
        _emit_json(rows)
    else:
        _table(
            ("DATE", "WORDS", "QUOTES", "ID", "TITLE"),
            [
                (r["date"] or "-", str(r["words"]), str(r["quotes"]), r["id"], r["title"])
                for r in rows
            ],
        )
    return 0


def _hit_rows(library: Library, hits: Sequence[SearchHit]) -> list[dict[str, Any]]:
    rows = []
    for hit in hits:
        article = library.articles[hit.article]
        rows.append(
            {
                "id": article.id,
                "start": hit.start,
                "end": hit.end,
                "score": round(hit.score, 4),
                "text": article.text[hit.start : hit.end],
                "matches": [[s, e] for s, e in hit.matches],
            }
        )
    return rows


def command_search(args: argparse.Namespace) -> int:
    """``seedtui search``: ranked passages for one query or a file of queries."""
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if (args.query is None) == (args.queries is None):
        raise UsageError("give either a QUERY or --queries FILE (try 'seedtui search --help')")
    queries: list[str]
    if args.queries is not None:
        try:
            queries = args.queries.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as error:
            raise UsageError(f"cannot read {args.queries}: {error.strerror or error}") from error
        queries = [line for line in queries if line.strip()]
    else:
        if not args.query.strip():
            raise UsageError("empty query")
        queries = [args.query]
    library = _load(args.corpus, use_cache=not args.no_cache, quotes=False)
    if args.queries is not None:
        for query in queries:
            began = time.perf_counter()
            hits = library.search(query, args.limit, prefix_last=False)
            elapsed = (time.perf_counter() - began) * 1000
            rows = _hit_rows(library, hits)
            if args.json:
                _emit_json([{"query": query, "ms": round(elapsed, 3), "hits": rows}])
            else:
                best = f"{rows[0]['id']}  {_one_line(rows[0]['text'], 60)}" if rows else "no match"
                print(f"{elapsed:8.2f} ms  {len(rows):3d} hits  {query!r}: {best}")
        return 0
    rows = _hit_rows(library, library.search(queries[0], args.limit, prefix_last=False))
    if args.json:
        _emit_json(rows)
    elif not rows:
        print("no match")
    else:
        _table(
            ("SCORE", "ID", "OFFSETS", "PASSAGE"),
            [(f"{r['score']:.3f}", r["id"], f"{r['start']}-{r['end']}", r["text"]) for r in rows],
        )
    return 0


def command_quotes(args: argparse.Namespace) -> int:
    """``seedtui quotes``: every quotation with its speaker and cue."""
    from tui.core.quotes import speaker_matches

    library = _load(args.corpus, use_cache=not args.no_cache, index=False)
    if args.speakers:
        return _speakers(library, args.speaker, args.json)
    rows: list[dict[str, Any]] = []
    for number, article in enumerate(library.articles):
        for quote in library.quotes_of(number):
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
                }
            )
    if args.json:
        _emit_json(rows)
    elif not rows:
        print("no quotations")
    else:
        _table(
            ("ID", "SPEAKER", "CUE", "QUOTE"),
            [
                (r["id"], r["speaker_name"] or r["speaker"] or "?", r["cue"] or "-", r["text"])
                for r in rows
            ],
        )
    return 0


def _speakers(library: Library, typed: str | None, as_json: bool) -> int:
    """``seedtui quotes --speakers``: everyone quoted, most quoted first."""
    from tui.core.quotes import QuoteTable, filter_speakers, speaker_index

    table = library.quotes or QuoteTable.of(
        library.quotes_of(number) for number in range(len(library.articles))
    )
    speakers = filter_speakers(speaker_index(table), typed or "")
    if as_json:
        _emit_json(
            {"speaker": s.name, "quotes": s.quotes, "articles": s.articles} for s in speakers
        )
    elif not speakers:
        print("no speakers")
    else:
        _table(
            ("QUOTES", "ARTICLES", "SPEAKER"),
            [(str(s.quotes), str(s.articles), s.name) for s in speakers],
        )
    return 0


def run_tool(argv: Sequence[str]) -> int:
    """Run a subcommand; errors become one line on stderr."""
    from tui.core.corpus import CorpusError

    _browser, tools = build_parser()
    try:
        args = tools.parse_args(argv)
        handler = {"list": command_list, "search": command_search, "quotes": command_quotes}
        return handler[args.command](args)
    except (UsageError, CorpusError) as error:
        print(f"seedtui: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, UsageError) else EXIT_EMPTY


def run_browser(argv: Sequence[str]) -> int:
    """Open the browser on a folder (the default corpus when none is given)."""
    from tui.core.corpus import CorpusError, check_root

    browser, _tools = build_parser()
    try:
        args = browser.parse_args(argv)
        root = args.folder if args.folder is not None else default_corpus()
        check_root(root)
    except UsageError as error:
        print(f"seedtui: {error}", file=sys.stderr)
        return EXIT_USAGE
    except CorpusError as error:
        print(f"seedtui: {error}", file=sys.stderr)
        return EXIT_EMPTY
    from tui.ui.app import SeedApp

    app = SeedApp(root, contain_errors=True, use_cache=not args.no_cache)
    app.run()
    if app.fatal_message:
        print(app.fatal_message, file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``seedtui`` console command and ``python -m tui``."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in SUBCOMMANDS:
            return run_tool(arguments)
        return run_browser(arguments)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130

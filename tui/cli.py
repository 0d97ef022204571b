"""The ``seedtui`` command: the browser, and the ``list``, ``search`` and ``quotes`` subcommands.

The subcommands are built on the core alone (no UI import) and print JSON Lines
with ``--json``, a readable table otherwise. Their JSON is a contract other tools
depend on; see the README. Errors are one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from tui import __version__
from tui.core.safety import one_line, to_json
from tui.resources import default_corpus

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
    _corpus_argument(quotes)
    return browser, tools


def _load(folder: Path | None, with_index: bool = False, use_cache: bool = False) -> Any:
    """Load the corpus for a subcommand, warning on stderr about skipped files.

    With ``with_index`` the result is ``(corpus, index)``, through the cache when allowed.
    """
    from tui.core.corpus import load_corpus

    root = folder if folder is not None else default_corpus()
    index = None
    if with_index and use_cache:
        from tui.core.cache import load_cached

        cached = load_cached(root)
        corpus, index = cached.corpus, cached.index
        for problem in cached.warnings:
            _say(f"warning: cache: {problem}")
    else:
        corpus = load_corpus(root)
    for skipped in corpus.skipped:
        _say(f"warning: skipped {skipped.path}: {skipped.reason}")
    for warning in corpus.warnings:
        _say(f"warning: {warning.path}: {warning.message}")
    if not corpus.articles:
        raise UsageError(f"no articles (*.txt, *.md) in {root}")
    if with_index:
        from tui.core.search import SearchIndex

        return corpus, index if index is not None else SearchIndex.build(corpus.articles)
    return corpus


def _say(message: str) -> None:
    """One line on stderr, ``seedtui: `` first, names and messages made harmless."""
    print(one_line(f"seedtui: {message}"), file=sys.stderr)


def _emit_json(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(to_json(row) + "\n")


def _one_line(text: str, width: int) -> str:
    """``text`` on one line, made harmless, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(one_line(text).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print ``rows`` as aligned columns; the last column takes the rest of the width."""
    width = shutil.get_terminal_size((100, 24)).columns
    widths = [max([len(header[i])] + [len(row[i]) for row in rows]) for i in range(len(header))]
    fixed = sum(widths[:-1]) + 2 * (len(header) - 1)
    last = max(width - fixed, 20)
    for row in [list(header), *rows]:
        cells = [one_line(cell).ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        print("  ".join([*cells, _one_line(row[-1], last)]).rstrip())


def command_list(args: argparse.Namespace) -> int:
    """``seedtui list``: one row per article."""
    from tui.core.quotes import find_quotes

    corpus = _load(args.corpus)
    rows = [
        {
            "id": article.id,
            "path": article.path,
            "title": article.title,
            "date": article.date,
            "words": article.words,
            "quotes": len(find_quotes(article.text)),
        }
        for article in corpus.articles
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


def _hit_rows(corpus: Any, hits: Sequence[Any]) -> list[dict[str, Any]]:
    rows = []
    for hit in hits:
        article = corpus.articles[hit.article]
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
    corpus, index = _load(args.corpus, with_index=True, use_cache=not args.no_cache)
    if args.queries is not None:
        for query in queries:
            began = time.perf_counter()
            hits = index.search(query, args.limit, prefix_last=False)
            elapsed = (time.perf_counter() - began) * 1000
            rows = _hit_rows(corpus, hits)
            if args.json:
                _emit_json([{"query": query, "ms": round(elapsed, 3), "hits": rows}])
            else:
                best = f"{rows[0]['id']}  {_one_line(rows[0]['text'], 60)}" if rows else "no match"
                print(one_line(f"{elapsed:8.2f} ms  {len(rows):3d} hits  {query!r}: {best}"))
        return 0
    rows = _hit_rows(corpus, index.search(queries[0], args.limit, prefix_last=False))
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
    from tui.core.quotes import find_quotes, speaker_matches

    corpus = _load(args.corpus)
    rows = []
    for article in corpus.articles:
        for quote in find_quotes(article.text):
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


def run_tool(argv: Sequence[str]) -> int:
    """Run a subcommand; errors become one line on stderr."""
    from tui.core.corpus import CorpusError

    _browser, tools = build_parser()
    try:
        args = tools.parse_args(argv)
        handler = {"list": command_list, "search": command_search, "quotes": command_quotes}
        return handler[args.command](args)
    except (UsageError, CorpusError) as error:
        _say(str(error))
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
        _say(str(error))
        return EXIT_USAGE
    except CorpusError as error:
        _say(str(error))
        return EXIT_EMPTY
    from tui.ui.app import SeedApp

    app = SeedApp(root, contain_errors=True, use_cache=not args.no_cache)
    app.run()
    if app.fatal_message:
        print(one_line(app.fatal_message), file=sys.stderr)
        return 1
    code = app.return_code or 0
    return code if code >= 128 else 0  # 128 + the signal that stopped it


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

"""The one parser of ``seedtui``: subcommands ``open`` (implied), ``list``, ``search``, ``quotes``.

Global options (:data:`GLOBAL_OPTIONS`) are accepted before and after the
subcommand: ``seedtui --no-cache list`` and ``seedtui list --no-cache`` mean the
same. When the first word that is not an option is no subcommand, ``open`` is
implied, so ``seedtui a.txt notes/`` opens the browser on those paths (a folder
called ``list`` is opened as ``seedtui ./list``).
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from tui import __version__

SUBCOMMANDS = ("open", "list", "search", "quotes")
_SUB = "_sub_"
"""Prefix of a global option's destination when given after the subcommand."""

DESCRIPTION = (
    "Browse text documents (news articles): fuzzy passage search, quotations and their "
    "speakers. With no subcommand, open the browser on the PATHs."
)
INPUTS_HELP = (
    "PATH is a file or a folder (every *.txt and *.md below it), any number of them; "
    "'-' reads paths from standard input, one a line (NUL-separated with -0). "
    "With no PATH: the configured default corpus, else ./seeds, else the bundled seeds."
)
EXIT_HELP = (
    "exit status: 0 found something, 1 nothing matched (or no article could be read), "
    "2 usage error, 130 interrupted."
)


def _fill(text: str) -> str:
    return textwrap.fill(text, 78)


class UsageError(Exception):
    """A mistake in the command line or its inputs: reported on one line, exit status 2."""


SYNTAX = "\0search syntax\0"
"""Stands in an epilog for the search syntax, filled in when the help is printed: the
search code need not load for every command line (the browser starts faster)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (try '{self.prog} --help')")

    def format_help(self) -> str:
        if self.epilog and SYNTAX in self.epilog:
            from tui.core.search import SYNTAX_HELP

            self.epilog = self.epilog.replace(SYNTAX, SYNTAX_HELP)
        return super().format_help()


_GLOBALS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (
        ("--no-cache",),
        {
            "dest": "no_cache",
            "action": "store_true",
            "help": "neither read nor write the corpus cache",
        },
    ),
    (
        ("--glob",),
        {
            "dest": "glob",
            "metavar": "PATTERN",
            "action": "append",
            "help": "read only files matching PATTERN (a name like '*.md', or a path like "
            "'world/*'); repeatable",
        },
    ),
    (
        ("--exclude",),
        {
            "dest": "exclude",
            "metavar": "PATTERN",
            "action": "append",
            "help": "leave out files or folders matching PATTERN; repeatable",
        },
    ),
    (
        ("-0", "--null"),
        {
            "dest": "null",
            "action": "store_true",
            "help": "paths read from '-' are separated by NUL characters (find -print0)",
        },
    ),
    (
        ("--config",),
        {
            "dest": "config",
            "metavar": "FILE",
            "type": Path,
            "help": "the configuration file (default: $SEEDTUI_CONFIG, else config.toml in "
            "the user's config folder)",
        },
    ),
)
"""The options every subcommand accepts too, before or after it: flags, ``add_argument``'s."""
GLOBAL_OPTIONS = tuple(str(spec["dest"]) for _flags, spec in _GLOBALS)
"""The destinations of the options every subcommand accepts too."""


def _global_options(parser: argparse.ArgumentParser, after: bool) -> None:
    """The options of every subcommand; ``after`` for the copy inside a subcommand.

    The copy after a subcommand stores under :data:`_SUB` names and only what is given
    (no defaults), so that :func:`parse` can merge it with the copy before.
    """
    group = parser.add_argument_group("global options (before or after the subcommand)")
    for flags, spec in _GLOBALS:
        options = dict(spec)
        if after:
            options.update(dest=_SUB + spec["dest"], default=argparse.SUPPRESS)
        group.add_argument(*flags, **options)


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path, help="files and folders")


def _tool_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        default=None,
        help="a folder of articles (the same as giving it as a PATH)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON Lines")


def _subcommand(
    sub: argparse._SubParsersAction[Parser],
    name: str,
    summary: str,
    description: str,
    epilog: str | None = None,
    *,
    own: Callable[[Parser], None] = _paths,
    tool: bool = True,
    raw: bool = False,
) -> Parser:
    """The subcommand ``name``: its ``own`` arguments (the PATHs by default), then
    ``--corpus`` and ``--json`` (with ``tool``), then the global options again.
    ``raw`` keeps the description and epilog's line breaks."""
    formatter = argparse.RawDescriptionHelpFormatter if raw else argparse.HelpFormatter
    parser = sub.add_parser(
        name,
        prog=f"seedtui {name}",
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=formatter,
    )
    own(parser)
    if tool:
        _tool_options(parser)
    _global_options(parser, after=True)
    return parser


def _search_arguments(parser: Parser) -> None:
    parser.add_argument("query", nargs="?", metavar="QUERY", help="the query (syntax below)")
    _paths(parser)
    parser.add_argument(
        "--queries", metavar="FILE", type=Path, help="one query per line ('-' for stdin)"
    )
    parser.add_argument("--limit", type=int, default=10, help="hits per query (default 10)")


def _quotes_arguments(parser: Parser) -> None:
    _paths(parser)
    parser.add_argument("--speaker", metavar="NAME", help="only quotations of this speaker")
    parser.add_argument(
        "--speakers",
        action="store_true",
        help="list the speakers instead: quotations and articles of each (fuzzy with --speaker)",
    )


def build_parser() -> Parser:
    """The parser of the whole command line."""
    parser = Parser(
        prog="seedtui",
        usage="seedtui [options] [PATH ...]\n       seedtui {list,search,quotes} [options] ...",
        description=DESCRIPTION,
        epilog=f"{_fill(INPUTS_HELP)}\n\n{_fill(EXIT_HELP)}\n\nSee 'seedtui SUBCOMMAND --help'.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"seedtui {__version__}")
    parser.add_argument(
        "--print-config",
        action="store_true",
        help="print the effective configuration (TOML) and exit",
    )
    parser.add_argument(
        "--completion",
        metavar="SHELL",
        choices=("bash", "zsh", "fish"),
        help="print the completion script for SHELL (bash, zsh, fish) and exit",
    )
    _global_options(parser, after=False)
    sub = parser.add_subparsers(
        dest="command", title="subcommands", metavar="SUBCOMMAND", parser_class=Parser
    )
    _subcommand(
        sub,
        "open",
        "open the browser on the PATHs (the default when no subcommand is given)",
        "Open the browser. " + INPUTS_HELP,
        tool=False,
    )
    _subcommand(
        sub,
        "list",
        "list the articles",
        "One row per article: date, words, quotations, id, title. " + INPUTS_HELP,
        EXIT_HELP,
    )
    _subcommand(
        sub,
        "search",
        "fuzzy passage search",
        "Ranked passages for a QUERY, or for each line of --queries FILE.",
        f"{SYNTAX}\n\n{_fill(INPUTS_HELP)}\n\n{_fill(EXIT_HELP)}",
        own=_search_arguments,
        raw=True,
    )
    _subcommand(
        sub,
        "quotes",
        "list the quotations and their speakers",
        "Every quotation with its speaker and cue. " + INPUTS_HELP,
        EXIT_HELP,
        own=_quotes_arguments,
    )
    return parser


def _takes_value(parser: argparse.ArgumentParser) -> set[str]:
    """The option strings of ``parser`` that are followed by a value."""
    return {
        option
        for action in parser._actions  # argparse has no public list of its actions
        if action.nargs != 0 and action.option_strings
        for option in action.option_strings
    }


def with_subcommand(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """``argv`` with ``open`` put before the first path when no subcommand is named."""
    words = list(argv)
    valued = _takes_value(parser)
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return [*words[:index], "open", *words[index:]]
        if word in ("-h", "--help", "--version") and "open" not in words[:index]:
            return words
        if word.startswith("-") and word != "-":
            if word in valued and index + 1 >= len(words):
                return words  # the value is missing: argparse says so
            index += 2 if word in valued else 1
            continue
        if word in SUBCOMMANDS:
            return words
        return [*words[:index], "open", *words[index:]]
    return [*words, "open"]


def parse(argv: Sequence[str], parser: argparse.ArgumentParser | None = None) -> argparse.Namespace:
    """Parse the whole command line; the global options given after the subcommand merged."""
    parser = parser or build_parser()
    args, extra = parser.parse_known_args(with_subcommand(parser, argv))
    # argparse stops filling PATHs at the first option after them (``search q --limit 2 d``):
    # the words left over are PATHs too, anything else is an error.
    if getattr(args, "command", None) is None:
        parser.error("a subcommand or PATH is missing")
    unknown = [word for word in extra if word.startswith("-") and word != "-"]
    if unknown or (extra and not hasattr(args, "paths")):
        parser.error(f"unrecognized arguments: {' '.join(unknown or extra)}")
    if extra:
        args.paths.extend(Path(word) for word in extra)
    for name in GLOBAL_OPTIONS:
        later = getattr(args, _SUB + name, None)
        if later is None:
            continue
        delattr(args, _SUB + name)
        current = getattr(args, name)
        if isinstance(later, list):
            setattr(args, name, (current or []) + later)
        elif isinstance(later, bool):
            setattr(args, name, current or later)
        else:
            setattr(args, name, later)
    if getattr(args, "command", None) == "search" and args.queries is not None and args.query:
        args.paths.insert(0, Path(args.query))  # with --queries, every word is a path
        args.query = None
    return args

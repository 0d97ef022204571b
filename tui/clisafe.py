"""The command line's output and exit: never a traceback, whatever happens to stdout.

:func:`guarded` runs a subcommand so that a closed standard output (``>&-``), a
reader that went away (``| head -1``), a full disk (``> /dev/full``), an output
encoding that cannot hold the text (a non-UTF-8 locale) and ctrl+c each end with
one line on stderr, when there is a stderr, and an exit status of its own:

====  ===========================================================
0     done
1     the folder holds no article, or cannot be used
2     a mistake in the command line or its inputs
3     the output could not be written (closed, broken pipe, disk full, I/O error)
4     an unexpected error (the line says what)
130   interrupted (ctrl+c)
====  ===========================================================

:func:`read_queries` reads a ``--queries`` file with a size limit.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from tui.core.regular import limit_from_env, read_bounded
from tui.core.safety import one_line

EXIT_OUTPUT = 3
"""The output could not be written."""
EXIT_UNEXPECTED = 4
"""Anything else went wrong (a bug, or a file of seedtui's own it could not use)."""
EXIT_INTERRUPTED = 130
"""Stopped by ctrl+c (128 + SIGINT)."""

QUERIES_VARIABLE = "SEEDTUI_MAX_QUERIES_MB"
DEFAULT_QUERIES_MB = 16
"""A ``--queries`` file larger than this (MB) is refused, unless the variable says more."""

_ESCAPES = "seedtui-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """Characters the output encoding cannot hold, as JSON ``\\uXXXX`` escapes.

    Text from documents only ever appears inside JSON strings, so the JSON
    stays valid and means the same; a table shows the escapes literally.
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


codecs.register_error(_ESCAPES, _json_escape)


def say(message: str) -> None:
    """One line on stderr, ``seedtui: `` first, made harmless; nothing when stderr is gone."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(one_line(f"seedtui: {message}") + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit cannot fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass


def _prepare() -> bool:
    """Make the standard streams safe to use; False when stdout is closed."""
    if sys.stderr is None:
        # print(file=None) would write warnings to stdout, into the JSON
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        return False
    stdout: TextIO = sys.stdout
    encoding = (getattr(stdout, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(stdout, "reconfigure"):
        stdout.reconfigure(errors=_ESCAPES)
    return True


def _why(error: OSError) -> str:
    if isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE:
        return "broken pipe"
    return error.strerror or str(error)


def guarded(body: Callable[[], int]) -> int:
    """Run ``body`` (a subcommand) and return its exit status; see the module notes."""
    if not _prepare():
        say("standard output is closed; nothing written")
        return EXIT_OUTPUT
    try:
        status = body()
        sys.stdout.flush()
    except KeyboardInterrupt:
        _silence_stdout()
        say("interrupted")
        return EXIT_INTERRUPTED
    except OSError as error:
        if error.filename is not None:  # a file of the command's own, not the output
            say(f"{error.strerror or error}: {error.filename!r}")
            return EXIT_UNEXPECTED
        _silence_stdout()
        say(f"cannot write the output: {_why(error)}")
        return EXIT_OUTPUT
    except Exception as error:  # a bug: one line, not a traceback
        say(f"unexpected error: {type(error).__name__}: {error}"[:300])
        return EXIT_UNEXPECTED
    return status


def queries_limit() -> int:
    """The largest ``--queries`` file read, in bytes (``$SEEDTUI_MAX_QUERIES_MB``)."""
    return limit_from_env(QUERIES_VARIABLE, DEFAULT_QUERIES_MB)


def read_queries(path: Path) -> list[str]:
    """The non-blank lines of a ``--queries`` file (a pipe works too); ``OSError`` when not.

    Refuses folders, devices and files over :func:`queries_limit` (``TooLarge``)
    without reading them; bytes that are not UTF-8 become U+FFFD.
    """
    data = read_bounded(path, queries_limit(), pipes=True)
    lines = data.decode("utf-8", errors="replace").splitlines()
    return [line for line in lines if line.strip()]

"""Printing for the subcommands: JSON Lines and tables that never fail on an encoding.

JSON goes through :func:`tui.core.safety.to_json` (controls, DEL, C1 and bidi
characters escaped); where standard output cannot carry a character, the stream's
error handler (:mod:`tui.clisafe`) writes it as a ``\\u`` escape, so the JSON stays
the same. Tables replace what the output encoding cannot show. On a terminal a table
fits its width; into a pipe or a file nothing is cut. Text cells pass through
:func:`tui.core.safety.one_line`.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from tui.core.safety import one_line as harmless
from tui.core.safety import to_json


def prepare(stream: TextIO | None = None) -> None:
    """Make ``stream`` (standard output) replace the characters its encoding lacks."""
    stream = stream or sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass


def emit_json(rows: Iterable[dict[str, Any]], stream: TextIO | None = None) -> None:
    """One JSON object a line (:func:`tui.core.safety.to_json`)."""
    stream = stream or sys.stdout
    for row in rows:
        stream.write(to_json(row) + "\n")


def terminal_width(stream: TextIO | None = None) -> int | None:
    """The columns of the terminal ``stream`` writes to; ``None`` when it is no terminal."""
    stream = stream or sys.stdout
    try:
        if not stream.isatty():
            return None
    except (ValueError, OSError):
        return None
    return shutil.get_terminal_size((100, 24)).columns


def one_line(text: str, width: int | None = None) -> str:
    """``text`` on one line, made harmless, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(harmless(text).split())
    if width is None or len(flat) <= width:
        return flat
    return flat[: max(width - 1, 0)] + "…"


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    caps: Sequence[int | None] = (),
    width: int | None = -1,
    stream: TextIO | None = None,
) -> None:
    """Print ``rows`` as aligned columns, the last taking the rest of the line.

    On a terminal (``width`` -1 asks :func:`terminal_width`) column ``i`` is at most
    ``caps[i]`` wide and the last column is cut to fit (at least 20 characters);
    with ``width`` ``None`` (not a terminal) no cell is cut.
    """
    stream = stream or sys.stdout
    if width == -1:
        width = terminal_width(stream)
    count = len(header)
    cells = [[one_line(cell) for cell in row] for row in [list(header), *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(count - 1)]
    if width is not None:
        for i, cap in enumerate(caps[: count - 1]):
            if cap is not None:
                widths[i] = min(widths[i], max(cap, len(header[i])))
    last = None if width is None else max(width - sum(widths) - 2 * (count - 1), 20)
    for row in cells:
        parts = [one_line(cell, widths[i]).ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        stream.write("  ".join([*parts, one_line(row[-1], last)]).rstrip() + "\n")
